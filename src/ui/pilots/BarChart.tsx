import type { RGBA } from '../../map/colors';
import { css } from '../../map/colors';

export interface Bar {
  key: string;
  label: string;
  value: number;
  /** Part of `value` drawn darker (e.g. started of active); optional. */
  part?: number;
  color: RGBA;
}

/** A horizontal bar chart in plain HTML/CSS: one row per bar, width ∝ value, the count written out. */
export function BarChart({ bars, testId }: { bars: Bar[]; testId: string }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  return (
    <ul className="pl-bars" data-testid={testId}>
      {bars.map((b) => (
        <li key={b.key} data-key={b.key}>
          <span className="pl-bar-label" title={b.label}>
            {b.label}
          </span>
          <span className="pl-bar-track" aria-hidden>
            <span className="pl-bar" style={{ width: `${(b.value / max) * 100}%`, background: css(b.color) }} />
            {b.part !== undefined && <span className="pl-bar part" style={{ width: `${(b.part / max) * 100}%` }} />}
          </span>
          <span className="pl-bar-value" data-testid={`${testId}-${b.key}`}>
            {b.value}
            {b.part !== undefined ? ` · ${b.part}` : ''}
          </span>
        </li>
      ))}
    </ul>
  );
}

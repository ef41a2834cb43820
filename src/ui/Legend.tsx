import { useTranslation } from 'react-i18next';
import { useApp } from '../state/appStore';
import { useShownScenarioRun } from '../state/blueprintStore';
import { CHART_COLORS, css } from '../map/colors';
import { SHAPES } from '../map/symbols';
import { useHexResolution } from '../map/hexLevels';
import { BlueprintLegend } from './blueprint/BlueprintLegend';
import { WalkLegend } from './network/WalkLegend';
import { PlanLegend } from './pilots/PlanLegend';
import { useLang } from '../i18n/lang';
import { legendBlocks, type LegendInput, type LegendSwatch } from './legendBlocks';

/** A colour square, a marker shape or a line sample. */
function Swatch({ color, shape, line }: LegendSwatch) {
  if (line) {
    return (
      <svg width={22} height={12} aria-hidden>
        <line
          x1={1}
          x2={21}
          y1={6}
          y2={6}
          stroke={css(color)}
          strokeWidth={line === 'thick' ? 3 : 1.6}
          strokeDasharray={line === 'dashed' ? '4 3' : undefined}
        />
      </svg>
    );
  }
  return (
    <svg width={16} height={16} viewBox="0 0 24 24" aria-hidden>
      {shape ? (
        <path d={SHAPES[shape]} fill={css(color)} stroke={CHART_COLORS.halo} strokeWidth={1.5} />
      ) : (
        <rect x={2} y={2} width={20} height={20} fill={css(color)} stroke={CHART_COLORS.swatchEdge} />
      )}
    </svg>
  );
}

export type LegendViewProps = LegendInput;

/** The legend of every visible layer, from the engine's numbers (the same classes the map uses). */
export function LegendView(props: LegendViewProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const { data, publicView } = props;
  const blocks = legendBlocks(props, t, lang);
  return (
    <div className="legend" data-testid="legend">
      <div className="legend-title">{t('legend.title')}</div>
      {blocks.map((b) => (
        <div key={b.id} className="legend-block" data-legend={b.id}>
          <div className="legend-block-title">{b.title}</div>
          <ul>
            {b.rows.map((r) => (
              <li key={r.key}>
                <Swatch {...r.swatch} />
                <span>{r.label}</span>
              </li>
            ))}
          </ul>
        </div>
      ))}
      <PlanLegend publicView={publicView} />
      <WalkLegend data={data} />
      {!publicView && <BlueprintLegend />}
    </div>
  );
}

/** The legend bound to the app state. */
export function Legend() {
  const data = useApp((s) => s.data);
  const layers = useApp((s) => s.layers);
  const measure = useApp((s) => s.measure);
  const service = useApp((s) => s.service);
  const selection = useApp((s) => s.selection);
  const view = useApp((s) => s.view);
  const hexResolution = useHexResolution((s) => s.resolution);
  const communities = useShownScenarioRun()?.communities; // the map colours the scenario's
  if (!data) return null;
  return (
    <LegendView
      data={data}
      layers={layers}
      measure={measure}
      service={service}
      selection={selection}
      publicView={view === 'public'}
      hexResolution={hexResolution}
      communities={communities}
    />
  );
}

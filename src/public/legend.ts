import { COLOURS, COVERAGE_STEPS, DEMAND_STEPS } from './colours';
import { el } from './dom';
import { metresText, svcName, type PanelContext } from './panel';
import { fill } from './strings';

function swatch(style: string): HTMLElement {
  return el('span', { class: 'swatch', style, 'aria-hidden': 'true' });
}

/** The legend of what the map shows now (points, rings, coverage or demand). */
export function legend(c: PanelContext, ringsM: number[]): HTMLElement {
  const m = c.meta.walk.minutes;
  const rows: HTMLElement[] = [
    el('li', {}, swatch(`background:${COLOURS.open};border-radius:50%;border:2px solid #fff`), c.t.legendOpen),
    el('li', {}, swatch(`background:#fff;border-radius:50%;border:3px solid ${COLOURS.planned}`), c.t.legendPlanned),
    el('li', {}, swatch(`background:${COLOURS.point};border-radius:50%;border:2px solid #fff`), c.t.legendPoint),
    el(
      'li',
      {},
      el('span', { class: 'swatch-group', 'aria-hidden': 'true' }, ...COLOURS.rings.map((col) => swatch(`background:${col};height:4px;margin-top:9px`))),
      `${fill(c.t.legendRings, { a: m[0], b: m[1], c: m[2] })} (${ringsM.map((r) => metresText(r, c.lang)).join(' / ')} m)`,
    ),
  ];
  const scale = (steps: [number, string][], label: (v: number, next?: number) => string) =>
    el('ul', { class: 'scale' }, ...steps.map(([v, col], i) => el('li', {}, swatch(`background:${col}`), label(v, steps[i + 1]?.[0]))));
  const ramp =
    c.service === 'all'
      ? [el('h4', {}, c.t.legendDemand), scale(DEMAND_STEPS, (v, next) => (next === undefined ? `≥ ${v.toLocaleString()} /km²` : `${v.toLocaleString()}–${next.toLocaleString()} /km²`))]
      : [el('h4', {}, fill(c.t.legendCoverage, { service: svcName(c.service, c.lang) })), scale(COVERAGE_STEPS, (v, next) => (next === undefined ? `${v}–100%` : `${v}–${next}%`))];
  return el('section', { class: 'card legend' }, el('h3', {}, c.t.legend), el('ul', { class: 'legend-rows' }, ...rows), ...ramp);
}

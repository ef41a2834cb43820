import { BUILDINGS_MIN_ZOOM } from '../state/zoomState';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useApp } from '../state/appStore';
import { SERVICES, type ServiceCode } from '../engine/index';
import { CANDIDATE_SOURCES } from '../engine/index';
import type { LayerKey, Measure, Selection } from '../state/viewState';
import type { MapData } from '../worker/protocol';
import { CHART_COLORS, COVERED, LEGEND_COLORS, PURPLE5, SERVICE_COLORS, SOURCE_COLORS, UNCOVERED, css, type RGBA } from '../map/colors';
import { colorCommunities, type LegendClass } from '../map/communityMeasure';
import { h3Breaks } from '../map/classification';
import { SHAPES, type ShapeName } from '../map/symbols';
import { BlueprintLegend } from './blueprint/BlueprintLegend';
import { WalkLegend } from './network/WalkLegend';
import { PlanLegend } from './pilots/PlanLegend';
import { fmtNum, serviceName } from './format';
import { useLang } from '../i18n/lang';

/** A colour square, a marker shape or a line sample. */
function Swatch({ color, shape, line }: { color: RGBA; shape?: ShapeName; line?: 'solid' | 'dashed' | 'thick' }) {
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

interface Row {
  key: string;
  swatch: { color: RGBA; shape?: ShapeName; line?: 'solid' | 'dashed' | 'thick' };
  label: string;
}

function rangeLabel(c: LegendClass, t: TFunction, lang: string): string {
  if (c.key) return t(c.key, c.params);
  const [a, b] = c.range!;
  const f = (v: number) => (c.unit === 'pct' ? `${fmtNum(v * 100, lang)}%` : c.unit === 'score' ? fmtNum(v, lang, 1) : fmtNum(v, lang));
  const unit = c.unit === 'm2' ? ' m²' : c.unit === 'per100' ? ` ${t('unit.per100')}` : c.unit === 'hh' ? ` ${t('legend.households')}` : '';
  if (b === undefined) return `≥ ${f(a)}${unit}`;
  if (a === 0 && c.unit !== 'score' && c.unit !== 'pct') return `< ${f(b)}${unit}`;
  return `${f(a)} – ${f(b)}${unit}`;
}

export interface LegendViewProps {
  data: MapData;
  layers: Record<LayerKey, boolean>;
  measure: Measure;
  service: ServiceCode;
  selection: Selection | null;
  publicView: boolean;
}

/** The legend of every visible layer, from the engine's numbers (the same classes the map uses). */
export function LegendView({ data, layers, measure, service, selection, publicView }: LegendViewProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const blocks: { id: string; title: string; rows: Row[] }[] = [];
  if (layers.communities) {
    const c = colorCommunities(data.analysis.communities, measure, service, data.analysis.policy.areaPer100Households);
    const title = measure === 'coverage' ? `${t('measure.coverage')} · ${serviceName(service, lang)}` : t(`measure.${measure}`);
    blocks.push({ id: 'communities', title, rows: c.legend.map((k, i) => ({ key: String(i), swatch: { color: k.color }, label: rangeLabel(k, t, lang) })) });
  }
  if (layers.outlines) {
    blocks.push({
      id: 'outlines',
      title: t('layer.outlines'),
      rows: [
        { key: 's', swatch: { color: LEGEND_COLORS.streetLine, line: 'dashed' }, label: t('legend.streetLine') },
        { key: 'd', swatch: { color: LEGEND_COLORS.districtLine, line: 'thick' }, label: t('legend.districtLine') },
      ],
    });
  }
  // The walking network, rivers and walksheds: WalkLegend (src/ui/network/WalkLegend.tsx).
  if (layers.h3) {
    const breaks = h3Breaks(data, service);
    const edges = [0, ...breaks, undefined];
    blocks.push({
      id: 'h3',
      title: `${t('layer.h3')} · ${serviceName(service, lang)}`,
      rows: PURPLE5.map((c, k) => ({
        key: String(k),
        swatch: { color: c },
        label: rangeLabel({ color: c, range: [k === 0 ? 1 : edges[k]!, edges[k + 1]], unit: 'hh' }, t, lang).replace('< ', '1 – '),
      })),
    });
  }
  if (layers.buildings) {
    blocks.push({
      id: 'buildings',
      title: `${t('layer.buildings')} · ${serviceName(service, lang)}`,
      rows: [
        { key: 'c', swatch: { color: COVERED, shape: 'circle' }, label: t('legend.covered') },
        { key: 'u', swatch: { color: UNCOVERED, shape: 'circle' }, label: t('legend.uncovered') },
        { key: 'n', swatch: { color: LEGEND_COLORS.sample, shape: 'circle' }, label: t('legend.householdsSize') },
        { key: 'z', swatch: { color: LEGEND_COLORS.none }, label: t('legend.buildingsFromZoom', { z: BUILDINGS_MIN_ZOOM }) },
      ],
    });
  }
  if (layers.facilities) {
    blocks.push({
      id: 'facilities',
      title: t('layer.facilities'),
      rows: [
        ...SERVICES.map((s) => ({ key: s, swatch: { color: SERVICE_COLORS[s] }, label: serviceName(s, lang) + (s === service ? ' ◀' : '') })),
        { key: 'dim', swatch: { color: LEGEND_COLORS.dim }, label: t('legend.offersOther') },
        { key: 'ls', swatch: { color: LEGEND_COLORS.level, shape: 'square' as const }, label: t('legend.levelStreet') },
        { key: 'lc', swatch: { color: LEGEND_COLORS.level, shape: 'circle' as const }, label: t('legend.levelCommunity') },
        { key: 'lp', swatch: { color: LEGEND_COLORS.level, shape: 'triangle' as const }, label: t('legend.levelCompound') },
        { key: 'lu', swatch: { color: LEGEND_COLORS.level, shape: 'hexagon' as const }, label: t('legend.levelUnknown') },
      ],
    });
  }
  if (layers.candidates && !publicView && data.candidates.length) {
    const present = new Set(data.candidates.map((c) => c.source));
    blocks.push({
      id: 'candidates',
      title: t('layer.candidates'),
      rows: CANDIDATE_SOURCES.filter((s) => present.has(s)).map((s) => ({
        key: s,
        swatch: { color: SOURCE_COLORS[s], shape: 'diamond' },
        label: t(`source.${s}`),
      })),
    });
  }
  if (selection?.kind === 'facility' && data.analysis.mode !== 'network') {
    const f = data.facilities.find((x) => x.id === selection.id);
    if (f) {
      const s = f.services.includes(service) ? service : f.services[0];
      blocks.push({
        id: 'walk-circle',
        title: t('layer.walkCircle'),
        rows: [
          {
            key: 'c',
            swatch: { color: SERVICE_COLORS[s], line: 'solid' },
            label: t('legend.circle', { service: serviceName(s, lang), m: data.analysis.policy.thresholdsM[s] }),
          },
        ],
      });
    }
  }
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
  if (!data) return null;
  return <LegendView data={data} layers={layers} measure={measure} service={service} selection={selection} publicView={view === 'public'} />;
}

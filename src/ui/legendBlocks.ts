import type { TFunction } from 'i18next';
import { BUILDINGS_MIN_ZOOM } from '../state/zoomState';
import { CANDIDATE_SOURCES, SERVICES, type CommunityResult, type ServiceCode } from '../engine/index';
import type { LayerKey, Measure, Selection } from '../state/viewState';
import type { MapData } from '../worker/protocol';
import { COVERED, LEGEND_COLORS, PURPLE5, SERVICE_COLORS, SOURCE_COLORS, UNCOVERED, type RGBA } from '../map/colors';
import { colorCommunities, type LegendClass } from '../map/communityMeasure';
import { h3Breaks } from '../map/classification';
import { hexAreaKm2, hexLevelFor } from '../map/hexLevels';
import { DETAIL_MIN_ZOOM, type ShapeName } from '../map/symbols';
import { fmtNum, serviceName } from './format';
import type { Lang } from '../i18n/lang';

/** A legend swatch: a colour square, a marker shape or a line sample. */
export interface LegendSwatch {
  color: RGBA;
  shape?: ShapeName;
  line?: 'solid' | 'dashed' | 'thick';
  /** Another SVG path in a 24 × 24 box (even-odd fill), e.g. the blueprint symbols. */
  path?: string;
}

/** A block of the legend: a title and its rows. */
export interface LegendBlock {
  id: string;
  title: string;
  rows: { key: string; swatch: LegendSwatch; label: string }[];
}

/** What the legend describes: the shown layers, measure, service and selection. */
export interface LegendInput {
  data: MapData;
  layers: Record<LayerKey, boolean>;
  measure: Measure;
  service: ServiceCode;
  selection: Selection | null;
  publicView: boolean;
  /** The finest hexagon resolution the map draws at its zoom (map/hexLevels.ts; default 15: the analysed cells). */
  hexResolution?: number;
  /**
   * The community results the map colours: a what-if scenario's when one is evaluated (MapView
   * colours its communities), whose shortfall classes follow its own largest value; default the
   * analysis's.
   */
  communities?: CommunityResult[];
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

/**
 * The legend blocks of the visible layers (communities by measure, boundaries, household
 * hexagons, buildings, facilities, candidates, the selected facility's walking circle), from the
 * engine's numbers: the same classes the map uses. The on-screen legend (Legend.tsx) and the
 * exported map picture (export/mapImage.ts) both draw these.
 */
export function legendBlocks(
  { data, layers, measure, service, selection, publicView, hexResolution = 15, communities }: LegendInput,
  t: TFunction,
  lang: Lang,
): LegendBlock[] {
  const blocks: LegendBlock[] = [];
  if (layers.communities) {
    const c = colorCommunities(communities ?? data.analysis.communities, measure, service, data.analysis.policy.areaPer100Households);
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
    // The classes of the level drawn at this zoom (a coarser hexagon sums its children: its own classes).
    const level = hexLevelFor(data.h3, hexResolution);
    const breaks = h3Breaks(data, service, level.resolution);
    const edges = [0, ...breaks, undefined];
    const km2 = hexAreaKm2(level.resolution);
    blocks.push({
      id: 'h3',
      title: `${t('layer.h3')} · ${serviceName(service, lang)}`,
      rows: [
        ...PURPLE5.map((c, k) => ({
          key: String(k),
          swatch: { color: c },
          label: rangeLabel({ color: c, range: [k === 0 ? 1 : edges[k]!, edges[k + 1]], unit: 'hh' }, t, lang).replace('< ', '1 – '),
        })),
        { key: 'z', swatch: { color: LEGEND_COLORS.none }, label: t('legend.hexSize', { km2: fmtNum(km2, lang, km2 < 1 ? 2 : km2 < 10 ? 1 : 0) }) },
      ],
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
        { key: 'z', swatch: { color: LEGEND_COLORS.none }, label: t('legend.facilityShapesFromZoom', { z: DETAIL_MIN_ZOOM }) },
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
  return blocks;
}

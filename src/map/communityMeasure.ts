import type { ParseKeys } from 'i18next';
import type { CommunityResult } from '../engine/index';
import { serviceIndex, type ServiceCode } from '../engine/index';
import type { Measure } from '../state/viewState';
import { classOf, niceBreaks } from './classification';
import { NO_DATA, ORANGE5, RYG5, type RGBA } from './colors';

/** One legend row: a colour and either an i18n key (with params) or a literal range. */
export interface LegendClass {
  color: RGBA;
  key?: ParseKeys;
  params?: Record<string, string | number>;
  /** A numeric range [from, to) for the label; `to` undefined = "and above". */
  range?: [number, number | undefined];
  unit?: 'pct' | 'm2' | 'per100' | 'hh' | 'score';
}

export interface MeasureColoring {
  /** Colour per community index. */
  colors: RGBA[];
  legend: LegendClass[];
}

/**
 * Colour every community by a measure the engine computed. No analysis here: only the
 * classification of engine numbers into legend classes.
 */
export function colorCommunities(
  results: CommunityResult[],
  measure: Measure,
  service: ServiceCode,
  area: { base: number; enhanced: number },
): MeasureColoring {
  const si = serviceIndex(service);
  const colors: RGBA[] = [];
  const legend: LegendClass[] = [];
  if (measure === 'coverage') {
    const breaks = [0.2, 0.4, 0.6, 0.8];
    for (const r of results) {
      const v = r.coverage[si];
      colors[r.index] = v === null || v === undefined ? NO_DATA : RYG5[classOf(v, breaks)];
    }
    const edges = [0, ...breaks, undefined];
    for (let k = 0; k < 5; k++) legend.push({ color: RYG5[k], range: [edges[k]!, edges[k + 1]], unit: 'pct' });
  } else if (measure === 'areaPer100') {
    const palette = [RYG5[0], RYG5[2], RYG5[4]];
    for (const r of results) {
      const v = r.areaPer100hh;
      colors[r.index] = v === null ? NO_DATA : palette[classOf(v, [area.base, area.enhanced])];
    }
    legend.push({ color: palette[0], range: [0, area.base], unit: 'per100' });
    legend.push({ color: palette[1], range: [area.base, area.enhanced], unit: 'per100' });
    legend.push({ color: palette[2], range: [area.enhanced, undefined], unit: 'per100' });
  } else if (measure === 'shortfall' || measure === 'shortfallEnhanced') {
    const get = (r: CommunityResult) => (measure === 'shortfall' ? r.shortfallBaseM2 : r.shortfallEnhancedM2);
    const max = results.reduce((m, r) => Math.max(m, get(r)), 0);
    const breaks = niceBreaks(max);
    for (const r of results) {
      const v = get(r);
      colors[r.index] = v <= 0 ? RYG5[4] : ORANGE5[Math.min(4, classOf(v, breaks))];
    }
    legend.push({ color: RYG5[4], key: 'legend.noShortfall' });
    const edges = [0, ...breaks, undefined];
    for (let k = 0; k < 5; k++) legend.push({ color: ORANGE5[k], range: [edges[k]!, edges[k + 1]], unit: 'm2' });
  } else if (measure === 'rule') {
    for (const r of results) colors[r.index] = r.meetsComplexRule ? RYG5[4] : r.meetsBasicRule ? RYG5[2] : RYG5[0];
    legend.push({ color: RYG5[4], key: 'legend.complex' });
    legend.push({ color: RYG5[2], key: 'legend.basicOnly' });
    legend.push({ color: RYG5[0], key: 'legend.none' });
  } else {
    const breaks = [0.2, 0.4, 0.6, 0.8];
    for (const r of results) colors[r.index] = ORANGE5[classOf(r.needScore, breaks)];
    const edges = [0, ...breaks, 1];
    for (let k = 0; k < 5; k++) legend.push({ color: ORANGE5[k], range: [edges[k]!, edges[k + 1]], unit: 'score' });
  }
  if (measure === 'coverage' || measure === 'areaPer100') {
    if (results.some((r) => colors[r.index] === NO_DATA)) legend.push({ color: NO_DATA, key: 'legend.noData' });
  }
  return { colors, legend };
}

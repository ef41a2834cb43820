import { serviceIndex, type ServiceCode } from '../engine/index';
import type { MapData } from '../worker/protocol';
import { hexLevelFor } from './hexLevels';

/** Class breaks of the map: one module for every classed colour (communities, hexagons, legend). */

/** A "nice" number near x (1, 2, 2.5, 5 × 10^k) for class breaks. */
export function niceStep(x: number): number {
  if (!(x > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(x));
  const f = x / p;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * p;
}

/** Four upper breaks splitting 0…max into five nice classes. */
export function niceBreaks(max: number): number[] {
  const step = niceStep(max / 5);
  return [1, 2, 3, 4].map((k) => k * step);
}

/** Index of the class of v among breaks (v < breaks[0] → 0, …, ≥ last → breaks.length). */
export function classOf(v: number, breaks: number[]): number {
  let k = 0;
  while (k < breaks.length && v >= breaks[k]) k++;
  return k;
}

/**
 * Break points for hexagons of uncovered households for one service, of the hexagon level drawn
 * at most at `resolution` (hexLevels.ts hexLevelAt; default the finest): a coarser hexagon sums
 * its children, so each level has its own classes.
 */
export function h3Breaks(data: MapData, service: ServiceCode, resolution = 15): number[] {
  const si = serviceIndex(service);
  const h3 = hexLevelFor(data.h3, resolution);
  const m = h3.cells.length;
  let max = 0;
  for (let c = 0; c < m; c++) max = Math.max(max, h3.uncovered[si * m + c]);
  return niceBreaks(max);
}

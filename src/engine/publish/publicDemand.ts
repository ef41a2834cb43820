import { cellArea, cellToBoundary, cellToParent, latLngToCell } from 'h3-js';
import type { Buildings } from '../types';
import type { PublicDemandCell } from './publicTypes';

/** Options of {@link publicDemand}. */
export interface PublicDemandOptions {
  /** H3 resolution of the published cells (default 9, cells of ≈ 0.1 km²). */
  resolution?: number;
  /** Households are rounded to a multiple of this (default 10). */
  roundTo?: number;
  /** A cell holding fewer households than this (before rounding) is not shown alone (default 20). */
  minHouseholds?: number;
}

const r5 = (x: number) => Math.round(x * 1e5) / 1e5;

function cellOut(h3: string, res: number, households: number, roundTo: number): PublicDemandCell {
  const ring = cellToBoundary(h3, true).map(([lon, lat]) => [r5(lon), r5(lat)] as [number, number]);
  return { h3, res, households: Math.round(households / roundTo) * roundTo, km2: Math.round(cellArea(h3, 'km2') * 1000) / 1000, ring };
}

/**
 * Demand as public H3 cells, never as buildings. The rule (docs/PUBLISHING.md):
 * 1. sum the households of every accepted building (in a community or not) per H3 cell at
 *    `resolution`;
 * 2. a cell with ≥ `minHouseholds` is published alone;
 * 3. the cells below that are summed per parent cell (one resolution coarser); a parent whose
 *    sum is ≥ `minHouseholds` is published as one coarser cell holding only those small
 *    cells' households (its large children are published on their own); a smaller sum is
 *    left out;
 * 4. every published figure is rounded to the nearest `roundTo` households.
 * Cells are sorted by resolution, then H3 index. Also returns the households left out.
 */
export function publicDemand(b: Buildings, options: PublicDemandOptions = {}): { cells: PublicDemandCell[]; leftOutHouseholds: number } {
  const resolution = options.resolution ?? 9; // H3 resolution
  const roundTo = options.roundTo ?? 10; // households
  const min = options.minHouseholds ?? 20; // households
  const sums = new Map<string, number>();
  for (let i = 0; i < b.count; i++) {
    const hh = b.households[i];
    if (!(hh > 0)) continue;
    const h = latLngToCell(b.lat[i], b.lon[i], resolution);
    sums.set(h, (sums.get(h) ?? 0) + hh);
  }
  const big: PublicDemandCell[] = [];
  const parents = new Map<string, number>();
  for (const [h, hh] of sums) {
    if (hh >= min) big.push(cellOut(h, resolution, hh, roundTo));
    else if (resolution > 0) {
      const p = cellToParent(h, resolution - 1);
      parents.set(p, (parents.get(p) ?? 0) + hh);
    }
  }
  const merged: PublicDemandCell[] = [];
  let leftOut = 0;
  for (const [p, hh] of parents) {
    if (hh >= min) merged.push(cellOut(p, resolution - 1, hh, roundTo));
    else leftOut += hh;
  }
  const byId = (x: PublicDemandCell, y: PublicDemandCell) => (x.h3 < y.h3 ? -1 : x.h3 > y.h3 ? 1 : 0);
  merged.sort(byId);
  big.sort(byId);
  return { cells: [...merged, ...big], leftOutHouseholds: leftOut };
}

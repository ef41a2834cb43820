import { latLngToCell } from 'h3-js';
import type { Analysis, H3Cell } from '../analysisTypes';
import type { Buildings, DataPackage } from '../types';

/** Default H3 resolution: 9 (cells of about 0.1 km², edge ≈ 200 m). */
export const DEFAULT_H3_RESOLUTION = 9;

/** Cells of a set of points at one resolution: sorted cell ids and each point's cell index. */
export interface CellIndex {
  cells: string[];
  cellOf: Int32Array;
}

const cache = new WeakMap<Buildings, Map<number, CellIndex>>();

/**
 * The H3 cells of points at one resolution: each point's cell string is made and looked up in a
 * map of the distinct cells at once (no string per point is kept: 1M buildings make ~1M cell
 * strings, ~50 MB held at once before), then the distinct cells are sorted and the points'
 * provisional numbers renumbered in place. The same cells and indices as building the strings
 * of every point first.
 */
export function cellIndex(lon: Float64Array, lat: Float64Array, count: number, resolution: number): CellIndex {
  const cellOf = new Int32Array(count);
  const first = new Map<string, number>();
  const distinct: string[] = [];
  for (let i = 0; i < count; i++) {
    const h = latLngToCell(lat[i], lon[i], resolution);
    let k = first.get(h);
    if (k === undefined) {
      k = distinct.length;
      first.set(h, k);
      distinct.push(h);
    }
    cellOf[i] = k;
  }
  const cells = distinct.slice().sort();
  const rank = new Int32Array(distinct.length);
  for (let r = 0; r < cells.length; r++) rank[first.get(cells[r])!] = r;
  for (let i = 0; i < count; i++) cellOf[i] = rank[cellOf[i]];
  return { cells, cellOf };
}

/** The H3 cell of every building, computed once per package and resolution (h3 is the costly part). */
function buildingCells(b: Buildings, resolution: number): CellIndex {
  let byRes = cache.get(b);
  if (!byRes) cache.set(b, (byRes = new Map()));
  let idx = byRes.get(resolution);
  if (idx) return idx;
  idx = cellIndex(b.lon, b.lat, b.count, resolution);
  byRes.set(resolution, idx);
  return idx;
}

/**
 * Aggregate buildings and open facilities into H3 cells: buildings, households, households
 * not covered per service, facility area (m²). Cells come sorted by H3 index. The cell of
 * each building is cached per package and resolution, so a re-run (another mode, a what-if)
 * costs one pass over the buildings.
 */
export function aggregateH3(pkg: DataPackage, analysis: Analysis, resolution = DEFAULT_H3_RESOLUTION): H3Cell[] {
  const b = pkg.buildings;
  const services = analysis.coverage.length;
  const { cells: ids, cellOf } = buildingCells(b, resolution);
  const out: H3Cell[] = ids.map((h3) => ({ h3, buildings: 0, households: 0, uncoveredHouseholds: new Array<number>(services).fill(0), facilityAreaM2: 0 }));
  for (let i = 0; i < b.count; i++) {
    const c = out[cellOf[i]];
    c.buildings++;
    c.households += b.households[i];
  }
  for (let s = 0; s < services; s++) {
    const covered = analysis.coverage[s].covered;
    for (let i = 0; i < b.count; i++) if (!covered[i]) out[cellOf[i]].uncoveredHouseholds[s] += b.households[i];
  }
  const extra = new Map<string, H3Cell>();
  const pos = new Map(ids.map((h, k) => [h, k]));
  for (const f of pkg.facilities) {
    if (f.status !== 'open') continue;
    const h3 = latLngToCell(f.lat, f.lon, resolution);
    const k = pos.get(h3);
    if (k !== undefined) out[k].facilityAreaM2 += f.areaM2;
    else {
      let c = extra.get(h3);
      if (!c) extra.set(h3, (c = { h3, buildings: 0, households: 0, uncoveredHouseholds: new Array<number>(services).fill(0), facilityAreaM2: 0 }));
      c.facilityAreaM2 += f.areaM2;
    }
  }
  if (extra.size === 0) return out;
  return [...out, ...extra.values()].sort((x, y) => (x.h3 < y.h3 ? -1 : x.h3 > y.h3 ? 1 : 0));
}

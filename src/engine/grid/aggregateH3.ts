import { latLngToCell } from 'h3-js';
import type { Analysis, H3Cell } from '../analysisTypes';
import type { DataPackage } from '../types';

/** Default H3 resolution: 9 (cells of about 0.1 km², edge ≈ 200 m). */
export const DEFAULT_H3_RESOLUTION = 9;

/**
 * Aggregate buildings and open facilities into H3 cells: buildings, households, households
 * not covered per service, facility area (m²). Cells come sorted by H3 index.
 */
export function aggregateH3(pkg: DataPackage, analysis: Analysis, resolution = DEFAULT_H3_RESOLUTION): H3Cell[] {
  const cells = new Map<string, H3Cell>();
  const services = analysis.coverage.length;
  const get = (lat: number, lon: number): H3Cell => {
    const h3 = latLngToCell(lat, lon, resolution);
    let c = cells.get(h3);
    if (!c) cells.set(h3, (c = { h3, buildings: 0, households: 0, uncoveredHouseholds: new Array<number>(services).fill(0), facilityAreaM2: 0 }));
    return c;
  };
  const b = pkg.buildings;
  for (let i = 0; i < b.count; i++) {
    const c = get(b.lat[i], b.lon[i]);
    c.buildings++;
    c.households += b.households[i];
    for (let s = 0; s < services; s++) if (!analysis.coverage[s].covered[i]) c.uncoveredHouseholds[s] += b.households[i];
  }
  for (const f of pkg.facilities) if (f.status === 'open') get(f.lat, f.lon).facilityAreaM2 += f.areaM2;
  return [...cells.values()].sort((x, y) => (x.h3 < y.h3 ? -1 : x.h3 > y.h3 ? 1 : 0));
}

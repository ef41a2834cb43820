import type { ServiceCoverage } from '../analysisTypes';
import type { CoverageInstance } from '../optimize/coverageInstance';
import type { Buildings } from '../types';
import type { DistanceProvider, Site } from './distanceProvider';

/** A maximal-covering instance for one service, with the maps back to buildings. */
export interface ServiceCoverageInstance {
  instance: CoverageInstance;
  /** Building index of each demand point. */
  demandBuilding: Int32Array;
}

/**
 * Distances → model input for one service (DATA-FORMAT.md section 4, `optimize`): the demand
 * is every accepted building with households > 0 that no open facility covers yet (assigned
 * to a community or not), weighted by households; each site covers the demand points within
 * `thresholdM` metres of it in the provider's mode.
 */
export function serviceCoverageInstance(
  provider: DistanceProvider,
  buildings: Buildings,
  existing: ServiceCoverage,
  sites: readonly Site[],
  thresholdM: number,
): ServiceCoverageInstance {
  const demandOf = new Int32Array(buildings.count).fill(-1);
  const demand: number[] = [];
  for (let i = 0; i < buildings.count; i++) {
    if (!existing.covered[i] && buildings.households[i] > 0) {
      demandOf[i] = demand.length;
      demand.push(i);
    }
  }
  const candidateCovers = sites.map((s) => {
    const r = provider.reach(s, thresholdM);
    const out: number[] = [];
    for (let k = 0; k < r.building.length; k++) {
      const d = demandOf[r.building[k]];
      if (d >= 0) out.push(d);
    }
    return Int32Array.from(out.sort((a, b) => a - b));
  });
  const demandBuilding = Int32Array.from(demand);
  const demandWeight = Float64Array.from(demand, (i) => buildings.households[i]);
  return { instance: { demandWeight, candidateCovers }, demandBuilding };
}

import type { AnalysisView } from '../worker/protocol';

/** The whole package rolled up the way the engine rolls up a street or district (standards/rollup.ts). */
export interface PackageRollup {
  communities: number;
  /** 统计户数: sum of the communities' official `households` (communities.geojson). */
  households: number;
  /** 楼栋户数合计: households of the buildings inside the communities (buildings.csv). */
  buildingHouseholds: number;
  /** Coverage 0…1 per service (SERVICES order), weighted by buildings' households in the communities; null when none. */
  coverage: (number | null)[];
}

/**
 * The package's totals with the same definitions as the district and street panels, so that the
 * districts add up to the package: official households summed over communities, and coverage
 * weighted by the households of buildings inside a community (buildings in no community are
 * counted apart, in the summary's `unassignedBuildings`).
 */
export function packageRollup(a: AnalysisView): PackageRollup {
  const services = a.coverage.length;
  const covHh = new Float64Array(services);
  let households = 0;
  let buildingHouseholds = 0;
  for (const c of a.communities) {
    households += c.households;
    buildingHouseholds += c.buildingHouseholds;
    for (let s = 0; s < services; s++) covHh[s] += (c.coverage[s] ?? 0) * c.buildingHouseholds;
  }
  return {
    communities: a.communities.length,
    households,
    buildingHouseholds,
    coverage: Array.from(covHh, (v) => (buildingHouseholds > 0 ? v / buildingHouseholds : null)),
  };
}

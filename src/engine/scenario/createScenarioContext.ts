import type { Analysis } from '../analysisTypes';
import type { DistanceProvider, Reach, Site } from '../coverage/distanceProvider';
import { communityPolygons } from '../spatial/polygonIndex';
import { communityTallies, type CommunityTallies } from '../standards/communityResults';
import type { DataPackage } from '../types';
import type { ScopeMeasures } from './scenarioTypes';

/**
 * What a what-if evaluation reuses between edits: the package, its base analysis (per-service
 * distance arrays), the distance provider with its indexes, id lookups, the community polygon
 * index, and a cache of reach results per (site, position, threshold).
 */
export interface ScenarioContext {
  readonly pkg: DataPackage;
  readonly analysis: Analysis;
  readonly provider: DistanceProvider;
  readonly facilityIndex: ReadonlyMap<string, number>;
  readonly candidateIndex: ReadonlyMap<string, number>;
  readonly communityIndex: ReadonlyMap<string, number>;
  /** Community holding a point, -1 when none (built on first use). */
  locate(lon: number, lat: number): number;
  /** Buildings within thresholdM (m) of a site, cached by id, position and threshold. */
  reach(site: Site, thresholdM: number): Reach;
  /** Reach results held in the cache. */
  readonly cacheSize: number;
  /** Scope measures of the base analysis, by scope key (filled by evaluateScenario). */
  readonly baseMeasures: Map<string, ScopeMeasures>;
  /** The base analysis's per-community tallies (built on first use; read-only). */
  baseTallies(): CommunityTallies;
  /** Households of every building, assigned to a community or not. */
  readonly allHouseholds: number;
}

/**
 * A context for {@link evaluateScenario}: build once per package, analysis and provider (the
 * provider the analysis was run with, or one for the same package and mode), then evaluate
 * many scenarios. Nothing of `analysis` is modified.
 */
export function createScenarioContext(pkg: DataPackage, analysis: Analysis, provider: DistanceProvider): ScenarioContext {
  const cache = new Map<string, Reach>();
  let tallies: CommunityTallies | null = null;
  let allHouseholds = -1;
  return {
    pkg,
    analysis,
    provider,
    facilityIndex: new Map(pkg.facilities.map((f, i) => [f.id, i])),
    candidateIndex: new Map(pkg.candidates.map((c, i) => [c.id, i])),
    communityIndex: new Map(pkg.communities.map((c, i) => [c.id, i])),
    locate(lon, lat) {
      return communityPolygons(pkg.communities).locate(lon, lat);
    },
    reach(site, thresholdM) {
      const key = `${site.id}\u0000${site.lon}\u0000${site.lat}\u0000${thresholdM}`;
      let r = cache.get(key);
      if (!r) cache.set(key, (r = provider.reach(site, thresholdM)));
      return r;
    },
    baseMeasures: new Map(),
    get cacheSize() {
      return cache.size;
    },
    baseTallies() {
      return (tallies ??= communityTallies(pkg, analysis.coverage));
    },
    get allHouseholds() {
      if (allHouseholds < 0) {
        allHouseholds = 0;
        const h = pkg.buildings.households;
        for (let i = 0; i < pkg.buildings.count; i++) allHouseholds += h[i];
      }
      return allHouseholds;
    },
  };
}

import type { Analysis, AnalysisSummary, ServiceCoverage } from './analysisTypes';
import type { DistanceProvider } from './coverage/distanceProvider';
import { EuclideanProvider } from './coverage/euclideanProvider';
import { MatrixProvider } from './coverage/matrixProvider';
import { NetworkProvider, networkProvider } from './coverage/networkProvider';
import type { EffortOptions } from './network/buildEffortCosts';
import { coverageFromCovered, coverageFromDistances, facilitySites, serviceCoverage } from './coverage/serviceCoverage';
import { EngineError } from './errors';
import { communityResults } from './standards/communityResults';
import type { Policy } from './standards/policy';
import { rollup } from './standards/rollup';
import { serviceLevels } from './standards/serviceLevels';
import { SERVICES, type ServiceCode } from './standards/services';
import type { DataPackage, DistanceMode, ProgressFn } from './types';

/** Options of {@link analyze}. */
export interface AnalyzeOptions {
  mode: DistanceMode; // 'euclidean' (haversine), 'network' (roads.geojson) or 'matrix' (distances.csv)
  policy: Policy; // thresholds in metres etc.; see resolvePolicy
  /** A provider built earlier for the same package and mode, reused (what-if runs). */
  provider?: DistanceProvider;
  /** Network mode only: walking effort (slope, stairs, lifts) instead of plain length; default off. */
  effort?: boolean | EffortOptions;
  onProgress?: ProgressFn;
  /**
   * Per service, distances (m) computed elsewhere — by the provider's `nearest` over
   * facilitySites for the policy's threshold, or the same numbers another way (the CLI
   * splits them between threads); services not given are computed here.
   */
  distances?: Partial<Record<ServiceCode, Float64Array>>;
  /**
   * Per service, covered flags (1 covered) decided elsewhere without the distances — as
   * NearestByCells.coveredInto over facilitySites for the policy's threshold; those
   * services' `distanceM` is then computed by the provider when first read. Services not
   * given (here or in `distances`) are computed here.
   */
  covered?: Partial<Record<ServiceCode, Uint8Array>>;
}

/**
 * The distance provider for a package and mode. Throws E_NO_DISTANCES (matrix mode without
 * distances.csv) or E_NO_ROADS (network mode without roads.geojson).
 */
export function createProvider(pkg: DataPackage, mode: DistanceMode, policy: Policy, effort?: AnalyzeOptions['effort']): DistanceProvider {
  if (mode === 'euclidean') return new EuclideanProvider(pkg.buildings);
  if (mode === 'matrix') {
    if (!pkg.distances) throw new EngineError('E_NO_DISTANCES', { file: 'distances.csv' });
    return new MatrixProvider(pkg.distances, pkg.buildings.count);
  }
  if (mode === 'network') {
    if (!pkg.roads) throw new EngineError('E_NO_ROADS', { file: 'roads.geojson' });
    return networkProvider(pkg.roads, pkg.buildings, { maxSnapM: policy.maxSnapM, effort });
  }
  throw new EngineError('E_MODE', { detail: String(mode) });
}

/**
 * Analyse a package (DATA-FORMAT.md section 2): coverage of every building for every
 * service, per-community area, shortfalls, function rules, coverage and need ranks, and
 * roll-ups by street and district. Distances in metres, areas in m².
 */
export function analyze(pkg: DataPackage, opts: AnalyzeOptions): Analysis {
  const { policy, onProgress } = opts;
  onProgress?.('index', 0);
  const provider = opts.provider ?? createProvider(pkg, opts.mode, policy, opts.effort);
  const coverage: ServiceCoverage[] = [];
  SERVICES.forEach((s, k) => {
    onProgress?.('coverage', k / SERVICES.length);
    const given = opts.distances?.[s];
    const flags = opts.covered?.[s];
    const t = policy.thresholdsM[s];
    coverage.push(
      given
        ? coverageFromDistances(s, t, given, pkg.buildings)
        : flags
          ? coverageFromCovered(s, t, flags, pkg.buildings, () => provider.nearest(facilitySites(pkg.facilities, s), t))
          : serviceCoverage(provider, pkg.buildings, pkg.facilities, s, t),
    );
  });
  onProgress?.('communities', 1);
  const communities = communityResults(pkg, coverage, policy);
  const streets = rollup(communities, 'street');
  const districts = rollup(communities, 'district');
  const summary = summarize(pkg, coverage, communities, opts.mode);
  if (provider instanceof NetworkProvider) {
    summary.unsnappedBuildings = provider.unsnappedBuildings;
    summary.effort = opts.effort ? true : false;
  }
  const levels = serviceLevels(pkg);
  summary.streetsWithoutStreetCentre = levels.streetsWithoutStreetCentre.map((s) => `${s.district}/${s.street}`);
  summary.communitiesWithoutCommunityCentre = levels.communitiesWithoutCommunityCentre;
  onProgress?.('done', 1);
  return { mode: provider.mode, policy, coverage, communities, streets, districts, summary };
}

function summarize(pkg: DataPackage, coverage: ServiceCoverage[], communities: Analysis['communities'], mode: DistanceMode): AnalysisSummary {
  const b = pkg.buildings;
  let households = 0;
  let unassigned = 0;
  for (let i = 0; i < b.count; i++) {
    households += b.households[i];
    if (b.community[i] < 0) unassigned++;
  }
  const cov = {} as Record<ServiceCode, number | null>;
  coverage.forEach((c) => (cov[c.service] = households > 0 ? c.coveredHouseholds / households : null));
  let sb = 0;
  let se = 0;
  for (const c of communities) {
    sb += c.shortfallBaseM2;
    se += c.shortfallEnhancedM2;
  }
  return {
    communities: pkg.communities.length,
    buildings: b.count,
    unassignedBuildings: unassigned,
    households,
    rejectedRows: pkg.rejected.length,
    facilities: pkg.facilities.length,
    openFacilities: pkg.facilities.filter((f) => f.status === 'open').length,
    unassignedFacilities: pkg.facilities.filter((f) => f.community < 0).length,
    candidates: pkg.candidates.length,
    mode,
    coverage: cov,
    communitiesFailingArea: communities.filter((c) => c.shortfallBaseM2 > 0).length,
    communitiesFailingComplexRule: communities.filter((c) => !c.meetsComplexRule).length,
    communitiesFailingBasicRule: communities.filter((c) => !c.meetsBasicRule).length,
    totalShortfallBaseM2: sb,
    totalShortfallEnhancedM2: se,
  };
}

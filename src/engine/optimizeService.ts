import { createProvider } from './analyze';
import type { DistanceProvider } from './coverage/distanceProvider';
import { serviceCoverage } from './coverage/serviceCoverage';
import { serviceCoverageInstance } from './coverage/serviceCoverageInstance';
import { EngineError } from './errors';
import type { EffortOptions } from './network/buildEffortCosts';
import type { HighsLoaderOrInstance } from './optimize/highsRunner';
import { solveMclp, type MclpSolution } from './optimize/solveMclp';
import type { Policy } from './standards/policy';
import { isServiceCode, type ServiceCode } from './standards/services';
import type { DataPackage, DistanceMode } from './types';

/** Options of {@link optimizeService}. */
export interface OptimizeServiceOptions {
  service: string; // a service code of POLICY.md
  sites: number; // K, the most new sites to choose (whole number ≥ 1)
  mode: DistanceMode;
  policy: Policy;
  provider?: DistanceProvider; // reuse one built earlier for the same package and mode
  effort?: boolean | EffortOptions; // network mode only, default off
  timeLimitS?: number; // s of solver time, default 10
  highs?: HighsLoaderOrInstance; // where HiGHS comes from (the browser passes its wasm URL)
}

/** The contract's optimize result (DATA-FORMAT.md section 4) and how it was found. */
export interface OptimizeServiceResult {
  service: ServiceCode;
  /** Chosen candidate ids, in candidates.csv order. */
  sites: string[];
  /** Households of buildings newly covered for the service. */
  newlyCoveredHouseholds: number;
  /** True only when the optimum was proved. */
  optimal: boolean;
  /** Proven upper bound on newly covered households, and the relative gap. */
  bound: number;
  gap: number;
  method: MclpSolution['method'] | 'none';
  mode: DistanceMode;
  thresholdM: number;
  /** Households not covered by existing open facilities (the demand). */
  uncoveredHouseholdsBefore: number;
  seconds: number;
}

/**
 * Maximal covering for one service (contract section 4): choose at most K sites from
 * candidates.csv maximising the households of buildings newly covered (not already covered
 * by open facilities); every accepted building counts, assigned to a community or not.
 * Distances → model ({@link serviceCoverageInstance}) → solve ({@link solveMclp}).
 */
export async function optimizeService(pkg: DataPackage, o: OptimizeServiceOptions): Promise<OptimizeServiceResult> {
  if (!isServiceCode(o.service)) throw new EngineError('E_ARGUMENT', { field: 'service', detail: `unknown service code '${o.service}'` });
  if (!Number.isInteger(o.sites) || o.sites < 1) throw new EngineError('E_ARGUMENT', { field: 'sites', detail: 'a whole number ≥ 1' });
  const service = o.service;
  const t0 = Date.now();
  const thresholdM = o.policy.thresholdsM[service];
  const provider = o.provider ?? createProvider(pkg, o.mode, o.policy, o.effort);
  const existing = serviceCoverage(provider, pkg.buildings, pkg.facilities, service, thresholdM);
  const { instance } = serviceCoverageInstance(provider, pkg.buildings, existing, pkg.candidates, thresholdM);
  let demandHh = 0;
  for (const w of instance.demandWeight) demandHh += w;
  const base = { service, mode: provider.mode, thresholdM, uncoveredHouseholdsBefore: demandHh };
  const reachable = instance.candidateCovers.some((c) => c.length > 0);
  if (instance.demandWeight.length === 0 || !reachable) {
    // nothing left to cover, or no candidate reaches anything: choosing no site is optimal
    return { ...base, sites: [], newlyCoveredHouseholds: 0, optimal: true, bound: 0, gap: 0, method: 'none', seconds: (Date.now() - t0) / 1000 };
  }
  const sol = await solveMclp(instance, o.sites, { timeLimitS: o.timeLimitS ?? 10, highs: o.highs });
  return {
    ...base,
    sites: sol.selected.map((j) => pkg.candidates[j].id),
    newlyCoveredHouseholds: sol.objective,
    optimal: sol.optimal,
    bound: sol.bound,
    gap: sol.gap,
    method: sol.method,
    seconds: (Date.now() - t0) / 1000,
  };
}

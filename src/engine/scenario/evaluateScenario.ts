import type { CommunityResult, ServiceCoverage } from '../analysisTypes';
import { foldMin } from '../coverage/distanceProvider';
import { coverageFromDistances, facilitySites } from '../coverage/serviceCoverage';
import { communityResults } from '../standards/communityResults';
import { SERVICES } from '../standards/services';
import { applyScenario } from './applyScenario';
import type { ScenarioContext } from './createScenarioContext';
import type { Delta, Scenario, ScenarioResult, ScenarioSummary } from './scenarioTypes';
import { summarizeScope } from './summarizeScope';

/** Options of {@link evaluateScenario}. */
export interface EvaluateScenarioOptions {
  /** Community indices the summary counts; default every community (and unassigned buildings). */
  scope?: readonly number[];
}

const delta = (before: number, after: number): Delta => ({ before, after, delta: after - before });

/**
 * The analysis of the package with a scenario applied, equal to analyze() on the edited
 * facilities (DATA-FORMAT.md section 2) but reusing the base analysis:
 * - a service no removed or moved open facility offers keeps its base distances; each added
 *   site offering it folds its cached reach (provider.reach within the service's threshold,
 *   metres) into a copy with a per-building minimum;
 * - a service some removed or moved open facility offers is re-measured with one
 *   provider.nearest() over the remaining open facilities, then the added sites are folded in;
 * - a service nothing touches shares the base coverage object (treat results as read-only);
 * - communities are recomputed with the standards' communityResults() on the edited list.
 * In matrix mode a site measures from its candidate id: a point that is no candidate reaches
 * nothing, and a moved facility keeps its rows. Throws E_ARGUMENT for a bad scenario.
 */
export function evaluateScenario(ctx: ScenarioContext, scenario: Scenario, opts: EvaluateScenarioOptions = {}): ScenarioResult {
  const t0 = Date.now();
  const { pkg, analysis, provider } = ctx;
  const policy = analysis.policy;
  const applied = applyScenario(ctx, scenario);
  const kept = applied.facilities.slice(0, applied.facilities.length - applied.added.length);
  const coverage: ServiceCoverage[] = SERVICES.map((s, k) => {
    const base = analysis.coverage[k];
    const bit = 1 << k;
    const thresholdM = policy.thresholdsM[s];
    const touched = applied.changed.some((f) => f.status === 'open' && (f.serviceMask & bit) !== 0);
    const adds = applied.added.map((f, a) => ((f.serviceMask & bit) !== 0 ? a : -1)).filter((a) => a >= 0);
    if (!touched && adds.length === 0) return base;
    const d = touched ? provider.nearest(facilitySites(kept, s), thresholdM) : base.distanceM.slice();
    for (const a of adds) foldMin(d, ctx.reach(applied.addedSites[a], thresholdM));
    return coverageFromDistances(s, thresholdM, d, pkg.buildings);
  });
  const communities = communityResults({ ...pkg, facilities: applied.facilities }, coverage, policy);
  const scope = opts.scope ? scopeMask(pkg.communities.length, opts.scope) : null;
  const summary = summarize(ctx, communities, coverage, scope, opts.scope ? opts.scope.join(',') : '*');
  return { facilities: applied.facilities, coverage, communities, summary, ms: Date.now() - t0 };
}

function scopeMask(n: number, scope: readonly number[]): Uint8Array {
  const m = new Uint8Array(n);
  for (const c of scope) m[c] = 1;
  return m;
}

function summarize(ctx: ScenarioContext, communities: CommunityResult[], coverage: ServiceCoverage[], scope: Uint8Array | null, key: string): ScenarioSummary {
  const { pkg, analysis } = ctx;
  let before = ctx.baseMeasures.get(key);
  if (!before) ctx.baseMeasures.set(key, (before = summarizeScope(pkg.buildings, analysis.communities, analysis.coverage, scope)));
  const after = summarizeScope(pkg.buildings, communities, coverage, scope);
  const changedCommunities: number[] = [];
  communities.forEach((c, i) => {
    const b = analysis.communities[i];
    if (c.facilityAreaM2 !== b.facilityAreaM2 || c.functionsMask !== b.functionsMask || c.coverage.some((v, s) => v !== b.coverage[s]))
      changedCommunities.push(i);
  });
  return {
    before,
    after,
    coveredHouseholds: before.coveredHouseholds.map((v, s) => delta(v, after.coveredHouseholds[s])),
    meetingArea: delta(before.meetingArea, after.meetingArea),
    meetingComplexRule: delta(before.meetingComplexRule, after.meetingComplexRule),
    meetingBasicRule: delta(before.meetingBasicRule, after.meetingBasicRule),
    shortfallBaseM2: delta(before.shortfallBaseM2, after.shortfallBaseM2),
    shortfallEnhancedM2: delta(before.shortfallEnhancedM2, after.shortfallEnhancedM2),
    changedCommunities,
  };
}

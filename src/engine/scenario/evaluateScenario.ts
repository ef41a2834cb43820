import type { CommunityResult, ServiceCoverage } from '../analysisTypes';
import { foldMin, type Reach } from '../coverage/distanceProvider';
import { coverageFromDistances, facilitySites } from '../coverage/serviceCoverage';
import { communityResults, communityTallies, type CommunityTallies } from '../standards/communityResults';
import { SERVICES } from '../standards/services';
import { withGetter } from '../withGetter';
import { applyScenario } from './applyScenario';
import type { ScenarioContext } from './createScenarioContext';
import type { Delta, Scenario, ScenarioResult, ScenarioSummary } from './scenarioTypes';
import { summarizeTallies } from './summarizeScope';

/** Options of {@link evaluateScenario}. */
export interface EvaluateScenarioOptions {
  /** Community indices the summary counts; default every community (and unassigned buildings). */
  scope?: readonly number[];
}

const delta = (before: number, after: number): Delta => ({ before, after, delta: after - before });

/**
 * The analysis of the package with a scenario applied, equal to analyze() on the edited
 * facilities (DATA-FORMAT.md section 2) but reusing the base analysis:
 * - a service no removed or moved open facility offers keeps its base coverage, and each added
 *   site offering it covers the buildings of its cached reach (provider.reach within the
 *   service's threshold, metres): only those buildings are visited, and the per-community
 *   covered households are the base's updated for them (the inverted index of the issue: an
 *   edit costs its reach, not the package). The distances are folded (per-building minimum)
 *   into a copy of the base's when first read;
 * - a service some removed or moved open facility offers is re-measured with one
 *   provider.nearest() over the remaining open facilities, then the added sites are folded in;
 * - a service nothing touches shares the base coverage object (treat results as read-only);
 * - communities are recomputed with the standards' communityResults() on the edited list and
 *   the updated tallies; the scope's measures are summed from the tallies.
 * In matrix mode a site measures from its candidate id: a point that is no candidate reaches
 * nothing, and a moved facility keeps its rows. Throws E_ARGUMENT for a bad scenario.
 */
export function evaluateScenario(ctx: ScenarioContext, scenario: Scenario, opts: EvaluateScenarioOptions = {}): ScenarioResult {
  const t0 = Date.now();
  const { pkg, analysis, provider } = ctx;
  const policy = analysis.policy;
  const applied = applyScenario(ctx, scenario);
  const kept = applied.facilities.slice(0, applied.facilities.length - applied.added.length);
  const baseTallies = ctx.baseTallies();
  const tallies: CommunityTallies = { ...baseTallies, covered: baseTallies.covered.slice() };
  const coverage: ServiceCoverage[] = SERVICES.map((s, k) => {
    const base = analysis.coverage[k];
    const bit = 1 << k;
    const thresholdM = policy.thresholdsM[s];
    const touched = applied.changed.some((f) => f.status === 'open' && (f.serviceMask & bit) !== 0);
    const reaches: Reach[] = [];
    applied.added.forEach((f, a) => {
      if ((f.serviceMask & bit) !== 0) reaches.push(ctx.reach(applied.addedSites[a], thresholdM));
    });
    if (!touched && reaches.length === 0) return base;
    if (!touched) return addedReach(ctx, base, reaches, tallies, k);
    const d = provider.nearest(facilitySites(kept, s), thresholdM);
    for (const r of reaches) foldMin(d, r);
    const cov = coverageFromDistances(s, thresholdM, d, pkg.buildings);
    tallies.covered[k] = communityTallies(pkg, [cov]).covered[0];
    return cov;
  });
  const communities = communityResults({ ...pkg, facilities: applied.facilities }, coverage, policy, tallies);
  const scope = opts.scope ? scopeMask(pkg.communities.length, opts.scope) : null;
  const summary = summarize(ctx, communities, coverage, tallies, scope, opts.scope ? opts.scope.join(',') : '*');
  return { facilities: applied.facilities, coverage, communities, summary, ms: Date.now() - t0 };
}

/**
 * A service's coverage with sites added and none of its facilities removed or moved: the base's
 * covered buildings plus those within reach of an added site. Visits only the reached buildings;
 * updates `tallies.covered[k]` (a copy of the base's row) for the newly covered ones.
 */
function addedReach(ctx: ScenarioContext, base: ServiceCoverage, reaches: readonly Reach[], tallies: CommunityTallies, k: number): ServiceCoverage {
  const { households, community } = ctx.pkg.buildings;
  const thresholdM = base.thresholdM;
  const covered = base.covered.slice();
  const perCommunity = tallies.covered[k].slice();
  tallies.covered[k] = perCommunity;
  let coveredHouseholds = base.coveredHouseholds;
  for (const r of reaches) {
    for (let q = 0; q < r.building.length; q++) {
      const i = r.building[q];
      if (covered[i] || r.distanceM[q] > thresholdM) continue;
      covered[i] = 1;
      coveredHouseholds += households[i];
      if (community[i] >= 0) perCommunity[community[i]] += households[i];
    }
  }
  let distanceM: Float64Array | undefined;
  return withGetter<ServiceCoverage, 'distanceM'>(
    { service: base.service, thresholdM, distanceM: new Float64Array(0), covered, coveredHouseholds },
    'distanceM',
    () => {
      if (!distanceM) {
        distanceM = base.distanceM.slice();
        for (const r of reaches) foldMin(distanceM, r, thresholdM);
      }
      return distanceM;
    },
  );
}

function scopeMask(n: number, scope: readonly number[]): Uint8Array {
  const m = new Uint8Array(n);
  for (const c of scope) m[c] = 1;
  return m;
}

function summarize(
  ctx: ScenarioContext,
  communities: CommunityResult[],
  coverage: ServiceCoverage[],
  tallies: CommunityTallies,
  scope: Uint8Array | null,
  key: string,
): ScenarioSummary {
  const { analysis } = ctx;
  let before = ctx.baseMeasures.get(key);
  if (!before) ctx.baseMeasures.set(key, (before = summarizeTallies(ctx.baseTallies(), ctx.allHouseholds, analysis.communities, analysis.coverage, scope)));
  const after = summarizeTallies(tallies, ctx.allHouseholds, communities, coverage, scope);
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

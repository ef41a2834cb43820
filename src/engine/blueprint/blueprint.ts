import type { CommunityResult } from '../analysisTypes';
import { EngineError } from '../errors';
import type { ScenarioContext } from '../scenario/createScenarioContext';
import { evaluateScenario } from '../scenario/evaluateScenario';
import { SERVICES } from '../standards/services';
import { DEFAULT_MIN_FUNCTION_AREA_M2, DEFAULT_SOURCE_PENALTY, TIE_EPS, type BlueprintOptions } from './blueprintOptions';
import { BLUEPRINT_DEFAULTS } from './blueprintDefaults';
import { buildBlueprintInstance } from './blueprintInstance';
import { scopeCommunities } from './blueprintScope';
import type { BlueprintResult, CommunityState } from './blueprintTypes';
import { explainSites } from './explainSites';
import { solveBlueprint } from './solveBlueprint';
import { deadlineAfter } from './deadline';
import { maskToServices } from '../standards/services';

const state = (c: CommunityResult): CommunityState => ({
  facilityAreaM2: c.facilityAreaM2,
  shortfallBaseM2: c.shortfallBaseM2,
  shortfallEnhancedM2: c.shortfallEnhancedM2,
  functions: c.functions,
  meetsComplexRule: c.meetsComplexRule,
  meetsBasicRule: c.meetsBasicRule,
  coverage: c.coverage,
});

/**
 * 一张蓝图 (one blueprint) for a scope: recommend new facilities from candidates.csv, each a
 * candidate with a service bundle and its floor area — a complex (综合体, ≥ 600 m², ≥ 3
 * functions of which ≥ 2 一老一小; enhanced at ≥ 800 m²) where the site is big enough, else a
 * scattered (插花式) facility of 1-2 functions, with ≥ 2 一老一小 where it would be its
 * community's only facility; minimum floor areas per function bound the bundle.
 *
 * Objective (household-equivalents; formulation in {@link buildBlueprintModel}): households
 * newly covered per service (elderly_care weighted by the community's elderly share, childcare,
 * after_school and play by its children share, relative to the package's), + areaWeight × m² of
 * base shortfall closed (capped at each community's shortfall), − a source penalty per site
 * (idle state property and vacant public rental first, then conversions, then the rest);
 * optional budget (万元, never exceeded) and site limit. Solved exactly by HiGHS from a greedy
 * start within the time limit ({@link solveBlueprint}); `solution.optimal` says whether the
 * optimum was proved, else `gap`. Before/after for the scope come from
 * {@link evaluateScenario} with the chosen sites added.
 *
 * `ctx` is a scenario context of the package's base analysis (createScenarioContext). Throws
 * E_NO_CANDIDATES without candidates, E_ARGUMENT for a bad scope or limit, E_SOLVER when
 * HiGHS fails.
 */
export async function blueprint(ctx: ScenarioContext, opts: BlueprintOptions = {}): Promise<BlueprintResult> {
  const { pkg } = ctx;
  if (pkg.candidates.length === 0) throw new EngineError('E_NO_CANDIDATES', { file: 'candidates.csv' });
  if (opts.maxSites !== undefined && (!Number.isInteger(opts.maxSites) || opts.maxSites < 0))
    throw new EngineError('E_ARGUMENT', { field: 'maxSites', detail: 'a whole number ≥ 0' });
  if (opts.budgetWan !== undefined && !(opts.budgetWan >= 0)) throw new EngineError('E_ARGUMENT', { field: 'budgetWan', detail: 'a number ≥ 0 (万元)' });
  const deadline = opts.deadline ?? deadlineAfter(opts.timeLimitS ?? 30);
  const scope = scopeCommunities(pkg, opts.scope);
  const inst = buildBlueprintInstance(ctx, scope, opts);
  const sol = await solveBlueprint(inst, { method: opts.method, deadline, reserveS: opts.reserveS, highs: opts.highs });
  const jointMinShare = opts.jointMinShare ?? 0.25;
  const sites = explainSites(ctx, inst, sol.choices, jointMinShare);
  const after = evaluateScenario(
    ctx,
    {
      added: sol.choices.map(({ site, mask }) => ({
        candidateId: pkg.candidates[inst.sites[site].candidate].id,
        services: maskToServices(mask),
        areaM2: inst.sites[site].areaM2,
      })),
    },
    { scope },
  );
  const bySiteCommunity = new Map<number, string[]>();
  for (const { site } of sol.choices) {
    const s = inst.sites[site];
    if (s.community >= 0) bySiteCommunity.set(s.community, [...(bySiteCommunity.get(s.community) ?? []), pkg.candidates[s.candidate].id]);
  }
  const communities = scope.map((c) => {
    const b = ctx.analysis.communities[c];
    return {
      id: b.id,
      name: b.name,
      street: b.street,
      district: b.district,
      households: b.households,
      before: state(b),
      after: state(after.communities[c]),
      newSites: bySiteCommunity.get(c) ?? [],
    };
  });
  const sc = opts.scope ?? {};
  const description =
    [sc.district && `district ${sc.district}`, sc.street && `street ${sc.street}`, sc.communityIds && `${sc.communityIds.length} listed communities`]
      .filter(Boolean)
      .join(', ') || 'all communities';
  const { choices: _c, ...solution } = sol;
  const policy = ctx.analysis.policy;
  return {
    scope: { description, communities: scope.map((c) => pkg.communities[c].id) },
    sites,
    solution: { ...solution, eligibleSites: inst.sites.length, demandGroups: inst.groups.length, demandBuildings: inst.demandPoints },
    totals: {
      sites: sites.length,
      areaM2: sites.reduce((a, s) => a + s.areaM2, 0),
      costWan: sites.reduce((a, s) => a + s.costWan, 0),
      subsidyYuan: sites.reduce((a, s) => a + s.subsidyYuan, 0),
      complexes: sites.filter((s) => s.level !== 'scattered').length,
      scattered: sites.filter((s) => s.level === 'scattered').length,
      joint: sites.filter((s) => s.joint).length,
    },
    before: after.summary.before,
    after: after.summary.after,
    summary: after.summary,
    communities,
    parameters: {
      mode: ctx.analysis.mode,
      maxSites: opts.maxSites ?? null,
      budgetWan: opts.budgetWan ?? null,
      defaultCostWanPerM2: opts.defaultCostWanPerM2 ?? BLUEPRINT_DEFAULTS.costWanPerM2,
      services: opts.services ?? [...SERVICES],
      minFunctionAreaM2: { ...DEFAULT_MIN_FUNCTION_AREA_M2, ...opts.minFunctionAreaM2 },
      serviceWeight: Object.fromEntries(SERVICES.map((s) => [s, opts.serviceWeight?.[s] ?? 1])),
      demographicWeights: opts.demographicWeights !== false,
      areaWeight: opts.areaWeight ?? 1,
      sourcePenalty: { ...DEFAULT_SOURCE_PENALTY, ...opts.sourcePenalty },
      tieEps: TIE_EPS,
      jointMinShare,
      complexMinAreaM2: policy.complexMinAreaM2,
      thresholdsM: policy.thresholdsM,
      timeLimitS: opts.timeLimitS ?? BLUEPRINT_DEFAULTS.timeLimitS,
    },
    assumptions: [
      'A site uses the whole area_m2 of its candidate; functions fit when their minimum areas sum to at most that area.',
      'Candidates without cost_wan are costed at defaultCostWanPerM2 × area_m2 (万元) and marked costEstimated.',
      'A site’s area counts toward its own community’s shortfall (the contract’s area rule); a joint site’s sharedAreaM2 only shows how it splits among the communities it serves.',
      'Demand is the households of scope buildings beyond walking range of every open facility offering a service; households newly covered are not counted twice across sites in the objective.',
      'The sole-facility rule applies to a scattered site that is the only chosen site in a community without open facilities.',
    ],
  };
}

import {
  type Analysis,
  type DistanceProvider,
  createProvider,
  blueprint,
  type BlueprintOptions,
  type BlueprintScope,
  DEFAULT_SOURCE_PENALTY,
  scopeCommunities,
  bundleLevel,
  defaultBundle,
  policyLevers,
  type HighsLoaderOrInstance,
  createScenarioContext,
  evaluateScenario,
  type Scenario,
  type ScenarioContext,
  SERVICES,
  type ServiceCode,
  type DataPackage,
} from '../engine/index';
import type { BlueprintRequest, BlueprintRun, CandidateComparison, ScenarioRun } from './protocol';

/** The engine state the worker keeps after a run: the package, its analysis and a lazily built scenario context. */
export class BlueprintSession {
  private ctx: ScenarioContext | null = null;
  constructor(
    readonly pkg: DataPackage,
    readonly analysis: Analysis,
    private provider?: DistanceProvider,
  ) {}

  context(): ScenarioContext {
    if (!this.ctx) {
      const provider = this.provider ?? createProvider(this.pkg, this.analysis.mode, this.analysis.policy);
      this.ctx = createScenarioContext(this.pkg, this.analysis, provider);
    }
    return this.ctx;
  }

  scope(scope: BlueprintScope | null | undefined): number[] | undefined {
    if (!scope || (!scope.district && !scope.street && !scope.communityIds)) return undefined;
    return scopeCommunities(this.pkg, scope);
  }

  /** Buildings covered in `after` and in no base coverage, for the listed services (all when omitted). */
  newlyReached(after: { covered: Uint8Array }[], services?: readonly ServiceCode[]): Int32Array {
    const n = this.pkg.buildings.count;
    const mark = new Uint8Array(n);
    SERVICES.forEach((s, k) => {
      if (services && !services.includes(s)) return;
      const a = after[k].covered;
      const b = this.analysis.coverage[k].covered;
      if (a === b) return;
      for (let i = 0; i < n; i++) if (a[i] && !b[i]) mark[i] = 1;
    });
    const out: number[] = [];
    for (let i = 0; i < n; i++) if (mark[i]) out.push(i);
    return Int32Array.from(out);
  }

  async blueprint(req: BlueprintRequest, highs?: HighsLoaderOrInstance): Promise<BlueprintRun> {
    const t0 = performance.now();
    const ctx = this.context();
    const opts: BlueprintOptions = {
      scope: req.scope,
      maxSites: req.maxSites,
      budgetWan: req.budgetWan,
      timeLimitS: req.timeLimitS,
      method: req.method,
      highs,
    };
    const result = await blueprint(ctx, opts);
    const ev = evaluateScenario(ctx, { added: result.sites.map((s) => ({ candidateId: s.candidateId, services: s.services, areaM2: s.areaM2 })) });
    return { result, newlyReached: this.newlyReached(ev.coverage), ms: performance.now() - t0 };
  }

  /** What the first edit would build: the scenario context, its base tallies, the provider's index (one reach). */
  prepareScenarios(): void {
    const ctx = this.context();
    ctx.baseTallies();
    void ctx.allHouseholds;
    const c = this.pkg.candidates[0];
    if (c) ctx.reach({ id: c.id, lon: c.lon, lat: c.lat }, this.analysis.policy.thresholdsM.elderly_care);
  }

  scenario(scenario: Scenario, scope?: BlueprintScope | null): ScenarioRun {
    const t0 = performance.now();
    const r = evaluateScenario(this.context(), scenario, { scope: this.scope(scope) });
    const wallMs = performance.now() - t0;
    const n = this.pkg.buildings.count;
    const covered = new Uint8Array(SERVICES.length * n);
    r.coverage.forEach((c, k) => covered.set(c.covered, k * n));
    return {
      engineMs: r.ms,
      wallMs,
      summary: r.summary,
      communities: r.communities,
      coveredHouseholds: r.coverage.map((c) => c.coveredHouseholds),
      covered,
      newlyReached: this.newlyReached(r.coverage),
    };
  }

  /** Open each candidate alone with its default bundle and measure what it brings to the scope. */
  compareCandidates(ids: string[], scope?: BlueprintScope | null): CandidateComparison[] {
    const ctx = this.context();
    const sc = this.scope(scope);
    const policy = this.analysis.policy;
    const rows = ids.map((id): CandidateComparison => {
      const ci = ctx.candidateIndex.get(id);
      if (ci === undefined) throw new Error(`unknown candidate ${id}`);
      const c = this.pkg.candidates[ci];
      const services = defaultBundle(c.areaM2);
      const r = evaluateScenario(ctx, { added: [{ candidateId: id, services }] }, { scope: sc });
      const newlyCovered: Partial<Record<ServiceCode, number>> = {};
      for (const s of services) newlyCovered[s] = r.summary.coveredHouseholds[SERVICES.indexOf(s)].delta;
      const reached = this.newlyReached(r.coverage, services);
      const byCommunity = new Map<number, number>();
      for (const b of reached) {
        const cm = this.pkg.buildings.community[b];
        if (cm >= 0) byCommunity.set(cm, (byCommunity.get(cm) ?? 0) + this.pkg.buildings.households[b]);
      }
      const communitiesServed = [...byCommunity.entries()]
        .sort((a, b) => b[1] - a[1])
        .map(([cm, hh]) => ({ id: this.pkg.communities[cm].id, name: this.pkg.communities[cm].name, households: hh }));
      const lvl = bundleLevel(services, c.areaM2, policy.complexMinAreaM2.base, policy.complexMinAreaM2.enhanced);
      const street = c.community >= 0 ? this.pkg.communities[c.community].street : '';
      const shortfallClosedM2 = -r.summary.shortfallBaseM2.delta;
      const gained = Object.values(newlyCovered).reduce((a, v) => a + (v ?? 0), 0);
      return {
        candidateId: c.id,
        name: c.name,
        areaM2: c.areaM2,
        source: c.source,
        ownership: c.ownership,
        costWan: c.costWan ?? null,
        services,
        level: lvl,
        newlyCovered,
        communitiesServed,
        shortfallClosedM2,
        levers: policyLevers(c, { level: lvl, elderlyCare: services.includes('elderly_care'), street }),
        objective: gained + shortfallClosedM2 - DEFAULT_SOURCE_PENALTY[c.source],
        rank: 0,
      };
    });
    const order = rows.map((_, i) => i).sort((a, b) => rows[b].objective - rows[a].objective || a - b);
    order.forEach((i, k) => (rows[i].rank = k + 1));
    return rows;
  }
}

/** The level rule and default bundle live in the engine (src/engine/blueprint/siteLevel.ts). */
export { bundleLevel, defaultBundle };

import type { Analysis, CommunityResult } from '../engine/analysisTypes';
import type { DistanceProvider } from '../engine/coverage/distanceProvider';
import { createProvider } from '../engine/analyze';
import { blueprint, type BlueprintOptions, type BlueprintResult, type BlueprintScope } from '../engine/blueprint/index';
import { DEFAULT_SOURCE_PENALTY } from '../engine/blueprint/blueprintOptions';
import { scopeCommunities } from '../engine/blueprint/blueprintScope';
import { bundleLevel, defaultBundle, type SiteLevel } from '../engine/blueprint/siteLevel';
import { policyLevers, type PolicyLever } from '../engine/blueprint/policyLevers';
import type { HighsLoaderOrInstance } from '../engine/optimize/highsRunner';
import { createScenarioContext, evaluateScenario, type Scenario, type ScenarioContext, type ScenarioSummary } from '../engine/scenario/index';
import { SERVICES, type ServiceCode } from '../engine/standards/services';
import type { Candidate, CandidateSource, DataPackage, Facility, Ownership } from '../engine/types';

/** What the blueprint panel asks for. */
export interface BlueprintRequest {
  scope: BlueprintScope;
  maxSites?: number; // most new sites
  budgetWan?: number; // 万元
  timeLimitS?: number; // s of HiGHS time, default 30
  method?: 'exact' | 'greedy';
}

/** A blueprint and the buildings its sites newly bring within walking range (any service of their bundle). */
export interface BlueprintRun {
  result: BlueprintResult;
  newlyReached: Int32Array;
  /** Wall time in the worker, ms. */
  ms: number;
}

/** A what-if evaluation, packed for the map and panels. */
export interface ScenarioRun {
  /** evaluateScenario's own time (ms, Date resolution) and the worker's wall time around it (ms). */
  engineMs: number;
  wallMs: number;
  summary: ScenarioSummary;
  communities: CommunityResult[];
  /** Per service (SERVICES order), households of covered buildings, all buildings. */
  coveredHouseholds: number[];
  /** Service-major covered flags: covered[s * count + b]. */
  covered: Uint8Array;
  /** Buildings covered after and not before, for any service. */
  newlyReached: Int32Array;
  facilities: Facility[];
}

/** One candidate opened alone with a default bundle: the comparison row. */
export interface CandidateComparison {
  candidateId: string;
  name: string;
  areaM2: number;
  source: CandidateSource;
  ownership: Ownership;
  costWan: number | null;
  services: ServiceCode[];
  level: SiteLevel;
  /** Per service of the bundle: scope households newly covered. */
  newlyCovered: Partial<Record<ServiceCode, number>>;
  communitiesServed: { id: string; name: string; households: number }[];
  shortfallClosedM2: number;
  levers: PolicyLever[];
  /** Σ newly covered households + m² of shortfall closed − the source penalty (household-equivalents, the blueprint's objective without demographic weights). */
  objective: number;
  /** 1 = largest objective contribution among the compared. */
  rank: number;
}

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
    const opts: BlueprintOptions = { scope: req.scope, maxSites: req.maxSites, budgetWan: req.budgetWan, timeLimitS: req.timeLimitS, method: req.method, highs };
    const result = await blueprint(ctx, opts);
    const ev = evaluateScenario(ctx, { added: result.sites.map((s) => ({ candidateId: s.candidateId, services: s.services, areaM2: s.areaM2 })) });
    return { result, newlyReached: this.newlyReached(ev.coverage), ms: performance.now() - t0 };
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
      facilities: r.facilities,
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

export type { Candidate };

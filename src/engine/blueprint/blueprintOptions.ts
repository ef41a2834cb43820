import type { HighsLoaderOrInstance } from '../optimize/highsRunner';
import type { Deadline } from './deadline';
import type { ServiceCode } from '../standards/services';
import type { CandidateSource } from '../types';

/**
 * Smallest floor area at which one function can run in a site, m². They bound how many
 * functions fit a candidate: Σ minimum areas of its bundle ≤ its area_m2. Defaults read from
 * common practice for small embedded facilities (national and Chongqing guidance gives
 * ranges; these are the low ends a planner would accept in old urban areas):
 */
export const DEFAULT_MIN_FUNCTION_AREA_M2: Record<ServiceCode, number> = {
  elderly_care: 200, // m², 社区养老服务站: day room, a few rest beds, an assisted bathroom, barrier-free toilet
  childcare: 150, // m², 托育点 of ~10-15 places: infant room, sleep room, feeding and nappy-change corner
  after_school: 100, // m², 儿童托管: one homework room for ~20 children plus a toilet
  meals: 120, // m², 长者食堂 / 助餐点: a dining room of ~30 seats and a serving kitchen (food cooked elsewhere)
  housekeeping: 40, // m², 家政便民 service window: a counter, a waiting corner, storage
  health: 80, // m², 健康小屋 / clinic point: consulting room, a measuring corner, a small store
  fitness: 100, // m², indoor fitness room (outdoor courts are not floor area)
  culture: 80, // m², reading / activity room
  play: 60, // m², indoor 儿童游憩 room for small children with a parents' corner
};

/**
 * Cost in the objective of choosing a site from each source, in household-equivalents (the
 * objective's unit: one household newly covered for one service). Tier 1 (0): idle state
 * property and vacant public rental, free or low rent (Annex 1-1 items 1-4); tier 2 (10):
 * conversions of idle offices, shop floors and old factories; tier 3 (20): leftover land,
 * co-building with new housing and other sources, which take longest to deliver. A tier-3
 * site is chosen over a tier-1 one only when it brings 20 more.
 */
export const DEFAULT_SOURCE_PENALTY: Record<CandidateSource, number> = {
  idle_state_property: 0, // tier 1, household-equivalents
  vacant_public_rental: 0, // tier 1
  idle_office: 10, // tier 2
  commercial_vacancy: 10, // tier 2
  old_factory: 10, // tier 2
  leftover_land: 20, // tier 3
  new_build_colocated: 20, // tier 3
  other: 20, // tier 3
};

/** Source tiers (1 best), for explanations and tie-breaking. */
export const SOURCE_TIER: Record<CandidateSource, 1 | 2 | 3> = {
  idle_state_property: 1,
  vacant_public_rental: 1,
  idle_office: 2,
  commercial_vacancy: 2,
  old_factory: 2,
  leftover_land: 3,
  new_build_colocated: 3,
  other: 3,
};

/** Which communities the blueprint is for; all of the package when empty. */
export interface BlueprintScope {
  district?: string; // 区县 name
  street?: string; // 街道 name (with district, when names repeat)
  communityIds?: string[];
}

/** Options of {@link blueprint}. */
export interface BlueprintOptions {
  scope?: BlueprintScope; // default: every community
  maxSites?: number; // most new sites, default no limit
  budgetWan?: number; // Σ cost_wan of chosen sites never exceeds it, 万元; default no budget
  /** Cost assumed for a candidate without cost_wan, 万元 per m² of its area: default 0.2 (2,000 yuan/m², a typical interior retrofit). */
  defaultCostWanPerM2?: number;
  /** Services the blueprint may assign, default all nine. */
  services?: ServiceCode[];
  minFunctionAreaM2?: Partial<Record<ServiceCode, number>>; // m², default DEFAULT_MIN_FUNCTION_AREA_M2
  /** Weight of one household newly covered per service, default 1 each. */
  serviceWeight?: Partial<Record<ServiceCode, number>>;
  /**
   * Weight elderly_care demand by the community's elderly share (elderly / population) relative
   * to the package's, and childcare, after_school and play by the children share; default true.
   * Communities without those properties get factor 1.
   */
  demographicWeights?: boolean;
  areaWeight?: number; // objective per m² of base shortfall closed, household-equivalents; default 1
  sourcePenalty?: Partial<Record<CandidateSource, number>>; // household-equivalents per site, default DEFAULT_SOURCE_PENALTY
  /** Also consider candidates in communities outside the scope that reach scope demand; default false (candidates with no community always may). */
  outsideCandidates?: boolean;
  /** A community counts as served by a site when it gets ≥ this share of the households the site newly reaches; two or more make it joint (跨社区联合体). Default 0.25 (at most four communities). */
  jointMinShare?: number;
  method?: 'exact' | 'greedy'; // default 'exact' (HiGHS MIP seeded with greedy)
  timeLimitS?: number; // s for the whole blueprint (instance, model, HiGHS, explanations), default 30
  /** The deadline of the whole command, when it started before blueprint() (the CLI: process start); overrides timeLimitS. */
  deadline?: Deadline;
  /** s kept back from the deadline for the work after the solve (explanations, before/after); default min(2, 10 % of what is left). */
  reserveS?: number;
  highs?: HighsLoaderOrInstance; // where HiGHS comes from (the browser passes its wasm URL)
}

/** Tie-break weight: a site costs tieEps·(1 + j/J), each function earns ≤ 0.1·tieEps (earlier services more). */
export const TIE_EPS = 0.01; // household-equivalents

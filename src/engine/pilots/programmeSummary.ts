import type { CommunityResult } from '../analysisTypes';
import type { Community } from '../types';
import type { IsoDate } from './calendarDate';
import type { LandingPointReach, LandingReach } from '../coverage/landingReach';
import type { PilotStatus } from './pilotStatus';
import { LISTED_STAGE, PILOT_FLAGS, PILOT_STAGES, RATINGS, STARTED_STAGE, type PilotFlag, type Rating, type RemovalReason } from './pilotTypes';
import { CONSTRUCTION_SUBSIDY_WAN, type PilotSubsidy, type SubsidyKind } from './item21ConstructionSubsidy';
import type { ServiceLevels, StreetRef } from '../standards/serviceLevels';

/**
 * The plan's targets (Annex 1, 建设目标): about 50 pilot communities started by 2025, about
 * 100 in total by 2027 (到2025年,先行启动50个左右…到2027年…累计启动100个左右). "By 2025" is read
 * as by the end of 2025.
 */
export const PILOT_TARGETS = [
  { by: '2025-12-31', started: 50 },
  { by: '2027-12-31', started: 100 },
] as const;

/** Progress against one target. */
export interface TargetProgress {
  by: IsoDate;
  target: number;
  /**
   * Active pilots started by `by`: construction_start_date ≤ min(by, asOf); pilots at stage ≥ 7
   * without a date count too while asOf ≤ by (they have started, so before `by`).
   */
  started: number;
  /** Active pilots at stage ≥ 7 without construction_start_date (counted in `started` only while asOf ≤ by). */
  undated: number;
  /** started / target. */
  share: number;
}

/** A pilot whose community still fails the area or a function rule. */
export interface StillFailing {
  communityId: string;
  name: string;
  district: string;
  stage: number;
  /** `area` (30 m²/100 households), `basic_rule`, `complex_rule`. */
  fails: ('area' | 'basic_rule' | 'complex_rule')[];
  shortfallBaseM2: number;
}

/** programme.json: the programme on one date. */
export interface ProgrammeSummary {
  asOf: IsoDate;
  pilots: number;
  byStatus: { active: number; removed: number };
  byStage: { stage: number; code: string; zh: string; en: string; active: number; removed: number }[];
  byDistrict: { district: string; active: number; removed: number; started: number }[];
  byBatch: { batch: number; active: number; removed: number }[];
  /** Active pilots on the list (stage ≥ 4, 确定试点建设名单); stages 1–3 are applicants. */
  listed: number;
  /** Active pilots at stage ≥ 7. */
  started: number;
  targets: TargetProgress[];
  /** Active pilots carrying each flag. */
  flags: Record<PilotFlag, number>;
  /** Pilots with any flag, most flags first, then by community id: the overdue items. */
  flagged: { communityId: string; name: string; flags: PilotFlag[]; removalReasons: RemovalReason[] }[];
  /** Latest rating of the active pilots (`none`: no evaluation yet). */
  latestRatings: Record<Rating | 'none', number>;
  subsidyEligible: number;
  /** Indicative construction subsidies, 万元 (Annex 1-1 item 21). */
  constructionSubsidy: { totalWan: number; byKind: Record<SubsidyKind, { count: number; amountWan: number }>; perPilot: PilotSubsidy[] };
  /** Active pilots whose community still fails the area or a function rule; null without an analysis. */
  stillFailing: StillFailing[] | null;
  levels: { streetsWithoutStreetCentre: StreetRef[]; communitiesWithoutCommunityCentre: string[]; accessibility: ServiceLevels['accessibility'] } | null;
  /** Landing points (低空+): each point's reach, households reached by any, communities none reaches; null without landing_points.csv. */
  landing: { points: LandingPointReach[]; householdsReached: number; communitiesNotReached: string[] } | null;
}

/** Inputs of {@link programmeSummary}. */
export interface ProgrammeInput {
  asOf: IsoDate;
  communities: readonly Community[];
  statuses: readonly PilotStatus[];
  subsidies: readonly PilotSubsidy[];
  /** Community results of an analysis (for the rules still failing); optional. */
  results?: readonly CommunityResult[];
  levels?: ServiceLevels;
  landing?: LandingReach;
}

/** Count, group and list the programme for the dashboard and programme.json. */
export function programmeSummary(input: ProgrammeInput): ProgrammeSummary {
  const { asOf, communities, statuses } = input;
  const active = statuses.filter((s) => s.pilot.status === 'active');
  const byStage = PILOT_STAGES.map((s, i) => ({ stage: i + 1, code: s.code, zh: s.zh, en: s.en, active: 0, removed: 0 }));
  const districts = new Map<string, { district: string; active: number; removed: number; started: number }>();
  const batches = new Map<number, { batch: number; active: number; removed: number }>();
  for (const s of statuses) {
    const p = s.pilot;
    const st = p.status;
    byStage[p.stage - 1][st]++;
    const name = communities[p.community].district;
    let d = districts.get(name);
    if (!d) districts.set(name, (d = { district: name, active: 0, removed: 0, started: 0 }));
    d[st]++;
    if (st === 'active' && p.stage >= STARTED_STAGE) d.started++;
    let b = batches.get(p.batch);
    if (!b) batches.set(p.batch, (b = { batch: p.batch, active: 0, removed: 0 }));
    b[st]++;
  }
  const flags = Object.fromEntries(PILOT_FLAGS.map((f) => [f, 0])) as Record<PilotFlag, number>;
  for (const s of active) for (const f of s.flags) flags[f]++;
  const latestRatings = Object.fromEntries([...RATINGS, 'none'].map((r) => [r, 0])) as Record<Rating | 'none', number>;
  for (const s of active) latestRatings[s.latestRating ?? 'none']++;
  const undated = active.filter((s) => s.pilot.stage >= STARTED_STAGE && s.pilot.constructionStartDate === undefined).length;
  const targets: TargetProgress[] = PILOT_TARGETS.map((t) => {
    const until = asOf < t.by ? asOf : t.by;
    let started = active.filter((s) => s.pilot.constructionStartDate !== undefined && s.pilot.constructionStartDate <= until).length;
    if (asOf <= t.by) started += undated;
    return { by: t.by, target: t.started, started, undated, share: started / t.started };
  });
  const byKind = Object.fromEntries(
    Object.keys(CONSTRUCTION_SUBSIDY_WAN).map((k) => [k, { count: 0, amountWan: 0 }]),
  ) as ProgrammeSummary['constructionSubsidy']['byKind'];
  for (const p of input.subsidies)
    for (const i of p.items) {
      byKind[i.kind].count++;
      byKind[i.kind].amountWan += i.amountWan;
    }
  let stillFailing: StillFailing[] | null = null;
  if (input.results) {
    stillFailing = [];
    for (const s of active) {
      const r = input.results[s.pilot.community];
      const fails: StillFailing['fails'] = [];
      if (r.shortfallBaseM2 > 0) fails.push('area');
      if (!r.meetsBasicRule) fails.push('basic_rule');
      if (!r.meetsComplexRule) fails.push('complex_rule');
      if (fails.length)
        stillFailing.push({ communityId: r.id, name: r.name, district: r.district, stage: s.pilot.stage, fails, shortfallBaseM2: r.shortfallBaseM2 });
    }
  }
  const flagged = active
    .filter((s) => s.flags.length > 0)
    .sort((a, b) => b.flags.length - a.flags.length || (a.pilot.communityId < b.pilot.communityId ? -1 : 1))
    .map((s) => ({ communityId: s.pilot.communityId, name: communities[s.pilot.community].name, flags: s.flags, removalReasons: s.removalReasons }));
  return {
    asOf,
    pilots: statuses.length,
    byStatus: { active: active.length, removed: statuses.length - active.length },
    byStage,
    byDistrict: [...districts.values()],
    byBatch: [...batches.values()].sort((a, b) => a.batch - b.batch),
    listed: active.filter((s) => s.pilot.stage >= LISTED_STAGE).length,
    started: active.filter((s) => s.pilot.stage >= STARTED_STAGE).length,
    targets,
    flags,
    flagged,
    latestRatings,
    subsidyEligible: active.filter((s) => s.subsidyEligible).length,
    constructionSubsidy: { totalWan: input.subsidies.reduce((a, p) => a + p.amountWan, 0), byKind, perPilot: [...input.subsidies] },
    stillFailing,
    levels: input.levels
      ? {
          streetsWithoutStreetCentre: input.levels.streetsWithoutStreetCentre,
          communitiesWithoutCommunityCentre: input.levels.communitiesWithoutCommunityCentre,
          accessibility: input.levels.accessibility,
        }
      : null,
    landing: input.landing
      ? { points: input.landing.points, householdsReached: input.landing.householdsReached, communitiesNotReached: input.landing.communitiesNotReached }
      : null,
  };
}

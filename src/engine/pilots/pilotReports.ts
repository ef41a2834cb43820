import type { Community } from '../types';
import { UTF8_BOM, num4, toCsv } from '../report/csv';
import type { PilotStatus } from './pilotStatus';
import { PILOT_STAGES } from './pilotTypes';
import type { ProgrammeSummary } from './programmeSummary';
import type { ProposedPilot } from './proposePilots';

/** Header of pilot-status.csv, exactly (docs/PILOTS.md). */
export const PILOT_STATUS_HEADER = [
  'community_id',
  'name',
  'street',
  'district',
  'batch',
  'stage',
  'stage_name',
  'status',
  'flags',
  'latest_rating',
  'subsidy_eligible',
  'days_since_approval',
] as const;

/**
 * pilot-status.csv as text, UTF-8 BOM first, one row per pilot in pilots.csv order: `stage`
 * the number 1–9, `stage_name` its Chinese name, `flags` `;`-separated and sorted,
 * `latest_rating` empty when none, `days_since_approval` empty without approved_date.
 */
export function pilotStatusCsv(statuses: readonly PilotStatus[], communities: readonly Community[]): string {
  const rows = statuses.map((s) => {
    const p = s.pilot;
    const c = communities[p.community];
    return [
      p.communityId,
      c.name,
      c.street,
      c.district,
      String(p.batch),
      String(p.stage),
      PILOT_STAGES[p.stage - 1].zh,
      p.status,
      s.flags.join(';'),
      s.latestRating ?? '',
      String(s.subsidyEligible),
      s.daysSinceApproval === null ? '' : String(s.daysSinceApproval),
    ];
  });
  return UTF8_BOM + toCsv(PILOT_STATUS_HEADER, rows);
}

/** programme.json as text. */
export function programmeJson(summary: ProgrammeSummary, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ ...extra, ...summary }, (_k, v) => (typeof v === 'number' && !Number.isInteger(v) ? Number(num4(v)) : v), 2) + '\n';
}

/** Header of proposal.csv, exactly (docs/PILOTS.md). */
export const PROPOSAL_HEADER = [
  'rank',
  'community_id',
  'name',
  'street',
  'district',
  'households',
  'need_score',
  'need_rank',
  'shortfall_base_m2',
  'uncovered_ylyx_households',
  'missing_functions',
  'meets_basic_rule',
  'meets_complex_rule',
  'has_community_centre',
  'reason_zh',
  'reason',
] as const;

/** proposal.csv as text, UTF-8 BOM first, numbers to 4 decimals. */
export function proposalCsv(proposal: readonly ProposedPilot[]): string {
  const rows = proposal.map((p) => {
    const c = p.community;
    return [
      String(p.rank),
      c.id,
      c.name,
      c.street,
      c.district,
      String(c.households),
      num4(c.needScore),
      String(c.needRank),
      num4(c.shortfallBaseM2),
      num4(p.uncoveredYlyxHouseholds),
      p.missingFunctions.join(';'),
      String(c.meetsBasicRule),
      String(c.meetsComplexRule),
      p.hasCommunityCentre === null ? '' : String(p.hasCommunityCentre),
      p.reasonZh,
      p.reasonEn,
    ];
  });
  return UTF8_BOM + toCsv(PROPOSAL_HEADER, rows);
}

import type { EngineNote } from '../notes';
import type { Rejection } from '../errors';
import { parseDate, type IsoDate } from '../pilots/calendarDate';
import {
  EVALUATION_KINDS,
  EVALUATION_SCORES,
  LANDING_KINDS,
  LISTED_STAGE,
  OPERATION_MODES,
  PILOT_STAGES,
  PILOT_STATUSES,
  RATINGS,
  REMOVAL_REASONS,
  type Evaluation,
  type EvaluationScore,
  type LandingPoint,
  type Pilot,
  type PilotStage,
} from '../pilots/pilotTypes';
import type { Crs } from '../types';
import { decodeText } from './decodeText';
import { parseCsv, type CsvTable } from './parseCsv';
import { readLonLat } from './readPoints';
import { clip, readRows, type RowReader } from './rowReader';

/** Required and optional columns of the pilot programme's optional files (docs/PILOTS.md). */
export const PILOT_COLUMNS = {
  'pilots.csv': {
    required: ['community_id', 'batch', 'approved_date', 'stage'],
    optional: [
      'construction_start_date',
      'completion_date',
      'trial_start_date',
      'operator',
      'operation_mode',
      'status',
      'removed_reason',
      'removed_date',
      'note',
    ],
  },
  'evaluations.csv': {
    required: ['community_id', 'date', 'kind'],
    optional: [...EVALUATION_SCORES, 'rating'],
  },
  'landing_points.csv': {
    required: ['id', 'name', 'lon', 'lat', 'kind', 'radius_m'],
    optional: [],
  },
} as const;

/** An optional date cell: undefined when empty, the row rejected (R_BAD_DATE) when not a real date. */
function optDate(r: RowReader, name: string): IsoDate | undefined {
  const v = r.raw(name);
  if (v === '') return undefined;
  const d = parseDate(v);
  if (d === null) r.reject(name, 'R_BAD_DATE', `${name} '${clip(v)}' is not a date (YYYY-MM-DD)`);
  return d;
}

function community(r: RowReader, communities: Map<string, number>): [string, number] {
  const id = r.str('community_id');
  const idx = communities.get(id);
  if (idx === undefined) r.reject('community_id', 'R_UNKNOWN_COMMUNITY', `community_id '${clip(id)}' names no community`);
  return [id, idx];
}

function stageOf(r: RowReader): PilotStage {
  const v = r.str('stage');
  const byCode = PILOT_STAGES.findIndex((s) => s.code === v);
  if (byCode >= 0) return (byCode + 1) as PilotStage;
  if (/^[1-9]$/.test(v)) return Number(v) as PilotStage;
  return r.reject('stage', 'R_UNKNOWN_CODE', `stage '${clip(v)}' is not 1–9 or one of ${PILOT_STAGES.map((s) => s.code).join('|')}`);
}

/**
 * pilots.csv: one row per pilot community. Rejected (file, row, field, reason): unknown or
 * repeated community, batch not a whole number ≥ 1, a bad date or code, dates out of order
 * (approved ≤ construction start ≤ completion ≤ trial start; approved ≤ removed), a stage
 * earlier than its dates imply (approved_date → ≥ 4, construction start or completion → ≥ 7,
 * trial start → ≥ 8), no approved_date from stage 4 on.
 */
export function readPilots(t: CsvTable, communities: Map<string, number>, rejected: Rejection[]): Pilot[] {
  const seen = new Set<string>();
  return readRows(
    t,
    rejected,
    (r) => {
      const [communityId, idx] = community(r, communities);
      if (seen.has(communityId)) r.reject('community_id', 'R_DUPLICATE_ID', `community_id '${clip(communityId)}' repeats an earlier accepted row`);
      const batch = r.num('batch', 1, Infinity, true);
      const stage = stageOf(r);
      const approvedDate = optDate(r, 'approved_date');
      const constructionStartDate = optDate(r, 'construction_start_date');
      const completionDate = optDate(r, 'completion_date');
      const trialStartDate = optDate(r, 'trial_start_date');
      const removedDate = optDate(r, 'removed_date');
      const operationMode = r.raw('operation_mode') === '' ? undefined : r.oneOf('operation_mode', OPERATION_MODES);
      const status = r.oneOf('status', PILOT_STATUSES, 'active');
      const removedReason = r.raw('removed_reason') === '' ? undefined : r.oneOf('removed_reason', REMOVAL_REASONS);
      if (approvedDate === undefined && stage >= LISTED_STAGE)
        r.reject('approved_date', 'R_EMPTY', `approved_date is empty (required from stage ${LISTED_STAGE}, listed)`);
      // the dates in the order the stages go
      const chain: [string, IsoDate | undefined][] = [
        ['approved_date', approvedDate],
        ['construction_start_date', constructionStartDate],
        ['completion_date', completionDate],
        ['trial_start_date', trialStartDate],
      ];
      let prev: [string, IsoDate] | undefined;
      for (const [name, d] of chain) {
        if (d === undefined) continue;
        if (prev && d < prev[1]) r.reject(name, 'R_DATE_ORDER', `${name} ${d} is before ${prev[0]} ${prev[1]}`);
        prev = [name, d];
      }
      if (removedDate !== undefined && approvedDate !== undefined && removedDate < approvedDate)
        r.reject('removed_date', 'R_DATE_ORDER', `removed_date ${removedDate} is before approved_date ${approvedDate}`);
      const implied: [string, IsoDate | undefined, PilotStage][] = [
        ['approved_date', approvedDate, LISTED_STAGE],
        ['construction_start_date', constructionStartDate, 7],
        ['completion_date', completionDate, 7],
        ['trial_start_date', trialStartDate, 8],
      ];
      for (const [name, d, min] of implied) {
        if (d !== undefined && stage < min)
          r.reject(
            'stage',
            'R_STAGE_BEFORE_DATES',
            `stage ${stage} (${PILOT_STAGES[stage - 1].code}) is earlier than ${name} implies (≥ ${min}, ${PILOT_STAGES[min - 1].code})`,
          );
      }
      seen.add(communityId); // only accepted rows: a bad row does not block its corrected copy further down
      const p: Pilot = { communityId, community: idx, batch, stage, status };
      if (approvedDate) p.approvedDate = approvedDate;
      if (constructionStartDate) p.constructionStartDate = constructionStartDate;
      if (completionDate) p.completionDate = completionDate;
      if (trialStartDate) p.trialStartDate = trialStartDate;
      const operator = r.optStr('operator');
      if (operator) p.operator = operator;
      if (operationMode) p.operationMode = operationMode;
      if (removedReason) p.removedReason = removedReason;
      if (removedDate) p.removedDate = removedDate;
      const note = r.optStr('note');
      if (note) p.note = note;
      return p;
    },
    false,
  );
}

/**
 * evaluations.csv: one row per evaluation. The seven scores (0–100) are required unless a
 * `rating` is given (then any score given must still be 0–100). Rejected: unknown community,
 * a community that is not a pilot (when pilots.csv is given), a pilot before trial operation
 * (stage < 8), a date before the pilot's trial_start_date, a repeated (community, date,
 * kind), a bad date, kind or rating, a score outside 0–100.
 */
export function readEvaluations(t: CsvTable, communities: Map<string, number>, pilots: readonly Pilot[] | undefined, rejected: Rejection[]): Evaluation[] {
  const byCommunity = new Map(pilots?.map((p) => [p.communityId, p]));
  const seen = new Set<string>();
  let k = 0;
  return readRows(
    t,
    rejected,
    (r) => {
      const [communityId, idx] = community(r, communities);
      const date = optDate(r, 'date') ?? r.reject('date', 'R_EMPTY', 'date is empty');
      const kind = r.oneOf('kind', EVALUATION_KINDS);
      const rating = r.raw('rating') === '' ? undefined : r.oneOf('rating', RATINGS);
      const scores = {} as Record<EvaluationScore, number>;
      let given = 0;
      for (const s of EVALUATION_SCORES) {
        const v = rating === undefined ? r.num(s, 0, 100) : r.optNum(s, 0, 100);
        if (v !== undefined) {
          scores[s] = v;
          given++;
        }
      }
      if (pilots) {
        const p = byCommunity.get(communityId);
        if (!p) return r.reject('community_id', 'R_NOT_PILOT', `community_id '${clip(communityId)}' has no row in pilots.csv`);
        if (p.stage < 8)
          r.reject(
            'community_id',
            'R_STAGE_BEFORE_DATES',
            `pilot '${clip(communityId)}' is at stage ${p.stage} (${PILOT_STAGES[p.stage - 1].code}); an evaluation implies trial operation (stage ≥ 8)`,
          );
        if (p.trialStartDate !== undefined && date < p.trialStartDate)
          r.reject('date', 'R_DATE_ORDER', `date ${date} is before the pilot's trial_start_date ${p.trialStartDate}`);
      }
      const key = `${communityId}\u0000${date}\u0000${kind}`;
      if (seen.has(key)) r.reject('date', 'R_DUPLICATE_ID', `a ${kind} evaluation of '${clip(communityId)}' on ${date} repeats an earlier accepted row`);
      seen.add(key);
      k++;
      const e: Evaluation = { communityId, community: idx, date, kind, order: k };
      if (given === EVALUATION_SCORES.length) e.scores = scores;
      if (rating) e.rating = rating;
      return e;
    },
    false,
  );
}

/** landing_points.csv: `id`, `name`, `lon`, `lat`, `kind` (drone | evtol), `radius_m` (> 0, metres). */
export function readLandingPoints(t: CsvTable, crs: Crs, rejected: Rejection[]): LandingPoint[] {
  return readRows(t, rejected, (r) => {
    const id = r.str('id');
    const name = r.str('name');
    const [lon, lat] = readLonLat(r, crs);
    const kind = r.oneOf('kind', LANDING_KINDS);
    const radiusM = r.num('radius_m', 0);
    if (radiusM === 0) r.reject('radius_m', 'R_OUT_OF_RANGE', 'radius_m 0 must be > 0');
    return { id, name, lon, lat, kind, radiusM };
  });
}

/** The pilot programme's optional files of a package, read and validated. */
export interface PilotTables {
  pilots?: Pilot[];
  evaluations?: Evaluation[];
  landingPoints?: LandingPoint[];
}

/**
 * Read pilots.csv, evaluations.csv and landing_points.csv where the package has them (each
 * optional; evaluations are checked against the pilots). Bad rows go to `rejected`; a GBK
 * file is noted. A missing required column throws E_MISSING_COLUMN naming it.
 */
export function readPilotTables(
  files: Record<string, Uint8Array | undefined>,
  communities: Map<string, number>,
  crs: Crs,
  rejected: Rejection[],
  notes: EngineNote[],
): PilotTables {
  const table = (file: keyof typeof PILOT_COLUMNS): CsvTable | undefined => {
    const bytes = files[file];
    if (!bytes) return undefined;
    const { text, encoding } = decodeText(bytes, file);
    if (encoding === 'gbk') notes.push({ code: 'N_GBK', params: { file } });
    return parseCsv(text, file, PILOT_COLUMNS[file].required);
  };
  // pilots.csv and evaluations.csv have no id column: a rejected row is known by its community_id
  const nameRows = (t: CsvTable, from: number) => {
    const col = t.col.get('community_id')!;
    for (let i = from; i < rejected.length; i++) if (rejected[i].id === '') rejected[i].id = clip((t.rows[rejected[i].row - 1]?.[col] ?? '').trim());
  };
  const out: PilotTables = {};
  const p = table('pilots.csv');
  if (p) {
    const from = rejected.length;
    out.pilots = readPilots(p, communities, rejected);
    nameRows(p, from);
  }
  const e = table('evaluations.csv');
  if (e) {
    const from = rejected.length;
    out.evaluations = readEvaluations(e, communities, out.pilots, rejected);
    nameRows(e, from);
  }
  const l = table('landing_points.csv');
  if (l) out.landingPoints = readLandingPoints(l, crs, rejected);
  return out;
}

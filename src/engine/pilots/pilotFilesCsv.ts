import { PILOT_COLUMNS } from '../package/readPilotFiles';
import { UTF8_BOM, toCsv } from '../report/csv';
import { EVALUATION_SCORES, type Evaluation, type Pilot } from './pilotTypes';

const PILOTS_HEADER = [...PILOT_COLUMNS['pilots.csv'].required, ...PILOT_COLUMNS['pilots.csv'].optional];
const EVALUATIONS_HEADER = [...PILOT_COLUMNS['evaluations.csv'].required, ...PILOT_COLUMNS['evaluations.csv'].optional];

/**
 * pilots.csv text (UTF-8 BOM, CRLF) of a programme, every column of docs/PILOTS.md, stage as
 * its number: what the map exports after editing. Reading it back gives the same pilots.
 */
export function pilotsCsv(pilots: readonly Pilot[]): string {
  const rows = pilots.map((p) => [
    p.communityId,
    String(p.batch),
    p.approvedDate ?? '',
    String(p.stage),
    p.constructionStartDate ?? '',
    p.completionDate ?? '',
    p.trialStartDate ?? '',
    p.operator ?? '',
    p.operationMode ?? '',
    p.status,
    p.removedReason ?? '',
    p.removedDate ?? '',
    p.note ?? '',
  ]);
  return UTF8_BOM + toCsv(PILOTS_HEADER, rows);
}

/** evaluations.csv text (UTF-8 BOM, CRLF); scores empty where the row gave only a rating. */
export function evaluationsCsv(evaluations: readonly Evaluation[]): string {
  const rows = evaluations.map((e) => [e.communityId, e.date, e.kind, ...EVALUATION_SCORES.map((s) => (e.scores ? String(e.scores[s]) : '')), e.rating ?? '']);
  return UTF8_BOM + toCsv(EVALUATIONS_HEADER, rows);
}

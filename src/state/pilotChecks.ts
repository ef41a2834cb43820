import { pilots as P } from '../engine/index';
import type { Evaluation, Pilot } from '../engine/index';

/** Why an edited row would be rejected by the package loader (docs/PILOTS.md section 1); the UI words it. */
export type EditProblem =
  | { code: 'badDate'; field: string }
  | { code: 'approvedMissing' }
  | { code: 'dateOrder'; field: string; before: string }
  | { code: 'stageBeforeDates'; field: string; min: number }
  | { code: 'notInTrial' }
  | { code: 'beforeTrial' }
  | { code: 'scoreRange'; field: string }
  | { code: 'duplicate' };

const DATE_CHAIN = [
  ['approved_date', 'approvedDate'],
  ['construction_start_date', 'constructionStartDate'],
  ['completion_date', 'completionDate'],
  ['trial_start_date', 'trialStartDate'],
] as const;

/** Least stage each date implies: approved 4, construction start and completion 7, trial start 8. */
const STAGE_FOR: Record<string, number> = { approved_date: 4, construction_start_date: 7, completion_date: 7, trial_start_date: 8 };

/** The first reason the loader would reject this pilots.csv row, or null when it would load. */
export function pilotProblem(p: Pilot): EditProblem | null {
  for (const [field, key] of [...DATE_CHAIN, ['removed_date', 'removedDate'] as const]) {
    const d = p[key];
    if (d !== undefined && P.parseDate(d) !== d) return { code: 'badDate', field };
  }
  if (p.stage >= 4 && !p.approvedDate) return { code: 'approvedMissing' };
  let prev: [string, string] | null = null;
  for (const [field, key] of DATE_CHAIN) {
    const d = p[key];
    if (d === undefined) continue;
    if (prev && d < prev[1]) return { code: 'dateOrder', field, before: prev[0] };
    prev = [field, d];
  }
  if (p.removedDate && p.approvedDate && p.removedDate < p.approvedDate) return { code: 'dateOrder', field: 'removed_date', before: 'approved_date' };
  for (const [field, key] of DATE_CHAIN) {
    if (p[key] !== undefined && p.stage < STAGE_FOR[field]) return { code: 'stageBeforeDates', field, min: STAGE_FOR[field] };
  }
  return null;
}

/** The first reason the loader would reject this evaluations.csv row for `pilot`, or null. */
export function evaluationProblem(e: Evaluation, pilot: Pilot, others: readonly Evaluation[]): EditProblem | null {
  if (P.parseDate(e.date) !== e.date) return { code: 'badDate', field: 'date' };
  if (pilot.stage < 8) return { code: 'notInTrial' };
  if (pilot.trialStartDate && e.date < pilot.trialStartDate) return { code: 'beforeTrial' };
  if (e.scores) {
    for (const s of P.EVALUATION_SCORES) {
      const v = e.scores[s];
      if (!Number.isFinite(v) || v < 0 || v > 100) return { code: 'scoreRange', field: s };
    }
  }
  if (others.some((o) => o.communityId === e.communityId && o.date === e.date && o.kind === e.kind)) return { code: 'duplicate' };
  return null;
}

import { addMonths, type IsoDate } from './calendarDate';
import type { Evaluation, Pilot } from './pilotTypes';

/** Months of trial operation before the evaluation (art. 12: 试运营3个月后…考核评估). */
export const TRIAL_MONTHS = 3;

/**
 * Art. 12 (`evaluation_due`): trial operation started more than three months ago
 * (asOf > trial_start_date + 3 calendar months, end-of-month clamped) and no `trial`
 * evaluation dated by asOf. Exactly three months to the day is not yet due. A pilot without
 * trial_start_date, or whose trial starts after asOf, is never due.
 */
export function art12EvaluationDue(p: Pick<Pilot, 'trialStartDate'>, evaluations: readonly Pick<Evaluation, 'kind' | 'date'>[], asOf: IsoDate): boolean {
  if (p.trialStartDate === undefined) return false;
  if (!(asOf > addMonths(p.trialStartDate, TRIAL_MONTHS))) return false;
  return !evaluations.some((e) => e.kind === 'trial' && e.date <= asOf);
}

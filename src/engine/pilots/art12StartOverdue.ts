import { addMonths, type IsoDate } from './calendarDate';
import { STARTED_STAGE, type Pilot } from './pilotTypes';

/** Months within which construction is to start after the list is fixed (art. 12: 原则上要求1年内启动建设). */
export const START_WITHIN_MONTHS = 12;

/** Whether a pilot had started construction by `asOf`: a construction_start_date ≤ asOf, or stage ≥ 7 with no date given. */
export function startedBy(p: Pick<Pilot, 'stage' | 'constructionStartDate'>, asOf: IsoDate): boolean {
  if (p.constructionStartDate !== undefined) return p.constructionStartDate <= asOf;
  return p.stage >= STARTED_STAGE;
}

/** Last day construction may start on time: approved_date + 12 calendar months, end-of-month clamped. */
export function startDeadline(approvedDate: IsoDate): IsoDate {
  return addMonths(approvedDate, START_WITHIN_MONTHS);
}

/**
 * Art. 12 (`start_overdue`): construction not started within one year of approved_date.
 * "Within one year" runs to the same calendar date a year later, inclusive (2025-01-20 →
 * 2026-01-20; 2024-02-29 → 2025-02-28); from the day after, a pilot that has not started is
 * overdue. A pilot with no approved_date (stages 1–3) is never overdue.
 */
export function art12StartOverdue(p: Pick<Pilot, 'approvedDate' | 'stage' | 'constructionStartDate'>, asOf: IsoDate): boolean {
  if (p.approvedDate === undefined) return false;
  return asOf > startDeadline(p.approvedDate) && !startedBy(p, asOf);
}

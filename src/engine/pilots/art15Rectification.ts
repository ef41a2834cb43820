import { addMonths, type IsoDate } from './calendarDate';
import type { RatedEvaluation } from './ratedEvaluations';

/** Months a failed operator has to put things right (art. 15: 限期三个月整改). */
export const RECTIFICATION_MONTHS = 3;

/** Where a pilot stands under art. 15's rectification rule. */
export interface RectificationState {
  /**
   * `none`: the latest evaluation is not a fail (or there is none);
   * `rectifying`: the latest is a fail, the three months not yet over;
   * `due`: the latest is a fail more than three months ago with no later evaluation (`rectification_due`);
   * `terminate`: the latest is a rectification evaluation that still fails (`terminate_contract`).
   */
  state: 'none' | 'rectifying' | 'due' | 'terminate';
  /** Date of the failing evaluation. */
  failDate?: IsoDate;
  /** Last day of the three months: failDate + 3 calendar months (end-of-month clamped). */
  deadline?: IsoDate;
}

/**
 * Art. 15: 评估等级为不合格的，限期三个月整改。整改仍不合格的，解除运营服务合同. Only the latest
 * evaluation by `asOf` matters (`rated` oldest first, see {@link ratedEvaluations}): a fail
 * of kind `trial` or `annual` starts three months of rectification, due once `asOf` is past
 * the deadline (deadline day itself still within); a fail of kind `rectification` means the
 * contract is to be terminated. A later pass ends either.
 */
export function art15Rectification(rated: readonly RatedEvaluation[], asOf: IsoDate): RectificationState {
  const last = rated[rated.length - 1];
  if (!last || last.ratingResult !== 'fail') return { state: 'none' };
  if (last.kind === 'rectification') return { state: 'terminate', failDate: last.date };
  const deadline = addMonths(last.date, RECTIFICATION_MONTHS);
  return { state: asOf > deadline ? 'due' : 'rectifying', failDate: last.date, deadline };
}

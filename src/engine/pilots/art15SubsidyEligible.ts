import { isPassing } from './art15Rating';
import type { RatedEvaluation } from './ratedEvaluations';

/**
 * Operating-subsidy eligibility (Annex 2, art. 15: 评估考核等级为合格及以上等级的，运营单位可…获得
 * 相应的运营补助): true while the latest annual or rectification evaluation is pass or
 * better. Trial evaluations do not count; no such evaluation yet → false.
 * `rated` is oldest first ({@link ratedEvaluations}).
 */
export function art15SubsidyEligible(rated: readonly RatedEvaluation[]): boolean {
  for (let i = rated.length - 1; i >= 0; i--) {
    const e = rated[i];
    if (e.kind === 'annual' || e.kind === 'rectification') return isPassing(e.ratingResult);
  }
  return false;
}

import type { IsoDate } from './calendarDate';
import { art15Rating } from './art15Rating';
import type { Evaluation, Rating } from './pilotTypes';
import type { RatingBands } from './ratingBands';

/** An evaluation with its rating (art. 15). */
export interface RatedEvaluation extends Evaluation {
  ratingResult: Rating;
}

/**
 * The evaluations of one pilot that have happened by `asOf` (date ≤ asOf), rated, oldest
 * first; two on the same date keep their file order, so the later row is the later one.
 */
export function ratedEvaluations(evaluations: readonly Evaluation[], asOf: IsoDate, bands: RatingBands): RatedEvaluation[] {
  return evaluations
    .filter((e) => e.date <= asOf)
    .map((e) => ({ ...e, ratingResult: art15Rating(e, bands) }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.order - b.order));
}

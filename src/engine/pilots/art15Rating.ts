import { EVALUATION_SCORES, type Evaluation, type Rating } from './pilotTypes';
import type { RatingBands } from './ratingBands';

/** Mean of the seven scores (0–100) of an evaluation, or null when it gives none. */
export function meanScore(e: Pick<Evaluation, 'scores'>): number | null {
  if (!e.scores) return null;
  let s = 0;
  for (const k of EVALUATION_SCORES) s += e.scores[k];
  return s / EVALUATION_SCORES.length;
}

/**
 * Rating of an evaluation (Annex 2, art. 15: 优秀 / 良好 / 合格 / 不合格). A rating the office
 * gave directly wins; otherwise the mean of the seven scores against `bands`: ≥ excellent
 * → excellent, ≥ good → good, ≥ pass → pass, below → fail (limits inclusive).
 */
export function art15Rating(e: Pick<Evaluation, 'scores' | 'rating'>, bands: RatingBands): Rating {
  if (e.rating) return e.rating;
  const m = meanScore(e);
  if (m === null) return 'fail'; // unreachable for loaded rows: the loader demands scores or a rating
  return m >= bands.excellent ? 'excellent' : m >= bands.good ? 'good' : m >= bands.pass ? 'pass' : 'fail';
}

/** True for pass or better (合格及以上). */
export function isPassing(r: Rating): boolean {
  return r !== 'fail';
}

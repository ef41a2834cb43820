import { EngineError } from '../errors';
import type { PolicyOverride } from '../standards/policy';

/** Lowest mean score (0–100) of each rating; below `pass` is 不合格 `fail`. */
export interface RatingBands {
  excellent: number;
  good: number;
  pass: number;
}

/**
 * The project's default rating bands. Art. 15 names the four ratings but not their
 * thresholds; these are the project's choice, overridable with `pilotRatingBands` in
 * policy.json or a --policy file.
 */
export const DEFAULT_RATING_BANDS: RatingBands = {
  excellent: 90, // mean score ≥ 90: 优秀
  good: 80, // ≥ 80: 良好
  pass: 60, // ≥ 60: 合格; below: 不合格
};

/**
 * The rating bands in force: the default, then each override's `pilotRatingBands` key by
 * key, later ones winning. Bands out of order (excellent ≥ good ≥ pass) are E_POLICY.
 */
export function resolveRatingBands(...overrides: (PolicyOverride | undefined)[]): RatingBands {
  const b: RatingBands = { ...DEFAULT_RATING_BANDS };
  for (const o of overrides) if (o?.pilotRatingBands) Object.assign(b, o.pilotRatingBands);
  if (!(b.excellent >= b.good && b.good >= b.pass)) {
    throw new EngineError('E_POLICY', { field: 'pilotRatingBands', detail: `excellent ${b.excellent} ≥ good ${b.good} ≥ pass ${b.pass} expected` });
  }
  return b;
}

import { EngineError } from '../errors';

/**
 * A covering instance, already thresholded by distance: which candidate sites reach which
 * demand points. The coverage code builds it from straight-line, network or matrix
 * distances; the optimisers here never see a distance.
 */
export interface CoverageInstance {
  /**
   * Weight of each demand point, e.g. households of a building not yet covered.
   * Finite and ≥ 0. Integer weights let the solver prove optimality with an absolute gap
   * below 1 and make the recomputed objective exact.
   */
  demandWeight: Float64Array;
  /** Per candidate: strictly increasing indices of the demand points within range. */
  candidateCovers: Int32Array[];
}

/**
 * Checks an instance and a site count; throws {@link EngineError} `E_ARGUMENT` naming the
 * problem. `p` must be a whole number ≥ 1; there must be at least one demand point and one
 * candidate; weights finite and ≥ 0; cover lists strictly increasing and in range.
 */
export function validateCoverage(inst: CoverageInstance, p: number): void {
  const bad = (detail: string): never => {
    throw new EngineError('E_ARGUMENT', { detail });
  };
  if (!Number.isInteger(p) || p < 1) bad(`p must be a whole number ≥ 1, got ${p}`);
  if (!inst || !(inst.demandWeight instanceof Float64Array)) bad('demandWeight must be a Float64Array');
  if (!Array.isArray(inst.candidateCovers)) bad('candidateCovers must be an array');
  const n = inst.demandWeight.length;
  if (n === 0) bad('no demand points');
  if (inst.candidateCovers.length === 0) bad('no candidates');
  for (let i = 0; i < n; i++) {
    const w = inst.demandWeight[i];
    if (!Number.isFinite(w) || w < 0) bad(`demandWeight[${i}] = ${w}, must be finite and ≥ 0`);
  }
  inst.candidateCovers.forEach((cov, j) => {
    if (!(cov instanceof Int32Array)) bad(`candidateCovers[${j}] must be an Int32Array`);
    let prev = -1;
    for (let k = 0; k < cov.length; k++) {
      const i = cov[k];
      if (i <= prev || i >= n) bad(`candidateCovers[${j}] must be strictly increasing demand indices < ${n}`);
      prev = i;
    }
  });
}

/** 1 for every demand point covered by at least one of `selected` (candidate indices). */
export function coveredMask(inst: CoverageInstance, selected: ArrayLike<number>): Uint8Array {
  const mask = new Uint8Array(inst.demandWeight.length);
  for (let s = 0; s < selected.length; s++) {
    const cov = inst.candidateCovers[selected[s]];
    for (let k = 0; k < cov.length; k++) mask[cov[k]] = 1;
  }
  return mask;
}

/**
 * Covered weight of a selection, summed in demand-index order. Exact whenever the weights
 * are integers and the total is below 2^53 (every partial sum is then an exact double).
 */
export function coverageObjective(inst: CoverageInstance, selected: ArrayLike<number>): number {
  const mask = coveredMask(inst, selected);
  const w = inst.demandWeight;
  let sum = 0;
  for (let i = 0; i < w.length; i++) if (mask[i]) sum += w[i];
  return sum;
}

/** True when every weight is a whole number and their sum is an exact double. */
export function hasIntegerWeights(inst: CoverageInstance): boolean {
  const w = inst.demandWeight;
  let sum = 0;
  for (let i = 0; i < w.length; i++) {
    if (!Number.isInteger(w[i])) return false;
    sum += w[i];
  }
  return sum <= Number.MAX_SAFE_INTEGER;
}

import { EngineError } from '../errors';
import { coveredMask, validateCoverage, type CoverageInstance } from './coverageInstance';
import { solveMclp, type MclpOptions, type MclpSolution } from './solveMclp';

/**
 * Maximal covering location problem as a model object, in the style of PySAL spopt's
 * `MCLP`: build it from a coverage instance (distances already thresholded), `solve()`,
 * then read the result. Reading before solving throws `E_NOT_SOLVED`.
 *
 *     maximise    Σ_i w_i · y_i
 *     subject to  y_i ≤ Σ_{j ∈ N_i} x_j     for every demand point i
 *                 Σ_j x_j ≤ p
 *                 x_j ∈ {0, 1},  0 ≤ y_i ≤ 1
 *
 * See {@link solveMclp} for how it is solved and when `optimal` is true.
 */
export class Mclp {
  private solution: MclpSolution | null = null;

  /** Throws `E_ARGUMENT` for an invalid instance or p. */
  constructor(
    readonly instance: CoverageInstance,
    readonly p: number,
  ) {
    validateCoverage(instance, p);
  }

  /** Solves the model (again) and keeps the result. */
  async solve(opts: MclpOptions = {}): Promise<this> {
    this.solution = await solveMclp(this.instance, this.p, opts);
    return this;
  }

  /** The solution; throws `E_NOT_SOLVED` before {@link solve}. */
  get result(): MclpSolution {
    if (!this.solution) throw new EngineError('E_NOT_SOLVED', { detail: 'call solve() first' });
    return this.solution;
  }

  /** 1 for each demand point covered by the chosen sites. */
  coveredDemand(): Uint8Array {
    return coveredMask(this.instance, this.result.selected);
  }

  /** Share of demand points (unweighted, as spopt's `perc_cov`) covered, 0–1. */
  coveredFraction(): number {
    const mask = this.coveredDemand();
    let c = 0;
    for (let i = 0; i < mask.length; i++) c += mask[i];
    return c / mask.length;
  }
}

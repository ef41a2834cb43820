import type { CoverageInstance } from './coverageInstance';
import { LinearModelBuilder, type LinearModel } from './linearModel';

/** The MCLP as a linear model, with the column of each variable. */
export interface MclpModel {
  model: LinearModel;
  /** Candidate j → column of x_j (columns 0 … m−1). */
  xCol: Int32Array;
  /** Demand i → column of y_i (columns m … m+n−1). */
  yCol: Int32Array;
}

/**
 * Builds the maximal covering location problem (Church & ReVelle 1974):
 *
 *     maximise    Σ_i w_i · y_i
 *     subject to  y_i − Σ_{j ∈ N_i} x_j ≤ 0     for every demand point i   (cov_i)
 *                 Σ_j x_j ≤ p                                             (sites)
 *                 x_j ∈ {0, 1},  0 ≤ y_i ≤ 1
 *
 * where N_i is the set of candidates within range of i. `y_i` may stay continuous: for
 * binary x the optimum puts y_i = min(1, Σ x_j) ∈ {0, 1}. Demand points that no candidate
 * covers get `y_i` fixed at 0 (and no row).
 */
export function buildMclpModel(inst: CoverageInstance, p: number): MclpModel {
  const n = inst.demandWeight.length;
  const m = inst.candidateCovers.length;
  const b = new LinearModelBuilder('max');
  const xCol = new Int32Array(m);
  const yCol = new Int32Array(n);
  for (let j = 0; j < m; j++) xCol[j] = b.addCol({ lower: 0, upper: 1, integer: true, name: `x${j}` });

  // Demand → covering candidates (transpose of candidateCovers).
  const deg = new Int32Array(n + 1);
  for (const cov of inst.candidateCovers) for (let k = 0; k < cov.length; k++) deg[cov[k] + 1]++;
  for (let i = 0; i < n; i++) deg[i + 1] += deg[i];
  const cand = new Int32Array(deg[n]);
  const fill = deg.slice(0, n);
  for (let j = 0; j < m; j++) {
    const cov = inst.candidateCovers[j];
    for (let k = 0; k < cov.length; k++) cand[fill[cov[k]]++] = j;
  }

  for (let i = 0; i < n; i++) {
    const covered = deg[i + 1] > deg[i];
    yCol[i] = b.addCol({ cost: inst.demandWeight[i], lower: 0, upper: covered ? 1 : 0, name: `y${i}` });
  }
  const idx: number[] = [];
  const val: number[] = [];
  for (let i = 0; i < n; i++) {
    if (deg[i + 1] === deg[i]) continue;
    idx.length = 0;
    val.length = 0;
    idx.push(yCol[i]);
    val.push(1);
    for (let k = deg[i]; k < deg[i + 1]; k++) {
      idx.push(xCol[cand[k]]);
      val.push(-1);
    }
    b.addRow(idx, val, -Infinity, 0, `cov${i}`);
  }
  b.addRow(xCol, 1, -Infinity, p, 'sites');
  return { model: b.build(), xCol, yCol };
}

/** A full column vector for a selection: x = 1 on `selected`, y = 1 on what they cover. */
export function mclpStart(inst: CoverageInstance, mm: MclpModel, selected: ArrayLike<number>): Float64Array {
  const x = new Float64Array(mm.model.numCols);
  for (let s = 0; s < selected.length; s++) {
    const j = selected[s];
    x[mm.xCol[j]] = 1;
    const cov = inst.candidateCovers[j];
    for (let k = 0; k < cov.length; k++) x[mm.yCol[cov[k]]] = 1;
  }
  return x;
}

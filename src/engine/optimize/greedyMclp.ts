import type { CoverageInstance } from './coverageInstance';

/** Result of {@link greedyMclp}. */
export interface GreedyResult {
  /** Chosen candidate indices of the instance given, ascending. */
  selected: number[];
  /** The same candidates in the order greedy picked them. */
  order: number[];
  /** Covered weight of `selected`. */
  objective: number;
  /**
   * Upper bound on the optimum: the smallest of
   * - `f(S_k) + p · g_{k+1}` for every greedy step k (the best marginal gain bounds each of
   *   the ≤ p sites an optimal solution adds to S_k; submodularity);
   * - `f(S) + sum of the p largest marginal gains with respect to the final S`;
   * - `f(S) / (1 − (1 − 1/p)^p)` (Nemhauser, Wolsey & Fisher 1978);
   * - the total weight within range of any candidate.
   * Equal to `objective` when greedy is provably optimal.
   */
  bound: number;
}

/**
 * Lazy greedy for the maximal covering problem: add, p times, the candidate with the
 * largest marginal covered weight; ties go to the lowest candidate index. Marginal gains
 * only shrink as the selection grows (submodularity), so stale gains kept in a max-heap
 * are upper bounds and only the heap's top needs re-evaluating (Minoux 1978). Stops early
 * when no candidate adds weight. Deterministic. Guarantees ≥ (1 − 1/e) of the optimum.
 *
 * @param inst covering instance (validated by the caller)
 * @param p number of sites, ≥ 0
 */
export function greedyMclp(inst: CoverageInstance, p: number): GreedyResult {
  const w = inst.demandWeight;
  const covers = inst.candidateCovers;
  const m = covers.length;
  const covered = new Uint8Array(w.length);
  const gainOf = (j: number): number => {
    const cov = covers[j];
    let g = 0;
    for (let k = 0; k < cov.length; k++) if (!covered[cov[k]]) g += w[cov[k]];
    return g;
  };

  const heap = new GainHeap(m);
  let reachable = 0;
  {
    const any = new Uint8Array(w.length);
    for (let j = 0; j < m; j++) {
      const cov = covers[j];
      for (let k = 0; k < cov.length; k++) any[cov[k]] = 1;
      heap.push(j, gainOf(j));
    }
    for (let i = 0; i < w.length; i++) if (any[i]) reachable += w[i];
  }

  const stamp = new Int32Array(m).fill(0); // step at which the heap entry's gain was computed
  const order: number[] = [];
  let objective = 0;
  let bound = reachable;
  for (let step = 0; step < p && heap.size > 0; step++) {
    let j = -1;
    let g = 0;
    while (heap.size > 0) {
      const top = heap.peekId();
      if (stamp[top] === step) {
        j = top;
        g = heap.peekGain();
        heap.pop();
        break;
      }
      heap.pop();
      stamp[top] = step;
      heap.push(top, gainOf(top));
    }
    if (j < 0) break;
    bound = Math.min(bound, objective + p * g);
    if (g <= 0) break;
    order.push(j);
    objective += g;
    const cov = covers[j];
    for (let k = 0; k < cov.length; k++) covered[cov[k]] = 1;
  }

  // Bound from the final selection: f(S) + the p largest marginal gains.
  const chosen = new Uint8Array(m);
  for (const j of order) chosen[j] = 1;
  const gains: number[] = [];
  for (let j = 0; j < m; j++) if (!chosen[j]) gains.push(gainOf(j));
  gains.sort((a, b) => b - a);
  let top = objective;
  for (let k = 0; k < Math.min(p, gains.length); k++) top += gains[k];
  bound = Math.min(bound, top);
  if (p > 0) bound = Math.min(bound, objective / (1 - Math.pow(1 - 1 / p, p)));
  // Recompute the objective in demand order so it matches coverageObjective bit for bit.
  let exact = 0;
  for (let i = 0; i < w.length; i++) if (covered[i]) exact += w[i];
  return {
    selected: [...order].sort((a, b) => a - b),
    order,
    objective: exact,
    bound: Math.max(bound, exact),
  };
}

/** Binary max-heap of (gain, id), ordered by gain descending then id ascending. */
class GainHeap {
  private ids: Int32Array;
  private gains: Float64Array;
  size = 0;
  constructor(capacity: number) {
    this.ids = new Int32Array(Math.max(1, capacity));
    this.gains = new Float64Array(Math.max(1, capacity));
  }
  private before(a: number, b: number): boolean {
    const ga = this.gains[a];
    const gb = this.gains[b];
    return ga > gb || (ga === gb && this.ids[a] < this.ids[b]);
  }
  private swap(a: number, b: number): void {
    const id = this.ids[a];
    this.ids[a] = this.ids[b];
    this.ids[b] = id;
    const g = this.gains[a];
    this.gains[a] = this.gains[b];
    this.gains[b] = g;
  }
  push(id: number, gain: number): void {
    let i = this.size++;
    this.ids[i] = id;
    this.gains[i] = gain;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }
  peekId(): number {
    return this.ids[0];
  }
  peekGain(): number {
    return this.gains[0];
  }
  pop(): void {
    const last = --this.size;
    if (last === 0) return;
    this.ids[0] = this.ids[last];
    this.gains[0] = this.gains[last];
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let best = i;
      if (l < last && this.before(l, best)) best = l;
      if (r < last && this.before(r, best)) best = r;
      if (best === i) break;
      this.swap(i, best);
      i = best;
    }
  }
}

import type { CoverageInstance } from './coverageInstance';

/** Options of {@link swapLocalSearch}. */
export interface SwapOptions {
  maxPasses?: number; // full passes over the unselected candidates, default 50
}

/**
 * 1-swap local search for the maximal covering problem: repeatedly replace one selected
 * candidate by an unselected one when that strictly increases the covered weight, until
 * no swap helps (a 1-swap local optimum) or `maxPasses` passes are done. Also fills free
 * slots (selection shorter than p) with the best addition first.
 *
 * One pass costs O(nnz + m · |S|): for each unselected k, its gain on uncovered demand and,
 * per selected j, the weight k would take over from j (demand covered only by j). The
 * best swap of a pass (largest gain, then lowest indices) is applied: deterministic.
 *
 * @returns the improved selection (ascending) and its objective.
 */
export function swapLocalSearch(
  inst: CoverageInstance,
  selected: number[],
  p: number,
  opts: SwapOptions = {},
): { selected: number[]; objective: number; swaps: number } {
  const w = inst.demandWeight;
  const covers = inst.candidateCovers;
  const m = covers.length;
  const maxPasses = opts.maxPasses ?? 50;
  const count = new Int32Array(w.length); // selected sites covering each point
  const owner = new Int32Array(w.length); // XOR of (selected index + 1) over covering sites: the site when count = 1
  const inSel = new Uint8Array(m);
  const add = (j: number) => {
    inSel[j] = 1;
    for (const i of covers[j]) {
      count[i]++;
      owner[i] ^= j + 1;
    }
  };
  const remove = (j: number) => {
    inSel[j] = 0;
    for (const i of covers[j]) {
      count[i]--;
      owner[i] ^= j + 1;
    }
  };
  for (const j of selected) add(j);
  const sel = [...selected].sort((a, b) => a - b);

  // Fill free slots greedily (plain, not lazy: only used for short selections).
  while (sel.length < Math.min(p, m)) {
    let best = -1,
      bestGain = 0;
    for (let k = 0; k < m; k++) {
      if (inSel[k]) continue;
      let g = 0;
      for (const i of covers[k]) if (count[i] === 0) g += w[i];
      if (g > bestGain) {
        bestGain = g;
        best = k;
      }
    }
    if (best < 0) break;
    add(best);
    sel.push(best);
    sel.sort((a, b) => a - b);
  }

  const loss = new Float64Array(m); // weight only j covers, for selected j
  const take = new Float64Array(m); // per selected j: weight k would take over from j
  let swaps = 0;
  for (let pass = 0; pass < maxPasses && sel.length > 0; pass++) {
    loss.fill(0);
    for (let i = 0; i < w.length; i++) if (count[i] === 1) loss[owner[i] - 1] += w[i];
    let bestDelta = 0,
      bestOut = -1,
      bestIn = -1;
    for (let k = 0; k < m; k++) {
      if (inSel[k]) continue;
      let gain = 0;
      for (const j of sel) take[j] = 0;
      for (const i of covers[k]) {
        if (count[i] === 0) gain += w[i];
        else if (count[i] === 1) take[owner[i] - 1] += w[i];
      }
      for (const j of sel) {
        const delta = gain - loss[j] + take[j];
        if (delta > bestDelta + 1e-9 * Math.max(1, bestDelta)) {
          bestDelta = delta;
          bestOut = j;
          bestIn = k;
        }
      }
    }
    if (bestOut < 0) break;
    remove(bestOut);
    add(bestIn);
    sel.splice(sel.indexOf(bestOut), 1);
    sel.push(bestIn);
    sel.sort((a, b) => a - b);
    swaps++;
  }
  let objective = 0;
  for (let i = 0; i < w.length; i++) if (count[i] > 0) objective += w[i];
  return { selected: sel, objective, swaps };
}

import { EngineError } from '../errors';
import type { CoverageInstance } from './coverageInstance';

/** Largest number of subsets {@link bruteForceMclp} agrees to enumerate. */
export const BRUTE_FORCE_MAX_SUBSETS = 5_000_000;

/**
 * Exact maximal covering by enumerating every set of min(p, m) candidates (coverage never
 * decreases when a site is added, so sets of exactly that size suffice). Returns the best
 * objective and, among equally good sets, the lexicographically smallest. For tests and
 * tiny instances only: throws `E_ARGUMENT` above {@link BRUTE_FORCE_MAX_SUBSETS} subsets.
 */
export function bruteForceMclp(inst: CoverageInstance, p: number): { selected: number[]; objective: number } {
  const m = inst.candidateCovers.length;
  const k = Math.min(p, m);
  if (binomial(m, k) > BRUTE_FORCE_MAX_SUBSETS) {
    throw new EngineError('E_ARGUMENT', { detail: `brute force over C(${m}, ${k}) subsets is too large` });
  }
  const w = inst.demandWeight;
  const count = new Int32Array(w.length); // how many chosen sites cover each point
  let best = -1;
  let bestSet: number[] = [];
  const chosen: number[] = [];
  const recurse = (from: number, value: number): void => {
    if (chosen.length === k) {
      // Strictly better only: the first set found (lexicographic order) wins ties.
      if (value > best) {
        best = value;
        bestSet = chosen.slice();
      }
      return;
    }
    for (let j = from; j <= m - (k - chosen.length); j++) {
      const cov = inst.candidateCovers[j];
      let add = 0;
      for (let t = 0; t < cov.length; t++) if (count[cov[t]]++ === 0) add += w[cov[t]];
      chosen.push(j);
      recurse(j + 1, value + add);
      chosen.pop();
      for (let t = 0; t < cov.length; t++) count[cov[t]]--;
    }
  };
  recurse(0, 0);
  // Recompute in demand order, as coverageObjective does, so results compare exactly.
  const mark = new Uint8Array(w.length);
  for (const j of bestSet) for (const i of inst.candidateCovers[j]) mark[i] = 1;
  let objective = 0;
  for (let i = 0; i < w.length; i++) if (mark[i]) objective += w[i];
  return { selected: bestSet, objective };
}

function binomial(n: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return Math.round(r);
}

import { coverageObjective, type CoverageInstance } from './coverageInstance';
import { greedyMclp } from './greedyMclp';
import { runMip, type HighsRuntime, type MipStatus } from './highsRunner';
import { relaxModel } from './linearModel';
import { buildMclpModel, mclpStart, type MclpModel } from './mclpModel';
import { shrinkInstance } from './shrinkInstance';
import { swapLocalSearch } from './swapLocalSearch';

/** Options of {@link lpGuidedMclp}. */
export interface LpGuidedOptions {
  timeLimitS?: number; // s for all of it (LP, then sub-MIP with what is left), default 10
  subMipTimeLimitS?: number; // s at most for the fix-and-solve sub-MIP, default 2
  maxFractional?: number; // skip the sub-MIP above this many fractional sites, default 300
}

/** What {@link lpGuidedMclp} found. */
export interface LpGuidedResult {
  /** How the LP relaxation run ended. */
  lpStatus: MipStatus;
  /** LP relaxation optimum (an upper bound on the MCLP), or +Infinity when not solved. */
  lpBound: number;
  /** Best selection found (ascending), its covered weight; [] and 0 without an LP solution. */
  selected: number[];
  objective: number;
  /** Sites at 1 and strictly fractional in the LP solution. */
  lpOnes: number;
  lpFractional: number;
}

/**
 * LP-guided heuristics for the MCLP. Solves the LP relaxation (0 ≤ x ≤ 1) with HiGHS's
 * primal simplex, which on these degenerate covering LPs is many times faster than the
 * dual simplex the MIP solver starts with; its optimum bounds the MCLP from above. Then:
 * 1. rounding: the p sites with the largest x (ties: lowest index), improved by
 *    {@link swapLocalSearch};
 * 2. fix-and-solve: sites at x = 1 are fixed in, sites at x = 0 left out, and the small
 *    MCLP over the fractional sites (demand the fixed sites leave uncovered, p minus the
 *    fixed count) is solved by HiGHS within `subMipTimeLimitS`, then swap-improved.
 * Both are heuristics (the answer is feasible, not proved); the LP bound is proved.
 */
export function lpGuidedMclp(
  highs: HighsRuntime,
  inst: CoverageInstance,
  p: number,
  mm: MclpModel = buildMclpModel(inst, p),
  opts: LpGuidedOptions = {},
): LpGuidedResult {
  const m = inst.candidateCovers.length;
  const t0 = Date.now();
  const limit = opts.timeLimitS ?? 10;
  const lp = runMip(highs, relaxModel(mm.model), {
    timeLimitS: limit,
    highsOptions: { solver: 'simplex', simplex_strategy: 4 },
  });
  const result: LpGuidedResult = {
    lpStatus: lp.status,
    lpBound: lp.status === 'optimal' ? lp.objective : Infinity,
    selected: [],
    objective: 0,
    lpOnes: 0,
    lpFractional: 0,
  };
  if (!lp.x) return result;
  const xv = Float64Array.from(mm.xCol, (c) => lp.x![c]);
  const keep = (sel: number[]) => {
    const improved = swapLocalSearch(inst, sel, p);
    if (improved.objective > result.objective) {
      result.selected = improved.selected;
      result.objective = improved.objective;
    }
  };

  const order = [...Array(m).keys()].sort((a, b) => xv[b] - xv[a] || a - b);
  keep(order.slice(0, p).filter((j) => xv[j] > 1e-6));

  const ones: number[] = [];
  const frac: number[] = [];
  for (let j = 0; j < m; j++) {
    if (xv[j] >= 1 - 1e-6) ones.push(j);
    else if (xv[j] > 1e-6) frac.push(j);
  }
  result.lpOnes = ones.length;
  result.lpFractional = frac.length;
  const free = p - ones.length;
  const subLimit = Math.min(opts.subMipTimeLimitS ?? 2, limit - (Date.now() - t0) / 1000);
  if (frac.length === 0 || free <= 0 || frac.length > (opts.maxFractional ?? 300) || subLimit < 0.05) return result;

  // Fix-and-solve: residual demand after the fixed sites, fractional sites only.
  const w = Float64Array.from(inst.demandWeight);
  for (const j of ones) for (const i of inst.candidateCovers[j]) w[i] = 0;
  const sub = shrinkInstance({ demandWeight: w, candidateCovers: frac.map((j) => inst.candidateCovers[j]) });
  const subCands = sub.instance.candidateCovers.length;
  let pick: number[];
  if (free >= subCands) pick = [...Array(subCands).keys()];
  else {
    const g = greedyMclp(sub.instance, free);
    pick = g.selected;
    const smm = buildMclpModel(sub.instance, free);
    const run = runMip(highs, smm.model, {
      timeLimitS: subLimit,
      start: mclpStart(sub.instance, smm, g.selected),
    });
    if (run.x) {
      const chosen = [...Array(subCands).keys()].filter((k) => run.x![smm.xCol[k]] > 0.5).slice(0, free);
      if (coverageObjective(sub.instance, chosen) > g.objective) pick = chosen;
    }
  }
  keep([...ones, ...pick.map((k) => frac[sub.candidateOrigin[k]])]);
  return result;
}

import { coverageObjective, hasIntegerWeights, validateCoverage, type CoverageInstance } from './coverageInstance';
import { greedyMclp } from './greedyMclp';
import { resolveHighs, runMip, type HighsLoaderOrInstance, type MipStatus } from './highsRunner';
import { buildMclpModel, mclpStart } from './mclpModel';
import { shrinkInstance } from './shrinkInstance';

/** Options of {@link solveMclp}. */
export interface MclpOptions {
  timeLimitS?: number; // s of HiGHS time, default 10
  mipRelGap?: number; // relative gap at which HiGHS may stop, default 0 (prove the optimum)
  /** Where HiGHS comes from; default `import('highs')`. See {@link HighsLoaderOrInstance}. */
  highs?: HighsLoaderOrInstance;
  method?: 'exact' | 'greedy'; // default 'exact' (HiGHS seeded with greedy); 'greedy' skips HiGHS
  shrink?: boolean; // default true; false only to measure plain HiGHS on the full model
  /** Progress while HiGHS runs, in the shrunk model's objective (= the original's). */
  onProgress?: (p: { objective: number; bound: number; seconds: number }) => void;
}

/** A maximal covering solution. */
export interface MclpSolution {
  /** Original candidate indices, ascending; at most p (fewer when more add nothing). */
  selected: number[];
  /** Covered weight, recomputed from the cover sets (exact for integer weights). */
  objective: number;
  /** True only when optimality is proved: by HiGHS, by greedy's bound, or trivially. */
  optimal: boolean;
  /** Proven upper bound on the optimum, ≥ objective. */
  bound: number;
  /** (bound − objective) / bound, 0 when bound is 0. */
  gap: number;
  /** What produced `selected`. */
  method: 'highs' | 'greedy' | 'trivial';
  stats: {
    demand: number;
    candidates: number;
    shrunkDemand: number;
    shrunkCandidates: number;
    /** Wall-clock seconds, shrink + greedy + HiGHS. */
    seconds: number;
    greedyObjective: number;
    /** How HiGHS ended, or null when it did not run. */
    solverStatus: MipStatus | null;
  };
}

/**
 * Maximal covering location problem: choose at most `p` candidates so that the total weight
 * of covered demand is as large as possible.
 *
 *     maximise    Σ_i w_i · y_i
 *     subject to  y_i ≤ Σ_{j ∈ N_i} x_j     for every demand point i
 *                 Σ_j x_j ≤ p
 *                 x_j ∈ {0, 1},  0 ≤ y_i ≤ 1
 *
 * Steps: validate → {@link shrinkInstance} (merge equal demand, drop dominated candidates;
 * optimum unchanged) → trivial cases (nothing coverable; p ≥ useful candidates: take them
 * all) → lazy greedy with an upper bound (optimal when the bound meets it) → HiGHS on the
 * shrunk model, started from the greedy solution, within `timeLimitS`. With integer
 * weights the optimum is an integer, so an absolute gap below 1 proves it (HiGHS stops at
 * `mip_abs_gap` 0.5 and the bound is rounded down). The answer is HiGHS's incumbent rounded to 0/1, or greedy's if that is better;
 * its objective is recomputed from the cover sets. `optimal` is true only when HiGHS
 * reported Optimal and the bound meets the objective (within 1e-9 relative; < 1 for
 * integer weights), when greedy's bound meets it, or in the trivial cases. Output is
 * deterministic when HiGHS finishes before the time limit.
 *
 * Throws `E_ARGUMENT` for p < 1 or not whole, no demand, no candidates, bad weights or
 * cover lists; `E_SOLVER` when HiGHS cannot be loaded or fails.
 */
export async function solveMclp(inst: CoverageInstance, p: number, opts: MclpOptions = {}): Promise<MclpSolution> {
  validateCoverage(inst, p);
  const t0 = Date.now();
  const timeLimitS = opts.timeLimitS ?? 10;
  const mipRelGap = opts.mipRelGap ?? 0;
  const method = opts.method ?? 'exact';
  const integer = hasIntegerWeights(inst);

  const shrunk = opts.shrink === false
    ? { instance: inst, candidateOrigin: Int32Array.from(inst.candidateCovers.keys()) }
    : shrinkInstance(inst);
  const s = shrunk.instance;
  const stats = {
    demand: inst.demandWeight.length,
    candidates: inst.candidateCovers.length,
    shrunkDemand: s.demandWeight.length,
    shrunkCandidates: s.candidateCovers.length,
    seconds: 0,
    greedyObjective: 0,
    solverStatus: null as MipStatus | null,
  };
  const finish = (local: number[], bound: number, optimal: boolean, how: MclpSolution['method']): MclpSolution => {
    const selected = local.map((k) => shrunk.candidateOrigin[k]).sort((a, b) => a - b);
    const objective = coverageObjective(inst, selected);
    const b = Math.max(bound, objective);
    stats.seconds = (Date.now() - t0) / 1000;
    return { selected, objective, optimal, bound: b, gap: b > 0 ? (b - objective) / b : 0, method: how, stats };
  };
  const closes = (bound: number, objective: number): boolean =>
    integer ? bound - objective < 1 - 1e-6 : bound - objective <= 1e-9 * Math.max(1, Math.abs(objective));

  // Trivial: nothing coverable, or enough sites for every useful candidate.
  if (opts.shrink !== false && p >= s.candidateCovers.length) {
    const all = [...s.candidateCovers.keys()];
    stats.greedyObjective = coverageObjective(s, all);
    return finish(all, stats.greedyObjective, true, 'trivial');
  }

  const greedy = greedyMclp(s, p);
  stats.greedyObjective = greedy.objective;
  let bound = integer ? Math.floor(greedy.bound + 1e-6 + 1e-9 * greedy.bound) : greedy.bound;
  if (method === 'greedy' || closes(bound, greedy.objective)) {
    return finish(greedy.selected, bound, closes(bound, greedy.objective), 'greedy');
  }

  const highs = await resolveHighs(opts.highs);
  const mm = buildMclpModel(s, p);
  const run = runMip(highs, mm.model, {
    timeLimitS,
    mipRelGap,
    mipAbsGap: integer ? 0.5 : 1e-6,
    start: mclpStart(s, mm, greedy.selected),
    onProgress: opts.onProgress,
  });
  stats.solverStatus = run.status;
  if (run.status === 'error' || run.status === 'infeasible' || run.status === 'unbounded') {
    // The model is always feasible (x = 0) and bounded; anything else is a solver fault.
    // Greedy's answer still stands, unproved.
    return finish(greedy.selected, bound, false, 'greedy');
  }
  let hb = run.bound;
  // Integer optimum ≤ ⌊bound⌋; the small allowance absorbs HiGHS's rounding of its bound
  // (its stopping gap 0.5 keeps a proved bound well below the next integer).
  if (integer && Number.isFinite(hb)) hb = Math.floor(hb + 1e-6 + 1e-9 * Math.abs(hb));
  bound = Math.min(bound, hb);

  let chosen: number[] = [];
  if (run.x) {
    const xs: { j: number; v: number }[] = [];
    for (let j = 0; j < s.candidateCovers.length; j++) if (run.x[mm.xCol[j]] > 0.5) xs.push({ j, v: run.x[mm.xCol[j]] });
    xs.sort((a, b) => b.v - a.v || a.j - b.j);
    chosen = xs.slice(0, p).map((e) => e.j).sort((a, b) => a - b);
  }
  const highsObjective = run.x ? coverageObjective(s, chosen) : -Infinity;
  if (highsObjective >= greedy.objective) {
    return finish(chosen, bound, run.status === 'optimal' && closes(bound, highsObjective), 'highs');
  }
  return finish(greedy.selected, bound, run.status === 'optimal' && closes(bound, greedy.objective), 'greedy');
}

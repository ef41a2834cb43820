import { coverageObjective, hasIntegerWeights, validateCoverage, type CoverageInstance } from './coverageInstance';
import { greedyMclp } from './greedyMclp';
import { resolveHighs, runMip, type HighsLoaderOrInstance, type MipStatus } from './highsRunner';
import { buildMclpModel, mclpStart } from './mclpModel';
import { shrinkInstance } from './shrinkInstance';
import { swapLocalSearch } from './swapLocalSearch';
import { lpGuidedMclp } from './lpGuidedMclp';

/** Options of {@link solveMclp}. */
export interface MclpOptions {
  timeLimitS?: number; // s of wall time for the whole solve (HiGHS phases stop by then), default 10
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
  /** What produced `selected`: greedy (+ swaps), HiGHS (LP-guided or branch and cut), or all sites. */
  method: 'highs' | 'greedy' | 'trivial';
  stats: {
    demand: number;
    candidates: number;
    shrunkDemand: number;
    shrunkCandidates: number;
    /** Wall-clock seconds, shrink + greedy + HiGHS. */
    seconds: number;
    greedyObjective: number;
    /** How the last HiGHS run ended (LP relaxation or MIP), or null when HiGHS did not run. */
    solverStatus: MipStatus | null;
    /** LP relaxation optimum (an upper bound), Infinity when not computed. */
    lpBound: number;
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
 * Steps (spopt's distances → model → solve, with the known ways to get proofs fast):
 * 1. validate, then {@link shrinkInstance}: merge demand points with the same covering
 *    candidates, drop dominated candidates (the optimum is unchanged);
 * 2. trivial cases: nothing coverable, or p ≥ useful candidates (take them all): optimal;
 * 3. lazy {@link greedyMclp} with its submodular upper bound (optimal when they meet),
 *    then {@link swapLocalSearch}; `method: 'greedy'` stops here;
 * 4. {@link lpGuidedMclp}: the LP relaxation by HiGHS (a proved bound) and LP-guided
 *    rounding / fix-and-solve incumbents;
 * 5. HiGHS branch and cut on the shrunk model, started from the best selection (a MIP
 *    start), for the rest of `timeLimitS`.
 * With integer weights the optimum is an integer, so every bound is rounded down and an
 * absolute gap below 1 proves optimality (HiGHS stops at `mip_abs_gap` 0.5). The answer is
 * the best selection found by any step, rounded to 0/1, its objective recomputed from the
 * cover sets. `optimal` is true only when a proved bound meets the objective (< 1 apart
 * for integer weights, else within HiGHS's absolute gap 1e-6): the bound of HiGHS's MIP (status
 * Optimal), of the LP relaxation solved to optimality by HiGHS, or of greedy; or in the
 * trivial cases. Otherwise `bound`/`gap` say how far from proved it is. Output is
 * deterministic when no time limit is hit (HiGHS runs single-threaded, random_seed 0).
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

  const shrunk = opts.shrink === false ? { instance: inst, candidateOrigin: Int32Array.from(inst.candidateCovers.keys()) } : shrinkInstance(inst);
  const s = shrunk.instance;
  const stats = {
    demand: inst.demandWeight.length,
    candidates: inst.candidateCovers.length,
    shrunkDemand: s.demandWeight.length,
    shrunkCandidates: s.candidateCovers.length,
    seconds: 0,
    greedyObjective: 0,
    solverStatus: null as MipStatus | null,
    lpBound: Infinity,
  };
  const finish = (local: number[], bound: number, optimal: boolean, how: MclpSolution['method']): MclpSolution => {
    const selected = local.map((k) => shrunk.candidateOrigin[k]).sort((a, b) => a - b);
    const objective = coverageObjective(inst, selected);
    const b = Math.max(bound, objective);
    stats.seconds = (Date.now() - t0) / 1000;
    return { selected, objective, optimal, bound: b, gap: b > 0 ? (b - objective) / b : 0, method: how, stats };
  };
  const closes = (bound: number, objective: number): boolean =>
    integer ? bound - objective < 1 - 1e-6 : bound - objective <= 1e-6 + 1e-9 * Math.abs(objective);

  // Trivial: nothing coverable, or enough sites for every useful candidate.
  if (opts.shrink !== false && p >= s.candidateCovers.length) {
    const all = [...s.candidateCovers.keys()];
    stats.greedyObjective = coverageObjective(s, all);
    return finish(all, stats.greedyObjective, true, 'trivial');
  }

  const greedy = greedyMclp(s, p);
  stats.greedyObjective = greedy.objective;
  let bound = integer ? roundDown(greedy.bound) : greedy.bound;
  if (closes(bound, greedy.objective)) return finish(greedy.selected, bound, true, 'greedy');

  // Best known selection and where it came from.
  let best = greedy.selected;
  let bestObj = greedy.objective;
  let source: MclpSolution['method'] = 'greedy';
  const offer = (sel: number[], obj: number, how: MclpSolution['method']) => {
    if (obj > bestObj) {
      best = sel;
      bestObj = obj;
      source = how;
    }
  };
  const improved = swapLocalSearch(s, greedy.selected, p);
  offer(improved.selected, improved.objective, 'greedy');
  if (method === 'greedy' || closes(bound, bestObj)) return finish(best, bound, closes(bound, bestObj), source);

  const highs = await resolveHighs(opts.highs);
  const left = () => timeLimitS - (Date.now() - t0) / 1000;
  const mm = buildMclpModel(s, p);

  // LP relaxation: a proved bound, and LP-guided rounding / fix-and-solve incumbents.
  const lpg = lpGuidedMclp(highs, s, p, mm, { timeLimitS: Math.max(0.1, left()), subMipTimeLimitS: 0.25 * left() });
  stats.lpBound = lpg.lpBound;
  stats.solverStatus = lpg.lpStatus;
  if (lpg.lpBound < Infinity) bound = Math.min(bound, integer ? roundDown(lpg.lpBound) : lpg.lpBound);
  offer(lpg.selected, lpg.objective, 'highs');
  if (closes(bound, bestObj)) return finish(best, bound, true, source);
  if (left() <= 0.05) return finish(best, bound, false, source);

  // Branch and cut on the shrunk model, started from the best selection so far.
  const run = runMip(highs, mm.model, {
    timeLimitS: Math.max(0.1, left()),
    mipRelGap,
    mipAbsGap: integer ? 0.5 : 1e-6,
    start: mclpStart(s, mm, best),
    onProgress: opts.onProgress,
  });
  stats.solverStatus = run.status;
  if (run.status === 'error' || run.status === 'infeasible' || run.status === 'unbounded') {
    // The model is always feasible (x = 0) and bounded; anything else is a solver fault.
    // The heuristic answer still stands, unproved unless the bounds already meet it.
    return finish(best, bound, false, source);
  }
  if (Number.isFinite(run.bound)) bound = Math.min(bound, integer ? roundDown(run.bound) : run.bound);
  if (run.x) {
    const xs: { j: number; v: number }[] = [];
    for (let j = 0; j < s.candidateCovers.length; j++) if (run.x[mm.xCol[j]] > 0.5) xs.push({ j, v: run.x[mm.xCol[j]] });
    xs.sort((a, b) => b.v - a.v || a.j - b.j);
    const chosen = xs
      .slice(0, p)
      .map((e) => e.j)
      .sort((a, b) => a - b);
    offer(chosen, coverageObjective(s, chosen), 'highs');
  }
  const proved = run.status === 'optimal' && closes(bound, bestObj);
  if (!proved && (source as MclpSolution['method']) === 'highs') {
    const polished = swapLocalSearch(s, best, p);
    offer(polished.selected, polished.objective, 'highs');
  }
  return finish(best, bound, proved || closes(bound, bestObj), source);
}

/**
 * An integer optimum is at most ⌊bound⌋. The allowance absorbs HiGHS's rounding of the
 * bound (LP tolerances ~1e-7 relative); HiGHS stops at an absolute gap of 0.5, so a proved
 * bound stays well below the next integer.
 */
function roundDown(bound: number): number {
  return Math.floor(bound + 1e-4 + 1e-8 * Math.abs(bound));
}

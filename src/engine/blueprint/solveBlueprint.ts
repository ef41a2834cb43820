import { resolveHighs, runMip, type HighsLoaderOrInstance, type MipStatus } from '../optimize/index';
import { BLUEPRINT_DEFAULTS } from './blueprintDefaults';
import type { BlueprintInstance } from './blueprintInstance';
import { buildBlueprintModel, decodeModel, modelStart } from './blueprintModel';
import { greedyBlueprint } from './greedyBlueprint';
import { selectionObjective, selectionViolation, type Choice } from './selection';

/** Options of {@link solveBlueprint}. */
export interface SolveBlueprintOptions {
  method?: 'exact' | 'greedy'; // default 'exact'
  timeLimitS?: number; // s of HiGHS time, default 30
  highs?: HighsLoaderOrInstance; // default import('highs')
}

/** How the blueprint was solved. */
export interface BlueprintSolution {
  choices: Choice[];
  /** Objective of `choices`, recomputed from the instance, household-equivalents. */
  objective: number;
  /** Proven upper bound on the optimum (Infinity when unknown). */
  bound: number;
  /** (bound − objective) / |bound|, 0 when proved. */
  gap: number;
  /** True only when HiGHS proved the optimum (or there was nothing to choose). */
  optimal: boolean;
  method: 'highs' | 'greedy' | 'trivial';
  greedyObjective: number;
  solverStatus: MipStatus | null;
  columns: number;
  rows: number;
  seconds: number;
}

/**
 * Solve a blueprint instance: greedy first ({@link greedyBlueprint}), then, with method
 * 'exact', the MIP of {@link buildBlueprintModel} by HiGHS started from the greedy selection
 * within the time limit. The answer is the better of the two by recomputed objective; it is
 * `optimal` only when HiGHS reports Optimal (relative gap 0, absolute 1e-6). HiGHS runs
 * single-threaded with seed 0, so output is deterministic when no time limit is hit.
 */
export async function solveBlueprint(inst: BlueprintInstance, opts: SolveBlueprintOptions = {}): Promise<BlueprintSolution> {
  const t0 = Date.now();
  const greedy = greedyBlueprint(inst);
  const base = { greedyObjective: greedy.objective, columns: 0, rows: 0 };
  if (inst.sites.length === 0) {
    return { ...base, choices: [], objective: 0, bound: 0, gap: 0, optimal: true, method: 'trivial', solverStatus: null, seconds: (Date.now() - t0) / 1000 };
  }
  if (opts.method === 'greedy') {
    return { ...base, choices: greedy.choices, objective: greedy.objective, bound: Infinity, gap: 1, optimal: false, method: 'greedy', solverStatus: null, seconds: (Date.now() - t0) / 1000 };
  }
  const m = buildBlueprintModel(inst);
  base.columns = m.model.numCols;
  base.rows = m.model.numRows;
  const highs = await resolveHighs(opts.highs);
  const run = runMip(highs, m.model, { timeLimitS: opts.timeLimitS ?? BLUEPRINT_DEFAULTS.timeLimitS, start: modelStart(inst, m, greedy.choices), mipRelGap: 0, mipAbsGap: 1e-6 });
  let choices = greedy.choices;
  let objective = greedy.objective;
  let method: BlueprintSolution['method'] = 'greedy';
  if (run.x) {
    const sel = decodeModel(inst, m, run.x);
    const o = selectionObjective(inst, sel);
    if (!selectionViolation(inst, sel) && o >= objective - 1e-9) {
      choices = sel;
      objective = o;
      method = 'highs';
    }
  }
  const optimal = run.status === 'optimal' && run.bound - objective <= 1e-6 + 1e-9 * Math.abs(objective);
  const bound = optimal ? objective : Math.max(objective, run.bound);
  const gap = optimal ? 0 : Number.isFinite(bound) && bound !== 0 ? (bound - objective) / Math.abs(bound) : 1;
  return { ...base, choices, objective, bound, gap, optimal, method, solverStatus: run.status, seconds: (Date.now() - t0) / 1000 };
}

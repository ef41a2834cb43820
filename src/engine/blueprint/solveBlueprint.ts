import { resolveHighs, runMip, type HighsLoaderOrInstance, type MipStatus } from '../optimize/index';
import { BLUEPRINT_DEFAULTS } from './blueprintDefaults';
import type { BlueprintInstance } from './blueprintInstance';
import { buildBlueprintModel, decodeModel, modelStart } from './blueprintModel';
import { blueprintUpperBound } from './blueprintUpperBound';
import { type Deadline, deadlineAfter, remainingS } from './deadline';
import { greedyBlueprint } from './greedyBlueprint';
import { selectionObjective, selectionViolation, type Choice } from './selection';

/** Options of {@link solveBlueprint}. */
export interface SolveBlueprintOptions {
  method?: 'exact' | 'greedy'; // default 'exact'
  timeLimitS?: number; // s for the whole solve (greedy, bound, model, HiGHS), default 30; ignored when `deadline` is given
  /** The deadline of the whole command (model building before this call included); default timeLimitS from now. */
  deadline?: Deadline;
  /** s kept back from the deadline for the work after the solve (explanations, exports); default min(2, 10 % of what is left). */
  reserveS?: number;
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
  /** Where `bound` comes from: HiGHS's dual bound, the greedy submodular bound (blueprintUpperBound), or the optimum itself. */
  boundSource: 'highs' | 'greedy' | 'optimal';
  /** Why HiGHS did not run or was cut short, when it was (e.g. the deadline was reached while building the model). */
  stoppedBy: 'deadline' | null;
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
 *
 * The time limit is a deadline for the whole solve: HiGHS gets what is left after the greedy,
 * the bound and the model (minus `reserveS`), and is skipped when nothing is left. `bound`
 * is always a proven upper bound: the smaller of HiGHS's dual bound and the greedy
 * submodular bound ({@link blueprintUpperBound}).
 */
export async function solveBlueprint(inst: BlueprintInstance, opts: SolveBlueprintOptions = {}): Promise<BlueprintSolution> {
  const deadline = opts.deadline ?? deadlineAfter(opts.timeLimitS ?? BLUEPRINT_DEFAULTS.timeLimitS);
  const t0 = deadline.now();
  const seconds = () => (deadline.now() - t0) / 1000;
  const reserveS = opts.reserveS ?? Math.min(2, 0.1 * Math.max(0, remainingS(deadline)));
  const greedy = greedyBlueprint(inst);
  const base = { greedyObjective: greedy.objective, columns: 0, rows: 0 };
  if (inst.sites.length === 0) {
    return {
      ...base,
      choices: [],
      objective: 0,
      bound: 0,
      gap: 0,
      optimal: true,
      method: 'trivial',
      boundSource: 'optimal',
      stoppedBy: null,
      solverStatus: null,
      seconds: seconds(),
    };
  }
  const greedyBound = Math.max(greedy.objective, blueprintUpperBound(inst, greedy.choices));
  const gapOf = (objective: number, bound: number) =>
    bound - objective <= 1e-6 + 1e-9 * Math.abs(objective) ? 0 : bound !== 0 ? (bound - objective) / Math.abs(bound) : 1;
  const greedyOnly = (stoppedBy: BlueprintSolution['stoppedBy']): BlueprintSolution => {
    const gap = gapOf(greedy.objective, greedyBound);
    return {
      ...base,
      choices: greedy.choices,
      objective: greedy.objective,
      bound: greedyBound,
      gap,
      optimal: gap === 0,
      method: 'greedy',
      boundSource: 'greedy',
      stoppedBy,
      solverStatus: null,
      seconds: seconds(),
    };
  };
  if (opts.method === 'greedy') return greedyOnly(null);
  if (gapOf(greedy.objective, greedyBound) === 0) return greedyOnly(null); // the greedy bound already proves it
  if (remainingS(deadline) <= reserveS) return greedyOnly('deadline');
  const m = buildBlueprintModel(inst);
  base.columns = m.model.numCols;
  base.rows = m.model.numRows;
  const highs = await resolveHighs(opts.highs);
  const budgetS = remainingS(deadline) - reserveS;
  if (budgetS <= 0) return greedyOnly('deadline');
  const run = runMip(highs, m.model, { timeLimitS: budgetS, start: modelStart(inst, m, greedy.choices), mipRelGap: 0, mipAbsGap: 1e-6 });
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
  const highsBound = Number.isFinite(run.bound) ? run.bound : Infinity;
  const bestBound = Math.max(objective, Math.min(highsBound, greedyBound));
  const bound = optimal ? objective : bestBound;
  const boundSource: BlueprintSolution['boundSource'] = optimal ? 'optimal' : highsBound <= greedyBound ? 'highs' : 'greedy';
  const gap = optimal ? 0 : gapOf(objective, bound);
  return {
    ...base,
    choices,
    objective,
    bound,
    gap,
    optimal: optimal || gap === 0,
    method,
    boundSource,
    stoppedBy: run.status === 'time_limit' ? 'deadline' : null,
    solverStatus: run.status,
    seconds: seconds(),
  };
}

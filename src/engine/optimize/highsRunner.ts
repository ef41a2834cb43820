import type { Highs, InitOptions, LegacyHighs, HighsCallbackMap } from 'highs';
import { EngineError } from '../errors';
import { toLpText, type LinearModel } from './linearModel';

/** A loaded HiGHS runtime: the full one (`createModel`) or just the one-shot `solve`. */
export type HighsRuntime = Highs | LegacyHighs;

/**
 * Where HiGHS comes from. The engine imports no wasm itself at load time, so the caller
 * decides:
 * - nothing: `import('highs')` and its default loader (fine in Node and in tests);
 * - a loaded runtime, or a promise of one;
 * - a loader function, e.g. `() => highsLoader({ locateFile: () => wasmUrl })`;
 * - loader options, e.g. `{ locateFile: () => wasmUrl }` in a browser worker, where
 *   `wasmUrl` comes from `import wasmUrl from 'highs/runtime?url'`.
 * Runtimes loaded from a function or options object are cached per that object.
 */
export type HighsLoaderOrInstance = HighsRuntime | Promise<HighsRuntime> | ((options?: InitOptions) => Promise<HighsRuntime>) | InitOptions;

let defaultRuntime: Promise<HighsRuntime> | null = null;
const cache = new WeakMap<object, Promise<HighsRuntime>>();

async function importLoader(options?: InitOptions): Promise<HighsRuntime> {
  const mod = await import('highs');
  return mod.default(options);
}

/** Resolves a {@link HighsLoaderOrInstance} to a runtime; throws `E_SOLVER` if loading fails. */
export async function resolveHighs(source?: HighsLoaderOrInstance): Promise<HighsRuntime> {
  try {
    if (source === undefined) {
      defaultRuntime ??= importLoader();
      return await defaultRuntime;
    }
    if (typeof source === 'function') {
      let p = cache.get(source);
      if (!p) {
        p = source();
        cache.set(source, p);
      }
      return await p;
    }
    if (typeof (source as Promise<HighsRuntime>).then === 'function') return await (source as Promise<HighsRuntime>);
    if (typeof (source as HighsRuntime).solve === 'function') return source as HighsRuntime;
    let p = cache.get(source);
    if (!p) {
      p = importLoader(source as InitOptions);
      cache.set(source, p);
    }
    return await p;
  } catch (err) {
    if (source === undefined) defaultRuntime = null;
    throw new EngineError('E_SOLVER', { detail: `HiGHS could not be loaded: ${(err as Error)?.message ?? err}` });
  }
}

/** Options for one MIP run. */
export interface MipRunOptions {
  timeLimitS?: number; // s of solver wall time, default Infinity (no limit)
  mipRelGap?: number; // relative gap at which HiGHS may stop, default 0
  mipAbsGap?: number; // absolute gap at which HiGHS may stop, default 1e-6 (HiGHS's own)
  /** A full column vector to start from (a MIP start); ignored by the legacy API. */
  start?: ArrayLike<number>;
  randomSeed?: number; // HiGHS random_seed, default 0 (deterministic)
  /** More HiGHS options by their native names, e.g. `{ simplex_strategy: 4 }`; applied last. */
  highsOptions?: Record<string, number | boolean | string>;
  /** Called with the incumbent and bound while HiGHS runs (full runtime only). */
  onProgress?: (p: { objective: number; bound: number; seconds: number }) => void;
}

/** How a run ended. `optimal` means HiGHS closed the gap to its tolerances. */
export type MipStatus = 'optimal' | 'infeasible' | 'unbounded' | 'time_limit' | 'limit' | 'error';

export interface MipRunResult {
  status: MipStatus;
  /** HiGHS model status code (full runtime) or status text (legacy). */
  highsStatus: number | string;
  /** Best primal solution found, or null. */
  x: Float64Array | null;
  /** Objective of `x` as HiGHS reports it (NaN when x is null). */
  objective: number;
  /** Proven bound on the optimum (upper for max, lower for min); ±Infinity when unknown. */
  bound: number;
  /** Wall-clock seconds of the run, model transfer included. */
  seconds: number;
  api: 'model' | 'legacy';
}

const STATUS: Record<number, MipStatus> = {
  7: 'optimal',
  8: 'infeasible',
  9: 'unbounded',
  10: 'unbounded',
  13: 'time_limit',
  11: 'limit',
  12: 'limit',
  14: 'limit',
  16: 'limit',
  17: 'limit',
};

/**
 * Solves a {@link LinearModel} with HiGHS. Uses the persistent API (structured arrays, MIP
 * start, proven dual bound) when the runtime has it, else the one-shot `solve(lpText)`
 * (no start; the bound is only known when the status is Optimal). Solver output is off.
 */
export function runMip(highs: HighsRuntime, model: LinearModel, opts: MipRunOptions = {}): MipRunResult {
  const t0 = Date.now();
  const options: Record<string, number | boolean | string> = {
    output_flag: false,
    mip_rel_gap: opts.mipRelGap ?? 0,
    mip_abs_gap: opts.mipAbsGap ?? 1e-6,
    random_seed: opts.randomSeed ?? 0,
  };
  if (opts.timeLimitS !== undefined && Number.isFinite(opts.timeLimitS)) options.time_limit = Math.max(0, opts.timeLimitS);
  Object.assign(options, opts.highsOptions);
  const noBound = model.sense === 'max' ? Infinity : -Infinity;
  const isMip = model.colInteger.some((v) => v === 1);
  try {
    if ('createModel' in highs && typeof highs.createModel === 'function') {
      const hm = highs.createModel();
      try {
        hm.options.set(options);
        hm.passModel({
          numCols: model.numCols,
          numRows: model.numRows,
          sense: model.sense === 'max' ? highs.constants.objectiveSense.maximize : highs.constants.objectiveSense.minimize,
          colCost: model.colCost,
          colLower: model.colLower,
          colUpper: model.colUpper,
          rowLower: model.rowLower,
          rowUpper: model.rowUpper,
          matrix: {
            format: 'csr',
            numRows: model.numRows,
            numCols: model.numCols,
            starts: model.rowStart,
            indices: model.rowIndex,
            values: model.rowValue,
          },
          integrality: Int32Array.from(model.colInteger),
        });
        if (opts.start) hm.setSolution({ colValue: Float64Array.from(opts.start) });
        let callbacks: HighsCallbackMap | undefined;
        if (opts.onProgress && isMip) {
          const report = (d: { mip_primal_bound?: number; mip_dual_bound?: number; running_time?: number }) =>
            opts.onProgress!({ objective: d.mip_primal_bound ?? NaN, bound: d.mip_dual_bound ?? noBound, seconds: d.running_time ?? 0 });
          callbacks = {
            [highs.constants.callbackType.mipImprovingSolution]: (e) => {
              report(e.data);
            },
            [highs.constants.callbackType.mipLogging]: (e) => {
              report(e.data);
            },
          };
        }
        const run = hm.run(callbacks);
        const code = run.modelStatus as number;
        const hasX = Number(hm.info.get('primal_solution_status')) === 2;
        const x = hasX ? Float64Array.from(hm.getSolution().colValue) : null;
        const objective = hasX ? hm.getObjectiveValue() : NaN;
        let bound = noBound;
        if (isMip) {
          const b = Number(hm.info.get('mip_dual_bound'));
          if (Number.isFinite(b)) bound = b;
        } else if (code === 7) bound = objective;
        return { status: STATUS[code] ?? 'error', highsStatus: code, x, objective, bound, seconds: (Date.now() - t0) / 1000, api: 'model' };
      } finally {
        hm.dispose();
      }
    }
    const res = highs.solve(toLpText(model), options);
    const text = res.Status as string;
    const status: MipStatus =
      text === 'Optimal'
        ? 'optimal'
        : text === 'Infeasible'
          ? 'infeasible'
          : text === 'Unbounded' || text === 'Primal infeasible or unbounded'
            ? 'unbounded'
            : text === 'Time limit reached'
              ? 'time_limit'
              : text.endsWith('reached')
                ? 'limit'
                : 'error';
    let x: Float64Array | null = null;
    const cols = (res as { Columns?: Record<string, { Primal?: number }> }).Columns;
    if (cols && status !== 'infeasible' && status !== 'error' && model.colNames.every((n) => typeof cols[n]?.Primal === 'number')) {
      x = Float64Array.from(model.colNames, (n) => cols[n].Primal as number);
    }
    const objective = x ? res.ObjectiveValue : NaN;
    let bound = noBound;
    if (status === 'optimal' && x) {
      const slack = Math.max(options.mip_abs_gap as number, (options.mip_rel_gap as number) * Math.abs(objective));
      bound = model.sense === 'max' ? objective + slack : objective - slack;
    }
    return { status, highsStatus: text, x, objective, bound, seconds: (Date.now() - t0) / 1000, api: 'legacy' };
  } catch (err) {
    if (err instanceof EngineError) throw err;
    throw new EngineError('E_SOLVER', { detail: (err as Error)?.message ?? String(err) });
  }
}

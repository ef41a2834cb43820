import { createProvider, loadPackage, resolvePolicy, analyze } from '../engine';
import type { HighsLoaderOrInstance, Policy, DataPackage, DistanceMode } from '../engine/index';
import { failure } from './blueprintApi';
import { BlueprintSession, type BlueprintRequest, type BlueprintRun } from './blueprintCore';

/**
 * What the blueprint solver worker needs to reproduce the engine worker's state: the package
 * (its files, sent only when the solver does not hold `key` yet) and the distance mode.
 */
export interface SolverInput {
  /** Package key and load id in the engine worker: another key means another package. */
  key: string;
  mode: DistanceMode;
  /** Network mode with walking effort (flat-equivalent metres). */
  effort: boolean;
  files?: Record<string, Uint8Array>;
}

/** The API of the dedicated blueprint worker (solver.worker.ts). */
export interface SolverWorkerApi {
  /** Solve a blueprint on the package and mode of `input` (loaded and analysed on first use). */
  blueprint(input: SolverInput, req: BlueprintRequest): Promise<BlueprintRun>;
}

interface Loaded {
  key: string;
  pkg: DataPackage;
  policy: Policy;
  /** A blueprint session per mode ('euclidean', 'network', 'network+effort', 'matrix'). */
  sessions: Map<string, BlueprintSession>;
}

/**
 * The blueprint solver, for a worker of its own: the app terminates that worker to cancel a
 * solve (HiGHS cannot be interrupted) while the engine worker keeps answering clicks and edits.
 * The package is analysed here in the same mode as in the engine worker (the same deterministic
 * functions on the same bytes), so the blueprint matches the map.
 */
export function createSolver(highs?: HighsLoaderOrInstance): SolverWorkerApi {
  let loaded: Loaded | null = null;
  const session = (input: SolverInput): BlueprintSession => {
    if (loaded?.key !== input.key) {
      if (!input.files) throw { code: 'E_ARGUMENT', zh: '求解器缺少数据包', en: 'The solver has no data package' };
      const pkg = loadPackage(input.files);
      loaded = { key: input.key, pkg, policy: resolvePolicy(pkg), sessions: new Map() };
    }
    const effort = input.mode === 'network' && input.effort;
    const modeKey = effort ? 'network+effort' : input.mode;
    let s = loaded.sessions.get(modeKey);
    if (!s) {
      const { pkg, policy } = loaded;
      const provider = createProvider(pkg, input.mode, policy, input.mode === 'network' ? effort : undefined);
      const analysis = analyze(pkg, { mode: input.mode, policy, effort, provider });
      s = new BlueprintSession(pkg, analysis, provider);
      loaded.sessions.set(modeKey, s);
    }
    return s;
  };
  return {
    async blueprint(input, req) {
      try {
        return await session(input).blueprint(req, highs);
      } catch (e) {
        throw failure(e);
      }
    },
  };
}

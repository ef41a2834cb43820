import { analyze } from '../engine/index';
import type { HighsLoaderOrInstance } from '../engine/index';
import { BlueprintSession } from './blueprintCore';
import { asFailure } from './failure';
import { hasPackage, modeKey, openPackage, providerFor } from './packageSession';
import type { SolverInput, SolverWorkerApi, WorkerFailure } from './protocol';

/**
 * The blueprint solver, for a worker of its own: the app terminates that worker to cancel a
 * solve (HiGHS cannot be interrupted) while the engine worker keeps answering clicks and edits.
 * The package is loaded through the same session module as in the engine worker and analysed
 * in the same mode (the same deterministic functions on the same bytes), so the blueprint
 * matches the map.
 */
export function createSolver(highs?: HighsLoaderOrInstance): SolverWorkerApi {
  /** Blueprint sessions of the loaded package per {@link modeKey}; `id` is the package session's. */
  let sessions: { id: number; byMode: Map<string, BlueprintSession> } | null = null;
  const session = (input: SolverInput): BlueprintSession => {
    if (!hasPackage(input.key) && !input.files)
      throw { code: 'E_ARGUMENT', zh: '求解器缺少数据包', en: 'The solver has no data package' } satisfies WorkerFailure;
    const s = openPackage(input.key, input.files ?? null, false); // the solver keeps no copy of the bytes once parsed
    if (sessions?.id !== s.id) sessions = { id: s.id, byMode: new Map() };
    const effort = input.mode === 'network' && input.effort;
    const key = modeKey(input.mode, effort);
    let bp = sessions.byMode.get(key);
    if (!bp) {
      const provider = providerFor(s, input.mode, effort);
      const analysis = analyze(s.pkg, { mode: input.mode, policy: s.policy, effort, provider });
      bp = new BlueprintSession(s.pkg, analysis, provider);
      sessions.byMode.set(key, bp);
    }
    return bp;
  };
  return {
    blueprint: (input, req) => asFailure(() => session(input).blueprint(req, highs)),
  };
}

import * as Comlink from 'comlink';
import { ERROR_MESSAGES } from '../engine/constants';
import type { BlueprintRequest, BlueprintRun, SolverWorkerApi, WorkerFailure } from '../worker/protocol';
import { engineRemote } from './engineClient';

/**
 * The blueprint solver worker, created on the first blueprint and kept for the next ones;
 * cancelling terminates it (HiGHS stops at once) and the next blueprint starts a fresh one.
 */
let worker: Worker | null = null;
let remote: Comlink.Remote<SolverWorkerApi> | null = null;
/** Package key the current worker holds. */
let holds: string | null = null;
let abort: ((f: WorkerFailure) => void) | null = null;

const CANCELLED: WorkerFailure = { code: 'E_CANCELLED', ...ERROR_MESSAGES.E_CANCELLED };

/** Solve a blueprint in the solver worker, on the engine worker's package and distance mode. */
export async function solveBlueprint(req: BlueprintRequest): Promise<BlueprintRun> {
  const engine = engineRemote();
  let input = await engine.packageSnapshot(false);
  if (!worker || !remote) {
    worker = new Worker(new URL('../worker/solver.worker.ts', import.meta.url), { type: 'module', name: 'solver' });
    remote = Comlink.wrap<SolverWorkerApi>(worker);
    holds = null;
  }
  const r = remote;
  if (holds !== input.key) {
    input = await engine.packageSnapshot(true);
    input = Comlink.transfer(
      input,
      Object.values(input.files ?? {}).map((b) => b.buffer as ArrayBuffer),
    );
  }
  const key = input.key;
  const cancelled = new Promise<never>((_, reject) => (abort = reject));
  try {
    const run = await Promise.race([r.blueprint(input, req), cancelled]);
    if (remote === r) holds = key;
    return run as BlueprintRun;
  } finally {
    abort = null;
  }
}

/** Stop the running blueprint now: terminate the solver worker (the next blueprint starts a new one). */
export function cancelSolver(): void {
  worker?.terminate();
  worker = null;
  remote = null;
  holds = null;
  abort?.(CANCELLED);
  abort = null;
}

/** True while a solver worker exists (for tests and the benchmark). */
export function solverAlive(): boolean {
  return worker !== null;
}

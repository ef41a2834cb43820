import * as Comlink from 'comlink';
import wasmUrl from 'highs/runtime?url';
import { createSolver } from './solverApi';
import type { SolverWorkerApi } from './protocol';

/** The blueprint solver in a worker of its own (created on demand; terminated to cancel). */
const solver = createSolver({ locateFile: () => wasmUrl });

const api: SolverWorkerApi = {
  async blueprint(input, req) {
    const r = await solver.blueprint(input, req);
    return Comlink.transfer(r, [r.newlyReached.buffer as ArrayBuffer]);
  },
};

Comlink.expose(api);

import * as Comlink from 'comlink';
import wasmUrl from 'highs/runtime?url';
import { type Analysis, type BlueprintScope, type Scenario, type DataPackage, type DistanceProvider, EngineError } from '../engine/index';
import { BlueprintSession, type BlueprintRequest, type BlueprintRun, type CandidateComparison, type ScenarioRun } from './blueprintCore';
import type { WorkerFailure } from './protocol';

/** The blueprint and what-if part of the engine worker's API. */
export interface BlueprintWorkerApi {
  blueprint(req: BlueprintRequest): Promise<BlueprintRun>;
  scenario(scenario: Scenario, scope?: BlueprintScope | null): Promise<ScenarioRun>;
  compareCandidates(ids: string[], scope?: BlueprintScope | null): Promise<CandidateComparison[]>;
}

/** HiGHS from the bundled wasm; one object so the engine caches the loaded runtime. */
const HIGHS = { locateFile: () => wasmUrl };

let session: BlueprintSession | null = null;

/** Keep the package and analysis of the latest run for blueprints and what-if edits. */
export function rememberAnalysis(pkg: DataPackage, analysis: Analysis, provider?: DistanceProvider): void {
  session = new BlueprintSession(pkg, analysis, provider);
}

function current(): BlueprintSession {
  if (!session) throw { code: 'E_ARGUMENT', zh: '尚未加载数据', en: 'No data loaded yet' } satisfies WorkerFailure;
  return session;
}

/** An engine error (or anything thrown) as a failure crossing the worker boundary. */
export function failure(err: unknown): WorkerFailure {
  if (err instanceof EngineError) return { code: err.code, zh: err.messageIn('zh'), en: err.messageIn('en') };
  if (err && typeof err === 'object' && 'code' in err) return err as WorkerFailure;
  const msg = err instanceof Error ? err.message : String(err);
  return { code: 'E_INTERNAL', zh: `内部错误: ${msg}`, en: `Internal error: ${msg}` };
}

export const blueprintApi: BlueprintWorkerApi = {
  async blueprint(req) {
    try {
      const r = await current().blueprint(req, HIGHS);
      return Comlink.transfer(r, [r.newlyReached.buffer as ArrayBuffer]);
    } catch (e) {
      throw failure(e);
    }
  },
  async scenario(scenario, scope) {
    try {
      const r = current().scenario(scenario, scope);
      return Comlink.transfer(r, [r.covered.buffer as ArrayBuffer, r.newlyReached.buffer as ArrayBuffer]);
    } catch (e) {
      throw failure(e);
    }
  },
  async compareCandidates(ids, scope) {
    try {
      return current().compareCandidates(ids, scope);
    } catch (e) {
      throw failure(e);
    }
  },
};

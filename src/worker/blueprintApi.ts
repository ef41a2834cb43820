import * as Comlink from 'comlink';
import wasmUrl from 'highs/runtime?url';
import { EngineError } from '../engine/index';
import type { Analysis, DataPackage, DistanceProvider } from '../engine/index';
import { BlueprintSession } from './blueprintCore';
import { asFailure } from './failure';
import type { BlueprintWorkerApi, ScenarioPrepareApi } from './protocol';

/** HiGHS from the bundled wasm; one object so the engine caches the loaded runtime. */
const HIGHS = { locateFile: () => wasmUrl };

let session: BlueprintSession | null = null;

/** Keep the package and analysis of the latest run for blueprints and what-if edits. */
export function rememberAnalysis(pkg: DataPackage, analysis: Analysis, provider?: DistanceProvider): void {
  session = new BlueprintSession(pkg, analysis, provider);
}

function current(): BlueprintSession {
  if (!session) throw new EngineError('E_NO_DATA');
  return session;
}

/** The blueprint and what-if part of the engine worker's API. */
export const blueprintApi: BlueprintWorkerApi & ScenarioPrepareApi = {
  blueprint: (req) =>
    asFailure(async () => {
      const r = await current().blueprint(req, HIGHS);
      return Comlink.transfer(r, [r.newlyReached.buffer as ArrayBuffer]);
    }),
  scenario: (scenario, scope) =>
    asFailure(() => {
      const r = current().scenario(scenario, scope);
      return Comlink.transfer(r, [r.covered.buffer as ArrayBuffer, r.newlyReached.buffer as ArrayBuffer]);
    }),
  compareCandidates: (ids, scope) => asFailure(() => current().compareCandidates(ids, scope)),
  prepareScenarios: () => asFailure(() => current().prepareScenarios()),
};

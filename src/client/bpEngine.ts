import type { BlueprintWorkerApi, ScenarioPrepareApi } from '../worker/protocol';
import { engineRemote } from './engineClient';
import { cancelSolver, solveBlueprint } from './solverClient';

/** The engine calls of the blueprint panels; `cancelBlueprint` stops a running blueprint at once when the engine can. */
export type BpEngine = BlueprintWorkerApi & Partial<ScenarioPrepareApi> & { cancelBlueprint?: () => void };

/**
 * Where the blueprint panels send their engine calls: blueprints to a dedicated solver worker
 * (cancel = terminate it), what-if edits and comparisons to the app's engine worker; component
 * tests plug in the same session running in Node ({@link setBpEngine}).
 */
let engine: BpEngine | null = null;

export function setBpEngine(e: BpEngine | null): void {
  engine = e;
}

const app: BpEngine = {
  blueprint: (req) => solveBlueprint(req),
  scenario: (scenario, scope) => engineRemote().scenario(scenario, scope),
  compareCandidates: (ids, scope) => engineRemote().compareCandidates(ids, scope),
  prepareScenarios: () => engineRemote().prepareScenarios(),
  cancelBlueprint: cancelSolver,
};

export async function bpEngine(): Promise<BpEngine> {
  return engine ?? app;
}

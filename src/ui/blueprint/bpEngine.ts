import type { BlueprintWorkerApi } from '../../worker/blueprintApi';
import { engineRemote } from '../../worker/engineClient';

/**
 * Where the blueprint panels send their engine calls: the app's engine worker by default;
 * component tests plug in the same session running in Node ({@link setBpEngine}).
 */
let engine: BlueprintWorkerApi | null = null;

export function setBpEngine(e: BlueprintWorkerApi | null): void {
  engine = e;
}

export async function bpEngine(): Promise<BlueprintWorkerApi> {
  if (engine) return engine;
  return engineRemote() as unknown as BlueprintWorkerApi;
}

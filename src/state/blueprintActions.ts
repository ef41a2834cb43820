import type { WorkerFailure } from '../worker/protocol';
import { mapHandle } from './mapHandle';
import { bpEngine } from '../client/bpEngine';
import { modeKey, scopeOf, useBlueprint } from './blueprintStore';
import { useApp } from './appStore';

const st = () => useBlueprint.getState();

/**
 * Run the blueprint in the solver worker (its own worker: the engine worker keeps answering
 * clicks and edits meanwhile). cancelBlueprint() terminates that worker.
 */
export async function runBlueprint(): Promise<void> {
  const s = st();
  const id = s.runId + 1;
  s.set({ runId: id, running: true, runStarted: performance.now(), error: null });
  const app = useApp.getState();
  const solvedUnder = modeKey(app.mode, app.effort); // the worker solves on its latest analysis, in this mode
  try {
    const run = await (
      await bpEngine()
    ).blueprint({
      scope: scopeOf(s),
      maxSites: s.maxSites ?? undefined,
      budgetWan: s.budgetWan ?? undefined,
      timeLimitS: s.timeLimitS,
    });
    if (st().runId !== id) return;
    st().set({ run, runMode: solvedUnder, running: false, selectedSite: null, showLayer: true });
    fitToSites(run.result.sites);
  } catch (e) {
    if (st().runId !== id) return;
    st().set({ running: false, error: e as WorkerFailure });
  }
}

/** Fly the map to the recommended sites, leaving room for the dock on the left. */
function fitToSites(sites: { lon: number; lat: number }[]): void {
  const map = mapHandle();
  if (!map || sites.length === 0) return;
  const lons = sites.map((s) => s.lon);
  const lats = sites.map((s) => s.lat);
  const pad = 0.004; // degrees (~400 m) around the sites so their walking circles show
  map.fitBounds([Math.min(...lons) - pad, Math.min(...lats) - pad, Math.max(...lons) + pad, Math.max(...lats) + pad], {
    padding: { left: 450, top: 40, right: 40, bottom: 40 },
    maxZoom: 16,
    duration: 0,
  });
}

/** Stop the running blueprint: the solver worker is terminated, the next run starts a fresh one. */
export function cancelBlueprint(): void {
  const s = st();
  s.set({ runId: s.runId + 1, running: false });
  void bpEngine().then((e) => e.cancelBlueprint?.());
}

/** Compare the checked candidates (each opened alone with its default bundle). */
export async function compareCandidates(): Promise<void> {
  const s = st();
  if (s.compareIds.length === 0) {
    s.set({ comparison: null });
    return;
  }
  try {
    const rows = await (await bpEngine()).compareCandidates(s.compareIds, scopeOf(s));
    st().set({ comparison: rows });
  } catch (e) {
    st().set({ error: e as WorkerFailure });
  }
}

/** Check or uncheck a candidate for comparison (at most four). */
export function toggleCompare(id: string): void {
  const s = st();
  const has = s.compareIds.includes(id);
  const next = has ? s.compareIds.filter((x) => x !== id) : [...s.compareIds, id].slice(-4);
  s.set({ compareIds: next, comparison: null });
}

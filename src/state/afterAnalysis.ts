import type { MapData, WorkerFailure } from '../worker/protocol';
import { EMPTY_SCENARIO, useBlueprint, type Slot } from './blueprintStore';
import { evaluateCurrent, evaluateSlot } from './scenarioActions';

/**
 * What the blueprint state keeps when a new analysis arrives. Another package: every result,
 * edit and slot of the old one is stale and cleared. The same package re-analysed (a distance
 * mode switch): a scenario is a list of edits, so the scenario, its undo history and the A/B
 * slots are kept and re-evaluated under the new analysis; the blueprint result is kept as it
 * was solved (the store's `runMode` says under which mode; the panel offers a re-solve); the
 * candidate comparison, computed under the old mode, is dropped (its checked ids stay).
 */
export function afterAnalysis(data: MapData, previous: MapData | null): void {
  const s = useBlueprint.getState();
  if (previous === null) {
    // The first package of the session: a restored project's kept work stays, evaluated under this analysis.
    if ((s.scenario.added?.length ?? 0) + (s.scenario.removed?.length ?? 0) + (s.scenario.moved?.length ?? 0) > 0) void evaluateCurrent();
    for (const slot of ['A', 'B'] as Slot[])
      if (s.slots[slot]) void evaluateSlot(slot).catch((e: unknown) => useBlueprint.getState().set({ error: e as WorkerFailure }));
    return;
  }
  const samePackage = previous !== null && data.packageId !== undefined && data.packageId === previous.packageId;
  if (!samePackage) {
    s.set({
      run: null,
      runMode: null,
      scenario: EMPTY_SCENARIO,
      history: [],
      scenarioRun: null,
      comparison: null,
      compareIds: [],
      slots: { A: null, B: null },
      slotRuns: {},
      selectedSite: null,
      error: null,
      tool: 'none',
    });
    return;
  }
  s.set({ scenarioRun: null, roundTripMs: null, workerRoundTripMs: null, slotRuns: {}, comparison: null, error: null });
  void evaluateCurrent();
  for (const slot of ['A', 'B'] as Slot[])
    if (s.slots[slot]) void evaluateSlot(slot).catch((e: unknown) => useBlueprint.getState().set({ error: e as WorkerFailure }));
}

// @vitest-environment jsdom
/**
 * The map draws an edit once its answer is back (blueprintStore.ts `runScenario`): while the
 * worker evaluates, the blueprint layer input keeps the last evaluated scenario with its run, so
 * MapView builds no layers (and software WebGL draws no frame) for the edit until then.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, renderHook } from '@testing-library/react';
import { setBpEngine } from '../../src/client/bpEngine';
import { EMPTY_SCENARIO, useBlueprint } from '../../src/state/blueprintStore';
import { addCandidate } from '../../src/state/scenarioActions';
import { useBlueprintLayerState } from '../../src/state/useBlueprintLayerState';
import type { Scenario } from '../../src/engine/index';
import type { ScenarioRun } from '../../src/worker/protocol';

afterEach(() => {
  setBpEngine(null);
  useBlueprint.setState({ scenario: EMPTY_SCENARIO, runScenario: EMPTY_SCENARIO, history: [], scenarioRun: null, evalId: 0, error: null });
});

describe('the blueprint layers draw the evaluated scenario', () => {
  it('keeps the last answer while an edit is evaluated, then shows the edit with its own run', async () => {
    const asked: { scenario: Scenario; answer: (r: ScenarioRun) => void }[] = [];
    setBpEngine({
      blueprint: () => Promise.reject(new Error('not used')),
      compareCandidates: () => Promise.reject(new Error('not used')),
      scenario: (scenario) => new Promise<ScenarioRun>((answer) => asked.push({ scenario, answer })),
    });
    const runA = { wallMs: 1 } as ScenarioRun;
    const runB = { wallMs: 2 } as ScenarioRun;
    const { result } = renderHook(() => useBlueprintLayerState());
    let first!: Promise<void>;
    await act(async () => {
      first = addCandidate('C1', ['meals'], 100);
      await vi.waitFor(() => expect(asked).toHaveLength(1));
    });
    expect(result.current.scenarioRun).toBeNull();
    expect(result.current.scenario.added).toEqual([]); // nothing evaluated yet: nothing new drawn
    await act(async () => {
      asked[0].answer(runA);
      await first;
    });
    expect(result.current.scenarioRun).toBe(runA);
    expect(result.current.scenario.added?.map((a) => a.id)).toEqual(['C1']);
    const drawnA = result.current;

    let second!: Promise<void>;
    await act(async () => {
      second = addCandidate('C2', ['health'], 80);
      await vi.waitFor(() => expect(asked).toHaveLength(2));
    });
    // the edit is in the store (the panel lists it) but the map's input is unchanged, the same object
    expect(useBlueprint.getState().scenario.added?.map((a) => a.id)).toEqual(['C1', 'C2']);
    expect(result.current).toBe(drawnA);
    expect(asked[1].scenario.added?.map((a) => a.id)).toEqual(['C1', 'C2']);
    await act(async () => {
      asked[1].answer(runB);
      await second;
    });
    expect(result.current.scenarioRun).toBe(runB);
    expect(result.current.scenario.added?.map((a) => a.id)).toEqual(['C1', 'C2']);
  });
});

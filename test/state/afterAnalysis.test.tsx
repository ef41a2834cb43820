// @vitest-environment jsdom
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { analyze, createScenarioContext, evaluateScenario, type Analysis, type DataPackage, type DistanceProvider } from '../../src/engine/index';
import { initI18n } from '../../src/i18n';
import { setBpEngine } from '../../src/client/bpEngine';
import { useApp } from '../../src/state/appStore';
import { EMPTY_SCENARIO, useBlueprint } from '../../src/state/blueprintStore';
import { runBlueprint } from '../../src/state/blueprintActions';
import { addCandidate, fromBlueprint, saveSlot, undo } from '../../src/state/scenarioActions';
import { DEFAULT_VIEW } from '../../src/state/viewState';
import { BlueprintDock } from '../../src/ui/blueprint/BlueprintDock';
import { mapDataFor } from '../helpers/mapDataFor';
import { BlueprintSession } from '../../src/worker/blueprintCore';
import { openPackage, providerFor } from '../../src/worker/packageSession';
import type { MapData } from '../../src/worker/protocol';

/** test/fixtures/tiny-network: 12 buildings, 2 facilities, 2 candidates and a walking network with slopes. */
const DIR = join(import.meta.dirname, '../fixtures/tiny-network');
const files: Record<string, Uint8Array> = {};
for (const f of readdirSync(DIR)) if (f.includes('.')) files[f] = new Uint8Array(readFileSync(join(DIR, f)));

interface Run {
  analysis: Analysis;
  provider: DistanceProvider;
  session: BlueprintSession;
  data: MapData;
}
let pkg: DataPackage;
let straight: Run;
let effort: Run;
/** What the in-process engine answers with: the latest analysis, as in the worker. */
let current: BlueprintSession;

function runOf(mode: 'euclidean' | 'network', eff: boolean, packageId: number): Run {
  const s = openPackage('tiny-network', files);
  const provider = providerFor(s, mode, eff);
  const analysis = analyze(s.pkg, { mode, policy: s.policy, effort: eff, provider });
  const data = mapDataFor(s.pkg, analysis);
  data.packageId = packageId;
  data.effort = eff;
  pkg = s.pkg;
  return { analysis, provider, session: new BlueprintSession(s.pkg, analysis, provider), data };
}

beforeAll(() => {
  initI18n('zh');
  straight = runOf('euclidean', false, 7);
  effort = runOf('network', true, 7);
  setBpEngine({
    blueprint: async (r) => current.blueprint(r),
    scenario: async (s, sc) => current.scenario(s, sc),
    compareCandidates: async (ids, sc) => current.compareCandidates(ids, sc),
  });
});

afterEach(() => {
  cleanup();
  useBlueprint.setState({
    open: false,
    tab: 'blueprint',
    run: null,
    runMode: null,
    scenario: EMPTY_SCENARIO,
    history: [],
    scenarioRun: null,
    slots: { A: null, B: null },
    slotRuns: {},
    error: null,
    comparison: null,
    compareIds: [],
  });
  useApp.setState({ ...DEFAULT_VIEW, data: null });
});

describe('a distance-mode switch keeps the work (issue 9 item 1)', () => {
  it('blueprint → 从蓝图开始 → 存为方案 A → 步行体力: scenario, undo, slot A kept and re-evaluated; blueprint marked and re-solvable', async () => {
    current = straight.session;
    useApp.setState({ data: straight.data, mode: 'euclidean', effort: false, view: 'planner' });
    useBlueprint.setState({ open: true, tab: 'blueprint', scopeKind: 'all', maxSites: 1, budgetWan: null });
    render(<BlueprintDock />);
    await act(() => runBlueprint());
    const run = useBlueprint.getState().run!;
    expect(run.result.sites).toHaveLength(1);
    expect(useBlueprint.getState().runMode).toBe('euclidean');
    await act(() => fromBlueprint());
    await act(() => saveSlot('A', '方案 A'));
    const other = pkg.candidates.find((c) => c.id !== run.result.sites[0].candidateId)!;
    await act(() => addCandidate(other.id, ['elderly_care', 'childcare'], 300));
    const before = useBlueprint.getState();
    expect(before.history).toHaveLength(2);
    const summaryStraight = before.scenarioRun!.summary;

    // 步行体力: the worker re-analyses the same package (same packageId) under walking effort.
    current = effort.session;
    act(() => useApp.setState({ data: effort.data, mode: 'network', effort: true }));
    await waitFor(() => expect(useBlueprint.getState().scenarioRun).not.toBeNull());
    await waitFor(() => expect(useBlueprint.getState().slotRuns.A).toBeDefined());
    const after = useBlueprint.getState();
    expect(after.scenario).toBe(before.scenario);
    expect(after.history).toBe(before.history);
    expect(after.slots.A).toBe(before.slots.A);
    expect(after.run).toBe(run);
    expect(after.runMode).toBe('euclidean');
    // Re-evaluated under effort: exactly the engine's evaluation with the effort provider.
    const direct = evaluateScenario(createScenarioContext(pkg, effort.analysis, effort.provider), after.scenario);
    expect(after.scenarioRun!.summary).toEqual(direct.summary);
    expect(after.scenarioRun!.summary).not.toEqual(summaryStraight);
    const slotDirect = evaluateScenario(createScenarioContext(pkg, effort.analysis, effort.provider), before.slots.A!.scenario);
    expect(after.slotRuns.A!.summary).toEqual(slotDirect.summary);
    // Undo still steps back through the edits made before the switch.
    await act(() => undo());
    expect(useBlueprint.getState().scenario).toBe(before.history[1]);

    // The blueprint panel says under which mode it was solved, with a one-click re-solve.
    const stale = screen.getByTestId('bp-stale');
    expect(stale.getAttribute('data-solved-under')).toBe('euclidean');
    expect(stale.textContent).toContain('此蓝图按“直线距离”求解，当前距离计算为“步行体力”');
    expect(screen.getByTestId('bp-resolve').textContent).toBe('按“步行体力”重新求解');
    await act(async () => {
      fireEvent.click(screen.getByTestId('bp-resolve'));
    });
    await waitFor(() => expect(useBlueprint.getState().runMode).toBe('effort'));
    expect(screen.queryByTestId('bp-stale')).toBeNull();
    expect(useBlueprint.getState().run).not.toBe(run);
  });

  it('another package (a new packageId) still clears the blueprint, the scenario, its history and the slots', async () => {
    current = straight.session;
    useApp.setState({ data: straight.data, mode: 'euclidean', effort: false, view: 'planner' });
    useBlueprint.setState({ open: true, tab: 'scenario', scopeKind: 'all', maxSites: 1 });
    render(<BlueprintDock />);
    await act(() => runBlueprint());
    await act(() => fromBlueprint());
    await act(() => saveSlot('A', '方案 A'));
    const other = { ...straight.data, packageId: 8 };
    act(() => useApp.setState({ data: other }));
    const s = useBlueprint.getState();
    expect(s.run).toBeNull();
    expect(s.runMode).toBeNull();
    expect(s.scenario).toEqual(EMPTY_SCENARIO);
    expect(s.history).toEqual([]);
    expect(s.slots).toEqual({ A: null, B: null });
  });
});

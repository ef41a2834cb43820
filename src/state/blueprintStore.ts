import { create } from 'zustand';
import { BLUEPRINT_DEFAULTS } from '../engine/constants';
import type { BlueprintScope, DistanceMode } from '../engine/index';
import type { Scenario, ScenarioSite } from '../engine/index';
import type { ServiceCode } from '../engine/index';
import type { BlueprintRun, CandidateComparison, ScenarioRun } from '../worker/protocol';
import type { WorkerFailure } from '../worker/protocol';
import { useApp } from './appStore';

export type ScopeKind = 'all' | 'district' | 'street' | 'selected';
export type BpTab = 'blueprint' | 'scenario' | 'compare' | 'export';
export type MapTool = 'none' | 'place' | 'move';
export type Slot = 'A' | 'B';

/** A distance mode as the user chooses it: network mode with effort is its own choice. */
export type ModeKey = 'euclidean' | 'network' | 'effort' | 'matrix';

/** The mode key of the app's `mode` and `effort`. */
export function modeKey(mode: DistanceMode, effort: boolean): ModeKey {
  return mode === 'network' && effort ? 'effort' : mode;
}

export interface NamedScenario {
  name: string;
  scenario: Scenario;
}

export interface BpState {
  open: boolean;
  tab: BpTab;
  /** The 一张蓝图 map layer switch. */
  showLayer: boolean;
  scopeKind: ScopeKind;
  district: string;
  /** `district\u0000street` (street names may repeat across districts). */
  street: string;
  selectedIds: string[];
  maxSites: number | null;
  budgetWan: number | null; // 万元
  timeLimitS: number; // s of solver time
  running: boolean;
  runStarted: number;
  runId: number;
  error: WorkerFailure | null;
  run: BlueprintRun | null;
  /** The distance mode the blueprint was solved under (a mode switch keeps the run and marks it). */
  runMode: ModeKey | null;
  selectedSite: string | null;

  scenario: Scenario;
  history: Scenario[];
  scenarioRun: ScenarioRun | null;
  /**
   * The scenario `scenarioRun` evaluated. The map draws this pair, so an edit shows its site and
   * its coverage in the same frame, once the worker has answered: drawing the site alone first
   * cost a whole extra frame, and under software WebGL that frame delayed the answer's own.
   */
  runScenario: Scenario;
  /** Round trip of the latest edit on the main thread, from the edit to the repainted map, ms (editTiming.ts). */
  roundTripMs: number | null;
  /** From the edit to the worker's answer on the main thread, ms. */
  workerRoundTripMs: number | null;
  evalId: number;
  slots: Record<Slot, NamedScenario | null>;
  slotRuns: Partial<Record<Slot, ScenarioRun>>;
  tool: MapTool;
  /** Site being moved: an existing facility id or an added site's id. */
  moveId: string | null;
  /** Bundle and area of sites placed with the map tool. */
  placeBundle: ServiceCode[];
  placeAreaM2: number;
  nextPointId: number;

  compareIds: string[];
  comparison: CandidateComparison[] | null;
  set: (patch: Partial<BpState>) => void;
}

export const EMPTY_SCENARIO: Scenario = { added: [], removed: [], moved: [] };

export const useBlueprint = create<BpState>((set) => ({
  open: false,
  tab: 'blueprint',
  showLayer: true,
  scopeKind: 'all',
  district: '',
  street: '',
  selectedIds: [],
  maxSites: 5,
  budgetWan: null,
  timeLimitS: BLUEPRINT_DEFAULTS.panelTimeLimitS,
  running: false,
  runStarted: 0,
  runId: 0,
  error: null,
  run: null,
  runMode: null,
  selectedSite: null,
  scenario: EMPTY_SCENARIO,
  history: [],
  scenarioRun: null,
  runScenario: EMPTY_SCENARIO,
  roundTripMs: null,
  workerRoundTripMs: null,
  evalId: 0,
  slots: { A: null, B: null },
  slotRuns: {},
  tool: 'none',
  moveId: null,
  placeBundle: ['elderly_care', 'meals'],
  placeAreaM2: 300,
  nextPointId: 1,
  compareIds: [],
  comparison: null,
  set: (patch) => set(patch),
}));

/** The scope the panel describes, as the engine takes it. */
export function scopeOf(s: Pick<BpState, 'scopeKind' | 'district' | 'street' | 'selectedIds'>): BlueprintScope {
  if (s.scopeKind === 'district' && s.district) return { district: s.district };
  if (s.scopeKind === 'street' && s.street) {
    const [district, street] = s.street.split('\u0000');
    return { district, street };
  }
  if (s.scopeKind === 'selected' && s.selectedIds.length) return { communityIds: [...s.selectedIds] };
  return {};
}

/** True when a scenario changes nothing. */
export function isEmptyScenario(s: Scenario): boolean {
  return !s.added?.length && !s.removed?.length && !s.moved?.length;
}

/** Sites of a blueprint as scenario additions. */
export function blueprintScenario(run: BlueprintRun): Scenario {
  const added: ScenarioSite[] = run.result.sites.map((s) => ({ id: s.candidateId, candidateId: s.candidateId, services: [...s.services], areaM2: s.areaM2 }));
  return { added, removed: [], moved: [] };
}

/**
 * The what-if run the map, its legend, its tooltips and the community panel show: the evaluated
 * scenario's, except in the public view, which shows the analysis as residents will see it (a
 * planner's scenario is internal; its sites are not drawn there either).
 */
export function shownScenarioRun(run: ScenarioRun | null, view: string): ScenarioRun | null {
  return view === 'public' ? null : run;
}

/** {@link shownScenarioRun} of the stores, followed. */
export function useShownScenarioRun(): ScenarioRun | null {
  const run = useBlueprint((s) => s.scenarioRun);
  const view = useApp((s) => s.view);
  return shownScenarioRun(run, view);
}

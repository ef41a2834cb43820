import type { Scenario, ScenarioSite } from '../engine/index';
import { isServiceCode, type ServiceCode } from '../engine/constants';
import type { WorkerFailure } from '../worker/protocol';
import { tFor } from '../i18n';
import { bpEngine } from '../client/bpEngine';
import { editAnswered, editStarted } from './editTiming';
import { EMPTY_SCENARIO, blueprintScenario, isEmptyScenario, scopeOf, useBlueprint, type Slot } from './blueprintStore';

const st = () => useBlueprint.getState();

/** Evaluate the current scenario in the worker; the latest edit wins. */
export async function evaluateCurrent(): Promise<void> {
  const s = st();
  const id = s.evalId + 1;
  s.set({ evalId: id });
  if (isEmptyScenario(s.scenario)) {
    s.set({ scenarioRun: null, roundTripMs: null, workerRoundTripMs: null });
    return;
  }
  editStarted(id);
  const scenario = s.scenario;
  try {
    const run = await (await bpEngine()).scenario(scenario, scopeOf(s));
    if (st().evalId !== id) return;
    // roundTripMs follows once the map has drawn the result (MapView → editLayered).
    st().set({ scenarioRun: run, runScenario: scenario, workerRoundTripMs: editAnswered(id, run), error: null });
  } catch (e) {
    if (st().evalId === id) st().set({ error: e as WorkerFailure });
  }
}

/** Replace the scenario (kept for undo) and re-evaluate. */
export function commit(next: Scenario): Promise<void> {
  const s = st();
  s.set({ scenario: next, history: [...s.history, s.scenario].slice(-100) });
  return evaluateCurrent();
}

const cur = (): Required<Scenario> => {
  const s = st().scenario;
  return { added: s.added ?? [], removed: s.removed ?? [], moved: s.moved ?? [] };
};

/** Add (or replace) a candidate site with a bundle and an area. */
export function addCandidate(candidateId: string, services: ServiceCode[], areaM2: number): Promise<void> {
  const c = cur();
  const site: ScenarioSite = { id: candidateId, candidateId, services, areaM2 };
  const added = c.added.some((a) => a.id === candidateId) ? c.added.map((a) => (a.id === candidateId ? site : a)) : [...c.added, site];
  return commit({ ...c, added });
}

/** Add a new site at a point of the map with the place tool's bundle and area. */
export function addPoint(lon: number, lat: number): Promise<void> {
  const s = st();
  const n = s.nextPointId;
  s.set({ nextPointId: n + 1 });
  const c = cur();
  const site: ScenarioSite = {
    id: `new-${n}`,
    lon,
    lat,
    services: [...s.placeBundle],
    areaM2: s.placeAreaM2,
    name: tFor('zh')('blueprint:scenario.newSite', { n }),
  }; // names are data: Chinese, like the package's
  return commit({ ...c, added: [...c.added, site] });
}

/** Change an added site's bundle or area. */
export function updateAdded(id: string, patch: { services?: ServiceCode[]; areaM2?: number }): Promise<void> {
  const c = cur();
  return commit({ ...c, added: c.added.map((a) => (a.id === id ? { ...a, ...patch } : a)) });
}

/** Take out an added site, or close an existing facility. */
export function removeSite(id: string, existing: boolean): Promise<void> {
  const c = cur();
  if (!existing) return commit({ ...c, added: c.added.filter((a) => a.id !== id) });
  if (c.removed.includes(id)) return Promise.resolve();
  return commit({ ...c, removed: [...c.removed, id], moved: c.moved.filter((m) => m.facilityId !== id) });
}

/** Bring back a closed existing facility. */
export function restoreFacility(id: string): Promise<void> {
  const c = cur();
  return commit({ ...c, removed: c.removed.filter((r) => r !== id), moved: c.moved.filter((m) => m.facilityId !== id) });
}

/** Move an added site or an existing facility to a point. */
export function moveSite(id: string, lon: number, lat: number): Promise<void> {
  const c = cur();
  if (c.added.some((a) => a.id === id)) return commit({ ...c, added: c.added.map((a) => (a.id === id ? { ...a, lon, lat } : a)) });
  return commit({ ...c, moved: [...c.moved.filter((m) => m.facilityId !== id), { facilityId: id, lon, lat }] });
}

export function undo(): Promise<void> {
  const s = st();
  const prev = s.history[s.history.length - 1];
  if (!prev) return Promise.resolve();
  s.set({ scenario: prev, history: s.history.slice(0, -1) });
  return evaluateCurrent();
}

export function reset(): Promise<void> {
  return commit(EMPTY_SCENARIO);
}

/** Start the scenario from the blueprint's sites. */
export function fromBlueprint(): Promise<void> {
  const run = st().run;
  return run ? commit(blueprintScenario(run)) : Promise.resolve();
}

/** Keep the current scenario as A or B and evaluate it for the comparison. */
export async function saveSlot(slot: Slot, name: string): Promise<void> {
  const s = st();
  const named = { name, scenario: s.scenario };
  s.set({ slots: { ...s.slots, [slot]: named } });
  await evaluateSlot(slot);
}

export async function evaluateSlot(slot: Slot): Promise<void> {
  const s = st();
  const named = s.slots[slot];
  if (!named) return;
  const run = await (
    await bpEngine()
  ).scenario(named.scenario.added?.length || named.scenario.removed?.length || named.scenario.moved?.length ? named.scenario : { added: [] }, scopeOf(s));
  st().set({ slotRuns: { ...st().slotRuns, [slot]: run } });
}

export function loadSlot(slot: Slot): Promise<void> {
  const named = st().slots[slot];
  return named ? commit(named.scenario) : Promise.resolve();
}

/** The scenario file: `{format, version, name, scenario}`. */
export function scenarioJson(name: string, scenario: Scenario): string {
  return JSON.stringify({ format: 'yulintu-scenario', version: 1, name, scenario }, null, 2);
}

/** `中文 / English` of one message key. */
const bilingual = (key: 'blueprint:scenario.notScenario' | 'blueprint:scenario.noService') => `${tFor('zh')(key)} / ${tFor('en')(key)}`;

/** Read a scenario file; throws a message on anything malformed. */
export function parseScenarioJson(text: string): { name: string; scenario: Scenario } {
  const o = JSON.parse(text) as { format?: string; name?: unknown; scenario?: Scenario };
  if (o.format !== 'yulintu-scenario' || !o.scenario || typeof o.scenario !== 'object') throw new Error(bilingual('blueprint:scenario.notScenario'));
  const sc = o.scenario;
  const added = (sc.added ?? []).map((a) => {
    const services = (a.services ?? []).filter((x) => isServiceCode(x));
    if (!services.length) throw new Error(bilingual('blueprint:scenario.noService'));
    const site: ScenarioSite = { services };
    if (typeof a.id === 'string') site.id = a.id;
    if (typeof a.candidateId === 'string') site.candidateId = a.candidateId;
    if (Number.isFinite(a.lon) && Number.isFinite(a.lat)) {
      site.lon = a.lon;
      site.lat = a.lat;
    }
    if (Number.isFinite(a.areaM2)) site.areaM2 = a.areaM2;
    if (typeof a.name === 'string') site.name = a.name;
    return site;
  });
  const removed = (sc.removed ?? []).filter((x): x is string => typeof x === 'string');
  const moved = (sc.moved ?? [])
    .filter((m) => typeof m.facilityId === 'string' && Number.isFinite(m.lon) && Number.isFinite(m.lat))
    .map((m) => ({ facilityId: m.facilityId, lon: m.lon, lat: m.lat }));
  return { name: typeof o.name === 'string' ? o.name : '', scenario: { added, removed, moved } };
}

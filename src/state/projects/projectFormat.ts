import { isServiceCode, type ServiceCode } from '../../engine/constants';
import type { Scenario, ScenarioSite } from '../../engine/index';
import type { BlueprintRun } from '../../worker/protocol';
import { tFor, type Lang } from '../../i18n';
import type { NamedScenario, ScopeKind, Slot } from '../blueprintStore';

/**
 * The project file (docs/PROJECT-FORMAT.md): one JSON object `{format: 'yulintu-project',
 * version, …}` holding everything a planner's work needs to come back: the package (a served
 * dataset's name, or an opened folder's files as bytes), the view as a link query, the blueprint
 * scope and result, the scenario with its undo history, the A/B slots, and named slices that other
 * panels add (`slices`, kept as they are when this version does not know them). Pure: the same
 * code reads and writes the file in Node tests and in the browser.
 */
export const PROJECT_FORMAT = 'yulintu-project';
/** The version this code writes; older ones are migrated on reading (migrateProject). */
export const PROJECT_VERSION = 2;
/** Largest project file read, bytes of text. */
export const MAX_PROJECT_CHARS = 400 * 1024 * 1024;
/** Longest project, slot or site name kept, characters (longer ones are cut). */
export const MAX_NAME = 120;
/** Most undo steps kept with a scenario. */
export const MAX_HISTORY = 100;

/** One file of an opened package folder. */
export interface PackageFile {
  name: string;
  bytes: Uint8Array;
}

/** The package a project works on. */
export type PackageRef = { kind: 'url'; dataset: string } | { kind: 'files'; files: PackageFile[] };

/** The blueprint panel: its scope and limits, and the last result (solved under `mode`). */
export interface ProjectBlueprint {
  scopeKind: ScopeKind;
  district: string;
  street: string;
  selectedIds: string[];
  maxSites: number | null;
  budgetWan: number | null; // 万元
  timeLimitS: number; // s
  run: BlueprintRun | null;
}

/** The scenario being edited, its undo history (oldest first) and the next placed site's number. */
export interface ProjectScenario {
  current: Scenario;
  history: Scenario[];
  nextPointId: number;
}

/** A project, as kept in the browser and written to a file. */
export interface Project {
  format: typeof PROJECT_FORMAT;
  version: typeof PROJECT_VERSION;
  /** Stable id (URL `project=`): letters, digits, - and _. */
  id: string;
  name: string;
  /** ms since 1970. */
  created: number;
  modified: number;
  package: PackageRef;
  /** `manifest name~hash` of the package the project was made on (state/packageIdentity.ts), '' when not loaded yet. */
  packageIdentity: string;
  /** The view as a link query (`?service=…&map=…`), read back through parseView (sanitised there). */
  view: string;
  blueprint: ProjectBlueprint;
  scenario: ProjectScenario;
  slots: Record<Slot, NamedScenario | null>;
  /** Named parts added by other panels (e.g. a pilot programme); unknown ones are kept as they are. */
  slices: Record<string, unknown>;
}

export type ProjectErrorCode = 'notJson' | 'wrongFormat' | 'newerVersion' | 'badVersion' | 'badField' | 'tooLarge';

/** A project file that cannot be read; `message(lang)` says why in Chinese or English. */
export class ProjectFileError extends Error {
  constructor(
    readonly code: ProjectErrorCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = 'ProjectFileError';
  }
}

/** An empty project on the bundled sample. */
export function emptyProject(id: string, name: string, now: number): Project {
  return {
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    id,
    name,
    created: now,
    modified: now,
    package: { kind: 'url', dataset: 'sample' },
    packageIdentity: '',
    view: '',
    blueprint: { scopeKind: 'all', district: '', street: '', selectedIds: [], maxSites: 5, budgetWan: null, timeLimitS: 10, run: null },
    scenario: { current: { added: [], removed: [], moved: [] }, history: [], nextPointId: 1 },
    slots: { A: null, B: null },
    slices: {},
  };
}

/** A new random project id (16 base-36 characters). */
export function newProjectId(random: () => number = Math.random): string {
  let s = '';
  for (let i = 0; i < 16; i++) s += Math.floor(random() * 36).toString(36);
  return s;
}

// ------------------------------------------------------------------------------------------
// Writing

const TYPED: Record<string, { new (b: ArrayBuffer): ArrayBufferView }> = {
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
};

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** The project as file text: typed arrays (package bytes, blueprint arrays) as `{$typed, base64}`. */
export function serialiseProject(p: Project): string {
  return JSON.stringify(p, (_key, value: unknown) => {
    if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
      const bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
      return { $typed: value.constructor.name, base64: toBase64(bytes) };
    }
    return value;
  });
}

// ------------------------------------------------------------------------------------------
// Reading

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Strip control and bidi-override characters and cut to `max` characters. */
export function cleanName(v: unknown, max = MAX_NAME): string {
  if (typeof v !== 'string') return '';
  // eslint-disable-next-line no-control-regex
  return v.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, ' ').slice(0, max);
}

const fail = (field: string): never => {
  throw new ProjectFileError('badField', { field });
};

const finite = (v: unknown, field: string, min = -Infinity, max = Infinity): number =>
  typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max ? v : fail(field);

const str = (v: unknown, field: string, max = 1000): string => (typeof v === 'string' && v.length <= max ? v : fail(field));

/** A scenario from untrusted JSON; `field` names it in errors. */
export function readScenario(v: unknown, field: string): Scenario {
  if (!isObj(v)) return fail(field);
  const arr = (x: unknown, f: string): unknown[] => (x === undefined ? [] : Array.isArray(x) ? x : fail(f));
  const added = arr(v.added, `${field}.added`).map((a, i): ScenarioSite => {
    const f = `${field}.added[${i}]`;
    if (!isObj(a)) return fail(f);
    const services = arr(a.services, `${f}.services`).filter((x): x is ServiceCode => typeof x === 'string' && isServiceCode(x));
    if (!services.length) return fail(`${f}.services`);
    const site: ScenarioSite = { services: [...new Set(services)] };
    if (a.id !== undefined) site.id = str(a.id, `${f}.id`, 200);
    if (a.candidateId !== undefined) site.candidateId = str(a.candidateId, `${f}.candidateId`, 200);
    if (a.lon !== undefined || a.lat !== undefined) {
      site.lon = finite(a.lon, `${f}.lon`, -180, 180);
      site.lat = finite(a.lat, `${f}.lat`, -90, 90);
    }
    if (a.areaM2 !== undefined) site.areaM2 = finite(a.areaM2, `${f}.areaM2`, 0, 1_000_000);
    if (a.name !== undefined) site.name = cleanName(a.name);
    if (site.candidateId === undefined && site.lon === undefined) return fail(f);
    return site;
  });
  const removed = arr(v.removed, `${field}.removed`).map((x, i) => str(x, `${field}.removed[${i}]`, 200));
  const moved = arr(v.moved, `${field}.moved`).map((m, i) => {
    const f = `${field}.moved[${i}]`;
    if (!isObj(m)) return fail(f);
    return { facilityId: str(m.facilityId, `${f}.facilityId`, 200), lon: finite(m.lon, `${f}.lon`, -180, 180), lat: finite(m.lat, `${f}.lat`, -90, 90) };
  });
  return { added, removed, moved };
}

function readSlot(v: unknown, field: string): NamedScenario | null {
  if (v === null || v === undefined) return null;
  if (!isObj(v)) return fail(field);
  return { name: cleanName(v.name), scenario: readScenario(v.scenario, `${field}.scenario`) };
}

/** Revive `{$typed, base64}` objects into typed arrays. */
function reviver(_key: string, value: unknown): unknown {
  if (isObj(value) && typeof value.$typed === 'string' && typeof value.base64 === 'string') {
    const Ctor = TYPED[value.$typed];
    if (!Ctor) return fail('$typed');
    let bytes: Uint8Array;
    try {
      bytes = fromBase64(value.base64);
    } catch {
      return fail('base64');
    }
    const size = (Ctor as unknown as { BYTES_PER_ELEMENT: number }).BYTES_PER_ELEMENT;
    if (bytes.byteLength % size !== 0) return fail('$typed');
    return new Ctor(bytes.slice().buffer);
  }
  return value;
}

function readPackage(v: unknown): PackageRef {
  if (!isObj(v)) return fail('package');
  if (v.kind === 'url') {
    const dataset = str(v.dataset, 'package.dataset', 64);
    if (!/^(generated\/)?[A-Za-z0-9_-]+$/.test(dataset)) return fail('package.dataset');
    return { kind: 'url', dataset };
  }
  if (v.kind === 'files') {
    if (!Array.isArray(v.files) || v.files.length === 0 || v.files.length > 50) return fail('package.files');
    return {
      kind: 'files',
      files: v.files.map((f: unknown, i) => {
        if (!isObj(f) || !(f.bytes instanceof Uint8Array)) return fail(`package.files[${i}]`);
        const name = str(f.name, `package.files[${i}].name`, 200);
        // eslint-disable-next-line no-control-regex
        if (!/^[^/\\\u0000-\u001f]+$/.test(name)) return fail(`package.files[${i}].name`);
        return { name, bytes: f.bytes };
      }),
    };
  }
  return fail('package.kind');
}

/** A blueprint result is drawn by the panels: only its overall shape is checked; a bad one is dropped. */
function readRun(v: unknown): BlueprintRun | null {
  if (v === null || v === undefined) return null;
  if (!isObj(v) || !isObj(v.result) || !Array.isArray(v.result.sites) || !(v.newlyReached instanceof Int32Array)) return fail('blueprint.run');
  for (const [i, s] of v.result.sites.entries()) {
    if (!isObj(s) || typeof s.candidateId !== 'string' || !Array.isArray(s.services) || typeof s.areaM2 !== 'number') fail(`blueprint.run.result.sites[${i}]`);
  }
  return v as unknown as BlueprintRun;
}

const SCOPES: ScopeKind[] = ['all', 'district', 'street', 'selected'];

/** Check and clean a current-version project object (after migration). */
function readCurrent(o: Obj): Project {
  const id = str(o.id, 'id', 64);
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) fail('id');
  const bp = isObj(o.blueprint) ? o.blueprint : fail('blueprint');
  const sc = isObj(o.scenario) ? o.scenario : fail('scenario');
  const slots = isObj(o.slots) ? o.slots : {};
  const history = Array.isArray(sc.history) ? sc.history : fail('scenario.history');
  const scopeKind = SCOPES.includes(bp.scopeKind as ScopeKind) ? (bp.scopeKind as ScopeKind) : fail('blueprint.scopeKind');
  const selectedIds = Array.isArray(bp.selectedIds) ? bp.selectedIds.map((x, i) => str(x, `blueprint.selectedIds[${i}]`, 200)) : fail('blueprint.selectedIds');
  return {
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    id,
    name: cleanName(o.name),
    created: finite(o.created ?? 0, 'created', 0),
    modified: finite(o.modified ?? 0, 'modified', 0),
    package: readPackage(o.package),
    packageIdentity: cleanName(o.packageIdentity ?? '', 200),
    view: str(o.view ?? '', 'view', 4000),
    blueprint: {
      scopeKind,
      district: cleanName(bp.district ?? '', 200),
      street: typeof bp.street === 'string' ? bp.street.slice(0, 401) : fail('blueprint.street'),
      selectedIds,
      maxSites: bp.maxSites === null ? null : finite(bp.maxSites, 'blueprint.maxSites', 0, 100_000),
      budgetWan: bp.budgetWan === null || bp.budgetWan === undefined ? null : finite(bp.budgetWan, 'blueprint.budgetWan', 0, 1_000_000),
      timeLimitS: finite(bp.timeLimitS ?? 10, 'blueprint.timeLimitS', 1, 3600),
      run: readRun(bp.run),
    },
    scenario: {
      current: readScenario(sc.current, 'scenario.current'),
      history: history.slice(-MAX_HISTORY).map((h, i) => readScenario(h, `scenario.history[${i}]`)),
      nextPointId: Math.floor(finite(sc.nextPointId ?? 1, 'scenario.nextPointId', 1, 1e9)),
    },
    slots: { A: readSlot(slots.A, 'slots.A'), B: readSlot(slots.B, 'slots.B') },
    slices: isObj(o.slices) ? o.slices : {},
  };
}

/** The next placed site's number after the `new-N` sites of some scenarios. */
function nextPointAfter(scenarios: Scenario[]): number {
  let n = 0;
  for (const s of scenarios)
    for (const a of s.added ?? []) {
      const m = /^new-(\d+)$/.exec(a.id ?? '');
      if (m) n = Math.max(n, Number(m[1]));
    }
  return n + 1;
}

/**
 * Bring an older project object up to {@link PROJECT_VERSION}, one version at a time:
 * - v0: a scenario file (`{format: 'yulintu-scenario', name, scenario}`, what 导出方案 writes)
 *   becomes a project on the sample with that scenario;
 * - v1: `{format: 'yulintu-project', version: 1, id, name, dataset, view, scenario, history, slots,
 *   scope: {kind, district, street, ids}}` (no blueprint result, no folder files, no slices).
 * Returns a plain object for readCurrent to check; throws ProjectFileError on what it cannot read.
 */
export function migrateProject(o: Obj, now = 0): Obj {
  let cur = o;
  let version: number;
  if (cur.format === 'yulintu-scenario') version = 0;
  else if (cur.format !== PROJECT_FORMAT) throw new ProjectFileError('wrongFormat');
  else if (typeof cur.version !== 'number' || !Number.isInteger(cur.version) || cur.version < 1) throw new ProjectFileError('badVersion');
  else version = cur.version;
  if (version > PROJECT_VERSION) throw new ProjectFileError('newerVersion', { version, supported: PROJECT_VERSION });
  if (version === 0) {
    const scenario = readScenario(cur.scenario, 'scenario');
    cur = {
      format: PROJECT_FORMAT,
      version: 1,
      id: newProjectId(),
      name: cleanName(cur.name),
      dataset: 'sample',
      view: '',
      scenario,
      history: [],
      slots: { A: null, B: null },
      scope: { kind: 'all', district: '', street: '', ids: [] },
    };
    version = 1;
  }
  if (version === 1) {
    const scope = isObj(cur.scope) ? cur.scope : {};
    const scenario = readScenario(cur.scenario, 'scenario');
    const history = Array.isArray(cur.history) ? cur.history.map((h, i) => readScenario(h, `history[${i}]`)) : [];
    const p = emptyProject(typeof cur.id === 'string' ? cur.id : newProjectId(), cleanName(cur.name), now);
    cur = {
      ...p,
      created: typeof cur.created === 'number' ? cur.created : now,
      modified: typeof cur.modified === 'number' ? cur.modified : now,
      package: { kind: 'url', dataset: typeof cur.dataset === 'string' ? cur.dataset : 'sample' },
      view: typeof cur.view === 'string' ? cur.view : '',
      blueprint: {
        ...p.blueprint,
        scopeKind: scope.kind ?? 'all',
        district: scope.district ?? '',
        street: scope.street ?? '',
        selectedIds: Array.isArray(scope.ids) ? scope.ids : [],
      },
      scenario: { current: scenario, history, nextPointId: nextPointAfter([scenario, ...history]) },
      slots: isObj(cur.slots) ? cur.slots : { A: null, B: null },
    };
    version = 2;
  }
  return cur;
}

/** Read a project file's text: parse, migrate, check. Throws ProjectFileError. */
export function deserialiseProject(text: string, now = 0): Project {
  if (text.length > MAX_PROJECT_CHARS) throw new ProjectFileError('tooLarge', { mb: Math.round(MAX_PROJECT_CHARS / 1024 / 1024) });
  let o: unknown;
  try {
    o = JSON.parse(text, reviver);
  } catch (e) {
    if (e instanceof ProjectFileError) throw e;
    throw new ProjectFileError('notJson');
  }
  if (!isObj(o)) throw new ProjectFileError('wrongFormat');
  return readCurrent(migrateProject(o, now));
}

/** Check a project object kept in the browser (structured clone: typed arrays as they are). */
export function checkStoredProject(o: unknown): Project {
  if (!isObj(o)) throw new ProjectFileError('wrongFormat');
  return readCurrent(migrateProject(o));
}

/** The message of a project error in one language, through the `projects` strings. */
export function projectErrorMessage(e: unknown, lang: Lang): string {
  const t = tFor(lang);
  if (e instanceof ProjectFileError) return t(`projects:err.${e.code}`, e.params);
  return t('projects:err.storage', { reason: cleanName(e instanceof Error ? e.message : String(e), 300) });
}

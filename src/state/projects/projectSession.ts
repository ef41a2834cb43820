import { create } from 'zustand';
import { pickView, useApp } from '../appStore';
import { useBlueprint, isEmptyScenario, type BpTab } from '../blueprintStore';
import { evaluateCurrent, evaluateSlot } from '../scenarioActions';
import { formatView, parseView, type ViewState } from '../viewState';
import { emptyProject, newProjectId, type PackageFile, type PackageRef, type Project } from './projectFormat';
import { getCurrentId, getProject, putProject, setCurrentId } from './projectDb';

/**
 * The working state kept in the browser: the current project is written to IndexedDB shortly
 * after every change (autosave), restored on reopen, and `dirty` says whether something is not
 * yet kept (the page asks before leaving only then).
 */
export interface ProjectSessionState {
  /** The current project's id and name ('' before the first restore). */
  id: string;
  name: string;
  /** Something changed since the last write. */
  dirty: boolean;
  /** The last write failed: its message (current language at display). */
  storageError: unknown;
  set: (patch: Partial<ProjectSessionState>) => void;
}

export const useProjectSession = create<ProjectSessionState>((set) => ({
  id: '',
  name: '',
  dirty: false,
  storageError: null,
  set: (patch) => set(patch),
}));

/** A part of the project kept by another panel (e.g. a pilot programme): `slices[key]`. */
export interface ProjectSlice {
  /** A structured-cloneable, JSON-able value of the panel's state. */
  save(): unknown;
  /** Take back a saved value (untrusted when it comes from a file: check it); undefined = none saved. */
  load(value: unknown): void;
  /** Call `onChange` on every change worth keeping; returns the unsubscribe. */
  subscribe(onChange: () => void): () => void;
}

const slices = new Map<string, ProjectSlice>();

/** Register a panel's slice of the project under `key` (call once, at module load). */
export function registerProjectSlice(key: string, slice: ProjectSlice): void {
  slices.set(key, slice);
}

/** The package on the map, as the project keeps it (App sets it when a source loads). */
let pkg: PackageRef = { kind: 'url', dataset: 'sample' };
/** The project as last read or written: slices this version does not know are kept from it. */
let base: Project | null = null;
let created = 0;

/** Opened files being read into the project (setProjectPackage): the work is not kept until they are. */
let readingFiles = 0;

/** Set the package the project refers to: a served dataset, or an opened folder's files (read as bytes). */
export async function setProjectPackage(source: { kind: 'url'; dataset: string } | { kind: 'files'; files: File[] }): Promise<void> {
  if (source.kind === 'url') pkg = { kind: 'url', dataset: source.dataset };
  else {
    // Not yet kept from this moment: no save clears "not yet kept" while the files are read
    // (a reload in between is warned about), and the save after reading keeps them.
    readingFiles++;
    if (useProjectSession.getState().id) useProjectSession.getState().set({ dirty: true });
    try {
      const files: PackageFile[] = [];
      for (const f of source.files) files.push({ name: f.name.toLowerCase(), bytes: new Uint8Array(await f.arrayBuffer()) });
      pkg = { kind: 'files', files };
    } finally {
      readingFiles--;
    }
  }
  markDirty();
}

/** The view without what belongs to a link only (the package identity, the project id). */
function viewOf(v: ViewState): string {
  return formatView({ ...v, pkg: '', project: '' });
}

/** The working state as a project (the current one, or `id`/`name` for a copy). */
export function captureProject(now: number, id = useProjectSession.getState().id, name = useProjectSession.getState().name): Project {
  const app = useApp.getState();
  const bp = useBlueprint.getState();
  const p = emptyProject(id, name, now);
  const extra: Record<string, unknown> = { ...(base?.slices ?? {}) };
  for (const [key, slice] of slices) extra[key] = slice.save();
  return {
    ...p,
    created: created || now,
    package: pkg,
    packageIdentity: app.pkg,
    view: viewOf(pickView(app)),
    blueprint: {
      scopeKind: bp.scopeKind,
      district: bp.district,
      street: bp.street,
      selectedIds: bp.selectedIds,
      maxSites: bp.maxSites,
      budgetWan: bp.budgetWan,
      timeLimitS: bp.timeLimitS,
      run: bp.run,
    },
    scenario: { current: bp.scenario, history: bp.history, nextPointId: bp.nextPointId },
    slots: bp.slots,
    slices: { ...extra, dock: { open: bp.open, tab: bp.tab } },
  };
}

/** True when the working state holds something beyond a view (worth a project of its own). */
function hasWork(p: Project): boolean {
  return (
    !isEmptyScenario(p.scenario.current) ||
    p.scenario.history.length > 0 ||
    p.slots.A !== null ||
    p.slots.B !== null ||
    p.blueprint.run !== null ||
    p.package.kind === 'files'
  );
}

let timer: ReturnType<typeof setTimeout> | null = null;
let writing: Promise<void> = Promise.resolve();
/** Bumped on every change; a write that finishes with an older stamp leaves `dirty` on. */
let stamp = 0;
let known = false; // the current project is in the database

/** Note a change: the project is written after `delayMs` of quiet (default 400 ms). */
export function markDirty(delayMs = 400): void {
  stamp++;
  if (!useProjectSession.getState().id) return; // before the first restore: nothing to keep yet
  if (!useProjectSession.getState().dirty) useProjectSession.getState().set({ dirty: true });
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => void saveNow(), delayMs);
}

/** Write the working state now (the autosave, and before export). */
export function saveNow(): Promise<void> {
  if (timer) clearTimeout(timer);
  timer = null;
  const mine = stamp;
  writing = writing.then(async () => {
    const p = captureProject(Date.now());
    if (!known && !hasWork(p)) {
      if (mine === stamp && readingFiles === 0) useProjectSession.getState().set({ dirty: false });
      return; // a link looked at, nothing made: no project record
    }
    try {
      await putProject(p);
      await setCurrentId(p.id);
      known = true;
      base = p;
      created = p.created;
      if (mine === stamp && readingFiles === 0) useProjectSession.getState().set({ dirty: false, storageError: null });
    } catch (e) {
      useProjectSession.getState().set({ storageError: e });
    }
  });
  return writing;
}

/**
 * Put a project into the stores (view, blueprint, scenario with its history, slots, slices). The
 * package is App's to load (initialSource); the scenario and slots are re-evaluated once it is on
 * the map. `urlView`, when given, wins over the project's view (a reload keeps the latest camera).
 */
export function applyProject(p: Project, urlView?: ViewState): void {
  base = p;
  created = p.created;
  pkg = p.package;
  const view = urlView ?? parseView(p.view);
  const dataset = p.package.kind === 'url' ? p.package.dataset : view.dataset;
  useApp.getState().set({ ...view, dataset, project: p.id, pkg: urlView?.pkg || p.packageIdentity });
  const dock = (p.slices.dock ?? {}) as { open?: unknown; tab?: unknown };
  const tabs: BpTab[] = ['blueprint', 'scenario', 'compare', 'export'];
  useBlueprint.getState().set({
    scopeKind: p.blueprint.scopeKind,
    district: p.blueprint.district,
    street: p.blueprint.street,
    selectedIds: p.blueprint.selectedIds,
    maxSites: p.blueprint.maxSites,
    budgetWan: p.blueprint.budgetWan,
    timeLimitS: p.blueprint.timeLimitS,
    run: p.blueprint.run,
    scenario: p.scenario.current,
    history: p.scenario.history,
    nextPointId: p.scenario.nextPointId,
    slots: p.slots,
    scenarioRun: null,
    slotRuns: {},
    open: dock.open === true,
    tab: tabs.includes(dock.tab as BpTab) ? (dock.tab as BpTab) : 'blueprint',
  });
  for (const [key, slice] of slices) slice.load(p.slices[key]);
  useProjectSession.getState().set({ id: p.id, name: p.name, dirty: false });
  reevaluateWhenReady();
}

/** Once the package is on the map: evaluate the restored scenario and slots. */
function reevaluateWhenReady(): void {
  const go = () => {
    void evaluateCurrent();
    for (const slot of ['A', 'B'] as const) if (useBlueprint.getState().slots[slot]) void evaluateSlot(slot).catch(() => undefined);
  };
  if (useApp.getState().status === 'ready' && useApp.getState().data) {
    go();
    return;
  }
  const off = useApp.subscribe((s) => {
    if (s.status === 'ready' && s.data) {
      off();
      go();
    }
  });
}

/** The package a restored project opens, for main.tsx and App. */
export function projectPackage(): PackageRef {
  return pkg;
}

/**
 * On page load: the project named by the link (`project=`), else — when the page was opened
 * without parameters — the project worked on last. Returns the project applied, or null (a new
 * working state starts, kept once something is made).
 */
export async function restoreOnLoad(search: string): Promise<Project | null> {
  const urlView = parseView(search);
  const params = new URLSearchParams(search);
  let p: Project | null = null;
  try {
    const id = urlView.project || (params.size === 0 ? await getCurrentId() : null);
    p = id ? await getProject(id) : null;
  } catch (e) {
    useProjectSession.getState().set({ storageError: e });
  }
  if (p) {
    known = true;
    const onlyProject = [...params.keys()].every((k) => k === 'project');
    applyProject(p, onlyProject ? undefined : urlView);
  } else {
    const id = newProjectId();
    useProjectSession.getState().set({ id, name: '', dirty: false });
    useApp.getState().set({ project: id });
  }
  return p;
}

/** Follow every store change worth keeping (call once, after restoreOnLoad). */
export function startAutosave(): () => void {
  const offs = [
    useApp.subscribe((s, prev) => {
      if (formatView(pickView(s)) !== formatView(pickView(prev))) markDirty();
    }),
    useBlueprint.subscribe((s, prev) => {
      if (
        s.scenario !== prev.scenario ||
        s.history !== prev.history ||
        s.slots !== prev.slots ||
        s.run !== prev.run ||
        s.scopeKind !== prev.scopeKind ||
        s.district !== prev.district ||
        s.street !== prev.street ||
        s.selectedIds !== prev.selectedIds ||
        s.maxSites !== prev.maxSites ||
        s.budgetWan !== prev.budgetWan ||
        s.timeLimitS !== prev.timeLimitS ||
        s.open !== prev.open ||
        s.tab !== prev.tab
      )
        markDirty();
    }),
    ...[...slices.values()].map((sl) => sl.subscribe(() => markDirty())),
  ];
  const onBeforeUnload = (e: BeforeUnloadEvent) => {
    if (!useProjectSession.getState().dirty) return;
    e.preventDefault();
    e.returnValue = ''; // older browsers need a value to ask
  };
  addEventListener('beforeunload', onBeforeUnload);
  return () => {
    offs.forEach((f) => f());
    removeEventListener('beforeunload', onBeforeUnload);
  };
}

/** Switch to another project: keep the current one, then reload the page on the other (its package may differ). */
export async function switchTo(id: string): Promise<void> {
  await saveNow();
  await setCurrentId(id);
  location.search = `?project=${encodeURIComponent(id)}`;
}

/** Start a new empty project on the sample (the current one is kept). */
export async function createProject(name: string): Promise<void> {
  await saveNow();
  const p = emptyProject(newProjectId(), name, Date.now());
  await putProject(p);
  await switchTo(p.id);
}

/** Rename the current project. */
export function renameCurrent(name: string): Promise<void> {
  useProjectSession.getState().set({ name });
  known = true; // a named project is kept even when empty
  markDirty();
  return saveNow();
}

/** Keep a copy of the current project under a new name, and work on the copy. */
export async function duplicateCurrent(name: string): Promise<void> {
  await saveNow();
  const p = captureProject(Date.now(), newProjectId(), name);
  await putProject(p);
  await switchTo(p.id);
}

/** Take a project read from a file: keep it under a fresh id and work on it. */
export async function importProject(p: Project): Promise<void> {
  await saveNow();
  const copy = { ...p, id: newProjectId(), modified: Date.now() };
  await putProject(copy);
  await switchTo(copy.id);
}

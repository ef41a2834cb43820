import { create } from 'zustand';
import type { Evaluation, Pilot, ProposedPilot } from '../engine/index';
import type { PilotBase, PilotView, WorkerFailure } from '../worker/protocol';

/**
 * The edited pilot programme: the one serialisable slice of the 试点 panel (plain rows and
 * strings, no functions, no typed arrays), what a project file saves and restores, and what
 * pilots.csv / evaluations.csv are exported from.
 */
export interface PilotEditsSlice {
  /** Name of the package the rows belong to (manifest name), null before a package is loaded. */
  packageName: string | null;
  /** pilots.csv rows, in file order (adopted proposals appended). */
  pilots: Pilot[];
  /** evaluations.csv rows, in file order (added evaluations appended, `order` 1-based and unique). */
  evaluations: Evaluation[];
  /** The date the rules are applied on, YYYY-MM-DD (default today). */
  asOf: string;
  /** True once a row differs from the package's own files. */
  changed: boolean;
}

/** One row of the proposal list: proposed by need, or added by hand. */
export interface ProposalRow extends ProposedPilot {
  /** Added by hand (no reason from the need ranking). */
  manual?: boolean;
}

/** Facility filter by accessibility: with a flag on, only facilities marked true for it are drawn. */
export interface AccessFilter {
  barrierFree: boolean;
  elderFriendly: boolean;
  childFriendly: boolean;
}

export interface PilotState {
  edits: PilotEditsSlice;
  /** The package's own pilot files (null until the worker answers). */
  base: PilotBase | null;
  /** The programme of the edits on edits.asOf (null until the worker answers). */
  view: PilotView | null;
  busy: boolean;
  error: WorkerFailure | null;
  /** The 试点 panel is open. */
  open: boolean;
  /** Map layers: pilots coloured by stage, landing points with their radius (off until the 试点 panel is first opened). */
  showPilots: boolean;
  showLanding: boolean;
  /** The panel has been opened once (its first opening switches the two layers on). */
  openedOnce: boolean;
  accessFilter: AccessFilter;
  proposal: ProposalRow[];
  /** How many to propose, and at most how many per district (null: no limit). */
  proposeCount: number;
  proposePerDistrict: number | null;
  set: (patch: Partial<PilotState>) => void;
}

/** Today on this machine's calendar, YYYY-MM-DD. */
export function todayIso(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

export const EMPTY_EDITS: PilotEditsSlice = { packageName: null, pilots: [], evaluations: [], asOf: todayIso(), changed: false };

/** The pilot programme store (see {@link PilotEditsSlice} for the part a project saves). */
export const usePilots = create<PilotState>((set) => ({
  edits: EMPTY_EDITS,
  base: null,
  view: null,
  busy: false,
  error: null,
  open: false,
  showPilots: false,
  showLanding: false,
  openedOnce: false,
  accessFilter: { barrierFree: false, elderFriendly: false, childFriendly: false },
  proposal: [],
  proposeCount: 10,
  proposePerDistrict: null,
  set: (patch) => set(patch),
}));

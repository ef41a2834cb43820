import { useEffect } from 'react';
import { pilots as P } from '../engine/index';
import type { CommunityResult, Evaluation, Pilot } from '../engine/index';
import { pilotBase, pilotProgrammeOf, proposePilotsOf } from '../client/pilotClient';
import type { MapData, WorkerFailure } from '../worker/protocol';
import { useApp } from './appStore';
import { evaluationProblem, pilotProblem, type EditProblem } from './pilotChecks';
import { usePilots, type PilotEditsSlice, type ProposalRow } from './pilotStore';

let runId = 0;
let shownPackage: number | undefined;

function asFailure(err: unknown): WorkerFailure {
  const e = err as Partial<WorkerFailure>;
  return { code: e.code ?? 'E_INTERNAL', zh: e.zh ?? String(err), en: e.en ?? String(err) };
}

/** Apply the engine's rules to the edits in the worker; the latest call wins. */
export async function recomputePilots(): Promise<void> {
  const id = ++runId;
  const { edits, set } = usePilots.getState();
  set({ busy: true });
  try {
    const view = await pilotProgrammeOf({ pilots: edits.pilots, evaluations: edits.evaluations }, edits.asOf);
    if (id === runId) set({ view, busy: false, error: null });
  } catch (err) {
    if (id === runId) set({ busy: false, error: asFailure(err) });
  }
}

/**
 * New map data: another package resets the edits to its own files; a mode switch only recomputes.
 * `before` is awaited between the two: the package's rows (a few, and which plan layers exist)
 * come at once, the programme's rules after it.
 */
export async function pilotsFollowData(data: MapData, before?: () => Promise<void>): Promise<void> {
  const s = usePilots.getState();
  if (data.packageId === undefined || data.packageId !== shownPackage) {
    shownPackage = data.packageId;
    const id = ++runId;
    s.set({ base: null, view: null, proposal: [], busy: true, error: null });
    try {
      const base = await pilotBase();
      if (id !== runId) return;
      s.set({
        base,
        edits: { packageName: data.manifest.name, pilots: base.pilots, evaluations: base.evaluations, asOf: usePilots.getState().edits.asOf, changed: false },
      });
    } catch (err) {
      if (id === runId) s.set({ busy: false, error: asFailure(err) });
      return;
    }
  }
  await before?.();
  await recomputePilots();
}

/**
 * Run `then` once the map has shown its first picture (the store's `firstMapPending`, set by
 * MapView until that picture is shown): at once if it has, or if there is no map. Returns a cancel.
 * Work the first picture does not show waits for it, so that it does not share the two cores
 * with maplibre's tiling, the page's layers and the first frame.
 */
export function afterFirstMap(then: () => void): () => void {
  if (!useApp.getState().firstMapPending) {
    then();
    return () => {};
  }
  const stop = useApp.subscribe((s) => {
    if (s.firstMapPending) return;
    stop();
    then();
  });
  return stop;
}

/**
 * Hook for the app shell: keep the pilot programme in step with the data on the map. The
 * package's pilot rows come at once (the plan layers' switches exist from the first map on); the
 * programme's rules (hundreds of ms of the worker at 200k buildings) once the first map is shown:
 * its layers are off until asked for and its panel says when it is busy.
 */
export function usePilotsFollowData(): void {
  const data = useApp((s) => s.data);
  useEffect(() => {
    if (!data) return;
    let cancel = () => {};
    const shown = new Promise<void>((resolve) => (cancel = afterFirstMap(resolve))); // cancelled: never resolved (newer data's run takes over)
    void pilotsFollowData(data, () => shown);
    return () => cancel();
  }, [data]);
}

function commit(patch: Partial<PilotEditsSlice>): void {
  const s = usePilots.getState();
  s.set({ edits: { ...s.edits, ...patch, changed: patch.changed ?? true } });
  void recomputePilots();
}

/** Restore a saved slice (a project file): the rows and the as-of date. */
export function restorePilotEdits(edits: PilotEditsSlice): void {
  commit({ ...edits });
}

/** Apply the rules on another date (YYYY-MM-DD); false for a date that is not a real date. */
export function setPilotAsOf(asOf: string): boolean {
  if (P.parseDate(asOf) !== asOf) return false;
  commit({ asOf, changed: usePilots.getState().edits.changed });
  return true;
}

/**
 * Change one pilot's row (stage, dates, operator …). Returns the reason the package loader
 * would reject the changed row and keeps the old one, or null when the change is applied.
 */
export function updatePilot(communityId: string, patch: Partial<Omit<Pilot, 'communityId' | 'community'>>): EditProblem | null {
  const { pilots } = usePilots.getState().edits;
  const i = pilots.findIndex((p) => p.communityId === communityId);
  if (i < 0) return null;
  const next: Pilot = { ...pilots[i], ...patch };
  for (const k of Object.keys(next) as (keyof Pilot)[]) if (next[k] === undefined || next[k] === '') delete next[k];
  const problem = pilotProblem(next);
  if (problem) return problem;
  // Its evaluations must still load: trial operation (stage ≥ 8) and none before the trial start.
  const own = usePilots.getState().edits.evaluations.filter((e) => e.communityId === communityId);
  for (const e of own) {
    const p = evaluationProblem(e, next, []);
    if (p) return p;
  }
  commit({ pilots: pilots.map((p, j) => (j === i ? next : p)) });
  return null;
}

/** Move a pilot one stage on (9 stays 9); reaching stage 4 without an approved date sets it to the as-of date. */
export function advanceStage(communityId: string): EditProblem | null {
  const { pilots, asOf } = usePilots.getState().edits;
  const p = pilots.find((x) => x.communityId === communityId);
  if (!p || p.stage >= 9) return null;
  const stage = (p.stage + 1) as P.PilotStage;
  return updatePilot(communityId, stage >= P.LISTED_STAGE && !p.approvedDate ? { stage, approvedDate: asOf } : { stage });
}

/** Add an evaluation of a pilot; returns why it would be rejected, or null when added. */
export function addEvaluation(e: Omit<Evaluation, 'order' | 'community'>): EditProblem | null {
  const { pilots, evaluations } = usePilots.getState().edits;
  const p = pilots.find((x) => x.communityId === e.communityId);
  if (!p) return null;
  const order = evaluations.reduce((m, x) => Math.max(m, x.order), 0) + 1;
  const row: Evaluation = { ...e, community: p.community, order };
  const problem = evaluationProblem(row, p, evaluations);
  if (problem) return problem;
  commit({ evaluations: [...evaluations, row] });
  return null;
}

/** Delete one evaluation (by its `order`). */
export function removeEvaluation(order: number): void {
  commit({ evaluations: usePilots.getState().edits.evaluations.filter((e) => e.order !== order) });
}

/** Propose pilot communities by need in the worker, leaving out the edited programme's active pilots. */
export async function proposeNow(count: number, perDistrict: number | null): Promise<void> {
  const s = usePilots.getState();
  s.set({ busy: true, proposeCount: count, proposePerDistrict: perDistrict });
  try {
    const proposal = await proposePilotsOf(count, perDistrict, s.edits.pilots);
    usePilots.getState().set({ proposal, busy: false, error: null });
  } catch (err) {
    usePilots.getState().set({ busy: false, error: asFailure(err) });
  }
}

/** Take a community off the proposal list. */
export function dropProposal(communityId: string): void {
  const s = usePilots.getState();
  s.set({ proposal: s.proposal.filter((r) => r.community.id !== communityId).map((r, i) => ({ ...r, rank: i + 1 })) });
}

/** Put a community (its analysis result) on the proposal list by hand; false when it is an active pilot or listed already. */
export function addProposal(c: CommunityResult): boolean {
  const s = usePilots.getState();
  if (s.proposal.some((r) => r.community.id === c.id)) return false;
  if (s.edits.pilots.some((p) => p.communityId === c.id && p.status === 'active')) return false;
  const hasCentre = s.view ? (s.view.levels.communities[c.index]?.hasCommunityCentre ?? null) : null;
  const row: ProposalRow = {
    rank: s.proposal.length + 1,
    community: c,
    uncoveredYlyxHouseholds: 0,
    missingFunctions: c.missingFunctions,
    hasCommunityCentre: hasCentre,
    reasonZh: '',
    reasonEn: '',
    manual: true,
  };
  s.set({ proposal: [...s.proposal, row] });
  return true;
}

/**
 * 采纳: the proposal list becomes stage-4 (确定试点建设名单) pilots of a new batch approved on the
 * as-of date; a removed pilot of the same community is replaced (one row per community).
 */
export function adoptProposal(): number {
  const s = usePilots.getState();
  const { pilots, asOf } = s.edits;
  if (!s.proposal.length) return 0;
  const batch = pilots.reduce((m, p) => Math.max(m, p.batch), 0) + 1;
  const adopted = new Map<string, Pilot>(
    s.proposal.map((r) => [
      r.community.id,
      { communityId: r.community.id, community: r.community.index, batch, approvedDate: asOf, stage: P.LISTED_STAGE, status: 'active' },
    ]),
  );
  const kept = pilots.map((p) => adopted.get(p.communityId) ?? p);
  const replaced = new Set(pilots.map((p) => p.communityId));
  const added = [...adopted.values()].filter((p) => !replaced.has(p.communityId));
  s.set({ proposal: [] });
  commit({ pilots: [...kept, ...added] });
  return adopted.size;
}

/** pilots.csv and evaluations.csv of the edited programme (the engine's writers; UTF-8 BOM, CRLF). */
export function pilotFilesOf(edits: PilotEditsSlice): { 'pilots.csv': string; 'evaluations.csv': string } {
  return { 'pilots.csv': P.pilotsCsv(edits.pilots), 'evaluations.csv': P.evaluationsCsv(edits.evaluations) };
}

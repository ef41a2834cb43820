import { useEffect } from 'react';
import { useApp } from './appStore';
import { engineRemote } from '../client/engineClient';
import type { WorkerFailure } from '../worker/protocol';
import { useWalk } from './walkStore';

let pointRun = 0;
let facilityRun = 0;

function message(e: unknown): string {
  const f = e as Partial<WorkerFailure>;
  const lang = useApp.getState().lang;
  return (lang === 'en' ? f.en : f.zh) ?? String(e);
}

/** Walksheds (5/10/15 min) and reachable facilities from a point, computed in the worker. */
export async function reachFromHere(lon: number, lat: number): Promise<void> {
  const id = ++pointRun;
  useWalk.getState().set({ busy: true, error: null });
  try {
    const r = await engineRemote().walkFromPoint(lon, lat);
    if (id === pointRun) useWalk.getState().set({ point: r, busy: false });
  } catch (e) {
    if (id === pointRun) useWalk.getState().set({ busy: false, error: message(e) });
  }
}

/**
 * Keeps the network walkshed of the selected facility in step with the selection, the service
 * and the distance mode (network modes only; straight-line mode draws the circle instead).
 */
export function useFacilityWalkshed(): void {
  const data = useApp((s) => s.data);
  const selection = useApp((s) => s.selection);
  const service = useApp((s) => s.service);
  useEffect(() => {
    const id = ++facilityRun;
    const set = useWalk.getState().set;
    const f = selection?.kind === 'facility' ? data?.facilities.find((x) => x.id === selection.id) : undefined;
    if (!data || !f || data.analysis.mode !== 'network') {
      if (useWalk.getState().facility) set({ facility: null });
      return;
    }
    const s = f.services.includes(service) ? service : (f.services[0] ?? service);
    engineRemote()
      .facilityWalkshed(f.id, s)
      .then(
        (r) => id === facilityRun && set({ facility: r }),
        (e) => id === facilityRun && set({ facility: null, error: message(e) }),
      );
  }, [data, selection, service]);
}

/** A point's walksheds follow the data: recomputed after a mode switch, cleared with another package. */
export function usePointFollowsData(): void {
  const data = useApp((s) => s.data);
  useEffect(() => {
    const { point, set } = useWalk.getState();
    if (!point) return;
    if (data?.roadCount === undefined) {
      set({ point: null, tool: false });
      return;
    }
    if (point.effort !== (data.effort === true)) void reachFromHere(point.lon, point.lat);
  }, [data]);
}

/**
 * The walkshed point lives in the URL (`walk=lon,lat`): the store follows the computed point, and
 * a link's point is computed once the package with a walking network is on the map.
 */
export function useWalkPointInUrl(): void {
  const data = useApp((s) => s.data);
  useEffect(
    () =>
      useWalk.subscribe((w, prev) => {
        if (w.point === prev.point) return;
        const p = w.point;
        const cur = useApp.getState().walkPoint;
        if (!p) {
          if (cur) useApp.getState().set({ walkPoint: null });
        } else if (!cur || cur.lon !== p.lon || cur.lat !== p.lat) useApp.getState().set({ walkPoint: { lon: p.lon, lat: p.lat } });
      }),
    [],
  );
  useEffect(() => {
    const wp = useApp.getState().walkPoint;
    if (!data || !wp || useWalk.getState().point || useWalk.getState().busy) return;
    if (data.roadCount === undefined) {
      useApp.getState().set({ walkPoint: null });
      return;
    }
    void reachFromHere(wp.lon, wp.lat);
  }, [data]);
}

import { takeCachedRun } from '../client/modeRunCache';
import type { DistanceMode } from '../engine/index';
import { useApp } from './appStore';

/**
 * A switch back to a distance mode already computed for the package on the map: that mode's kept
 * map data goes into the store at once, status staying 'ready' (no loading box, no progress
 * re-render, one store update), while the worker makes that analysis current again. Returns false
 * when the mode was not computed for this package (run the analysis). Should the worker no longer
 * hold it, `stale` is called (when the switch is still the latest, run the analysis anew then).
 * Calling it again for the data already shown changes nothing and asks the worker nothing.
 */
export function switchToCachedMode(dataset: string, mode: DistanceMode, effort: boolean, stale: () => void): boolean {
  const shown = useApp.getState().data;
  const hit = takeCachedRun(`data/${dataset}/`, mode, effort, shown?.packageId);
  if (!hit) return false;
  if (hit.data === shown) return true;
  hit.reuse().then((ok) => {
    if (!ok) stale();
  }, stale);
  useApp.getState().set({ data: hit.data, pkgData: null, status: 'ready', error: null });
  return true;
}

/**
 * Swap in a cached mode's data in the same store update as the mode change itself (a store
 * subscription, before React renders), so the app renders once for the switch, not once for the
 * mode and again for its data. Only when the map shows a package's data and nothing is loading.
 * Returns the unsubscribe function.
 */
export function followCachedModes(stale: () => void): () => void {
  return useApp.subscribe((s, prev) => {
    if (s.mode === prev.mode && s.effort === prev.effort) return;
    if (s.status !== 'ready' || !s.data || s.pkgData) return;
    switchToCachedMode(s.dataset, s.mode, s.effort, stale);
  });
}

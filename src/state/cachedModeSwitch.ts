import { takeCachedRun } from '../client/modeRunCache';
import type { DistanceMode } from '../engine/index';
import { useApp } from './appStore';

/**
 * A switch back to a distance mode already computed for the package on the map: that mode's kept
 * map data goes into the store at once, status staying 'ready' (no loading box, no progress
 * re-render, one store update), while the worker makes that analysis current again. Returns false
 * when the mode was not computed for this package (run the analysis). Should the worker no longer
 * hold it, `stale` is called (when the switch is still the latest, run the analysis anew then).
 */
export function switchToCachedMode(dataset: string, mode: DistanceMode, effort: boolean, stale: () => void): boolean {
  const hit = takeCachedRun(`data/${dataset}/`, mode, effort);
  if (!hit) return false;
  useApp.getState().set({ data: hit.data, pkgData: null, status: 'ready', error: null });
  void hit.reused.then((ok) => {
    if (!ok) stale();
  });
  return true;
}

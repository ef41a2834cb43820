import type { DistanceMode } from '../engine/index';
import type { MapData, ProgressCallback } from '../worker/protocol';
import { analyzeUrl, engineRemote, type OnPackage } from './engineClient';

/**
 * Map data per distance mode of the served package shown last, so a switch back to a mode
 * computed before is a lookup: the worker only makes that mode's kept analysis current again
 * (src/worker/modeRuns.ts) and nothing is recomputed, packed or copied. Entries of another
 * package are dropped when a package is analysed under another URL.
 */
const cache = new Map<string, MapData>();
let cachedUrl: string | null = null;

const modeKey = (mode: DistanceMode, effort: boolean) => (mode === 'network' && effort ? 'network+effort' : mode);
const urlOf = (base: string) => new URL(base, document.baseURI).href;

/** {@link analyzeUrl}, answered from the cache when the worker still holds that mode's analysis. */
export async function analyzeUrlCached(
  base: string,
  mode: DistanceMode,
  onProgress?: ProgressCallback,
  effort = false,
  onPackage?: OnPackage,
): Promise<MapData> {
  const url = urlOf(base);
  if (url !== cachedUrl) {
    cache.clear();
    cachedUrl = url;
  }
  const key = modeKey(mode, effort);
  const hit = cache.get(key);
  if (hit && (await engineRemote().reuseRun(url, mode, effort))) {
    onProgress?.('done', 1);
    return hit;
  }
  const data = await analyzeUrl(base, mode, onProgress, effort, onPackage);
  if (cachedUrl === url) cache.set(key, data);
  return data;
}

/**
 * The kept map data of `mode` for the package served at `base`, at once (no worker round trip),
 * or null when that mode was not computed for it, or when `packageId` (the package on the map)
 * is another package. `reuse()` asks the worker to make that mode's analysis current again and
 * resolves true once it has, false when the worker no longer holds it (the entry is dropped then;
 * analyse anew). The request is posted before `reuse()` returns, so any worker call made after it
 * (a what-if edit) runs against that analysis.
 */
export function takeCachedRun(base: string, mode: DistanceMode, effort = false, packageId?: number): { data: MapData; reuse: () => Promise<boolean> } | null {
  const url = urlOf(base);
  const key = modeKey(mode, effort);
  const data = url === cachedUrl ? cache.get(key) : undefined;
  if (!data || (packageId !== undefined && data.packageId !== packageId)) return null;
  const reuse = async () => {
    const ok = await engineRemote()
      .reuseRun(url, mode, effort)
      .catch(() => false);
    if (!ok && cachedUrl === url && cache.get(key) === data) cache.delete(key);
    return ok;
  };
  return { data, reuse };
}

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

/** {@link analyzeUrl}, answered from the cache when the worker still holds that mode's analysis. */
export async function analyzeUrlCached(
  base: string,
  mode: DistanceMode,
  onProgress?: ProgressCallback,
  effort = false,
  onPackage?: OnPackage,
): Promise<MapData> {
  const url = new URL(base, document.baseURI).href;
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

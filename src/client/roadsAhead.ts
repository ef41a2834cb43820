import type { MapSourceId } from '../worker/protocol';

/** Source JSON bytes by source (PackageMapData.sourceJson). */
export type SourceJson = Partial<Record<MapSourceId, Uint8Array>>;

/** The roads the worker sent ahead of the package being loaded (RoadsAhead), until its package part comes. */
let pending: SourceJson | null = null;
let listener: ((json: SourceJson) => void) | null = null;

/**
 * A package's roads came ahead of its package part (src/worker/mapRun.ts): the map may fill its
 * roads source with them now (MapView, {@link onRoadsAhead}). `json` becomes the package part's
 * `sourceJson` object when that part comes ({@link takeRoadsAhead}), so a blob URL made for the
 * roads is the one the part's sources use (mapSources.ts), and they are not parsed twice.
 */
export function roadsAhead(json: SourceJson): void {
  pending = json;
  listener?.(json);
}

/** The roads sent ahead of the package part now arriving (then forgotten here), or null. */
export function takeRoadsAhead(): SourceJson | null {
  const p = pending;
  pending = null;
  return p;
}

/** Follow roads sent ahead (one listener: the map); called at once with any pending. Returns the unsubscribe. */
export function onRoadsAhead(fn: (json: SourceJson) => void): () => void {
  listener = fn;
  if (pending) fn(pending);
  return () => {
    if (listener === fn) listener = null;
  };
}

import * as Comlink from 'comlink';
import { toFailure } from './failure';
import { blueprintApi } from './blueprintApi';
import { networkApi } from './networkApi';
import { pilotsApi } from './pilotsApi';
import { filesKey, hasPackage } from './packageSession';
import { snapshotApi } from './packageSnapshotApi';
import { reuseRun } from './modeRuns';
import { publishApi } from './publishApi';
import { runPackage, sendRoadsAhead, type RoadsSent } from './mapRun';
import { fetchPackage } from './fetchPackage';
import type { EngineWorkerApi } from './protocol';

/** The engine worker: map data runs (mapRun.ts), walksheds, what-if edits, comparisons, pilots, publishing. */
const api: EngineWorkerApi = {
  ...blueprintApi,
  ...networkApi,
  ...snapshotApi,
  ...pilotsApi,
  ...publishApi,
  async runUrl(base, mode, onProgress, effort, heldPackage, onPackage) {
    let files: Record<string, Uint8Array> | null = null;
    const t0 = performance.now();
    // The roads are read and sent to the map as soon as they have landed, while the rest (the
    // buildings, the largest file) is still being fetched: undefined until then.
    let roads: RoadsSent | null | undefined;
    const onFile = onPackage
      ? (got: Readonly<Record<string, Uint8Array>>) => {
          if (roads === undefined && got['manifest.json'] && got['roads.geojson']) roads = sendRoadsAhead(got, onPackage);
        }
      : undefined;
    try {
      if (!hasPackage(base)) files = await fetchPackage(base, onProgress, onFile);
    } catch (err) {
      throw toFailure(err);
    }
    return runPackage(base, files, mode, onProgress, effort, heldPackage, onPackage, files ? performance.now() - t0 : undefined, false, roads);
  },
  async runFiles(files, mode, onProgress, effort, heldPackage, onPackage) {
    return runPackage(filesKey(files), files, mode, onProgress, effort, heldPackage, onPackage);
  },
  async reuseRun(base, mode, effort) {
    return reuseRun(base, mode, effort === true);
  },
};

Comlink.expose(api);

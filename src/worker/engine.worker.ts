import * as Comlink from 'comlink';
import { aggregateH3, analyze } from '../engine/index';
import { EngineError, type DistanceMode } from '../engine/index';
import { analysisMapData, analysisTransferables, packageMapData, packageTransferables, packSources } from './buildMapData';
import { blueprintApi, rememberAnalysis } from './blueprintApi';
import { networkApi } from './networkApi';
import { pilotsApi, rememberPilotAnalysis } from './pilotsApi';
import { filesKey, hasPackage, openPackage, providerFor } from './packageSession';
import { snapshotApi } from './packageSnapshotApi';
import { keepRun, reuseRun } from './modeRuns';
import { publishApi } from './publishApi';
import { toFailure } from './failure';
import type { EngineWorkerApi, MapRun, ProgressCallback } from './protocol';

const H3_RESOLUTION = 9; // ~0.1 km² cells, about a 175 m edge: a few buildings per cell

/** Fetch every file listed in `<base>/index.json` from this origin, as bytes. */
async function fetchPackage(base: string, onProgress?: ProgressCallback): Promise<Record<string, Uint8Array>> {
  const root = base.endsWith('/') ? base : `${base}/`;
  const index = await fetch(`${root}index.json`);
  if (!index.ok) throw new EngineError('E_MISSING_FILE', { file: `${root}manifest.json` });
  const { files } = (await index.json()) as { files: string[] };
  const out: Record<string, Uint8Array> = {};
  let done = 0;
  await Promise.all(
    files.map(async (f) => {
      const r = await fetch(root + f);
      if (!r.ok) throw new EngineError('E_MISSING_FILE', { file: f });
      out[f] = new Uint8Array(await r.arrayBuffer());
      onProgress?.('fetch', ++done / files.length);
    }),
  );
  return out;
}

function fail(err: unknown): never {
  throw toFailure(err);
}

/**
 * Analyse the package under `key` (parsed from `files` unless it is the one loaded already) in a
 * mode; providers (walking graph, building snaps) are kept per mode, so switching back is fast.
 * The package part of the map data (geometry, ids, GeoJSON bytes) is built and sent only when
 * the page does not hold it already (`heldPackage` = its packageId): a mode switch sends only
 * the analysis part, and the page keeps its geometry objects.
 */
function run(
  key: string,
  files: Record<string, Uint8Array> | null,
  mode: DistanceMode,
  onProgress?: ProgressCallback,
  effort = false,
  heldPackage?: number,
): MapRun {
  try {
    const t0 = performance.now();
    onProgress?.('load', 0);
    const session = openPackage(key, files);
    const { pkg, policy } = session;
    const t1 = performance.now();
    onProgress?.('network', 0);
    const provider = providerFor(session, mode, effort);
    const analysis = analyze(pkg, { mode, policy, effort: mode === 'network' && effort, provider, onProgress: (stage, f) => onProgress?.(stage, f) });
    rememberAnalysis(pkg, analysis, provider); // blueprints and what-if edits reuse it
    rememberPilotAnalysis(analysis); // the 试点 panel's rules and proposals too
    keepRun(session, mode, effort, analysis, provider); // a later switch back to this mode reuses it
    const t2 = performance.now();
    onProgress?.('h3', 0);
    const cells = aggregateH3(pkg, analysis, H3_RESOLUTION);
    const t3 = performance.now();
    onProgress?.('pack', 0);
    const r = analysisMapData(pkg, analysis, cells);
    r.effort = analysis.summary.effort === true;
    const out: MapRun = { packageId: session.id, run: r };
    let buffers = analysisTransferables(r);
    if (heldPackage !== session.id) {
      const p = packageMapData(pkg, cells, H3_RESOLUTION, session.id);
      if (session.water) p.water = session.water;
      onProgress?.('pack', 0.5);
      packSources(p, pkg.roads);
      out.package = p;
      buffers = [...buffers, ...packageTransferables(p)];
    }
    const t4 = performance.now();
    r.timings = { load: t1 - t0, analyze: t2 - t1, h3: t3 - t2, pack: t4 - t3 };
    onProgress?.('transfer', 0);
    return Comlink.transfer(out, buffers);
  } catch (err) {
    fail(err);
  }
}

const api: EngineWorkerApi = {
  ...blueprintApi,
  ...networkApi,
  ...snapshotApi,
  ...pilotsApi,
  ...publishApi,
  async runUrl(base, mode, onProgress, effort, heldPackage) {
    let files: Record<string, Uint8Array> | null = null;
    try {
      if (!hasPackage(base)) files = await fetchPackage(base, onProgress);
    } catch (err) {
      fail(err);
    }
    return run(base, files, mode, onProgress, effort, heldPackage);
  },
  async runFiles(files, mode, onProgress, effort, heldPackage) {
    return run(filesKey(files), files, mode, onProgress, effort, heldPackage);
  },
  async reuseRun(base, mode, effort) {
    return reuseRun(base, mode, effort === true);
  },
};

Comlink.expose(api);

/**
 * One map data run of the engine worker: fetch a served package (or take opened files), parse
 * it, send its package part ahead (onPackage), analyse it in a mode, and answer with the analysis
 * part. Typed arrays and JSON bytes are transferred, never copied, and the worker keeps no copy
 * of a part it has sent.
 */
import * as Comlink from 'comlink';
import { aggregateH3, analyze, readRoadsAhead } from '../engine/index';
import type { DistanceMode, Rejection, RoadCollection } from '../engine/index';
import { analysisMapData, analysisTransferables, packageMapData, packageTransferables, packSources, roadsJson } from './buildMapData';
import { rememberAnalysis } from './blueprintApi';
import { rememberPilotAnalysis } from './pilotsApi';
import { hasPackage, openPackage, providerFor } from './packageSession';
import { keepRun } from './modeRuns';
import { toFailure } from './failure';
import type { MapRun, PackageCallback, PackageMapData, ProgressCallback, RoadsAhead } from './protocol';

const H3_RESOLUTION = 9; // ~0.1 km² cells, about a 175 m edge: a few buildings per cell

/**
 * The roads of `files` read ahead (readRoadsAhead) and their map JSON, or null: no roads, or
 * reading them fails (loadPackage then reads them and reports it in its order).
 */
function roadsAhead(files: Readonly<Record<string, Uint8Array>>): { roads: RoadCollection; rejected: Rejection[]; message: RoadsAhead } | null {
  try {
    const read = readRoadsAhead(files);
    if (!read) return null;
    return { ...read, message: { kind: 'roads ahead', sourceJson: roadsJson(read.roads) } };
  } catch {
    return null;
  }
}

/** Roads read ahead of their package (for loadPackage's `roadsRead`), their map JSON sent to the page already. */
export type RoadsSent = { roads: RoadCollection; rejected: Rejection[] };

/**
 * Read the roads of `files` ahead of the rest (manifest.json and roads.geojson suffice) and send
 * their map JSON to the page by `onPackage` (transferred): maplibre's worker parses and tiles them
 * while the package is read. Null when there are none or they cannot be read (loadPackage then
 * reads them and reports it in its order).
 */
export function sendRoadsAhead(files: Readonly<Record<string, Uint8Array>>, onPackage: PackageCallback): RoadsSent | null {
  const ahead = roadsAhead(files);
  if (!ahead) return null;
  const json = ahead.message.sourceJson;
  const sent = onPackage(Comlink.transfer(ahead.message, [json.roads.buffer as ArrayBuffer, json.streets.buffer as ArrayBuffer]));
  void Promise.resolve(sent).catch(() => undefined); // a page gone fails the package part's call too
  return { roads: ahead.roads, rejected: ahead.rejected };
}

function fail(err: unknown): never {
  throw toFailure(err);
}

/**
 * Analyse the package under `key` (parsed from `files` unless it is the one loaded already) in a
 * mode; providers (walking graph, building snaps) are kept per mode, so switching back is fast.
 * The package part of the map data (geometry, ids, GeoJSON bytes) is built and sent only when
 * the page does not hold it already (`heldPackage` = its packageId): a mode switch sends only
 * the analysis part, and the page keeps its geometry objects. With `onPackage` the package part
 * goes ahead, as soon as the package is parsed (its buffers transferred, the worker keeping no
 * copy), so the page draws it while the analysis runs; the analysis does not wait for the page
 * to take it, the run's answer does.
 */
export async function runPackage(
  key: string,
  files: Record<string, Uint8Array> | null,
  mode: DistanceMode,
  onProgress?: ProgressCallback,
  effort = false,
  heldPackage?: number,
  onPackage?: PackageCallback,
  fetchMs?: number,
  keepFiles = true,
  roadsSent?: RoadsSent | null,
): Promise<MapRun> {
  try {
    const t0 = performance.now();
    onProgress?.('load', 0);
    // A new package's roads go to the map first (its longest source to parse and tile in
    // maplibre's worker), read as loadPackage reads them, which then takes them as they are:
    // `roadsSent` when they were sent while the package was fetched (engine.worker.ts).
    const ahead = roadsSent !== undefined ? roadsSent : files && onPackage && !hasPackage(key) ? sendRoadsAhead(files, onPackage) : null;
    const session = openPackage(key, files, keepFiles, ahead ? { roadsRead: ahead } : undefined);
    files = null; // a served package's bytes are not kept: the solver and publishing fetch them again (packageSession.ts sessionFiles)
    const { pkg, policy } = session;
    const t1 = performance.now();
    let part: PackageMapData | undefined;
    /** The page's answer to the package part: awaited only before the run's own answer (see below). */
    let partTaken: Promise<void> | undefined;
    if (heldPackage !== session.id) {
      onProgress?.('pack', 0);
      part = packageMapData(pkg, session.id);
      if (session.water) part.water = session.water;
      packSources(part, ahead ? undefined : pkg.roads); // roads sent ahead are not sent again
      if (onPackage) {
        // Posted now (its buffers transferred); the analysis starts at once instead of waiting for
        // the page, whose main thread is busy with that very part (deck layers, sources) for a while.
        partTaken = Promise.resolve(onPackage(Comlink.transfer(part, packageTransferables(part))));
        partTaken.catch(() => undefined); // awaited below; not unhandled should the analysis fail first
        part = undefined; // on the page now; its buffers are detached here
      }
    }
    const tPackage = performance.now();
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
    onProgress?.('pack', 0.5);
    const r = analysisMapData(pkg, analysis, cells, H3_RESOLUTION);
    r.effort = analysis.summary.effort === true;
    const out: MapRun = { packageId: session.id, run: r };
    let buffers = analysisTransferables(r);
    if (part) {
      out.package = part;
      buffers = [...buffers, ...packageTransferables(part)];
    }
    const t4 = performance.now();
    r.timings = { load: t1 - t0, packagePack: tPackage - t1, analyze: t2 - tPackage, h3: t3 - t2, pack: t4 - t3 };
    if (fetchMs !== undefined) r.timings.fetch = fetchMs;
    onProgress?.('transfer', 0);
    // The part went through its own channel: the page must hold it before this answer lands (joinMapData.ts mapDataOf).
    await partTaken;
    return Comlink.transfer(out, buffers);
  } catch (err) {
    fail(err);
  }
}

import * as Comlink from 'comlink';
import type { DistanceMode } from '../engine/index';
import type { EngineWorkerApi, MapData, PackageMapData, ProgressCallback, RoadsAhead } from '../worker/protocol';
import { roadsAhead, takeRoadsAhead } from './roadsAhead';
import { heldPackageId, holdPackage, mapDataOf } from './joinMapData';

let remote: Comlink.Remote<EngineWorkerApi> | null = null;

function engine(): Comlink.Remote<EngineWorkerApi> {
  if (!remote) {
    const worker = new Worker(new URL('../worker/engine.worker.ts', import.meta.url), { type: 'module', name: 'engine' });
    remote = Comlink.wrap<EngineWorkerApi>(worker);
  }
  return remote;
}

/** The engine worker's remote (one worker for the app; blueprint and what-if calls use it too). */
export function engineRemote(): Comlink.Remote<EngineWorkerApi> {
  return engine();
}

/** Called with a package's part of the map data as soon as the worker has parsed the package, before the analysis. */
export type OnPackage = (part: PackageMapData) => void;

/**
 * The worker's callback for a package part: held here (the run's answer will not carry it), then
 * handed to `onPackage`. Roads sent ahead of it (RoadsAhead) go to the map at once (roadsAhead.ts)
 * and become the part's `sourceJson` object, the part's other sources added to it.
 */
function packageProxy(onPackage: OnPackage | undefined) {
  return Comlink.proxy((part: PackageMapData | RoadsAhead) => {
    if ('kind' in part) return roadsAhead(part.sourceJson);
    const ahead = takeRoadsAhead();
    if (ahead) part.sourceJson = Object.assign(ahead, part.sourceJson);
    holdPackage(part);
    onPackage?.(part);
  });
}

/**
 * Analyse a package served by this origin at `base` (e.g. `data/sample/`), off the main thread.
 * The worker sends the package's geometry only when the page does not hold it (joinMapData.ts),
 * and then ahead of the analysis: `onPackage` gets it while the analysis runs.
 */
export async function analyzeUrl(base: string, mode: DistanceMode, onProgress?: ProgressCallback, effort = false, onPackage?: OnPackage): Promise<MapData> {
  const url = new URL(base, document.baseURI).href;
  const run = await engine().runUrl(url, mode, onProgress ? Comlink.proxy(onProgress) : undefined, effort, heldPackageId(), packageProxy(onPackage));
  return mapDataOf(run);
}

/** Analyse files the user opened; their bytes are transferred to the worker. `onPackage` as in {@link analyzeUrl}. */
export async function analyzeFiles(files: File[], mode: DistanceMode, onProgress?: ProgressCallback, effort = false, onPackage?: OnPackage): Promise<MapData> {
  const bytes: Record<string, Uint8Array> = {};
  for (const f of files) {
    const name = f.name.toLowerCase();
    bytes[name] = new Uint8Array(await f.arrayBuffer());
  }
  const buffers = Object.values(bytes).map((b) => b.buffer as ArrayBuffer);
  const run = await engine().runFiles(
    Comlink.transfer(bytes, buffers),
    mode,
    onProgress ? Comlink.proxy(onProgress) : undefined,
    effort,
    heldPackageId(),
    packageProxy(onPackage),
  );
  return mapDataOf(run);
}

import * as Comlink from 'comlink';
import { aggregateH3, analyze, loadPackage, resolvePolicy } from '../engine';
import { EngineError } from '../engine/errors';
import type { DistanceMode } from '../engine/types';
import { buildMapData, transferables } from './buildMapData';
import type { EngineWorkerApi, MapData, ProgressCallback, WorkerFailure } from './protocol';

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
  if (err instanceof EngineError) {
    const f: WorkerFailure = { code: err.code, zh: err.messageIn('zh'), en: err.messageIn('en') };
    throw f;
  }
  const msg = err instanceof Error ? err.message : String(err);
  const f: WorkerFailure = { code: 'E_INTERNAL', zh: `内部错误: ${msg}`, en: `Internal error: ${msg}` };
  throw f;
}

function run(files: Record<string, Uint8Array>, mode: DistanceMode, onProgress?: ProgressCallback): MapData {
  try {
    const t0 = performance.now();
    onProgress?.('load', 0);
    const pkg = loadPackage(files);
    const t1 = performance.now();
    const policy = resolvePolicy(pkg);
    const analysis = analyze(pkg, { mode, policy, onProgress: (stage, f) => onProgress?.(stage, f) });
    const t2 = performance.now();
    onProgress?.('h3', 0);
    const cells = aggregateH3(pkg, analysis, H3_RESOLUTION);
    const t3 = performance.now();
    const data = buildMapData(pkg, analysis, cells, H3_RESOLUTION);
    const t4 = performance.now();
    data.timings = { load: t1 - t0, analyze: t2 - t1, h3: t3 - t2, pack: t4 - t3 };
    onProgress?.('done', 1);
    return Comlink.transfer(data, transferables(data));
  } catch (err) {
    fail(err);
  }
}

const api: EngineWorkerApi = {
  async runUrl(base, mode, onProgress) {
    let files: Record<string, Uint8Array>;
    try {
      files = await fetchPackage(base, onProgress);
    } catch (err) {
      fail(err);
    }
    return run(files, mode, onProgress);
  },
  async runFiles(files, mode, onProgress) {
    return run(files, mode, onProgress);
  },
};

Comlink.expose(api);

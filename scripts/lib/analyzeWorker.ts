/**
 * The helper thread of `analyze` (scripts/lib/AnalyzeThreads.ts): validates roads.geojson
 * while the main thread loads the rest, then computes straight-line coverage for its half of
 * the buildings, writing straight into the main thread's shared distance arrays. Bundled as
 * dist-cli/analyzeWorker.mjs by scripts/build-cli.mjs.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { EngineError, NearestByCells, roadRejections, type Crs, type ErrorCode, type ErrorPlace, type NearestRange } from '../../src/engine/index';

/** Messages the main thread sends. */
export type ToWorker =
  | { kind: 'roads'; bytes: Uint8Array; crs: Crs }
  | { kind: 'coverage'; lon: Float64Array; lat: Float64Array; jobs: CoverageJob[]; part: { index: number; of: number } };

/** One service's nearest-site distances: the sites, the radius (m) and the shared output (by building). */
export interface CoverageJob {
  siteLon: Float64Array;
  siteLat: Float64Array;
  radiusM: number;
  out: Float64Array;
}

/** What the worker answers: roads' rejections or error, or that its coverage part is written. */
export type FromWorker =
  | { kind: 'roads'; rejected: ReturnType<typeof roadRejections> }
  | { kind: 'roads-error'; code: ErrorCode; place: ErrorPlace }
  | { kind: 'coverage' }
  | { kind: 'failed'; message: string };

/** Part `index` of `of` of the cell order, in equal runs of positions. */
export function partRange(cells: NearestByCells, index: number, of: number): NearestRange {
  const m = cells.order.length;
  return { from: Math.floor((m * index) / of), to: Math.floor((m * (index + 1)) / of) };
}

/** The sites of a job as the engine takes them. */
export function jobSites(job: CoverageJob): { lon: number; lat: number }[] {
  return Array.from(job.siteLon, (lon, j) => ({ lon, lat: job.siteLat[j] }));
}

const { flag } = (workerData ?? {}) as { flag?: Int32Array };

function answer(port: MessagePort, msg: FromWorker): void {
  port.postMessage(msg);
  if (flag) {
    Atomics.add(flag, 0, 1); // the main thread may be waiting synchronously (roads, inside loadPackage)
    Atomics.notify(flag, 0);
  }
}

function onMessage(port: MessagePort, msg: ToWorker): void {
  if (msg.kind === 'roads') {
    try {
      answer(port, { kind: 'roads', rejected: roadRejections(msg.bytes, msg.crs) });
    } catch (e) {
      if (e instanceof EngineError) answer(port, { kind: 'roads-error', code: e.code, place: { ...e.place } });
      else answer(port, { kind: 'failed', message: String((e as Error)?.stack ?? e) });
    }
    return;
  }
  try {
    const cells = new NearestByCells(msg.lon, msg.lat);
    const range = partRange(cells, msg.part.index, msg.part.of);
    for (const job of msg.jobs) cells.nearestInto(job.out, jobSites(job), job.radiusM, range);
    answer(port, { kind: 'coverage' });
  } catch (e) {
    answer(port, { kind: 'failed', message: String((e as Error)?.stack ?? e) });
  }
}

// the first message brings the port to talk on (the main thread reads it synchronously too)
parentPort?.once('message', ({ port }: { port: MessagePort }) => {
  port.on('message', (msg: ToWorker) => onMessage(port, msg));
  if (flag) Atomics.store(flag, 1, 1); // listening: the main thread may wait for answers
});

/**
 * The helper thread of `analyze` (scripts/lib/AnalyzeThreads.ts): reads the second half of
 * buildings.csv's records from its bytes while the main thread reads the first, validates roads.geojson
 * while the main thread loads the rest, indexes the buildings in cell order
 * (NearestByCells, in shared memory) while the main thread locates them in communities and
 * reads the other files, then decides straight-line coverage for the parts of the cell
 * order it takes, writing straight into the main thread's shared flag arrays. Bundled as
 * dist-cli/analyzeWorker.mjs by scripts/build-cli.mjs.
 */
import { mark } from './phaseTimes';
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import {
  EngineError,
  NearestByCells,
  readBuildingPart,
  roadRejections,
  type BuildingBytesPlan,
  type BuildingPart,
  type BuildingSlots,
  type Crs,
  type ErrorCode,
  type ErrorPlace,
  type NearestByCellsParts,
  type NearestRange,
} from '../../src/engine/index';

/** Messages the main thread sends; each answer carries the request's id. */
export type ToWorker =
  | { id: number; kind: 'roads'; bytes: Uint8Array; crs: Crs }
  | { id: number; kind: 'cells'; lon: Float64Array; lat: Float64Array }
  | { id: number; kind: 'part'; bytes: Uint8Array; plan: BuildingBytesPlan; p: number; slots: BuildingSlots; crs: Crs }
  | { id: number; kind: 'coverage'; cells: NearestByCellsParts; work: CoverageWork };

/** One service's coverage: the sites, the radius (m) and the shared output (1 covered, by building). */
export interface CoverageJob {
  siteLon: Float64Array;
  siteLat: Float64Array;
  radiusM: number;
  out: Uint8Array;
}

/**
 * Coverage of several services cut into tasks (a job × a part of the cell order) that both
 * threads take in turn from a shared counter, so neither waits on the other's share.
 */
export interface CoverageWork {
  jobs: CoverageJob[];
  /** Parts of the cell order per job. */
  parts: number;
  /** [next task to take]; shared. */
  next: Int32Array;
  /** Per task, 1 once written; shared (tasks a failed thread took are done again). */
  done: Uint8Array;
}

/** What the worker answers: roads' rejections or error, the shared index, that its coverage tasks are written, or that it failed. */
export type FromWorker =
  | { id: number; kind: 'roads'; rejected: ReturnType<typeof roadRejections> }
  | { id: number; kind: 'roads-error'; code: ErrorCode; place: ErrorPlace }
  | { id: number; kind: 'cells'; cells: NearestByCellsParts }
  | { id: number; kind: 'part'; part: BuildingPart }
  | { id: number; kind: 'coverage' }
  | { id: number; kind: 'failed'; message: string };

/** Part `index` of `of` of the cell order, in equal runs of positions. */
export function partRange(cells: NearestByCells, index: number, of: number): NearestRange {
  const m = cells.order.length;
  return { from: Math.floor((m * index) / of), to: Math.floor((m * (index + 1)) / of) };
}

/** The sites of a job as the engine takes them. */
export function jobSites(job: Pick<CoverageJob, 'siteLon' | 'siteLat'>): { lon: number; lat: number }[] {
  return Array.from(job.siteLon, (lon, j) => ({ lon, lat: job.siteLat[j] }));
}

/**
 * Take tasks of `work` until none is left (both threads run this): task t is job
 * ⌊t / parts⌋, part t mod parts. Every flag is decided by the same function whichever
 * thread and part it falls in, so the outputs do not depend on the threads.
 */
export function takeCoverageTasks(cells: NearestByCells, work: CoverageWork, sites: { lon: number; lat: number }[][]): void {
  const total = work.jobs.length * work.parts;
  for (;;) {
    const t = Atomics.add(work.next, 0, 1);
    if (t >= total) return;
    const j = Math.floor(t / work.parts);
    const job = work.jobs[j];
    cells.coveredInto(job.out, sites[j], job.radiusM, partRange(cells, t % work.parts, work.parts));
    work.done[t] = 1;
  }
}

const { flag } = (workerData ?? {}) as { flag?: Int32Array };

function answer(port: MessagePort, msg: FromWorker): void {
  port.postMessage(msg);
  if (flag) {
    Atomics.add(flag, 0, 1); // the main thread may be waiting synchronously
    Atomics.notify(flag, 0);
  }
}

/** Shared memory for the index's arrays (the main thread takes them as they are). */
const shared = (n: number) => new SharedArrayBuffer(n);

function onMessage(port: MessagePort, msg: ToWorker): void {
  const id = msg.id;
  mark(`${msg.kind} asked`, 'helper');
  try {
    if (msg.kind === 'roads') {
      try {
        answer(port, { id, kind: 'roads', rejected: roadRejections(msg.bytes, msg.crs) });
      } catch (e) {
        if (!(e instanceof EngineError)) throw e;
        answer(port, { id, kind: 'roads-error', code: e.code, place: { ...e.place } });
      }
    } else if (msg.kind === 'part') {
      answer(port, { id, kind: 'part', part: readBuildingPart(msg.bytes, msg.plan, msg.p, msg.slots, msg.crs) });
    } else if (msg.kind === 'cells') {
      answer(port, { id, kind: 'cells', cells: new NearestByCells(msg.lon, msg.lat, shared).parts() });
    } else {
      const cells = NearestByCells.fromParts(msg.cells);
      takeCoverageTasks(cells, msg.work, msg.work.jobs.map(jobSites));
      answer(port, { id, kind: 'coverage' });
    }
    mark(`${msg.kind} answered`, 'helper');
  } catch (e) {
    answer(port, { id, kind: 'failed', message: String((e as Error)?.stack ?? e) });
  }
}

// the first message brings the port to talk on (the main thread reads it synchronously too)
parentPort?.once('message', ({ port }: { port: MessagePort }) => {
  port.on('message', (msg: ToWorker) => onMessage(port, msg));
  mark('listening', 'helper');
  if (flag) Atomics.store(flag, 1, 1); // listening: the main thread may wait for answers
});

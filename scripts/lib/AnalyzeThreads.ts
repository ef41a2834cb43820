import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { EngineError, NearestByCells, type BuildingBytesPlan, type BuildingPart, type BuildingSlots, type Crs, type Rejection } from '../../src/engine/index';
import { jobSites, takeCoverageTasks, type CoverageJob, type CoverageWork, type FromWorker, type ToWorker } from './analyzeWorker';

/** How long the main thread waits for roads.geojson or the index before doing it itself, ms … */
const ANSWER_WAIT_MS = 120_000;
/** … and for the thread to start at all (it says so in the flag's second cell). */
const START_WAIT_MS = 15_000;
/** Parts of the cell order per service in straight-line coverage: tasks the two threads take in turn. */
const COVERAGE_PARTS = 8;

/** The worker's file: next to the bundle (dist-cli/analyzeWorker.mjs), else the TypeScript source (run through tsx, as this file is). */
function workerFile(): string | null {
  const here = fileURLToPath(import.meta.url);
  const file = join(dirname(here), here.endsWith('.mjs') ? 'analyzeWorker.mjs' : 'analyzeWorkerDev.mjs');
  return existsSync(file) ? file : null;
}

/** `a` in shared memory (another thread reads it without a copy of its own): itself when it is there already, else a copy. */
export function sharedCopy<A extends Float64Array | Uint8Array>(a: A): A {
  if (a.buffer instanceof SharedArrayBuffer) return a;
  const out = new (a.constructor as new (b: SharedArrayBuffer) => A)(new SharedArrayBuffer(a.byteLength));
  out.set(a);
  return out;
}

/** True when every array of the index lives in shared memory (built by the thread). */
function isShared(cells: NearestByCells): boolean {
  const p = cells.parts();
  return [p.order, p.code, p.lon, p.lat, p.cosLat, p.ux, p.uy, p.uz].every((a) => a.buffer instanceof SharedArrayBuffer);
}

/**
 * The second thread of `analyze` (the machine's second core): started before the package
 * is read, it reads the second half of buildings.csv's records while the main thread reads
 * the first (readBuildingBytes.ts: the same rows and rejections as the text reader), validates roads.geojson while the main thread loads the rest (a straight-line
 * or matrix run needs only its rejections), builds the buildings' cell index in shared
 * memory as soon as buildings.csv is read (while the main thread locates them in
 * communities and reads the other files), then takes its share of straight-line coverage
 * tasks while the main thread takes the rest, both writing into shared flag arrays. Every
 * flag is decided by the same function on the same inputs whichever thread does it, so
 * outputs do not depend on the number of threads (test/cli-threads.test.ts).
 */
export class AnalyzeThreads {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly flag: Int32Array;
  private seen = 0;
  private lastId = 0;
  /** Answers received and not yet taken, by request id. */
  private readonly answers = new Map<number, FromWorker>();
  private roadsId = 0;
  private cellsId = 0;
  private partId = 0;

  private constructor(file: string) {
    this.flag = new Int32Array(new SharedArrayBuffer(8)); // [answers sent, 1 once listening]
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(file, { workerData: { flag: this.flag } });
    this.worker.postMessage({ port: port2 }, [port2]);
    this.worker.unref();
  }

  /** A started helper thread, or null when its file is missing (single-threaded then). */
  static start(): AnalyzeThreads | null {
    const file = workerFile();
    return file ? new AnalyzeThreads(file) : null;
  }

  /** Start validating roads.geojson (the bytes copied once to shared memory). */
  readRoads(bytes: Uint8Array, crs: Crs): void {
    this.roadsId = this.send({ id: 0, kind: 'roads', bytes: sharedCopy(bytes), crs });
  }

  /**
   * The rejections of roads.geojson, waiting for the thread synchronously (inside
   * loadPackage, at roads' place); the error it found is thrown here. Null when it was not
   * asked or did not answer in time: the caller then reads the file itself.
   */
  roadsResult(): Rejection[] | null {
    if (!this.roadsId) return null;
    const m = this.wait(this.roadsId);
    if (!m || m.kind === 'failed') return null;
    if (m.kind === 'roads-error') throw new EngineError(m.code, m.place);
    return m.kind === 'roads' ? m.rejected : null;
  }

  /** Start reading part `p` of buildings.csv (of planBuildingBytes) into its slots (the bytes and the slots in shared memory). */
  readBuildingPart(bytes: Uint8Array, plan: BuildingBytesPlan, p: number, slots: BuildingSlots, crs: Crs): void {
    this.partId = this.send({ id: 0, kind: 'part', bytes, plan, p, slots, crs });
  }

  /** The part {@link readBuildingPart} asked for, waiting synchronously; null when not asked or not read (the caller reads it). */
  partResult(): BuildingPart | null {
    if (!this.partId) return null;
    const m = this.wait(this.partId);
    return m?.kind === 'part' ? m.part : null;
  }

  /** Start building the cell index of these points (WGS84 degrees; copied once to shared memory). */
  buildCells(lon: Float64Array, lat: Float64Array): void {
    this.cellsId = this.send({ id: 0, kind: 'cells', lon: sharedCopy(lon), lat: sharedCopy(lat) });
  }

  /** The index {@link buildCells} asked for, waiting for it synchronously; null when not asked or not built (the caller builds it). */
  cellsResult(): NearestByCells | null {
    if (!this.cellsId) return null;
    const m = this.wait(this.cellsId);
    return m?.kind === 'cells' ? NearestByCells.fromParts(m.cells) : null;
  }

  /**
   * Per job, 1 for every building covered (some site within the radius), else 0: the jobs
   * are cut into tasks (parts of the cell order) that this thread and the helper take in
   * turn; the arrays (shared memory) are filled when the promise resolves.
   */
  async coverage(cells: NearestByCells, jobs: { siteLon: Float64Array; siteLat: Float64Array; radiusM: number }[]): Promise<Uint8Array[]> {
    const out = jobs.map(() => new Uint8Array(new SharedArrayBuffer(cells.size)));
    const shared: CoverageJob[] = jobs.map((j, k) => ({ ...j, out: out[k] }));
    const parts = COVERAGE_PARTS;
    const work: CoverageWork = {
      jobs: shared,
      parts,
      next: new Int32Array(new SharedArrayBuffer(4)),
      done: new Uint8Array(new SharedArrayBuffer(jobs.length * parts)),
    };
    const sites = shared.map(jobSites);
    if (!this.listening() || !isShared(cells)) {
      // the thread is not up yet, or the index is not in shared memory: everything here
      takeCoverageTasks(cells, work, sites);
      return out;
    }
    const id = this.send({ id: 0, kind: 'coverage', cells: cells.parts(), work });
    const done = this.reply(id);
    takeCoverageTasks(cells, work, sites);
    const m = await done;
    if (m.kind !== 'coverage') {
      // the thread failed: do here the tasks it took and did not finish (same function, same flags)
      for (let t = 0; t < work.done.length; t++) {
        if (work.done[t] === 1) continue;
        const j = Math.floor(t / parts);
        const from = Math.floor((cells.order.length * (t % parts)) / parts);
        const to = Math.floor((cells.order.length * ((t % parts) + 1)) / parts);
        cells.coveredInto(shared[j].out, sites[j], shared[j].radiusM, { from, to });
      }
    }
    return out;
  }

  /** Stop the thread. */
  close(): void {
    this.port.close();
    void this.worker.terminate();
  }

  /** Send a request under a new id; returns the id. */
  private send(msg: ToWorker): number {
    const id = ++this.lastId;
    this.port.postMessage({ ...msg, id });
    return id;
  }

  /** Keep an answer (the thread answers in order; an answer no one waits for any more is dropped when its id is passed). */
  private keep(m: FromWorker): void {
    this.seen++;
    this.answers.set(m.id, m);
  }

  /** The answer to request `id`, waiting synchronously up to {@link ANSWER_WAIT_MS}; null when none came (or the thread never started). */
  private wait(id: number): FromWorker | null {
    const t0 = Date.now();
    const until = t0 + ANSWER_WAIT_MS;
    // a thread still loading its code (tsx compiles it in development) would keep this one waiting: do it here instead
    if (!this.listening()) return null;
    for (;;) {
      const kept = this.answers.get(id);
      if (kept) {
        this.answers.delete(id);
        return kept;
      }
      const got = receiveMessageOnPort(this.port);
      if (got) {
        this.keep(got.message as FromWorker);
        continue;
      }
      const left = until - Date.now();
      if (left <= 0) return null;
      if (Atomics.load(this.flag, 1) === 0 && Date.now() - t0 > START_WAIT_MS) return null;
      Atomics.wait(this.flag, 0, this.seen, Math.min(left, 1000));
    }
  }

  /** True once the thread listens (its code loaded). */
  private listening(): boolean {
    return Atomics.load(this.flag, 1) === 1;
  }

  /** The answer to request `id`, asynchronously (a failure when the thread stops first). */
  private reply(id: number): Promise<FromWorker> {
    return new Promise((resolve) => {
      const finish = (m: FromWorker) => {
        this.port.off('message', onMessage);
        this.worker.off('exit', onExit);
        this.answers.delete(id);
        resolve(m);
      };
      const onExit = () => finish({ id, kind: 'failed', message: 'the thread stopped' });
      const onMessage = (m: FromWorker) => {
        this.keep(m);
        if (m.id === id) finish(m);
      };
      const kept = this.answers.get(id);
      if (kept) return finish(kept);
      this.worker.once('exit', onExit);
      this.port.on('message', onMessage);
    });
  }
}

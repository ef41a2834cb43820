import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { EngineError, NearestByCells, type Crs, type Rejection } from '../../src/engine/index';
import { jobSites, partRange, type CoverageJob, type FromWorker, type ToWorker } from './analyzeWorker';

/** How long the main thread waits for roads.geojson before reading it itself, ms … */
const ROADS_WAIT_MS = 120_000;
/** … and for the thread to start at all (it says so in the flag's second cell). */
const START_WAIT_MS = 15_000;

/** The worker's file: next to the bundle (dist-cli/analyzeWorker.mjs), else the TypeScript source (run through tsx, as this file is). */
function workerFile(): string | null {
  const here = fileURLToPath(import.meta.url);
  const file = join(dirname(here), here.endsWith('.mjs') ? 'analyzeWorker.mjs' : 'analyzeWorkerDev.mjs');
  return existsSync(file) ? file : null;
}

/**
 * The second thread of `analyze` (the machine's second core): started before the package
 * is read, it validates roads.geojson while the main thread loads the rest (a straight-line
 * or matrix run needs only its rejections), then computes straight-line coverage for the
 * second half of the buildings in cell order while the main thread does the first half,
 * both writing into shared arrays. Every distance is computed by the same function on the
 * same inputs whichever thread does it, so outputs do not depend on the number of threads
 * (test/cli-threads.test.ts).
 */
export class AnalyzeThreads {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly flag: Int32Array;
  private seen = 0;
  private roadsAsked = false;
  /** Roads were read here after all: the thread's answer to them is still to come, and is dropped. */
  private staleRoads = false;

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

  /** Start validating roads.geojson (bytes copied to the thread). */
  readRoads(bytes: Uint8Array, crs: Crs): void {
    this.send({ kind: 'roads', bytes, crs });
    this.roadsAsked = true;
  }

  /**
   * The rejections of roads.geojson, waiting for the thread synchronously (inside
   * loadPackage, at roads' place); the error it found is thrown here. Null when it was not
   * asked or did not answer in time: the caller then reads the file itself.
   */
  roadsResult(): Rejection[] | null {
    if (!this.roadsAsked) return null;
    // a thread still loading its code (tsx compiles it in development) would keep this one waiting: read here instead
    const m = this.listening() ? this.next(ROADS_WAIT_MS) : null;
    if (!m) this.staleRoads = true; // its answer, when it comes, is for nobody
    if (!m || m.kind === 'failed') return null;
    if (m.kind === 'roads-error') throw new EngineError(m.code, m.place);
    if (m.kind !== 'roads') return null;
    return m.rejected;
  }

  /**
   * Per job, distances to the nearest site within the radius for every building: the
   * thread does the second half of the cell order while this one does the first; the
   * arrays (shared memory) are filled when the promise resolves.
   */
  async coverage(
    cells: NearestByCells,
    lon: Float64Array,
    lat: Float64Array,
    jobs: { siteLon: Float64Array; siteLat: Float64Array; radiusM: number }[],
  ): Promise<Float64Array[]> {
    const out = jobs.map(() => new Float64Array(new SharedArrayBuffer(8 * lon.length)).fill(Infinity));
    const shared: CoverageJob[] = jobs.map((j, k) => ({ ...j, out: out[k] }));
    if (!this.listening()) {
      // the thread is not up yet: everything here
      for (const job of shared) cells.nearestInto(job.out, jobSites(job), job.radiusM, { from: 0, to: cells.order.length });
      return out;
    }
    const done = this.reply();
    this.send({ kind: 'coverage', lon, lat, jobs: shared, part: { index: 1, of: 2 } });
    const range = partRange(cells, 0, 2);
    for (const job of shared) cells.nearestInto(job.out, jobSites(job), job.radiusM, range);
    const m = await done;
    if (m.kind !== 'coverage') {
      // the thread failed: do its half here (same function, same numbers)
      const rest = partRange(cells, 1, 2);
      for (const job of shared) cells.nearestInto(job.out, jobSites(job), job.radiusM, rest);
    }
    return out;
  }

  /** Stop the thread. */
  close(): void {
    this.port.close();
    void this.worker.terminate();
  }

  private send(msg: ToWorker): void {
    this.port.postMessage(msg);
  }

  /** The next answer, waiting synchronously up to `ms`. */
  private next(ms: number): FromWorker | null {
    const t0 = Date.now();
    const until = t0 + ms;
    for (;;) {
      const got = receiveMessageOnPort(this.port);
      if (got) {
        this.seen++;
        return got.message as FromWorker;
      }
      const left = until - Date.now();
      if (left <= 0) return null;
      if (Atomics.load(this.flag, 1) === 0 && Date.now() - t0 > START_WAIT_MS) return null; // never started (its code failed to load)
      Atomics.wait(this.flag, 0, this.seen, Math.min(left, 1000));
    }
  }

  /** True once the thread listens (its code loaded). */
  private listening(): boolean {
    return Atomics.load(this.flag, 1) === 1;
  }

  /** The next answer, asynchronously (skipping a roads answer no one waits for any more). */
  private reply(): Promise<FromWorker> {
    return new Promise((resolve) => {
      const onExit = () => resolve({ kind: 'failed', message: 'the thread stopped' });
      this.worker.once('exit', onExit);
      const onMessage = (m: FromWorker) => {
        this.seen++;
        if (this.staleRoads) {
          this.staleRoads = false; // the thread answers in order: this was the roads answer
          return;
        }
        this.port.off('message', onMessage);
        this.worker.off('exit', onExit);
        resolve(m);
      };
      this.port.on('message', onMessage);
    });
  }
}

import { statSync } from 'node:fs';
import { join } from 'node:path';
import {
  analyze,
  buildingSlots,
  communitiesCsv,
  decodeText,
  EuclideanProvider,
  facilitySites,
  mergeBuildingParts,
  noteJson,
  normaliseCrs,
  planBuildingBytes,
  readBuildingPart,
  rejectedCsv,
  resolvePolicy,
  roadRejections,
  SERVICES,
  summaryJson,
  type Crs,
  type LoadPackageOptions,
  type PackageFiles,
  type ServiceCode,
} from '../../src/engine/index';
import { AnalyzeThreads, sharedCopy } from '../lib/AnalyzeThreads';
import { jobSites } from '../lib/analyzeWorker';
import { parseArgs, type Args } from '../lib/args';
import { DATA_FLAGS, readEffort, readMode, readPolicyFile } from '../lib/commonOptions';
import { loadPackageDir } from '../lib/loadPackageDir';
import { mark } from '../lib/phaseTimes';
import { progress } from '../lib/progress';
import { UsageError } from '../lib/UsageError';
import { makeOutDir, writeOutput } from '../lib/writeOutput';

export const usage = 'npm run cli -- analyze  --data DIR --out OUTDIR [--mode euclidean|network|matrix] [--policy FILE] [--effort] [--threads 1|2]';

/** buildings.csv from this size on (bytes, about 100k buildings) gets a second thread by default. */
const THREADS_FROM_BYTES = 4_000_000;

/** --threads 1|2 (default: 2 for a package of 100k buildings or more, else 1). */
function readThreads(args: Args): number | undefined {
  const v = args.get('threads');
  if (v === undefined) return undefined;
  if (v !== '1' && v !== '2') throw new UsageError('U_BAD_VALUE', `--threads ${v}`, '1 | 2');
  return Number(v);
}

/** Size of a file in bytes, 0 when there is none (loading then says what is missing). */
function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** The package's crs as loadPackage will read it, or null (loadPackage then throws its own error). */
function manifestCrs(files: PackageFiles): Crs | null {
  try {
    const m = JSON.parse(decodeText(files['manifest.json']!, 'manifest.json').text) as { crs?: unknown } | null;
    return normaliseCrs(m?.crs);
  } catch {
    return null;
  }
}

/**
 * buildings.csv read in two halves of its records, the second on the helper thread
 * (started here, before roads.geojson is asked for), the first here when loadPackage
 * reaches the file; null when the bytes are not for the byte reader (loadPackage then
 * decodes and reads the text: the same rows, rejections and errors either way).
 */
function splitBuildings(helper: AnalyzeThreads, bytes: Uint8Array, crs: Crs): LoadPackageOptions['readBuildings'] | null {
  const shared = sharedCopy(bytes);
  const plan = planBuildingBytes(shared, 2);
  if (!plan || plan.bounds.length !== 3) return null;
  // both halves read straight into the buildings' columns, in shared memory
  const slots = buildingSlots(shared, plan, (n) => new SharedArrayBuffer(n));
  helper.readBuildingPart(shared, plan, 1, slots, crs);
  return (communities, rejected) => {
    mark('communities read');
    const first = readBuildingPart(shared, plan, 0, slots, crs);
    mark('buildings.csv first half');
    const second = helper.partResult();
    mark('buildings.csv second half');
    if (second) return mergeBuildingParts(shared, plan, slots, [first, second], crs, communities, rejected);
    // the thread did not read its half (not started, or failed): both here, into slots of this thread's own (it may still write into the shared ones)
    const own = buildingSlots(shared, plan);
    const parts = [readBuildingPart(shared, plan, 0, own, crs), readBuildingPart(shared, plan, 1, own, crs)];
    return mergeBuildingParts(shared, plan, own, parts, crs, communities, rejected);
  };
}

/**
 * `analyze` (DATA-FORMAT.md section 4): writes OUTDIR/communities.csv, summary.json and
 * rejected.csv for a package. With two threads (scripts/lib/AnalyzeThreads.ts), a
 * straight-line or matrix run validates roads.geojson on the second while the first loads
 * the rest, and straight-line coverage is split between them; the outputs are the same bytes.
 */
export async function run(argv: readonly string[]): Promise<void> {
  mark('start');
  const args = parseArgs(argv, { ...DATA_FLAGS, threads: 'value' });
  const dir = args.need('data');
  const out = args.need('out');
  const mode = readMode(args);
  const effort = readEffort(args, mode);
  const override = readPolicyFile(args);
  const asked = readThreads(args);
  // started first: the thread loads its code while this one reads the files
  const two = asked === 2 || (asked === undefined && fileSize(join(dir, 'buildings.csv')) >= THREADS_FROM_BYTES);
  const helper = mode !== 'network' && two ? AnalyzeThreads.start() : null;
  try {
    const options = (files: PackageFiles): LoadPackageOptions => {
      if (!helper) return {};
      const opts: LoadPackageOptions = {};
      const crs = manifestCrs(files);
      const buildings = files['buildings.csv'];
      if (buildings && crs) opts.readBuildings = splitBuildings(helper, buildings, crs) ?? undefined;
      // straight line: the thread indexes the buildings while this one locates them and reads the other files
      if (mode === 'euclidean')
        opts.onBuildings = (lon, lat) => {
          mark('buildings.csv read');
          helper.buildCells(lon, lat);
        };
      const roads = files['roads.geojson'];
      if (!roads || !crs) return opts;
      helper.readRoads(roads, crs);
      return {
        ...opts,
        roadRejections: () => {
          mark('other files read');
          return helper.roadsResult() ?? roadRejections(roads, crs);
        },
      };
    };
    // the files the helper reads too, straight into shared memory (no copy made for it)
    const { pkg } = loadPackageDir(dir, options, helper ? ['buildings.csv', 'roads.geojson'] : []);
    mark('package loaded');
    const policy = resolvePolicy(pkg, override);
    let provider: EuclideanProvider | undefined;
    let covered: Partial<Record<ServiceCode, Uint8Array>> | undefined;
    if (mode === 'euclidean') {
      // covered or not is all the outputs need of straight-line distances (decided without most of them)
      const b = pkg.buildings;
      provider = new EuclideanProvider(b, helper?.cellsResult() ?? undefined);
      const cells = provider.byCells;
      mark('cells');
      const jobs = SERVICES.map((s) => {
        const sites = facilitySites(pkg.facilities, s);
        return { siteLon: Float64Array.from(sites, (f) => f.lon), siteLat: Float64Array.from(sites, (f) => f.lat), radiusM: policy.thresholdsM[s] };
      });
      let flags: Uint8Array[];
      if (helper) flags = await helper.coverage(cells, jobs);
      else {
        flags = jobs.map(() => new Uint8Array(b.count));
        jobs.forEach((j, k) => cells.coveredInto(flags[k], jobSites(j), j.radiusM, { from: 0, to: cells.order.length }));
      }
      mark('coverage');
      covered = {};
      SERVICES.forEach((s, k) => (covered![s] = flags[k]));
    }
    const a = analyze(pkg, { mode, policy, effort, provider, covered, onProgress: progress });
    mark('analysed');
    if (process.stderr.isTTY) process.stderr.write('\n');
    makeOutDir(out);
    writeOutput(join(out, 'communities.csv'), communitiesCsv(a));
    writeOutput(
      join(out, 'summary.json'),
      summaryJson(a, { package: pkg.manifest.name, synthetic: pkg.manifest.synthetic === true, notes: pkg.notes.map(noteJson) }),
    );
    writeOutput(join(out, 'rejected.csv'), rejectedCsv(pkg.rejected));
    mark('written');
    process.stderr.write(`wrote ${join(out, 'communities.csv')}, summary.json, rejected.csv (${pkg.rejected.length} rejected rows)\n`);
  } finally {
    helper?.close();
  }
}

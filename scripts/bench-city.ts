/**
 * Benchmark at city scale (issue 13): the CLI's start-up from the prebuilt bundle against tsx,
 * and `analyze` (straight line and network) on the main-urban-area package of 1M buildings
 * (generated with `--city` when absent), each as its own CLI process with wall time, CPU time
 * and peak memory (straight line with two threads and with one); reading buildings.csv into
 * columns against the per-row objects of the loader before issue 13, and straight-line
 * coverage by blocks of buildings against the kd-tree walk per site (CPU time, same process,
 * ratio, distances compared bit for bit); then the community results of
 * 50 random communities against the brute-force Turf reference
 * (scripts/bench/referenceCommunities.ts).
 *   npx tsx scripts/bench-city.ts [--buildings 1000000] [--runs 3] [--skip-reference]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  analyze,
  decodeText,
  facilitySites,
  loadPackage,
  NearestByCells,
  PointIndex,
  readBuildingColumns,
  readBuildingRowObjects,
  resolvePolicy,
  type Rejection,
} from '../src/engine/index';
import { SERVICES } from '../src/engine/index';
import { fmtMs, table } from './bench/harness';
import { referenceCommunities } from './bench/referenceCommunities';
import { readPackageDir } from './lib/readPackageDir';

const ROOT = join(import.meta.dirname, '..');

/** Figures before issue 13, as the issue reports them (same machine class, 1M-building package). */
const BEFORE = { helpS: 0.7, euclideanS: 6.1, networkS: 8.5 };

/** The city package with n buildings, generated (seeded) when absent. */
export function cityPackage(n: number): string {
  const dir = join(ROOT, 'data', 'generated', n === 1_000_000 ? 'city1m' : `city${n}`);
  if (!existsSync(join(dir, 'manifest.json'))) {
    console.error(`generating ${dir} …`);
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/generate-sample.ts'), '--city', '--buildings', String(n), '--out', dir], {
      stdio: 'inherit',
      cwd: ROOT,
    });
    if (r.status !== 0) throw new Error('generator failed');
  }
  return dir;
}

interface ProcRun {
  wallMs: number;
  cpuMs: number;
  maxRssMb: number;
}

/** Run a node command line `runs` times (after one warm-up), medians of wall and CPU time, max RSS. */
function measure(args: string[], runs: number): ProcRun {
  const one = (): ProcRun => {
    const t0 = performance.now();
    // /usr/bin/time is not everywhere: ask the child for its own resource usage on exit instead
    const r = spawnSync(process.execPath, ['--import', join(ROOT, 'scripts/bench/reportUsage.mjs'), ...args], { cwd: ROOT, encoding: 'utf8' });
    const wallMs = performance.now() - t0;
    const m = /USAGE cpu=(\d+) rss=(\d+)/.exec(r.stderr);
    if (r.status !== 0 && r.status !== 2) throw new Error(`failed: ${args.join(' ')}\n${r.stderr.slice(-2000)}`);
    return { wallMs, cpuMs: m ? Number(m[1]) : NaN, maxRssMb: m ? Number(m[2]) / 1024 : NaN };
  };
  one();
  const rs = Array.from({ length: runs }, one);
  const med = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { wallMs: med(rs.map((r) => r.wallMs)), cpuMs: med(rs.map((r) => r.cpuMs)), maxRssMb: Math.max(...rs.map((r) => r.maxRssMb)) };
}

export function main(buildings = 1_000_000, runs = 3, reference = true): void {
  const launcher = join(ROOT, 'scripts/cli-launcher.mjs');
  // built afresh: a bundle older than its sources would make the launcher run tsx (and measure that)
  spawnSync(process.execPath, [join(ROOT, 'scripts/build-cli.mjs')], { stdio: 'inherit' });
  const helpBundle = measure([launcher, '--help'], Math.max(5, runs));
  const helpTsx = measure(['--import', 'tsx', join(ROOT, 'scripts/cli.ts'), '--help'], Math.max(5, runs));
  console.log('\n## CLI start-up: `cli --help` (one process each, median; npm itself adds its own start-up)');
  table([
    ['how', 'wall (median)', 'CPU', 'ratio', 'before (issue 13)'],
    ['node scripts/cli-launcher.mjs (bundle dist-cli/cli.mjs)', fmtMs(helpBundle.wallMs), fmtMs(helpBundle.cpuMs), '1×', ''],
    [
      'tsx scripts/cli.ts (the old `npm run cli`)',
      fmtMs(helpTsx.wallMs),
      fmtMs(helpTsx.cpuMs),
      `${(helpTsx.wallMs / helpBundle.wallMs).toFixed(1)}× slower`,
      `${BEFORE.helpS} s`,
    ],
  ]);

  const dir = cityPackage(buildings);
  const out = mkdtempSync(join(tmpdir(), 'yulintu-bench-city-'));
  try {
    const rows: (string | number)[][] = [['command (1M-building city package)', 'wall (median)', 'CPU', 'peak RSS', 'target', 'before (issue 13)']];
    const e = measure([launcher, 'analyze', '--data', dir, '--out', join(out, 'e')], runs);
    rows.push(['analyze --mode euclidean (2 threads)', fmtMs(e.wallMs), fmtMs(e.cpuMs), `${e.maxRssMb.toFixed(0)} MB`, '≤ 3 s', `${BEFORE.euclideanS} s`]);
    const e1 = measure([launcher, 'analyze', '--data', dir, '--out', join(out, 'e1'), '--threads', '1'], runs);
    rows.push(['analyze --mode euclidean --threads 1', fmtMs(e1.wallMs), fmtMs(e1.cpuMs), `${e1.maxRssMb.toFixed(0)} MB`, '≤ 3 s', `${BEFORE.euclideanS} s`]);
    const n = measure([launcher, 'analyze', '--mode', 'network', '--data', dir, '--out', join(out, 'n')], runs);
    rows.push(['analyze --mode network', fmtMs(n.wallMs), fmtMs(n.cpuMs), `${n.maxRssMb.toFixed(0)} MB`, '≤ 8 s', `${BEFORE.networkS} s`]);
    console.log(`\n## CLI on the city package (${buildings.toLocaleString('en')} buildings; each a fresh process, load + analysis + writing)`);
    table(rows);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }

  const files = readPackageDir(dir);
  const pkg = loadPackage(files);
  loadingRatio(files, pkg, runs);
  coverageRatio(pkg, runs);

  if (!reference) return;
  const policy = resolvePolicy(pkg);
  const a = analyze(pkg, { mode: 'euclidean', policy });
  const text = Object.fromEntries(
    readdirSync(dir)
      .filter((f) => /\.(csv|geojson|json)$/.test(f))
      .map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
  );
  const t0 = performance.now();
  const ref = referenceCommunities(text, policy.thresholdsM, 50, 13);
  const refMs = performance.now() - t0;
  const byId = new Map(a.communities.map((c) => [c.id, c]));
  const bad: string[] = [];
  for (const r of ref) {
    const c = byId.get(r.id)!;
    if (c.buildings !== r.buildings || c.buildingHouseholds !== r.buildingHouseholds || Math.abs(c.facilityAreaM2 - r.facilityAreaM2) > 1e-6)
      bad.push(`${r.id}: buildings/households/area differ`);
    SERVICES.forEach((s, si) => {
      const x = c.coverage[si];
      const y = r.coverage[si];
      if ((x === null) !== (y === null) || (x !== null && Math.abs(x - y!) > 1e-12)) bad.push(`${r.id} ${s}: ${x} vs ${y}`);
    });
  }
  console.log(
    `\n## correctness at scale: 50 random communities against the brute-force Turf reference (${fmtMs(refMs)}): ${bad.length === 0 ? 'all equal' : `${bad.length} differences`}`,
  );
  for (const b of bad.slice(0, 10)) console.log('  ' + b);
  if (bad.length) process.exitCode = 1;
}

/** Median CPU time (ms) of `fn` over `runs` runs after one warm-up: the machine is shared, wall time is not steady. */
function cpuMs(fn: () => unknown, runs: number): number {
  fn();
  const ms: number[] = [];
  for (let k = 0; k < runs; k++) {
    const c0 = process.cpuUsage();
    fn();
    const c = process.cpuUsage(c0);
    ms.push((c.user + c.system) / 1000);
  }
  return ms.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

/** buildings.csv into columns (issue 13) against papaparse + one object per row (before), and the whole load. */
function loadingRatio(files: ReturnType<typeof readPackageDir>, pkg: ReturnType<typeof loadPackage>, runs: number): void {
  const { text } = decodeText(files['buildings.csv']!, 'buildings.csv');
  const communities = new Map(pkg.communities.map((c, i) => [c.id, i]));
  const read = (f: typeof readBuildingColumns) => () => f(text, pkg.manifest.crs, communities, [] as Rejection[]);
  const columns = cpuMs(read(readBuildingColumns), runs);
  const objects = cpuMs(read(readBuildingRowObjects), runs);
  const whole = cpuMs(() => loadPackage(files), runs);
  console.log(`\n## Loading (${pkg.buildings.count.toLocaleString('en')} buildings; CPU time in this process, median of ${runs})`);
  table([
    ['what', 'CPU (median)', 'ratio'],
    ['buildings.csv → columns: cell spans, numbers read in place (readBuildingColumns)', fmtMs(columns), '1×'],
    ['buildings.csv → papaparse rows → one object per row → arrays (the loader before issue 13)', fmtMs(objects), `${(objects / columns).toFixed(1)}× slower`],
    ['whole loadPackage (all files, validation, community assignment)', fmtMs(whole), ''],
  ]);
}

/**
 * Straight-line coverage of the nine services (index built, then one nearest-site pass per
 * service): by blocks of buildings (NearestByCells, issue 13) against the kd-tree walk per
 * site (PointIndex.nearestWithin, before); every distance compared bit for bit.
 */
function coverageRatio(pkg: ReturnType<typeof loadPackage>, runs: number): void {
  const policy = resolvePolicy(pkg);
  const b = pkg.buildings;
  const jobs = SERVICES.map((s) => ({ sites: facilitySites(pkg.facilities, s), r: policy.thresholdsM[s] }));
  const byCells = () => {
    const idx = new NearestByCells(b.lon, b.lat);
    return jobs.map((j) => idx.nearestWithin(j.sites, j.r));
  };
  const byTree = () => {
    const idx = new PointIndex(b.lon, b.lat);
    return jobs.map((j) => idx.nearestWithin(j.sites, j.r));
  };
  const x = byCells();
  const y = byTree();
  let differ = 0;
  x.forEach((d, k) => d.forEach((v, i) => (differ += Object.is(v, y[k][i]) ? 0 : 1)));
  const cells = cpuMs(byCells, runs);
  const tree = cpuMs(byTree, runs);
  console.log(
    `\n## Straight-line coverage, 9 services (${b.count.toLocaleString('en')} buildings, ${pkg.facilities.length.toLocaleString('en')} facilities; CPU in this process, median of ${runs})`,
  );
  table([
    ['how', 'CPU (median)', 'ratio'],
    ['blocks of buildings, the few sites that can be nearest (NearestByCells)', fmtMs(cells), '1×'],
    ['kd-tree walk per site (PointIndex.nearestWithin, before)', fmtMs(tree), `${(tree / cells).toFixed(1)}× slower`],
  ]);
  console.log(`distances bit for bit: ${differ === 0 ? 'all equal' : `${differ} differ`}`);
  if (differ) process.exitCode = 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (k: string) => {
    const i = process.argv.indexOf(k);
    return i > 0 ? Number(process.argv[i + 1]) : undefined;
  };
  main(arg('--buildings'), arg('--runs'), !process.argv.includes('--skip-reference'));
}

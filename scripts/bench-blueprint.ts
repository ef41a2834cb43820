/**
 * Blueprint benchmark (`npx tsx scripts/bench-blueprint.ts [--quick] [--time-limit S]`):
 * 1. the blueprint on data/sample (all 80 communities) and on a generated 200k-building
 *    package (data/generated/b200000, made with `npx tsx scripts/generate-sample.ts
 *    --buildings 200000 --out data/generated/b200000` when absent): time, objective, proved or
 *    gap, against the greedy baseline;
 * 2. evaluateScenario per what-if edit on the sample (median of seeded edits: add a candidate,
 *    remove a facility, move a facility), against a full re-analyze on the edited package
 *    (the naive approach; provider reused, so the ratio is a lower bound on the saving).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  analyze,
  createProvider,
  loadPackage,
  resolvePolicy,
  type DataPackage,
  type DistanceMode,
  type ServiceCode,
  blueprint,
  applyScenario,
  createScenarioContext,
  evaluateScenario,
  type Scenario,
  mulberry32,
} from '../src/engine/index';
import { readPackageDir } from './lib/readPackageDir';
import { fmtMs, table } from './bench/harness';

const ROOT = join(import.meta.dirname, '..');

function loadDir(dir: string): DataPackage {
  return loadPackage(readPackageDir(dir));
}

function generated200k(): string {
  const dir = join(ROOT, 'data', 'generated', 'b200000');
  if (!existsSync(join(dir, 'manifest.json'))) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/generate-sample.ts'), '--buildings', '200000', '--out', dir, '--no-roads'], {
      stdio: 'inherit',
      cwd: ROOT,
    });
    if (r.status !== 0) throw new Error('generator failed');
  }
  return dir;
}

async function blueprintRow(
  label: string,
  pkg: DataPackage,
  mode: DistanceMode,
  maxSites: number | undefined,
  timeLimitS: number,
): Promise<(string | number)[]> {
  const policy = resolvePolicy(pkg);
  const provider = createProvider(pkg, mode, policy);
  const analysis = analyze(pkg, { mode, policy, provider });
  const ctx = createScenarioContext(pkg, analysis, provider);
  let t0 = performance.now();
  const exact = await blueprint(ctx, { maxSites, timeLimitS });
  const exactMs = performance.now() - t0;
  t0 = performance.now();
  const greedy = await blueprint(ctx, { maxSites, method: 'greedy' });
  const greedyMs = performance.now() - t0;
  const s = exact.solution;
  const below = s.objective > 0 ? ((s.objective - greedy.solution.objective) / s.objective) * 100 : 0;
  return [
    label,
    mode,
    maxSites ?? 'no limit',
    `${s.columns}×${s.rows}`,
    fmtMs(exactMs),
    s.optimal ? 'proved' : `gap ${(s.gap * 100).toFixed(2)} %`,
    exact.sites.length,
    fmtMs(greedyMs),
    `${below.toFixed(2)} %`,
  ];
}

/** Seeded what-if edits on a package: add a candidate, remove a facility, move a facility. */
function edits(pkg: DataPackage, n: number, seed: number): Scenario[] {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const services: ServiceCode[] = ['elderly_care', 'childcare', 'meals', 'after_school', 'health'];
  const open = pkg.facilities.filter((f) => f.status === 'open');
  const out: Scenario[] = [];
  for (let k = 0; k < n; k++) {
    const kind = k % 3;
    if (kind === 0)
      out.push({ added: [{ candidateId: pick(pkg.candidates).id, services: [pick(services), pick(services)].filter((v, i, a) => a.indexOf(v) === i) }] });
    else if (kind === 1) out.push({ removed: [pick(open).id] });
    else {
      const f = pick(open);
      out.push({ moved: [{ facilityId: f.id, lon: f.lon + (rnd() - 0.5) * 0.004, lat: f.lat + (rnd() - 0.5) * 0.004 }] });
    }
  }
  return out;
}

function scenarioRow(pkg: DataPackage, mode: DistanceMode, n: number): (string | number)[] {
  const policy = resolvePolicy(pkg);
  const provider = createProvider(pkg, mode, policy);
  const analysis = analyze(pkg, { mode, policy, provider });
  const ctx = createScenarioContext(pkg, analysis, provider);
  const list = edits(pkg, n, 7);
  evaluateScenario(ctx, list[0]); // warm-up
  const fast: number[] = [];
  const naive: number[] = [];
  for (const sc of list) {
    let t0 = performance.now();
    evaluateScenario(ctx, sc);
    fast.push(performance.now() - t0);
    // naive: re-run analyze on the package with the edited facility list
    const edited = { ...pkg, facilities: applyScenario(ctx, sc).facilities };
    t0 = performance.now();
    analyze(edited, { mode, policy, provider });
    naive.push(performance.now() - t0);
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return [mode, list.length, fmtMs(med(fast)), fmtMs(Math.max(...fast)), fmtMs(med(naive)), `${(med(naive) / med(fast)).toFixed(1)}×`];
}

export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  const quick = argv.includes('--quick');
  const i = argv.indexOf('--time-limit');
  const timeLimitS = i >= 0 ? Number(argv[i + 1]) : 30;
  const sample = loadDir(join(ROOT, 'data', 'sample'));
  const rows: (string | number)[][] = [['package', 'mode', 'K', 'model', 'time', 'result', 'sites', 'greedy time', 'greedy below optimum']];
  rows.push(await blueprintRow('sample 30k', sample, 'euclidean', 20, timeLimitS));
  rows.push(await blueprintRow('sample 30k', sample, 'network', 20, timeLimitS));
  if (!quick) {
    rows.push(await blueprintRow('sample 30k', sample, 'euclidean', undefined, timeLimitS));
    rows.push(await blueprintRow('generated 200k', loadDir(generated200k()), 'euclidean', 100, timeLimitS));
  }
  console.log('\n## 一张蓝图 (blueprint), exact (HiGHS seeded with greedy) vs greedy');
  table(rows);
  const n = quick ? 9 : 30;
  console.log('\n## what-if edit (evaluateScenario) vs re-running analyze on the edited package, sample');
  table([['mode', 'edits', 'median', 'worst', 're-analyze median', 'ratio'], scenarioRow(sample, 'euclidean', n), scenarioRow(sample, 'network', n)]);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();

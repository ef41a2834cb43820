/**
 * Benchmark: straight-line `analyze` on generated packages of 50k, 200k and 1M buildings,
 * side by side with the naive Turf approach (circle + pointsWithinPolygon), extrapolated
 * from a subsample of (facility, service) pairs and labelled so.
 *   npx tsx scripts/bench-analyze.ts [--sizes 50000,200000,1000000]
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, loadPackage, resolvePolicy } from '../src/engine/index';
import { fmtMs, table, time } from './bench/harness';
import { naiveCoverage } from './bench/naiveCoverage';
import { readPackageDir } from './lib/readPackageDir';

const ROOT = join(import.meta.dirname, '..');

/** Path of a generated package with n buildings, generating it (seeded, no roads) when absent. */
export function generatedPackage(n: number, roads = false): string {
  const dir = join(ROOT, 'data', 'generated', `b${n}${roads ? '-roads' : ''}`);
  if (!existsSync(join(dir, 'manifest.json'))) {
    console.error(`generating ${dir} …`);
    const args = ['--import', 'tsx', join(ROOT, 'scripts/generate-sample.ts'), '--buildings', String(n), '--out', dir];
    if (!roads) args.push('--no-roads');
    const r = spawnSync(process.execPath, args, { stdio: 'inherit', cwd: ROOT });
    if (r.status !== 0) throw new Error(`generator failed for ${n} buildings`);
  }
  return dir;
}

export function main(sizes = [50_000, 200_000, 1_000_000]): void {
  const rows: (string | number)[][] = [['buildings', 'facilities', 'load', 'analyze (median)', 'naive Turf (extrapolated)', 'ratio', 'naive sample']];
  for (const n of sizes) {
    const dir = generatedPackage(n);
    const files = readPackageDir(dir);
    const t0 = performance.now();
    const pkg = loadPackage(files);
    const loadMs = performance.now() - t0;
    const policy = resolvePolicy(pkg);
    const runs = n >= 1_000_000 ? 3 : 5;
    const t = time(() => analyze(pkg, { mode: 'euclidean', policy }), runs);
    // naive: as many pairs as fit in ~10 s at this size
    naiveCoverage(pkg, policy, 3); // warm-up
    const probe = naiveCoverage(pkg, policy, 4);
    const pairs = Math.max(2, Math.min(probe.pairsTotal, Math.floor(10_000 / Math.max(1, probe.ms / probe.pairsRun))));
    const naive = naiveCoverage(pkg, policy, pairs);
    const naiveTotal = (naive.ms / naive.pairsRun) * naive.pairsTotal;
    rows.push([
      pkg.buildings.count,
      pkg.facilities.length,
      fmtMs(loadMs),
      fmtMs(t.medianMs),
      `${fmtMs(naiveTotal)}${naive.pairsRun < naive.pairsTotal ? ' (extrapolated)' : ''}`,
      `${(naiveTotal / t.medianMs).toFixed(0)}×`,
      `${naive.pairsRun}/${naive.pairsTotal} pairs in ${fmtMs(naive.ms)}`,
    ]);
  }
  console.log('\n## analyze, straight line, 9 services (Node, one thread)');
  table(rows);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf('--sizes');
  main(i > 0 ? process.argv[i + 1].split(',').map(Number) : undefined);
}

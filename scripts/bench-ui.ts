/**
 * UI benchmark in headless Chromium (software WebGL): time to first map with the sample package
 * and with a 200k-building package, and frame time while panning with 200k buildings shown.
 *
 *   npx tsx scripts/bench-ui.ts [--runs 3] [--buildings 200000]
 *
 * The app is built once and served by `vite preview` on localhost (production bundles, as users
 * get them). The large package is the sample with its buildings replicated around themselves
 * (seeded), written to data/generated/bench-<n>/ (gitignored).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { build, preview } from 'vite';
import { chromium, type Page } from 'playwright-core';
import { mulberry32 } from '../src/engine/random';

const ROOT = resolve(import.meta.dirname, '..');
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'];

/** The project's seeded generator, so the large package is the same every run. */
const rng = mulberry32;

/** Write a package with `target` buildings: the sample's, each copied with ±60 m jitter. */
export function makeLargePackage(target: number, seed = 42): string {
  const src = join(ROOT, 'data', 'sample');
  const name = `bench-${target}`;
  const dir = join(ROOT, 'data', 'generated', name);
  if (existsSync(join(dir, 'buildings.csv'))) return `generated/${name}`;
  mkdirSync(dir, { recursive: true });
  for (const f of ['manifest.json', 'communities.geojson', 'facilities.csv', 'candidates.csv', 'roads.geojson', 'policy.json']) {
    if (existsSync(join(src, f))) copyFileSync(join(src, f), join(dir, f));
  }
  const lines = readFileSync(join(src, 'buildings.csv'), 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  const header = lines[0].split(',');
  const iId = header.indexOf('id');
  const iLon = header.indexOf('lon');
  const iLat = header.indexOf('lat');
  const iCom = header.indexOf('community_id');
  const rows = lines.slice(1).map((l) => l.split(','));
  const r = rng(seed);
  const out = [header.filter((_, i) => i !== iCom).join(',')];
  for (let k = 0; k < target; k++) {
    const base = rows[k % rows.length].slice();
    if (k >= rows.length) {
      base[iId] = `${base[iId]}-x${Math.floor(k / rows.length)}`;
      base[iLon] = (Number(base[iLon]) + (r() - 0.5) * 0.0012).toFixed(6);
      base[iLat] = (Number(base[iLat]) + (r() - 0.5) * 0.0011).toFixed(6);
    }
    // Jittered copies may cross community borders: let the engine assign them by polygon.
    out.push(base.filter((_, i) => i !== iCom).join(','));
  }
  writeFileSync(join(dir, 'buildings.csv'), out.join('\n'));
  return `generated/${name}`;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

async function timeToFirstMap(page: Page, url: string): Promise<{ totalMs: number; readyMs: number; timings: Record<string, number> }> {
  const t0 = Date.now();
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __yulintuIdle?: number }).__yulintuIdle, null, { timeout: 300_000 });
  const totalMs = Date.now() - t0;
  const info = await page.evaluate(() => {
    const w = window as unknown as { __yulintuReady: number; __yulintu: { getState(): { data: { timings: Record<string, number> } } } };
    return { readyMs: w.__yulintuReady, timings: w.__yulintu.getState().data.timings };
  });
  return { totalMs, ...info };
}

/**
 * In-page code (a string, so the TypeScript runner's helpers never leak into the page): pan the
 * map every animation frame for `duration` ms and return the intervals between frames.
 */
const PAN_SCRIPT = `(async (duration) => {
  const map = window.__yulintuMap;
  const frames = [];
  let last = performance.now();
  const start = last;
  let dir = 1;
  await new Promise((done) => {
    const tick = () => {
      const now = performance.now();
      frames.push(now - last);
      last = now;
      map.panBy([6 * dir, 3 * dir], { animate: false });
      if (frames.length % 60 === 0) dir = -dir;
      if (now - start < duration) requestAnimationFrame(tick);
      else done();
    };
    requestAnimationFrame(tick);
  });
  return frames.slice(1);
})`;

/** Pan the map for `ms` and record the intervals between animation frames. */
async function panFrames(page: Page, ms: number): Promise<number[]> {
  return (await page.evaluate(`${PAN_SCRIPT}(${ms})`)) as number[];
}

export async function main(argv = process.argv.slice(2)): Promise<void> {
  const arg = (k: string, d: number) => {
    const i = argv.indexOf(k);
    return i >= 0 ? Number(argv[i + 1]) : d;
  };
  const runs = arg('--runs', 3);
  const target = arg('--buildings', 200_000);
  if (!existsSync(CHROMIUM)) throw new Error('bench-ui needs /usr/bin/chromium');
  if (!existsSync(join(ROOT, 'data', 'sample', 'manifest.json'))) throw new Error('bench-ui needs data/sample');
  const large = makeLargePackage(target);
  const outDir = mkdtempSync(join(tmpdir(), 'yulintu-bench-dist-'));
  await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const server = await preview({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0, open: false } });
  const origin = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}`;
  const profile = mkdtempSync(join(tmpdir(), 'yulintu-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1440, height: 900 } });
  try {
    const results: Record<string, unknown> = {};
    for (const [label, ds, extra] of [
      ['sample', 'sample', ''],
      [`${target / 1000}k buildings`, large, '&layers=cm,ol,lb,rd,bd,fc'],
    ] as const) {
      const times: number[] = [];
      const ready: number[] = [];
      let last: Awaited<ReturnType<typeof timeToFirstMap>> | null = null;
      for (let k = 0; k <= runs; k++) {
        const page = await context.newPage();
        last = await timeToFirstMap(page, `${origin}/?data=${ds}${extra}`);
        if (k > 0) {
          times.push(last.totalMs); // run 0 is warm-up
          ready.push(Math.round(last.readyMs));
        }
        await page.close();
      }
      results[label] = { firstMapMedianMs: median(times), runsMs: times, dataReadyMs: ready, workerTimingsMs: last!.timings };
      console.log(`${label}: time to first map median ${median(times)} ms (runs ${times.join(', ')}); analysis back on the page at ${ready.join(', ')} ms; worker ${JSON.stringify(last!.timings)}`);
    }
    const page = await context.newPage();
    await timeToFirstMap(page, `${origin}/?data=${large}&layers=cm,ol,lb,rd,bd,fc&map=15.00/29.55600/106.57000`);
    await page.evaluate(() => {
      const m = (window as unknown as { __yulintuMap: { fitBounds(b: unknown, o: object): void } }).__yulintuMap;
      const d = (window as unknown as { __yulintu: { getState(): { data: { bounds: unknown } } } }).__yulintu.getState().data;
      m.fitBounds(d.bounds, { animate: false, padding: 20 });
    });
    await page.waitForTimeout(1000);
    const frames = await panFrames(page, 8000);
    if (frames.length === 0) frames.push(Number.NaN);
    const summary = { frames: frames.length, medianMs: +median(frames).toFixed(1), p95Ms: +pct(frames, 0.95).toFixed(1) };
    results.panning = summary;
    console.log(`panning with ${target} buildings: ${summary.frames} frames, median ${summary.medianMs} ms, p95 ${summary.p95Ms} ms (software WebGL)`);
    writeFileSync(join(ROOT, 'test-results', 'bench-ui.json'), JSON.stringify(results, null, 2));
  } finally {
    await context.close();
    await new Promise<void>((r) => server.httpServer.close(() => r()));
    rmSync(profile, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  mkdirSync(join(ROOT, 'test-results'), { recursive: true });
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}

/**
 * Where the time to first map goes, in headless Chromium with software WebGL: a CPU profile of
 * the page's main thread (Chrome DevTools protocol) from navigation to the map's first `idle`,
 * summed by function (self time), plus the page's own marks (data back, idle, frames drawn).
 *
 *   npx tsx scripts/profile-ui.ts [--data sample|generated/bench-200000] [--query 'layers=...'] [--dist DIR] [--top 30]
 *
 * Builds into --dist (default a temp folder; pass an existing folder with --no-build to reuse it).
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { build, preview } from 'vite';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './lib/chromium';

const ROOT = resolve(import.meta.dirname, '..');

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

async function main(argv = process.argv.slice(2)) {
  const arg = (k: string, d: string) => {
    const i = argv.indexOf(k);
    return i >= 0 ? argv[i + 1] : d;
  };
  const data = arg('--data', 'sample');
  const query = arg('--query', '');
  const top = Number(arg('--top', '30'));
  const outDir = arg('--dist', mkdtempSync(join(tmpdir(), 'yulintu-prof-dist-')));
  if (!argv.includes('--no-build') || !existsSync(join(outDir, 'index.html'))) {
    await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  }
  const server = await preview({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, open: false },
  });
  const origin = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}`;
  const profileDir = mkdtempSync(join(tmpdir(), 'yulintu-prof-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS],
    viewport: { width: 1440, height: 900 },
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.addInitScript(() => {
      const w = window as unknown as { __frames: number[]; __frameLog: string[] };
      w.__frames = [];
      w.__frameLog = [];
      const raf = window.requestAnimationFrame.bind(window);
      window.requestAnimationFrame = (cb) =>
        raf((t) => {
          const s = performance.now();
          cb(t);
          const d = performance.now() - s;
          w.__frames.push(d);
          if (d > 20) w.__frameLog.push(`${Math.round(s)}+${Math.round(d)}`);
        });
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
    const t0 = Date.now();
    await page.goto(`${origin}/?data=${data}${query ? `&${query}` : ''}&test`); // test hooks in the production build (src/state/testHooks.ts)
    await page.waitForFunction(() => (window as unknown as { __yulintuIdle?: number }).__yulintuIdle, null, { timeout: 300_000, polling: 100 });
    const total = Date.now() - t0;
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
    const marks = await page.evaluate(() => {
      const w = window as unknown as {
        __yulintuReady: number;
        __yulintuIdle: number;
        __frames: number[];
        __yulintu: { getState(): { data: { timings: Record<string, number> } } };
      };
      const f = w.__frames;
      return {
        ready: w.__yulintuReady,
        idle: w.__yulintuIdle,
        frames: f.length,
        frameMsTotal: f.reduce((a, b) => a + b, 0),
        slowFrames: f.filter((x) => x > 100).map((x) => Math.round(x)),
        log: (window as unknown as { __frameLog: string[] }).__frameLog.join(' '),
        worker: w.__yulintu.getState().data.timings,
      };
    });
    const self = new Map<number, number>();
    profile.samples.forEach((id, k) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[k] ?? 0) / 1000));
    const byFn = new Map<string, number>();
    const byUrl = new Map<string, number>();
    for (const n of profile.nodes) {
      const ms = self.get(n.id) ?? 0;
      const file = n.callFrame.url.split('/').pop() || '(native)';
      const key = `${n.callFrame.functionName || '(anonymous)'} ${file}:${n.callFrame.lineNumber}`;
      byFn.set(key, (byFn.get(key) ?? 0) + ms);
      byUrl.set(file, (byUrl.get(file) ?? 0) + ms);
    }
    const sorted = (m: Map<string, number>) =>
      [...m]
        .sort((a, b) => b[1] - a[1])
        .slice(0, top)
        .map(([k, v]) => `${v.toFixed(0).padStart(7)} ms  ${k}`);
    const report = [
      `first map ${total} ms; data on page at ${Math.round(marks.ready)} ms, idle at ${Math.round(marks.idle)} ms; worker ${JSON.stringify(marks.worker)}`,
      `rAF callbacks ${marks.frames}, ${Math.round(marks.frameMsTotal)} ms in total; > 100 ms: ${marks.slowFrames.join(', ')}`,
      `frames > 20 ms (start+duration): ${marks.log}`,
      '--- self time by file',
      ...sorted(byUrl).slice(0, 12),
      '--- self time by function',
      ...sorted(byFn),
    ].join('\n');
    console.log(report);
    mkdirSync(join(ROOT, 'test-results'), { recursive: true });
    writeFileSync(join(ROOT, 'test-results', `profile-${data.replace(/\W/g, '_')}.txt`), report);
  } finally {
    await context.close();
    await new Promise<void>((r) => server.httpServer.close(() => r()));
    rmSync(profileDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

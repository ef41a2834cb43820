/**
 * Where the time to first map goes, in headless Chromium with software WebGL: a CPU profile of
 * the page's main thread (Chrome DevTools protocol) from navigation to the map's first `idle`,
 * summed by function (self time), plus the page's own marks (data back, idle, frames drawn).
 *
 *   npx tsx scripts/profile-ui.ts [--data sample|generated/bench-200000] [--query 'layers=...'] [--dist DIR] [--top 30]
 *
 * Builds into --dist (default a temp folder; pass an existing folder with --no-build to reuse it),
 * unminified unless --minify, so the profile names the functions.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './lib/chromium';
import { copyPackageIntoBuild, previewBuild } from './lib/servedBuild';
import { LONGTASK_INIT, type TraceEvent } from './benchUiTargets';

const ROOT = resolve(import.meta.dirname, '..');

/**
 * Page init script (text, so no bundler helpers leak into it): log each progress stage, the
 * package part and the analysed data (ms since navigation) as the store (`__yulintu`) gets them.
 */
const STAGE_LOG_INIT = `(() => {
  const log = (window.__stageLog = []);
  const W = window.Worker;
  window.Worker = class extends W {
    constructor(url, o) {
      log.push(Math.round(performance.now()) + ' [worker ' + (o?.name ?? String(url).split('/').pop()) + ']');
      super(url, o);
    }
  };
  let map;
  Object.defineProperty(window, '__yulintuMap', {
    configurable: true,
    get: () => map,
    set: (m) => {
      map = m;
      m.on('idle', () => log.push(Math.round(performance.now()) + ' (map idle)'));
      m.on('sourcedata', (e) => {
        if (e.sourceDataType === 'metadata') log.push(Math.round(performance.now()) + ' (source ' + e.sourceId + ' set)');
      });
    },
  });
  let store;
  Object.defineProperty(window, '__yulintu', {
    configurable: true,
    get: () => store,
    set: (v) => {
      store = v;
      log.push(Math.round(performance.now()) + ' [store]');
      v.subscribe((s, p) => {
        const t = Math.round(performance.now());
        if (s.status !== p.status) log.push(t + ' status ' + s.status);
        if (s.progress.stage !== p.progress?.stage) log.push(t + ' ' + s.progress.stage);
        if (s.pkgData && s.pkgData !== p.pkgData) log.push(t + ' [package part]');
        if (s.data && s.data !== p.data) log.push(t + ' [analysed data]');
      });
    },
  });
})();`;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/** Self time (ms) per event name on the renderer's main thread (CrRendererMain) of a Chrome trace. */
function mainThreadSelfTimes(events: TraceEvent[], top: number): string[] {
  const mains = events
    .filter((e) => e.ph === 'M' && e.name === 'thread_name' && ['CrRendererMain', 'CrGpuMain', 'DedicatedWorker thread'].includes(e.args?.name ?? ''))
    .map((e) => `${e.pid}:${e.tid}`);
  const names = new Map(events.filter((e) => e.ph === 'M' && e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args?.name ?? '']));
  const t0 = events.reduce((m, e) => (e.ph === 'X' && e.ts > 0 ? Math.min(m, e.ts) : m), Number.POSITIVE_INFINITY);
  const lines: string[] = [];
  for (const main of mains) {
    const xs = events.filter((e) => e.ph === 'X' && `${e.pid}:${e.tid}` === main && e.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    const self = new Map<string, number>();
    const stack: { end: number; key: string }[] = [];
    let longest = 0;
    const waits: string[] = [];
    for (const e of xs) {
      while (stack.length && stack[stack.length - 1].end <= e.ts) stack.pop();
      const worker = names.get(main) === 'DedicatedWorker thread';
      if (worker && e.dur! > 150_000 && e.name === 'FunctionCall' && !stack.some((x) => x.key.startsWith('FunctionCall')))
        waits.push(
          `  ${((e.ts - t0) / 1e6).toFixed(1)} s ${(e.dur! / 1000).toFixed(0)} ms ${e.args?.data?.url?.split('/').pop() ?? ''} ${e.args?.data?.functionName ?? ''}`,
        );
      else if (e.dur! > 300_000 && (e.name.includes('Wait') || stack.length === 0))
        waits.push(`  ${((e.ts - t0) / 1e6).toFixed(1)} s ${(e.dur! / 1000).toFixed(0)} ms ${e.name} in ${stack.map((x) => x.key).join(' > ')}`);
      const key = e.name === 'FunctionCall' && e.args?.data?.functionName ? `FunctionCall ${e.args.data.functionName}` : e.name;
      if (stack.length) self.set(stack[stack.length - 1].key, (self.get(stack[stack.length - 1].key) ?? 0) - e.dur! / 1000);
      else if (e.name === 'RunTask') longest = Math.max(longest, e.dur! / 1000);
      self.set(key, (self.get(key) ?? 0) + e.dur! / 1000);
      stack.push({ end: e.ts + e.dur!, key });
    }
    const total = [...self.values()].reduce((a, b) => a + b, 0);
    if (total < 1000) continue; // another page's renderer
    lines.push(`--- trace, ${names.get(main)} ${main}: self time by event (${total.toFixed(0)} ms in all, longest task ${longest.toFixed(0)} ms)`);
    lines.push(
      ...[...self]
        .sort((a, b) => b[1] - a[1])
        .slice(0, top)
        .map(([k, v]) => `${v.toFixed(0).padStart(7)} ms  ${k}`),
    );
    lines.push('  events over 300 ms (waits, and tasks; a worker: its calls over 150 ms):', ...waits.slice(0, 60));
  }
  return lines;
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
    await build({
      root: ROOT,
      configFile: join(ROOT, 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, minify: argv.includes('--minify') },
    });
  }
  // vite preview serves only the build: copy a generated package into it as bench-ui.ts does.
  if (data !== 'sample' && !existsSync(join(outDir, 'data', data, 'index.json'))) {
    copyPackageIntoBuild(outDir, data);
  }
  const { server, origin } = await previewBuild(outDir);
  const profileDir = mkdtempSync(join(tmpdir(), 'yulintu-prof-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS],
    viewport: { width: 1440, height: 900 },
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') console.log(`[page ${m.type()}] ${m.text()}`);
    });
    page.on('pageerror', (e) => console.log(`[page error] ${e.message}`));
    await page.addInitScript(LONGTASK_INIT);
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
    // The load's timeline: each progress stage, the package part and the analysed data as the store gets them.
    await page.addInitScript(STAGE_LOG_INIT);
    const cdp = await context.newCDPSession(page);
    // --trace: also a Chrome trace of the load, its main-thread events summed by self time (what "(program)" is).
    const trace = argv.includes('--trace');
    const events: TraceEvent[] = [];
    if (trace) {
      cdp.on('Tracing.dataCollected', (e) => {
        for (const x of e.value as unknown as TraceEvent[]) events.push(x);
      });
      await cdp.send('Tracing.start', {
        transferMode: 'ReportEvents',
        traceConfig: {
          includedCategories: [
            'devtools.timeline',
            'disabled-by-default-devtools.timeline',
            'v8',
            'blink',
            'gpu',
            'cc',
            'toplevel',
            'gpu.angle',
            'disabled-by-default-gpu.angle',
            'gpu.service',
            'disabled-by-default-gpu.service',
          ],
        },
      });
    }
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
    const t0 = Date.now();
    await page.goto(`${origin}/?data=${data}${query ? `&${query}` : ''}&test`); // test hooks in the production build (src/state/testHooks.ts)
    await page.waitForFunction(() => (window as unknown as { __yulintuIdle?: number }).__yulintuIdle, null, { timeout: 300_000, polling: 100 });
    const total = Date.now() - t0;
    const traceSummary: string[] = [];
    if (trace) {
      const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
      await cdp.send('Tracing.end');
      await done;
      traceSummary.push(...mainThreadSelfTimes(events, top));
    }
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
    const marks = await page.evaluate(() => {
      const w = window as unknown as {
        __yulintuReady: number;
        __yulintuIdle: number;
        __yulintuFirstPicture?: number;
        __frames: number[];
        __yulintu: { getState(): { data: { timings: Record<string, number> } } };
      };
      const f = w.__frames;
      return {
        ready: w.__yulintuReady,
        idle: w.__yulintuIdle,
        firstPicture: w.__yulintuFirstPicture ?? Number.NaN,
        frames: f.length,
        frameMsTotal: f.reduce((a, b) => a + b, 0),
        slowFrames: f.filter((x) => x > 100).map((x) => Math.round(x)),
        log: (window as unknown as { __frameLog: string[] }).__frameLog.join(' '),
        worker: w.__yulintu.getState().data.timings,
        stages: (window as unknown as { __stageLog: string[] }).__stageLog.join(', '),
        longTasks: (window as unknown as { __longTasks: [number, number][] }).__longTasks.map(([s, d]) => `${Math.round(s)}+${Math.round(d)}`).join(' '),
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
    // Inclusive time: every function on the sampled stack (once per sample), to see whose work it is.
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const keyOf = (n: ProfileNode) =>
      `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop() || '(native)'}:${n.callFrame.lineNumber}`;
    const incl = new Map<string, number>();
    profile.samples.forEach((id, k) => {
      const ms = (profile.timeDeltas[k] ?? 0) / 1000;
      const seen = new Set<string>();
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) seen.add(keyOf(byId.get(at)!));
      for (const key of seen) incl.set(key, (incl.get(key) ?? 0) + ms);
    });
    // Busy stretches: runs of samples that are not (idle), i.e. roughly the main thread's tasks;
    // for each one over 200 ms, the functions on its stack by inclusive time.
    const stretches: string[] = [];
    let at = 0;
    let run: { start: number; ms: number; fns: Map<string, number> } | null = null;
    const flush = () => {
      if (run && run.ms > 200) {
        const tops = [...run.fns]
          .filter(([k]) => !k.startsWith('(root)'))
          .sort((a, b) => b[1] - a[1])
          .slice(0, 14)
          .map(([k, v]) => `      ${v.toFixed(0).padStart(6)} ms  ${k}`);
        stretches.push(`  at ${(run.start / 1000).toFixed(1)} s for ${run.ms.toFixed(0)} ms`, ...tops);
      }
      run = null;
    };
    profile.samples.forEach((id, k) => {
      const ms = (profile.timeDeltas[k] ?? 0) / 1000;
      at += ms;
      const leaf = byId.get(id)!.callFrame.functionName;
      if (leaf === '(idle)') return flush();
      run ??= { start: at, ms: 0, fns: new Map() };
      run.ms += ms;
      const seen = new Set<string>();
      for (let x: number | undefined = id; x !== undefined; x = parent.get(x)) seen.add(keyOf(byId.get(x)!));
      for (const key of seen) run.fns.set(key, (run.fns.get(key) ?? 0) + ms);
    });
    flush();
    const sorted = (m: Map<string, number>) =>
      [...m]
        .sort((a, b) => b[1] - a[1])
        .slice(0, top)
        .map(([k, v]) => `${v.toFixed(0).padStart(7)} ms  ${k}`);
    const report = [
      `first map ${total} ms; data on page at ${Math.round(marks.ready)} ms, first picture at ${Math.round(marks.firstPicture)} ms, idle at ${Math.round(marks.idle)} ms; worker ${JSON.stringify(marks.worker)}`,
      `stages (ms): ${marks.stages}`,
      `rAF callbacks ${marks.frames}, ${Math.round(marks.frameMsTotal)} ms in total; > 100 ms: ${marks.slowFrames.join(', ')}`,
      `frames > 20 ms (start+duration): ${marks.log}`,
      `long tasks (start+duration ms): ${marks.longTasks}`,
      '--- self time by file',
      ...sorted(byUrl).slice(0, 12),
      '--- self time by function',
      ...sorted(byFn),
      '--- inclusive time by function',
      ...sorted(incl),
      ...traceSummary,
      '--- busy stretches over 200 ms (time from the profile start; inclusive time per function)',
      ...stretches,
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

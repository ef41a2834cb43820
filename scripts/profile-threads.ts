/**
 * Where the CPU of a cold first map goes, per Chromium thread, without tracing (tracing inflates
 * V8's compilers and the GPU process several-fold): every 0.5 s the script reads each Chromium
 * thread's CPU time from /proc and prints, per kind of thread (process type and thread name), its
 * CPU per interval. It also counts the WebGL draw calls the page makes outside maplibre's
 * `painter.render`: those draw past the first-paint gate (paintGate.ts), and there should be none
 * (session 24 found deck drawing the community fills dozens of times that way, hidden).
 *
 *   npx tsx scripts/profile-threads.ts [--data generated/b200k] [--loads 2] [--dist DIR]
 *
 * Builds the app into --dist (default a temp folder) and serves it with `vite preview`, as bench:ui
 * does; the first load of the browser warms its caches and is not printed. Linux only (/proc).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './lib/chromium';
import { copyPackageIntoBuild, DRAW_COUNT_INIT, previewBuild } from './lib/servedBuild';

const ROOT = resolve(import.meta.dirname, '..');

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

/** CPU time (ms) of every Chromium thread: "pid/tid type name" → ms. */
function threadCpu(): Map<string, number> {
  const out = new Map<string, number>();
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    let cmd: string;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (!/chrom/i.test(stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')))) continue;
      cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8'); // Chromium rewrites its title: arguments may be space-separated
    } catch {
      continue; // gone
    }
    const type = /--type=([^\s\0]+)/.exec(cmd)?.[1] ?? 'browser';
    const sub = /--utility-sub-type=([^\s\0]+)/.exec(cmd)?.[1]?.split('.')[0];
    let tids: string[];
    try {
      tids = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tids) {
      try {
        const st = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        const name = st.slice(st.indexOf('(') + 1, st.lastIndexOf(')'));
        const f = st.slice(st.lastIndexOf(')') + 2).split(' ');
        const ticks = Number(f[11]) + Number(f[12]); // utime + stime, in clock ticks (100 a second)
        out.set(`${pid}/${tid} ${sub ? `${type}:${sub}` : type} ${name}`, ticks * 10);
      } catch {
        // the thread ended
      }
    }
  }
  return out;
}

const data = arg('data', 'generated/b200k');
const loads = Number(arg('loads', '2'));
const dist = arg('dist', '');
const out = dist || mkdtempSync(join(tmpdir(), 'yulintu-threads-'));
if (!existsSync(join(ROOT, 'data', data, 'manifest.json'))) throw new Error(`no package at data/${data} (npm run generate-sample -- --help)`);
await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir: out, emptyOutDir: true } });
copyPackageIntoBuild(out, data);
const { server, origin } = await previewBuild(out);
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_ARGS] });
const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
await context.addInitScript(DRAW_COUNT_INIT);
type Marks = { __yulintuIdle?: number; __yulintuReady?: number; __draws?: { inside: number; outside: number } };
try {
  for (let k = 0; k <= loads; k++) {
    const page = await context.newPage();
    const snaps: { t: number; cpu: Map<string, number> }[] = [{ t: 0, cpu: threadCpu() }];
    const t0 = Date.now();
    const timer = setInterval(() => snaps.push({ t: Date.now() - t0, cpu: threadCpu() }), 500);
    await page.goto(`${origin}/?data=${data}&layers=cm,ol,lb,rd,bd,fc&test`);
    await page.waitForFunction(() => (window as unknown as Marks).__yulintuIdle, null, { timeout: 300_000, polling: 50 });
    clearInterval(timer);
    snaps.push({ t: Date.now() - t0, cpu: threadCpu() });
    const m = await page.evaluate(() => {
      const w = window as unknown as Marks;
      return { ready: Math.round(w.__yulintuReady ?? NaN), idle: Math.round(w.__yulintuIdle ?? NaN), draws: w.__draws };
    });
    await page.close();
    if (k === 0) continue; // the warm-up load
    console.log(
      `\nload ${k}: analysed data on the page at ${m.ready} ms, first map at ${m.idle} ms; WebGL draws in maplibre's frames ${m.draws?.inside}, outside them ${m.draws?.outside}`,
    );
    // Per kind of thread (pid/tid and trailing digits dropped), CPU ms per interval.
    const rows = new Map<string, number[]>();
    for (let i = 1; i < snaps.length; i++) {
      for (const [key, ms] of snaps[i].cpu) {
        const kind = key.replace(/^\d+\/\d+ /, '').replace(/\d+$/, '#');
        const row = rows.get(kind) ?? new Array<number>(snaps.length - 1).fill(0);
        row[i - 1] += ms - (snaps[i - 1].cpu.get(key) ?? 0); // a thread new in this interval: all of its time
        rows.set(kind, row);
      }
    }
    const total = (r: number[]) => r.reduce((a, b) => a + b, 0);
    const shown = [...rows].filter(([, r]) => total(r) >= 100).sort((a, b) => total(b[1]) - total(a[1]));
    console.log(
      'thread (CPU ms per interval)'.padEnd(40),
      'total',
      snaps
        .slice(1)
        .map((s) => (s.t / 1000).toFixed(1).padStart(6))
        .join(''),
    );
    for (const [kind, r] of shown) console.log(kind.slice(0, 40).padEnd(40), String(total(r)).padStart(5), r.map((x) => String(x).padStart(6)).join(''));
  }
} finally {
  await browser.close();
  await server.close();
  if (!dist) rmSync(out, { recursive: true, force: true });
}

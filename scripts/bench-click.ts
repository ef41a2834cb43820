/**
 * A real click on the map → the community panel, and a pointer move → its tooltip, in headless
 * Chromium (software WebGL), through the map's own pointer handling (picking included), which
 * `npm run bench:ui` skips (it sets the selection in the store). For issue 13's "click → panel".
 *
 *   npx tsx scripts/bench-click.ts [--data generated/b200k] [--clicks 8] [--root <app checkout>] [--layers cm,ol,lb,rd,bd,fc] [--shot hover.png]
 *
 * `--root` builds and measures another checkout of the app (e.g. the commit before a change),
 * for a before/after ratio on the same machine. Reports medians: pointer up → panel in the DOM,
 * → the next painted frame; pointer move → tooltip in the DOM; the longest main-thread task.
 */
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { build, preview } from 'vite';
import { chromium } from 'playwright-core';
import { PACKAGE_FILE_NAMES } from '../src/engine/index';
import { CHROMIUM, CHROMIUM_ARGS } from './lib/chromium';

const HERE = resolve(import.meta.dirname, '..');
const arg = (name: string, fallback: string) => {
  const k = process.argv.indexOf(`--${name}`);
  return k > 0 && process.argv[k + 1] ? process.argv[k + 1] : fallback;
};
const ROOT = resolve(arg('root', HERE));
const DATA = arg('data', 'generated/b200k');
const CLICKS = Number(arg('clicks', '8'));
const LAYERS = arg('layers', 'cm,ol,lb,rd,bd,fc');
const OUT = join('/tmp', `ylclick-${ROOT.replace(/[^a-z0-9]+/gi, '_')}`);

const median = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] : NaN);

/** Before any page script: long tasks into window.__longTasks. */
const LONGTASKS = `window.__longTasks = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longTasks.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true });`;

/**
 * In-page: arm a measurement of the next pointer `kind` event ('mouseup' or 'mousemove'): the
 * time until `ready()` holds in the DOM (checked on every mutation), then two frames later.
 */
const ARM = `((kind, ready) => {
  window.__measured = null;
  let t0 = 0;
  const test = new Function('return (' + ready + ')()');
  const on = () => { if (!t0) t0 = performance.now(); };
  window.addEventListener(kind, on, { capture: true, once: true });
  const obs = new MutationObserver(() => {
    if (!t0 || !test()) return;
    obs.disconnect();
    const tDom = performance.now();
    requestAnimationFrame(() => requestAnimationFrame(() => { window.__measured = [tDom - t0, performance.now() - t0, t0]; }));
  });
  obs.observe(document.body, { subtree: true, childList: true, attributes: true });
})`;

if (!existsSync(join(OUT, 'index.html')))
  await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir: OUT, emptyOutDir: true } });
const files = PACKAGE_FILE_NAMES.filter((f) => existsSync(join(HERE, 'data', DATA, f)));
mkdirSync(join(OUT, 'data', DATA), { recursive: true });
for (const f of files) if (!existsSync(join(OUT, 'data', DATA, f))) copyFileSync(join(HERE, 'data', DATA, f), join(OUT, 'data', DATA, f));
writeFileSync(join(OUT, 'data', DATA, 'index.json'), JSON.stringify({ files }));
const server = await preview({
  root: ROOT,
  configFile: join(ROOT, 'vite.config.ts'),
  logLevel: 'warn',
  build: { outDir: OUT },
  preview: { host: '127.0.0.1', port: 0, open: false },
});
const origin = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}`;
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_ARGS] });
try {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript(LONGTASKS);
  const page = await context.newPage();
  page.setDefaultTimeout(600_000); // a busy machine: software frames of seconds
  await page.goto(`${origin}/?data=${DATA}&layers=${LAYERS}&test`);
  await page.waitForFunction(() => (window as unknown as { __yulintuIdle?: number }).__yulintuIdle, null, { timeout: 900_000, polling: 100 });
  await page.waitForTimeout(2000);
  const box = (await page.getByTestId('map').boundingBox())!;
  // Label points of communities well inside the map, spread over the list.
  const points = (await page.evaluate(`(() => {
    const d = window.__yulintu.getState().data; const m = window.__yulintuMap;
    return d.labels.features.map((f) => { const p = m.project(f.geometry.coordinates); return [f.properties.id, p.x, p.y]; });
  })()`)) as [string, number, number][];
  const inside = points.filter(([, x, y]) => x > 60 && y > 90 && x < box.width - 80 && y < box.height - 60);
  const chosen = Array.from(
    { length: Math.min(CLICKS + 1, inside.length) },
    (_, k) => inside[Math.floor((k * inside.length) / Math.min(CLICKS + 1, inside.length))],
  );
  const dom: number[] = [];
  const painted: number[] = [];
  const hoverDom: number[] = [];
  let missed = 0;
  const t0 = (await page.evaluate('performance.now()')) as number;
  for (const [k, [id, x, y]] of chosen.entries()) {
    // hover: move onto the point, wait for the tooltip there
    await page.evaluate(
      `(${ARM})('mousemove', ${JSON.stringify(`() => { const t = document.querySelector('[data-testid="tooltip"]'); return !!t && Math.abs(parseFloat(t.style.left) - ${x} - 14) < 1.5; }`)})`,
    );
    await page.mouse.move(box.x + x, box.y + y);
    try {
      await page.waitForFunction(() => (window as unknown as { __measured: unknown }).__measured, null, { timeout: 30_000, polling: 50 });
      if (k > 0) hoverDom.push(((await page.evaluate('window.__measured')) as number[])[0]);
    } catch {
      /* no tooltip there (a label point under nothing pickable) */
    }
    await page.evaluate(`window.__yulintu.getState().set({ selection: null })`);
    await page.waitForTimeout(1500);
    await page.evaluate(
      `(${ARM})('mouseup', ${JSON.stringify(`() => !!document.querySelector('[data-testid="community-panel"][data-community-id="${id}"]')`)})`,
    );
    await page.mouse.click(box.x + x, box.y + y);
    try {
      await page.waitForFunction(() => (window as unknown as { __measured: unknown }).__measured, null, { timeout: 60_000, polling: 50 });
      const [d, p] = (await page.evaluate('window.__measured')) as number[];
      if (k > 0) {
        dom.push(Math.round(d));
        painted.push(Math.round(p));
      }
    } catch {
      missed++;
    }
  }
  const shot = arg('shot', '');
  if (shot && chosen.length > 1) {
    // the pointer over a community: its tooltip and its highlight
    await page.evaluate(`window.__yulintu.getState().set({ selection: null })`);
    await page.mouse.move(box.x + chosen[1][1] + 3, box.y + chosen[1][2] + 3);
    await page.waitForTimeout(3000);
    await page.screenshot({ path: shot });
  }
  const tasks = (await page.evaluate(`window.__longTasks.filter((x) => x[0] >= ${t0}).map((x) => Math.round(x[1]))`)) as number[];
  console.log(`[bench-click] ${ROOT} on ${DATA} (${LAYERS}), ${dom.length} clicks (${missed} missed):`);
  console.log(`  pointer up → community panel in the DOM: median ${median(dom)} ms (${dom.join(', ')})`);
  console.log(`  pointer up → next painted frame: median ${median(painted)} ms (${painted.join(', ')})`);
  console.log(`  pointer move → tooltip in the DOM: median ${Math.round(median(hoverDom))} ms (${hoverDom.map(Math.round).join(', ')})`);
  console.log(`  main-thread tasks > 50 ms meanwhile: ${tasks.length}, longest ${tasks.length ? Math.max(...tasks) : 0} ms`);
} finally {
  await browser.close();
  server.httpServer.close();
}

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { analyze, loadPackage, resolvePolicy, type Analysis, type DataPackage } from '../../src/engine/index';
import { fmtHh, fmtM2 } from '../../src/ui/format';
import { labelPoint } from '../../src/worker/labelPoint';
import { artefactDir, hasChromium, ROOT, openSession } from './harness';
import { DRAW_COUNT_INIT } from '../../scripts/lib/servedBuild';

/** The package the app ships with; YULINTU_E2E_DATA=generated/<name> to point at another one. */
const DATASET = process.env.YULINTU_E2E_DATA ?? 'sample';
const DATA_DIR = join(ROOT, 'data', DATASET);
const hasData = existsSync(join(DATA_DIR, 'manifest.json'));
const FILES = ['manifest.json', 'communities.geojson', 'buildings.csv', 'facilities.csv', 'candidates.csv', 'roads.geojson', 'distances.csv', 'policy.json'];

if (!hasChromium) console.warn('[e2e] SKIPPED: /usr/bin/chromium is missing (apt-get install -y chromium fonts-noto-cjk)');
if (hasChromium && !hasData) console.warn(`[e2e] SKIPPED: no data package at ${DATA_DIR}`);

describe.skipIf(!hasChromium || !hasData)('the planning map in headless Chromium', () => {
  let origin = '';
  let context: BrowserContext;
  let closeBrowser: () => Promise<void>;
  let page: Page;
  let pkg: DataPackage;
  let analysis: Analysis;
  let requests: string[] = [];
  let pageErrors: string[] = [];

  beforeAll(async () => {
    // The engine in Node on the same files: the numbers the panel must show.
    const files: Record<string, Uint8Array> = {};
    for (const f of FILES) if (existsSync(join(DATA_DIR, f))) files[f] = new Uint8Array(readFileSync(join(DATA_DIR, f)));
    pkg = loadPackage(files);
    analysis = analyze(pkg, { mode: 'euclidean', policy: resolvePolicy(pkg) });
    ({ origin, context, page, requests, pageErrors, close: closeBrowser } = await openSession());
  });

  afterAll(async () => {
    await closeBrowser?.();
  });

  const q = DATASET === 'sample' ? '' : `data=${DATASET}&`;

  async function waitReady(p: Page) {
    await p.waitForFunction(() => (window as unknown as { __yulintuReady?: number }).__yulintuReady, null, { timeout: 90_000 });
    await p.waitForFunction(() => (window as unknown as { __yulintuIdle?: number }).__yulintuIdle, null, { timeout: 60_000 });
    await p.waitForTimeout(500);
  }

  /** Count pixels of the map area that differ from the plain background. */
  async function nonBlankFraction(p: Page): Promise<number> {
    const box = (await p.getByTestId('map').boundingBox())!;
    const png = await p.screenshot({ clip: box });
    return p.evaluate(async (b64) => {
      const img = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
      const c = new OffscreenCanvas(img.width, img.height);
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const d = ctx.getImageData(0, 0, img.width, img.height).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) {
        // background #f3f1ec
        if (Math.abs(d[i] - 0xf3) + Math.abs(d[i + 1] - 0xf1) + Math.abs(d[i + 2] - 0xec) > 30) n++;
      }
      return n / (d.length / 4);
    }, png.toString('base64'));
  }

  it('loads the sample package in the worker and draws the map', async () => {
    await page.goto(`${origin}/?${q}`, { timeout: 180_000 }); // the dev server's first load is slow on a shared machine
    await waitReady(page);
    const frac = await nonBlankFraction(page);
    expect(frac).toBeGreaterThan(0.2);
    await page.screenshot({ path: join(artefactDir(), 'main-view.png') });
    const n = await page.evaluate(
      () =>
        (window as unknown as { __yulintu: { getState(): { data: { analysis: { communities: unknown[] } } } } }).__yulintu.getState().data.analysis.communities
          .length,
    );
    expect(n).toBe(analysis.communities.length);
    if (pkg.manifest.synthetic === true) {
      await expect(page.getByTestId('synthetic-banner').textContent()).resolves.toBe('示例数据：几何为合成 / Sample data: synthetic geometry');
    }
    expect(pageErrors).toEqual([]);
  }, 300_000);

  it('every WebGL draw is part of a maplibre frame: deck draws nothing of its own while the map loads hidden, nor after', async () => {
    // deck draws a layer whose maplibre layer group does not exist yet by itself after every
    // maplibre `render` event, past the paint gate (deckOverlay.ts slot layers). Counted here:
    // draw calls made outside maplibre's painter.render, from the page's first script on.
    const p = await context.newPage();
    await p.setViewportSize({ width: 1000, height: 640 }); // the sample then fits below zoom 12 (footways, below)
    await p.addInitScript(DRAW_COUNT_INIT);
    await p.goto(`${origin}/?${q}layers=cm,ol,lb,rd,bd,fc`);
    await waitReady(p);
    const atFirstMap = await p.evaluate(() => ({ ...(window as unknown as { __draws: { inside: number; outside: number } }).__draws }));
    // The footway source is filled from zoom 12 (mapSources.ts), judged at the fitted view: the
    // map's starting zoom (12) used to fill it on every load, so maplibre's worker parsed the roads twice.
    const footways = await p.evaluate(() => {
      const m = (window as unknown as { __yulintuMap: { getZoom(): number; getSource(id: string): { serialize(): { data: unknown } } } }).__yulintuMap;
      const data = m.getSource('paths').serialize().data;
      return { zoom: m.getZoom(), filled: typeof data === 'string' || (data as { features: unknown[] }).features.length > 0 };
    });
    expect(footways.filled).toBe(footways.zoom >= 12);
    if (DATASET === 'sample') expect(footways.zoom).toBeLessThan(12); // so the sample tests the case above
    // A change of the deck layers after the map is shown: another service.
    await p.evaluate(() => (window as unknown as { __yulintu: { getState(): { set(p: unknown): void } } }).__yulintu.getState().set({ service: 'childcare' }));
    await p.waitForTimeout(1500);
    const after = await p.evaluate(() => ({ ...(window as unknown as { __draws: { inside: number; outside: number } }).__draws }));
    expect(atFirstMap.outside).toBe(0);
    expect(atFirstMap.inside).toBeGreaterThan(0);
    expect(after.outside).toBe(0);
    expect(after.inside).toBeGreaterThan(atFirstMap.inside);
    await p.close();
  }, 300_000);

  it('until the first map is shown the progress box stays; the banner is laid out before the analysed data lands', async () => {
    // Sampled from the page's own timers (what a user could see between tasks): the map is hidden
    // until its first frame of the analysed data is drawn (firstPaint.ts); the progress box used to
    // go with the analysed data's landing, leaving an empty map area for seconds at 200k buildings.
    const p = await context.newPage();
    await p.addInitScript(`(() => {
      const w = window;
      w.__samples = [];
      const look = () => {
        const map = document.querySelector('[data-testid="map"]');
        w.__samples.push({ ready: !!w.__yulintuReady, hidden: !map || map.style.visibility === 'hidden', idle: !!w.__yulintuIdle, progress: !!document.querySelector('[data-testid="progress"]'),
          banner: !!document.querySelector('[data-testid="synthetic-banner"]'), mapHeight: map ? Math.round(map.getBoundingClientRect().height) : -1 });
        if (!w.__yulintuIdle) setTimeout(look, 4);
      };
      look();
    })();`);
    await p.goto(`${origin}/?${q}`);
    await waitReady(p);
    type Sample = { ready: boolean; hidden: boolean; idle: boolean; progress: boolean; banner: boolean; mapHeight: number };
    const samples = (await p.evaluate('window.__samples')) as Sample[];
    const between = samples.filter((s) => s.ready && s.hidden);
    expect(between.length).toBeGreaterThan(0);
    expect(between.filter((s) => !s.progress)).toEqual([]);
    const synthetic = JSON.parse(readFileSync(join(DATA_DIR, 'manifest.json'), 'utf8')).synthetic === true;
    if (synthetic) {
      // The package part brings the manifest: the banner is there before the analysis, and the map's
      // height does not change when the analysed data lands.
      const before = samples.filter((s) => !s.ready && s.banner);
      expect(before.length).toBeGreaterThan(0);
      expect(new Set(samples.filter((s) => s.banner).map((s) => s.mapHeight))).toEqual(new Set([between[0].mapHeight]));
    }
    await p.close();
  }, 300_000);

  it('clicking a community shows the panel with the values the engine computed', async () => {
    // The community with most need; click inside it, with the point layers off so nothing covers it.
    const r = [...analysis.communities].sort((a, b) => a.needRank - b.needRank)[0];
    await page.goto(`${origin}/?${q}layers=cm,ol,lb`, { timeout: 180_000 });
    await waitReady(page);
    const [lon, lat] = labelPoint(pkg.communities[r.index].geometry);
    const map = (await page.getByTestId('map').boundingBox())!;
    await page.evaluate(
      ([x, y]) => {
        const m = (window as unknown as { __yulintuMap: { jumpTo(o: object): void } }).__yulintuMap;
        m.jumpTo({ center: [x, y], zoom: 15 });
      },
      [lon, lat],
    );
    await page.waitForTimeout(800);
    await page.mouse.click(map.x + map.width / 2, map.y + map.height / 2);
    const panel = page.getByTestId('community-panel');
    await panel.waitFor({ timeout: 10_000 });
    expect(await panel.getAttribute('data-community-id')).toBe(r.id);
    expect(await page.getByTestId('panel-title').textContent()).toBe(r.name);
    expect(await page.getByTestId('households').textContent()).toBe(fmtHh(r.households, 'zh'));
    expect(await page.getByTestId('shortfall-base').textContent()).toBe(fmtM2(r.shortfallBaseM2, 'zh'));
    expect(await page.getByTestId('shortfall-enhanced').textContent()).toBe(fmtM2(r.shortfallEnhancedM2, 'zh'));
    expect(await page.getByTestId('facility-area').textContent()).toContain(fmtM2(r.facilityAreaM2, 'zh'));
    expect(await page.getByTestId('rank-all').textContent()).toBe(`全部社区中第 ${r.needRank} / ${analysis.communities.length}`);
    await page.screenshot({ path: join(artefactDir(), 'community-panel.png') });

    // The URL keeps the selection: a fresh page on that link shows the same community.
    await page.waitForFunction((id) => location.search.includes(`sel=c:${id}`), r.id);
    const link = page.url();
    const other = await context.newPage();
    await other.goto(link);
    await waitReady(other);
    const again = other.getByTestId('community-panel');
    await again.waitFor({ timeout: 10_000 });
    expect(await again.getAttribute('data-community-id')).toBe(r.id);
    expect(await other.getByTestId('households').textContent()).toBe(fmtHh(r.households, 'zh'));
    await other.close();
  }, 300_000);

  it('switches to English and back', async () => {
    await page.getByTestId('lang-switch').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await page.locator('.brand-title').textContent()).toBe('Yulintu');
    expect(await page.getByText('Functions present').count()).toBe(1);
    expect(page.url()).toContain('lang=en');
    const r = [...analysis.communities].sort((a, b) => a.needRank - b.needRank)[0];
    expect(await page.getByTestId('households').textContent()).toBe(fmtHh(r.households, 'en'));
    await page.getByTestId('lang-switch').click();
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    expect(await page.locator('.brand-title').textContent()).toBe('渝邻图');
  });

  it('the ranking table selects a community and the public view hides candidate sites', async () => {
    await page.getByTestId('ranking-toggle').click();
    const rows = page.locator('[data-testid="ranking"] tbody tr');
    await rows.first().waitFor();
    const row = rows.nth(Math.min(1, (await rows.count()) - 1));
    const id = await row.getAttribute('data-id');
    await row.click();
    expect(await page.getByTestId('community-panel').getAttribute('data-community-id')).toBe(id);
    await page.goto(`${origin}/?${q}view=public`);
    await waitReady(page);
    expect(await page.locator('[data-layer="candidates"]').count()).toBe(0);
    expect(await page.getByTestId('open-folder').count()).toBe(0);
  });

  it('opening a data folder feeds the same worker path', async () => {
    await page.goto(`${origin}/?${q}`);
    await waitReady(page);
    await page.evaluate(() => {
      (window as unknown as { __yulintuReady?: number }).__yulintuReady = undefined;
    });
    const paths = FILES.map((f) => join(DATA_DIR, f)).filter((f) => existsSync(f));
    await page.getByTestId('files-input').setInputFiles(paths);
    await page.waitForFunction(() => (window as unknown as { __yulintuReady?: number }).__yulintuReady, null, { timeout: 90_000 });
    const n = await page.evaluate(
      () =>
        (window as unknown as { __yulintu: { getState(): { data: { analysis: { summary: { buildings: number } } } } } }).__yulintu.getState().data.analysis
          .summary.buildings,
    );
    expect(n).toBe(analysis.summary.buildings);
    expect(await page.locator('.package-name').textContent()).toBe(pkg.manifest.name);
  });

  it('no request leaves localhost', () => {
    const outside = requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(outside).toEqual([]);
    expect(requests.length).toBeGreaterThan(5);
  });

  it('the online basemap is off by default; switched on it adds a raster source (tile requests blocked here)', async () => {
    expect(
      await page.evaluate(() => (window as unknown as { __yulintuMap: { getSource(id: string): unknown } }).__yulintuMap.getSource('online-basemap') ?? null),
    ).toBeNull();
    expect(await page.evaluate(() => (window as unknown as { __yulintu: { getState(): { basemap: string } } }).__yulintu.getState().basemap)).toBe('none');
    await page.route('https://tile.openstreetmap.org/**', (r) => r.abort());
    await page.evaluate(() => (window as unknown as { __yulintu: { getState(): { set(p: unknown): void } } }).__yulintu.getState().set({ basemap: 'osm' }));
    await page.waitForFunction(
      () =>
        (window as unknown as { __yulintuMap: { getSource(id: string): { type: string } | undefined } }).__yulintuMap.getSource('online-basemap')?.type ===
        'raster',
      null,
      { timeout: 10_000 },
    );
    await page.evaluate(() => (window as unknown as { __yulintu: { getState(): { set(p: unknown): void } } }).__yulintu.getState().set({ basemap: 'none' }));
    await page.waitForFunction(
      () => !(window as unknown as { __yulintuMap: { getSource(id: string): unknown } }).__yulintuMap.getSource('online-basemap'),
      null,
      { timeout: 10_000 },
    );
  });
});

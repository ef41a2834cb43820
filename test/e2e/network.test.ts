import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { analyze, loadPackage, resolvePolicy, type Analysis } from '../../src/engine/index';
import { SERVICES } from '../../src/engine/index';
import { fmtNum } from '../../src/ui/format';
import { packageRollup } from '../../src/ui/packageRollup';
import type { AnalysisView } from '../../src/worker/protocol';
import { walkFromPoint } from '../../src/worker/networkApi';
import { openPackage, providerFor } from '../../src/worker/packageSession';
import { artefactDir, hasChromium, ROOT, openSession } from './harness';

const DATA_DIR = join(ROOT, 'data', 'sample');
const hasData = existsSync(join(DATA_DIR, 'roads.geojson'));
const FILES = ['manifest.json', 'communities.geojson', 'buildings.csv', 'facilities.csv', 'candidates.csv', 'roads.geojson', 'policy.json', 'water.geojson'];

describe.skipIf(!hasChromium || !hasData)('walking modes and walksheds in headless Chromium', () => {
  let origin = '';
  let closeBrowser: () => Promise<void>;
  let page: Page;
  let network: Analysis;
  let euclidean: Analysis;
  let files: Record<string, Uint8Array>;
  let requests: string[] = [];
  let pageErrors: string[] = [];

  beforeAll(async () => {
    files = {};
    for (const f of FILES) if (existsSync(join(DATA_DIR, f))) files[f] = new Uint8Array(readFileSync(join(DATA_DIR, f)));
    const pkg = loadPackage(files);
    const policy = resolvePolicy(pkg);
    network = analyze(pkg, { mode: 'network', policy });
    euclidean = analyze(pkg, { mode: 'euclidean', policy });
    ({ origin, page, requests, pageErrors, close: closeBrowser } = await openSession());
  }, 120_000);

  afterAll(async () => {
    await closeBrowser?.();
  });

  const state = <T>(p: Page, f: string) => p.evaluate(`(${f})(window.__yulintu.getState())`) as Promise<T>;

  async function waitMode(p: Page, mode: string) {
    await p.waitForFunction(
      (m) => {
        const s = (window as unknown as { __yulintu: { getState(): { status: string; data?: { analysis: { mode: string } } } } }).__yulintu.getState();
        return s.status === 'ready' && s.data?.analysis.mode === m;
      },
      mode,
      { timeout: 120_000, polling: 200 },
    );
    await p.waitForFunction(() => (window as unknown as { __yulintuIdle?: number }).__yulintuIdle, null, { timeout: 60_000 });
    await p.waitForTimeout(600);
  }

  it('switches to 步行距离: the summary shows the engine’s network coverage, unlike the straight line', async () => {
    await page.goto(`${origin}/`);
    await waitMode(page, 'euclidean');
    const chart = async () =>
      page.$$eval('[data-testid="coverage-chart"] g[data-service]', (gs) => gs.map((g) => [g.getAttribute('data-service'), g.getAttribute('data-value')]));
    // The overview rolls the package up as the district panels do (issue 9 item 5): coverage of the buildings inside communities.
    const asStrings = (a: Analysis) => {
      const r = packageRollup({ communities: a.communities, coverage: SERVICES } as unknown as AnalysisView);
      return SERVICES.map((s, i) => [s, r.coverage[i] === null ? '' : String(r.coverage[i])]);
    };
    expect(await chart()).toEqual(asStrings(euclidean));

    await page.locator('[data-testid="distance-mode"] [data-mode="network"]').click();
    await waitMode(page, 'network');
    expect(await chart()).toEqual(asStrings(network));
    expect(asStrings(network)).not.toEqual(asStrings(euclidean));
    expect(await page.getByTestId('unsnapped-buildings').textContent()).toContain(fmtNum(network.summary.unsnappedBuildings!, 'zh'));
    expect(await page.getByTestId('summary-mode').textContent()).toBe('步行距离');
    expect(page.url()).toContain('mode=network');
    // The worker kept the package: no second fetch of the buildings.
    expect(requests.filter((u) => u.endsWith('/buildings.csv'))).toHaveLength(1);
    await page.screenshot({ path: join(artefactDir(), 'network-mode.png') });

    await page.locator('[data-testid="distance-mode"] [data-mode="effort"]').click();
    await waitMode(page, 'network');
    await page.waitForFunction(() => location.search.includes('mode=effort'));
    expect(await state<boolean>(page, '(s) => s.data.analysis.summary.effort')).toBe(true);
    expect(await page.getByTestId('mode-note').textContent()).toContain('平地等效米');
  }, 240_000);

  it('“从这里步行可达”: a click draws 5/10/15-minute walksheds and lists the reachable facilities', async () => {
    await page.goto(`${origin}/?mode=network&layers=cm,ol,lb,rd&map=15.00/29.55800/106.56500`);
    await waitMode(page, 'network');
    await page.getByTestId('walk-tool').click();
    const map = (await page.getByTestId('map').boundingBox())!;
    const before = await page.screenshot({ clip: map });
    await page.mouse.click(map.x + map.width / 2, map.y + map.height / 2);
    const panel = page.getByTestId('reach-panel');
    await panel.waitFor({ timeout: 30_000 });
    await page.waitForTimeout(1500);
    const lon = Number(await panel.getAttribute('data-lon'));
    const lat = Number(await panel.getAttribute('data-lat'));
    // The same walk in Node, from the same point.
    const session = openPackage('e2e:sample', files);
    providerFor(session, 'network', false);
    const expected = walkFromPoint(lon, lat);
    expect(expected.facilities.length).toBeGreaterThan(0);
    expect(Number(await panel.getAttribute('data-facilities'))).toBe(expected.facilities.length);
    const first = expected.facilities[0];
    expect(await panel.locator(`[data-facility="${first.id}"]`).first().textContent()).toContain(first.name);
    expect(await page.locator('[data-legend="walkshed-point"] li').count()).toBe(3);
    // The walkshed polygons changed the map: count teal-ish pixels before and after.
    const after = await page.screenshot({ clip: map, path: join(artefactDir(), 'walkshed-point.png') });
    const teal = (png: Buffer) =>
      page.evaluate(async (b64) => {
        const img = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
        const c = new OffscreenCanvas(img.width, img.height);
        const ctx = c.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        const d = ctx.getImageData(0, 0, img.width, img.height).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4) if (d[i + 1] > d[i] + 25 && d[i + 2] > d[i] + 15 && d[i] < 170) n++;
        return n / (d.length / 4);
      }, png.toString('base64'));
    const [t0, t1] = [await teal(before), await teal(after)];
    expect(t1).toBeGreaterThan(t0 + 0.02);
    await page.screenshot({ path: join(artefactDir(), 'walkshed-point-full.png') });
  }, 240_000);

  it('a selected facility shows its network walkshed in the legend; nothing left localhost', async () => {
    const f = loadPackage(files).facilities.find((x) => x.status === 'open' && x.services.includes('elderly_care'))!;
    await page.goto(`${origin}/?mode=network&sel=f:${f.id}&map=15.00/${f.lat.toFixed(5)}/${f.lon.toFixed(5)}`);
    await waitMode(page, 'network');
    await page.locator('[data-legend="walkshed-facility"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-legend="walkshed-facility"] li').first().textContent()).toBe('养老服务阈值 300 米');
    expect(await page.locator('[data-legend="walk-circle"]').count()).toBe(0);
    await page.waitForTimeout(1000);
    await page.screenshot({ path: join(artefactDir(), 'walkshed-facility.png') });
    const outside = requests.filter((u) => !/^(http:\/\/127\.0\.0\.1:\d+\/|data:|blob:)/.test(u));
    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 240_000);
});

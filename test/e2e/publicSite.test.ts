/**
 * The published public map in headless Chromium, served as a plain static folder (node:http):
 * it renders, speaks Chinese first, requests nothing outside its own origin, opens a deep link
 * to a facility, finds a community by name, and axe-core finds no WCAG 2.1 AA violation, at
 * 375 px (a phone) and 1366 px (a laptop).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPublish } from '../../scripts/commands/publish';
import type { PublicCommunity, PublicFacility, PublicPlannedSite } from '../../src/engine/index';
import { artefactDir, hasChromium, launch, ROOT } from './harness';
import { axeViolations } from './axe';
import { serveStatic } from './staticServer';

describe.skipIf(!hasChromium)('the published public map in headless Chromium', () => {
  let work: string;
  let site: string;
  let srv: Awaited<ReturnType<typeof serveStatic>>;
  let facilities: PublicFacility[];
  let planned: PublicPlannedSite[];
  let communities: PublicCommunity[];

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'yl-public-e2e-'));
    // approve the first candidate of the sample as a planned site
    const c = readFileSync(join(ROOT, 'data/sample/candidates.csv'), 'utf8').split('\n')[1].split(',');
    const blueprint = join(work, 'blueprint.geojson');
    writeFileSync(
      blueprint,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            geometry: { type: 'Point', coordinates: [Number(c[2]), Number(c[3])] },
            properties: { id: c[0], approved: true, services: 'elderly_care;meals', level: 'scattered' },
          },
        ],
      }),
    );
    site = join(work, 'site');
    await runPublish(['--data', join(ROOT, 'data/sample'), '--out', site, '--blueprint', blueprint]);
    facilities = JSON.parse(readFileSync(join(site, 'data/facilities.json'), 'utf8'));
    planned = JSON.parse(readFileSync(join(site, 'data/planned.json'), 'utf8'));
    communities = JSON.parse(readFileSync(join(site, 'data/communities.json'), 'utf8')).features.map((f: { properties: PublicCommunity }) => f.properties);
    srv = await serveStatic(site);
  }, 180_000);

  afterAll(async () => {
    await srv?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  for (const [width, height] of [
    [375, 740],
    [1366, 800],
  ]) {
    it(`works at ${width} px: renders in Chinese, deep link, search, no outside request, WCAG 2.1 AA`, async () => {
      const { context, close } = await launch({ width, height });
      const requests: string[] = [];
      const errors: string[] = [];
      context.on('request', (r) => requests.push(r.url()));
      const page = context.pages()[0] ?? (await context.newPage());
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      try {
        await page.goto(`${srv.origin}/`);
        await page.waitForSelector('body[data-ready="1"]', { timeout: 90_000 });
        await expect(page.locator('h1').textContent()).resolves.toBe('渝邻图 · 社区服务地图');
        await expect(page.locator('html').getAttribute('lang')).resolves.toBe('zh-CN');
        await expect(page.locator('#synthetic').textContent()).resolves.toContain('合成数据');
        await expect(page.locator('.chip').count()).resolves.toBe(10);
        await expect(page.locator('#panel').textContent()).resolves.toContain('点击地图上的任意位置');
        expect(await page.locator('canvas.maplibregl-canvas').count()).toBe(1);
        expect(await axeViolations(page)).toEqual([]);

        // deep link to a facility: its card, with what is near it
        const f = facilities.find((x) => x.services.includes('meals'))!;
        await page.goto(`${srv.origin}/#f=${f.id}`);
        await page.reload();
        await page.waitForSelector('body[data-ready="1"]', { timeout: 90_000 });
        await expect(page.locator('#panel h2').first().textContent()).resolves.toBe(f.name);
        const panel = (await page.locator('#panel').textContent())!;
        expect(panel).toContain('按直线距离估算');
        expect(panel).toContain('5 分钟内（约 300 米）');
        expect(panel).toContain('各类服务最近的设施');
        // the facility itself is the nearest of its services, 0 m away
        expect(panel).toContain(`${f.name}0 米 · 步行约 1 分钟`);
        await page.screenshot({ path: join(artefactDir(), `public-facility-${width}.png`), fullPage: width < 900 });
        expect(await axeViolations(page)).toEqual([]);

        // search a community by name, pick it: its card and figures
        const c = communities[0];
        await page.fill('#q', c.name);
        await page.locator('.hit', { hasText: c.name }).first().click();
        await expect(page.locator('#panel h2').first().textContent()).resolves.toBe(c.name);
        expect(page.url()).toContain(`#c=${c.id}`);
        await expect(page.locator('#panel').textContent()).resolves.toContain(`${c.households.toLocaleString('zh-CN')} 户`);

        // a planned site is shown as planned
        await page.fill('#q', planned[0].name);
        await page.locator('.hit', { hasText: planned[0].name }).first().click();
        await expect(page.locator('#panel .badge.planned').first().textContent()).resolves.toBe('规划中');

        // tap the map: a point with its rings, kept in the share link
        const box = (await page.locator('#map').boundingBox())!;
        await page.locator('#map canvas').click({ position: { x: box.width * 0.3, y: box.height * 0.5 } });
        await expect(page.locator('#panel').textContent()).resolves.toMatch(/您选择的位置|服务设施/);
        expect(page.url()).toMatch(/#(p=[\d.]+%2C[\d.]+|f=[fp][0-9a-z]+)/);

        // English, and the about page
        await page.click('#lang-btn');
        await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
        await expect(page.locator('#panel').textContent()).resolves.toContain('Within walking distance');
        await page.click('#about-btn');
        const about = (await page.locator('#about').textContent())!;
        expect(about).toContain('at least 30 m² of community service facilities per 100 households');
        expect(about).toContain('60 m a minute (about 300 / 600 / 900 m)');
        await page.screenshot({ path: join(artefactDir(), `public-about-${width}.png`) });
        expect(await axeViolations(page)).toEqual([]);

        const outside = requests.filter((u) => !u.startsWith(`${srv.origin}/`) && !u.startsWith('blob:') && !u.startsWith('data:'));
        expect(outside).toEqual([]);
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    }, 240_000);
  }
  it('390 × 844 (a phone): the service chips scroll sideways with a visible arrow for the chips out of view, WCAG 2.1 AA', async () => {
    const { context, close } = await launch({ width: 390, height: 844 });
    const page = context.pages()[0] ?? (await context.newPage());
    try {
      await page.goto(`${srv.origin}/`);
      await page.waitForSelector('body[data-ready="1"]', { timeout: 90_000 });
      const row = page.locator('#chips');
      const size = await row.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, left: el.scrollLeft }));
      expect(size.scroll).toBeGreaterThan(size.client); // ten chips do not fit 390 px
      // at the start: the arrow at the right edge shows there is more, none at the left
      const next = page.locator('#chips-next');
      const prev = page.locator('#chips-prev');
      await next.waitFor({ state: 'visible' });
      expect(await prev.isVisible()).toBe(false);
      const nb = (await next.boundingBox())!;
      expect(nb.x + nb.width).toBeLessThanOrEqual(390);
      expect(nb.x).toBeGreaterThan(390 / 2);
      // the last chip lies beyond the window's right edge, under nothing the user can see
      const last = (await page.locator('.chip').last().boundingBox())!;
      expect(last.x).toBeGreaterThan(390);
      await page.screenshot({ path: join(artefactDir(), 'public-chips-390.png') });
      expect(await axeViolations(page)).toEqual([]);
      // a tap on the arrow scrolls the row; at the end the right arrow goes, the left one shows
      await next.click();
      await page.waitForFunction((x0) => document.getElementById('chips')!.scrollLeft > x0 + 40, size.left, { timeout: 30_000 });
      await prev.waitFor({ state: 'visible' });
      await row.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
      await next.waitFor({ state: 'hidden' });
      const lastNow = (await page.locator('.chip').last().boundingBox())!;
      expect(lastNow.x + lastNow.width).toBeLessThanOrEqual(390);
      await page.screenshot({ path: join(artefactDir(), 'public-chips-390-end.png') });
      // keyboard: Tab onto the first chip brings the row back to its start
      await page.locator('.chip').first().focus();
      await page.waitForFunction(() => document.getElementById('chips')!.scrollLeft < 2, null, { timeout: 30_000 });
      await prev.waitFor({ state: 'hidden' });
      // the arrows are out of the tab order and hidden from screen readers (the chips are the control)
      expect(await next.getAttribute('tabindex')).toBe('-1');
      expect(await next.getAttribute('aria-hidden')).toBe('true');
    } finally {
      await close();
    }
  }, 240_000);

  it('downloads each file once, then opens again offline (service worker)', async () => {
    const { context, close } = await launch({ width: 375, height: 740 });
    const page = context.pages()[0] ?? (await context.newPage());
    try {
      const from = srv.served.length;
      await page.goto(`${srv.origin}/#s=health`);
      await page.waitForSelector('body[data-ready="1"]', { timeout: 90_000 });
      expect(await page.evaluate(async () => Boolean((await navigator.serviceWorker.ready).active))).toBe(true);
      const first = srv.served.slice(from);
      expect(first.filter((p, i) => first.indexOf(p) !== i)).toEqual([]); // the cache is filled from the HTTP cache
      expect(first).toContain('/data/facilities.json');
      const before = srv.served.length;
      await context.setOffline(true);
      await page.reload();
      await page.waitForSelector('body[data-ready="1"]', { timeout: 90_000 });
      await expect(page.locator('.chip[aria-pressed="true"]').textContent()).resolves.toBe('健康服务');
      // nothing but, at times, the browser's own update check of sw.js (which offline emulation may let through)
      expect(srv.served.slice(before).filter((p) => p !== '/sw.js')).toEqual([]);
    } finally {
      await close();
    }
  }, 240_000);
});

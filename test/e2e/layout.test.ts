import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { artefactDir, boxOf, hasChromium, launch, mapReady, ROOT, startServer } from './harness';

const hasSample = existsSync(join(ROOT, 'data', 'sample', 'manifest.json'));
type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

const box = (page: Page, selector: string): Promise<Box> => boxOf(page, selector);
const ready = (page: Page) => mapReady(page, 90_000);

describe.skipIf(!hasChromium || !hasSample)('layout at 1024–1366 px wide (issue 9 item 18)', () => {
  let server: ViteDevServer;
  let origin = '';
  beforeAll(async () => {
    ({ server, origin } = await startServer());
  });
  afterAll(async () => {
    await server?.close();
  });

  for (const width of [1024, 1366]) {
    it(`${width}×768: language button in view (zh and en), map ≥ 40 % with dock + ranking, settings clear of the zoom buttons`, async () => {
      const { context, close } = await launch({ width, height: 768 });
      try {
        const page = context.pages()[0] ?? (await context.newPage());
        await page.goto(`${origin}/`, { timeout: 120_000 });
        await ready(page);
        for (const lang of ['zh', 'en']) {
          const lb = await box(page, '[data-testid="lang-switch"]');
          expect(await page.getByTestId('lang-switch').isVisible()).toBe(true);
          expect(lb.x, lang).toBeGreaterThanOrEqual(0);
          expect(lb.x + lb.width, lang).toBeLessThanOrEqual(width);
          expect(lb.y + lb.height, lang).toBeLessThanOrEqual(768);
          // nothing in the header spills past the window's right edge
          const header = await page.locator('.app-header').evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
          expect(header.scroll, lang).toBeLessThanOrEqual(header.client);
          // the overview's coverage chart fits its panel: the percentages at the bars' right stay in view
          const chart = await box(page, '[data-testid="coverage-chart"] svg');
          expect(chart.x + chart.width, lang).toBeLessThanOrEqual(width);
          if (lang === 'zh') {
            await page.getByTestId('lang-switch').click();
            await page.waitForFunction(() => document.documentElement.lang === 'en');
          }
        }
        await page.screenshot({ path: join(artefactDir(), `layout-${width}-en.png`) });
        await page.getByTestId('lang-switch').click();
        await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');

        // dock + ranking open: the strip of map right of the dock keeps ≥ 40 % of the width
        await page.getByTestId('blueprint-toggle').click();
        await page.getByTestId('blueprint-dock').waitFor({ timeout: 30_000 });
        await page.getByTestId('ranking-toggle').click();
        await page.locator('.ranking').waitFor({ timeout: 30_000 });
        const wrap = await box(page, '.map-wrap');
        const dock = await box(page, '[data-testid="blueprint-dock"]');
        const ranking = await box(page, '.ranking');
        const mapLeft = Math.max(wrap.x, dock.x + dock.width);
        expect(wrap.x + wrap.width - mapLeft).toBeGreaterThanOrEqual(0.4 * width);
        expect(overlaps(dock, ranking)).toBe(false);
        expect(ranking.x + ranking.width).toBeLessThanOrEqual(wrap.x + wrap.width);
        // the control panel has folded to its rail: the distance modes stay in view and usable
        const panel = await box(page, '[data-testid="control-panel"]');
        expect(await page.getByTestId('control-fold').getAttribute('aria-expanded')).toBe('false');
        for (const m of ['euclidean', 'network', 'effort']) {
          const b = await box(page, `[data-testid="distance-mode"] [data-mode="${m}"]`);
          expect(b.x, m).toBeGreaterThanOrEqual(panel.x);
          expect(b.x + b.width, m).toBeLessThanOrEqual(panel.x + panel.width + 0.5);
          expect(b.y + b.height, m).toBeLessThanOrEqual(768);
          expect(await page.locator(`[data-testid="distance-mode"] [data-mode="${m}"]`).isEnabled(), m).toBe(true);
          // nothing covers the button: the element at its centre is the button (or its text)
          const hit = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('[data-mode]')?.getAttribute('data-mode') ?? null, {
            x: b.x + b.width / 2,
            y: b.y + b.height / 2,
          });
          expect(hit, m).toBe(m);
        }
        await page.screenshot({ path: join(artefactDir(), `layout-${width}-dock-ranking.png`) });
        // the planner's » unfolds the full panel (keyboard: focus and Enter), « folds it again
        await page.getByTestId('control-fold').focus();
        await page.keyboard.press('Enter');
        await page.getByTestId('service-select').waitFor();
        expect(await page.getByTestId('control-fold').getAttribute('aria-expanded')).toBe('true');
        await page.screenshot({ path: join(artefactDir(), `layout-${width}-dock-unfolded.png`) });
        await page.keyboard.press('Enter');
        await page.getByTestId('service-select').waitFor({ state: 'detached' });
        await page.getByTestId('ranking-toggle').click();
        await page.getByTestId('blueprint-toggle').click();

        // the settings dialog leaves the zoom buttons free
        await page.getByRole('button', { name: '设置' }).click();
        await page.getByTestId('settings').waitFor();
        const zoom = await box(page, '.maplibregl-ctrl-group');
        expect(overlaps(await box(page, '[data-testid="settings"]'), zoom)).toBe(false);
        await page.screenshot({ path: join(artefactDir(), `layout-${width}-settings.png`) });
      } finally {
        await close();
      }
    }, 300_000);
  }

  it('opening a package without rejected rows: a badge on 数据检查, no dialog over the map', async () => {
    const { context, close } = await launch({ width: 1024, height: 768 });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(`${origin}/`, { timeout: 120_000 });
      await ready(page);
      const dir = join(ROOT, 'test', 'fixtures', 'tiny'); // no rejected rows; one note (buildings in no community)
      const files = readdirSync(dir)
        .filter((f) => statSync(join(dir, f)).isFile())
        .map((f) => join(dir, f));
      await page.getByTestId('files-input').setInputFiles(files);
      const badge = page.getByTestId('data-check-badge');
      await badge.waitFor({ timeout: 60_000 });
      expect(await badge.textContent()).toBe('1');
      expect(await page.getByTestId('data-check').count()).toBe(0);
      await page.screenshot({ path: join(artefactDir(), 'layout-badge.png') });
      await page.getByTestId('data-check-open').click();
      await page.getByTestId('data-check').waitFor();
      expect((await page.locator('[data-testid="data-notes"] li').allTextContents()).some((n) => /栋楼不在任何社区范围内/.test(n))).toBe(true);
    } finally {
      await close();
    }
  }, 300_000);
});

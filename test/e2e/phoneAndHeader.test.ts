/**
 * Layouts as users see them: the public view (`?view=public`) on a phone, 390 × 844 — the map
 * first, the service chooser and legend in a sheet opened by a labelled button, reachable by
 * keyboard, no WCAG 2.1 AA violation (axe-core) — and the planner's header in one row on a
 * district planner's 1366 × 768 screen (and at 1024 and 1440 px), in Chinese and English.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { artefactDir, boxOf, hasChromium, launch, mapReady, ROOT, startServer } from './harness';
import { axeViolations } from './axe';

const hasSample = existsSync(join(ROOT, 'data', 'sample', 'manifest.json'));
const ready = (page: Page) => mapReady(page);
const box = (page: Page, selector: string) => boxOf(page, selector);

/** Press Tab until `testId` has the focus; the number of presses, or -1 after `max`. */
async function tabTo(page: Page, testId: string, max = 40): Promise<number> {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((id) => document.activeElement?.getAttribute('data-testid') === id, testId)) return i;
  }
  return -1;
}

describe.skipIf(!hasChromium || !hasSample)('layouts as users see them (public view on a phone, planner header at 1024–1440 px)', () => {
  let server: ViteDevServer;
  let origin = '';
  beforeAll(async () => {
    ({ server, origin } = await startServer());
  });
  afterAll(async () => {
    await server?.close();
  });

  it('390 × 844, ?view=public: the map fills the first screen, the sheet opens from a labelled button by keyboard, WCAG 2.1 AA', async () => {
    const W = 390;
    const H = 844;
    const { context, close } = await launch({ width: W, height: H });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      for (const lang of ['zh', 'en'] as const) {
        await page.goto(`${origin}/?view=public${lang === 'en' ? '&lang=en' : ''}`, { timeout: 120_000 });
        await ready(page);
        // the map first: at least half the screen's height, inside the first screen
        const map = await box(page, '[data-testid="map"]');
        expect(map.height, lang).toBeGreaterThanOrEqual(0.5 * H);
        expect(map.width, lang).toBe(W);
        expect(map.y + map.height, lang).toBeLessThanOrEqual(H);
        // the panels are in the closed sheet: nothing of them shows, no sideways scrolling
        expect(await page.getByTestId('service-select').isVisible(), lang).toBe(false);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), lang).toBeLessThanOrEqual(W);
        // the header: brand, 更多, language and the search, all inside the screen
        for (const id of ['header-more', 'lang-switch']) {
          const b = await box(page, `[data-testid="${id}"]`);
          expect(b.x + b.width, `${lang} ${id}`).toBeLessThanOrEqual(W);
          expect(b.height, `${lang} ${id}`).toBeGreaterThanOrEqual(44); // a finger's target
        }
        const toggle = page.getByTestId('phone-sheet-toggle');
        expect(await toggle.textContent(), lang).toContain(lang === 'zh' ? '服务、图例与详情' : 'Services, legend and details');
        expect(await toggle.getAttribute('aria-expanded'), lang).toBe('false');
        const tb = await box(page, '[data-testid="phone-sheet-toggle"]');
        expect(tb.y + tb.height, lang).toBeLessThanOrEqual(H);
        expect(tb.height, lang).toBeGreaterThanOrEqual(44);
        await page.screenshot({ path: join(artefactDir(), `phone-public-390-${lang}.png`) });
        expect(await axeViolations(page), lang).toEqual([]);

        // keyboard: Tab reaches the sheet's button; Enter opens it; Tab goes on into the service chooser
        await page.locator('body').focus();
        expect(await tabTo(page, 'phone-sheet-toggle'), lang).toBeGreaterThan(0);
        await page.keyboard.press('Enter');
        await page.getByTestId('service-select').waitFor({ timeout: 30_000 });
        expect(await toggle.getAttribute('aria-expanded'), lang).toBe('true');
        expect(await tabTo(page, 'service-select', 5), lang).toBeGreaterThan(0);
        // the open sheet leaves part of the map in view and scrolls inside itself
        const sheet = await box(page, '[data-testid="phone-sheet-body"]');
        expect(sheet.y, lang).toBeGreaterThan(map.y + 0.15 * H);
        expect(await page.locator('[data-testid="phone-sheet-body"] .legend').count(), lang).toBe(1);
        await page.screenshot({ path: join(artefactDir(), `phone-public-390-open-${lang}.png`) });
        expect(await axeViolations(page), lang).toEqual([]);
        // the public view keeps its filtering: no candidate sites layer switch, no planner buttons, no data check (it lists rows of the package's own files)
        expect(await page.locator('[data-layer="candidates"]').count(), lang).toBe(0);
        for (const id of ['open-folder', 'import-open', 'publish-open', 'blueprint-toggle', 'pilots-toggle', 'project-menu', 'data-check-open']) {
          expect(await page.getByTestId(id).count(), `${lang} ${id}`).toBe(0);
        }
        // Escape closes the sheet and gives the focus back to its button
        await page.keyboard.press('Escape');
        await page.getByTestId('service-select').waitFor({ state: 'hidden', timeout: 30_000 });
        expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), lang).toBe('phone-sheet-toggle');
      }
      // text at 200 % (the browser's text size doubled: the layout is in rem): the header wraps but
      // nothing leaves the screen sideways; the map keeps a third of the screen; the sheet still opens
      await page.evaluate(() => document.documentElement.style.setProperty('font-size', '200%'));
      await page.waitForFunction(() => getComputedStyle(document.documentElement).fontSize === '32px');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(W);
      const big = await box(page, '[data-testid="map"]');
      expect(big.height).toBeGreaterThanOrEqual(H / 3);
      const bigToggle = await box(page, '[data-testid="phone-sheet-toggle"]');
      expect(bigToggle.y + bigToggle.height).toBeLessThanOrEqual(H);
      expect(bigToggle.height).toBeGreaterThanOrEqual(88); // 2.75rem at 32 px
      await page.getByTestId('phone-sheet-toggle').click();
      await page.getByTestId('service-select').waitFor({ timeout: 30_000 });
      const sel = await box(page, '[data-testid="service-select"]');
      expect(sel.x + sel.width).toBeLessThanOrEqual(W);
      await page.screenshot({ path: join(artefactDir(), 'phone-public-390-text200.png') });
    } finally {
      await close();
    }
  }, 600_000);

  for (const [width, height] of [
    [1366, 768],
    [1024, 768],
    [1440, 900],
  ] as const) {
    it(`${width} × ${height}: the planner's header is one row (zh and en), every control in view and labelled; the 文件 menu holds the file actions`, async () => {
      const { context, close } = await launch({ width, height });
      try {
        const page = context.pages()[0] ?? (await context.newPage());
        for (const lang of ['zh', 'en'] as const) {
          await page.goto(`${origin}/${lang === 'en' ? '?lang=en' : ''}`, { timeout: 120_000 });
          await ready(page);
          const header = await box(page, '.app-header');
          const control = await box(page, '[data-testid="ranking-toggle"]');
          // one row: the header is no taller than one control plus its padding (two rows would be ≥ 2 controls)
          expect(header.height, lang).toBeLessThan(2 * control.height);
          const controls = await page.locator('.app-header > *:not(.spacer)').evaluateAll((els) =>
            els.map((e) => {
              const r = e.getBoundingClientRect();
              return { cls: e.className, top: r.top, bottom: r.bottom, right: r.right };
            }),
          );
          for (const c of controls) {
            expect(c.bottom, `${lang} ${c.cls}`).toBeLessThanOrEqual(header.y + header.height);
            expect(c.right, `${lang} ${c.cls}`).toBeLessThanOrEqual(width);
          }
          // every button of the header has a name (its text or aria-label)
          const unnamed = await page
            .locator('.app-header button')
            .evaluateAll((els) => els.filter((b) => !(b.getAttribute('aria-label') || b.textContent || '').trim()).length);
          expect(unnamed, lang).toBe(0);
          await page.screenshot({ path: join(artefactDir(), `header-${width}-${lang}.png`) });
          // the 文件 menu: keyboard opens it, its buttons are in view, Escape closes it
          await page.getByTestId('header-file').focus();
          await page.keyboard.press('Enter');
          await page.getByTestId('publish-open').waitFor({ timeout: 30_000 });
          expect(await page.getByTestId('header-file').getAttribute('aria-expanded'), lang).toBe('true');
          for (const id of ['open-folder', 'import-open', 'publish-open', 'copy-link']) {
            const b = await box(page, `[data-testid="${id}"]`);
            expect(b.x, `${lang} ${id}`).toBeGreaterThanOrEqual(0);
            expect(b.x + b.width, `${lang} ${id}`).toBeLessThanOrEqual(width);
          }
          await page.screenshot({ path: join(artefactDir(), `header-${width}-${lang}-file.png`) });
          await page.keyboard.press('Escape');
          await page.getByTestId('publish-open').waitFor({ state: 'hidden', timeout: 30_000 });
          expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), lang).toBe('header-file');
        }
      } finally {
        await close();
      }
    }, 600_000);
  }
});

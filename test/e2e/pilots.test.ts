import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { artefactDir, hasChromium, launch, ROOT, startServer } from './harness';

const hasSample = existsSync(join(ROOT, 'data', 'sample', 'pilots.csv'));
const shot = (page: Page, name: string) => page.screenshot({ path: join(artefactDir(), `pilots-${name}.png`) });

describe.skipIf(!hasChromium || !hasSample)('试点: the programme dashboard follows an edit', () => {
  let server: ViteDevServer;
  let origin = '';
  let page: Page;
  let closeBrowser: () => Promise<void>;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    ({ server, origin } = await startServer());
    const b = await launch({ width: 1366, height: 768 });
    closeBrowser = b.close;
    page = b.context.pages()[0] ?? (await b.context.newPage());
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });

  afterAll(async () => {
    await closeBrowser?.();
    await server?.close();
  });

  const count = async (stage: number) => Number(await page.getByTestId(`stage-count-${stage}`).textContent());

  it('moves one pilot one stage on and the stage counts change by exactly one', async () => {
    await page.goto(`${origin}/`, { timeout: 120_000 }); // a cold dev server on a shared machine
    await page.waitForFunction(() => (window as unknown as { __yulintuIdle?: number }).__yulintuIdle, null, { timeout: 120_000 });
    await page.getByTestId('pilots-toggle').click();
    const panel = page.getByTestId('pilots-panel');
    await panel.getByTestId('stage-count-7').waitFor({ timeout: 60_000 });
    // the sample's pilots.csv: 17 rows, one removed (invented, docs/PILOTS.md section 7)
    expect(await panel.getByTestId('pilots-count-pilots').textContent()).toBe('17');
    expect(await panel.getByTestId('pilots-count-removed').textContent()).toBe('1');
    await shot(page, 'overview');

    const before7 = await count(7);
    const before8 = await count(8);
    const startedBefore = await panel.getByTestId('pilots-count-started').textContent();
    expect(before7).toBeGreaterThan(0);

    // 500103005010 is at stage 7 (construction) in the sample
    await panel.locator('[data-tab="list"]').click();
    const row = panel.locator('[data-testid="pilots-list"] tr[data-id="500103005010"]');
    expect(await row.getByTestId('pilot-stage').textContent()).toMatch(/^7 /);
    await shot(page, 'list');
    await row.getByTestId('advance-stage').click();
    await page.waitForFunction(
      () => /^8 /.test(document.querySelector('[data-testid="pilots-list"] tr[data-id="500103005010"] [data-testid="pilot-stage"]')?.textContent ?? ''),
      null,
      { timeout: 30_000 },
    );

    await panel.locator('[data-tab="overview"]').click();
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid="stage-count-7"]')?.textContent) === n, before7 - 1, { timeout: 30_000 });
    expect(await count(7)).toBe(before7 - 1);
    expect(await count(8)).toBe(before8 + 1);
    expect(await panel.getByTestId('pilots-count-started').textContent()).toBe(startedBefore);
    expect(await panel.getByText('已修改（未保存到文件）').count()).toBe(1);

    // the exported pilots.csv carries the edit
    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByTestId('export-pilots').click()]);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(
      text
        .split(/\r\n/)
        .find((l) => l.startsWith('500103005010,'))
        ?.split(',')[3],
    ).toBe('8');
  }, 240_000); // the first map of the sample in software WebGL, on a shared machine

  it('the community panel shows the pilot’s timeline, flags and the plan’s layers', async () => {
    await page.evaluate(() => {
      const app = (window as unknown as { __yulintu: { getState(): { set(p: object): void } } }).__yulintu;
      app.getState().set({ selection: { kind: 'community', id: '500103001015' } });
    });
    const timeline = page.getByTestId('pilot-timeline');
    await timeline.waitFor({ timeout: 30_000 });
    expect(await timeline.getAttribute('data-stage')).toBe('8');
    await shot(page, 'timeline');
    await page.getByTestId('pilots-panel').locator('[data-tab="layers"]').click();
    await page.getByTestId('landing-table').waitFor();
    expect(await page.getByTestId('landing-table').locator('tbody tr').count()).toBe(5);
    await shot(page, 'layers');
    await page.getByTestId('pilots-panel').locator('[data-tab="propose"]').click();
    await page.getByTestId('propose-run').click();
    await page.getByTestId('proposal-list').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('proposal-list').locator('tbody tr').count()).toBe(10);
    await shot(page, 'propose');

    // the map without the panel: pilots by stage and landing points in the legend
    await page.getByTestId('pilots-panel').getByRole('button', { name: '关闭' }).click();
    const legend = page.locator('[data-legend="pilots"]');
    await legend.scrollIntoViewIfNeeded();
    expect(await legend.locator('li').count()).toBeGreaterThan(3);
    expect(await page.locator('[data-legend="landing"] li').count()).toBe(3); // drone, eVTOL, not reached
    await shot(page, 'map');
    expect(pageErrors).toEqual([]);
  });
});

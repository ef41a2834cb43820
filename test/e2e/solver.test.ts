import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { analyze, blueprint, createProvider, createScenarioContext, loadPackage, resolvePolicy, type BlueprintResult } from '../../src/engine/index';
import { hasChromium, ROOT, openSession, streetWithMostCandidates } from './harness';

const DATA_DIR = join(ROOT, 'data', 'sample');
const hasData = existsSync(join(DATA_DIR, 'roads.geojson'));
const FILES = ['manifest.json', 'communities.geojson', 'buildings.csv', 'facilities.csv', 'candidates.csv', 'roads.geojson', 'policy.json', 'water.geojson'];

/** The blueprint solver runs in a worker of its own: cancel terminates it, the engine worker keeps answering. */
describe.skipIf(!hasChromium || !hasData)('the blueprint solver worker in headless Chromium', () => {
  let origin = '';
  let closeBrowser: () => Promise<void>;
  let page: Page;
  let expected: BlueprintResult;
  let street: { district: string; name: string };
  let pageErrors: string[] = [];

  beforeAll(async () => {
    const files: Record<string, Uint8Array> = {};
    for (const f of FILES) if (existsSync(join(DATA_DIR, f))) files[f] = new Uint8Array(readFileSync(join(DATA_DIR, f)));
    const pkg = loadPackage(files);
    const policy = resolvePolicy(pkg);
    // Node's blueprint in 步行距离 (mode 'network', walking length), for the street with the most candidates.
    const provider = createProvider(pkg, 'network', policy, false);
    const analysis = analyze(pkg, { mode: 'network', policy, provider });
    street = streetWithMostCandidates(pkg);
    expected = await blueprint(createScenarioContext(pkg, analysis, provider), {
      scope: { district: street.district, street: street.name },
      maxSites: 3,
      timeLimitS: 10,
    });
    ({ origin, page, pageErrors, close: closeBrowser } = await openSession());
    await page.goto(`${origin}/?mode=network&map=15.00/29.55800/106.56500`);
    await page.waitForFunction(
      () => {
        const s = (window as unknown as { __yulintu: { getState(): { status: string; data?: { analysis: { mode: string } } } } }).__yulintu.getState();
        return s.status === 'ready' && s.data?.analysis.mode === 'network';
      },
      null,
      { timeout: 120_000, polling: 200 },
    );
    await page.waitForFunction(() => (window as unknown as { __yulintuIdle?: number }).__yulintuIdle, null, { timeout: 60_000 });
  }, 240_000);

  afterAll(async () => {
    await closeBrowser?.();
  });

  const solverWorkers = (p: Page) => p.workers().filter((w) => w.url().includes('solver.worker'));

  it('cancel terminates the solver worker mid-solve; the engine worker answers at once; a new blueprint runs and matches Node in 步行距离', async () => {
    await page.getByTestId('blueprint-toggle').click();
    await page.locator('[data-scope="all"]').click();
    await page.getByTestId('bp-max-sites').fill('10'); // the hardest of the whole-package runs tried: seconds of HiGHS
    await page.getByTestId('bp-time-limit').fill('60');
    await page.getByTestId('bp-run').click();
    await page.getByTestId('bp-solving').waitFor();
    await expect.poll(() => solverWorkers(page).length, { timeout: 10_000 }).toBe(1);

    // Cancel mid-solve (the fresh worker is still loading the package or solving): it is terminated.
    expect(await page.getByTestId('bp-solving').isVisible()).toBe(true);
    await page.getByTestId('bp-cancel').click();
    await expect.poll(() => solverWorkers(page).length, { timeout: 10_000 }).toBe(0);
    expect(await page.getByTestId('bp-solving').count()).toBe(0);
    expect(await page.getByTestId('bp-total-sites').count()).toBe(0); // the cancelled run left no result

    // The engine worker answers at once: "what can I reach from here" (a worker call) and a community click.
    await page.getByTestId('walk-tool').click();
    const map = (await page.getByTestId('map').boundingBox())!;
    const t0 = Date.now();
    await page.mouse.click(map.x + map.width * 0.8, map.y + map.height / 2);
    await page.getByTestId('reach-panel').waitFor({ timeout: 30_000 });
    console.log(`[solver e2e] walk from a point answered ${Date.now() - t0} ms after the click, after cancelling a blueprint`);
    await page.getByTestId('walk-tool').click();
    // A community click still selects at once, and a new blueprint (a fresh solver worker) runs.
    await page.mouse.click(map.x + map.width * 0.75, map.y + map.height * 0.4);
    await page.waitForFunction(
      () => (window as unknown as { __yulintu: { getState(): { selection: unknown } } }).__yulintu.getState().selection !== null,
      null,
      { timeout: 10_000 },
    );
    await page.locator('[data-scope="street"]').click();
    await page.getByTestId('bp-street').selectOption(`${street.district}\u0000${street.name}`);
    await page.getByTestId('bp-max-sites').fill('3');
    await page.getByTestId('bp-time-limit').fill('10');
    await page.getByTestId('bp-run').click();
    await page.getByTestId('bp-total-sites').waitFor({ timeout: 120_000 });
    // In 步行距离 the app's blueprint is Node's blueprint() with mode 'network'.
    const names = await page.getByTestId('bp-sites').locator('button').allTextContents();
    expect(names).toEqual(expected.sites.map((s) => s.name));
    expect(solverWorkers(page)).toHaveLength(1);
    expect(pageErrors).toEqual([]);
  }, 240_000);
});

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { analyze, createScenarioContext, evaluateScenario, scopeCommunities, type Scenario, type ScenarioSummary } from '../../src/engine/index';
import { openPackage, providerFor } from '../../src/worker/packageSession';
import { artefactDir, hasChromium, openSession, ROOT, streetWithMostCandidates, type BrowserSession } from './harness';

const DATA_DIR = join(ROOT, 'data', 'sample');

interface BpProbe {
  scenario: Scenario;
  history: Scenario[];
  slots: { A: { scenario: Scenario } | null };
  slotRuns: { A?: { summary: ScenarioSummary } };
  scenarioRun: { summary: ScenarioSummary } | null;
  runMode: string | null;
  run: { result: { sites: unknown[] } } | null;
}
const probe = (page: Page) =>
  page.evaluate(() => {
    const s = (window as unknown as { __yulintuBp: { getState: () => Record<string, unknown> } }).__yulintuBp.getState();
    return JSON.parse(
      JSON.stringify({
        scenario: s.scenario,
        history: s.history,
        slots: s.slots,
        slotRuns: {
          A: s.slotRuns && (s.slotRuns as { A?: { summary: unknown } }).A ? { summary: (s.slotRuns as { A: { summary: unknown } }).A.summary } : undefined,
        },
        scenarioRun: s.scenarioRun ? { summary: (s.scenarioRun as { summary: unknown }).summary } : null,
        runMode: s.runMode,
        run: s.run ? { result: { sites: (s.run as { result: { sites: unknown[] } }).result.sites } } : null,
      }),
    ) as BpProbe;
  });

describe.skipIf(!hasChromium || !existsSync(join(DATA_DIR, 'roads.geojson')))('switching the distance mode with a scenario open (issue 9 item 1)', () => {
  let b: BrowserSession;
  const files: Record<string, Uint8Array> = {};

  beforeAll(async () => {
    for (const f of readdirSync(DATA_DIR)) if (f.includes('.') && !f.endsWith('.md')) files[f] = new Uint8Array(readFileSync(join(DATA_DIR, f)));
    b = await openSession();
    await b.page.setViewportSize({ width: 1366, height: 768 });
    await b.page.goto(`${b.origin}/`, { timeout: 180_000 });
    b.page.setDefaultTimeout(120_000); // a shared 2-core machine: generous waits on conditions
    await b.page.waitForFunction(() => (window as unknown as { __yulintuReady?: number }).__yulintuReady, null, { timeout: 120_000 });
    await b.page.waitForFunction(() => (window as unknown as { __yulintuIdle?: number }).__yulintuIdle, null, { timeout: 300_000 });
  }, 600_000);

  afterAll(async () => {
    await b?.close();
  });

  it('blueprint → 从蓝图开始 → 存为方案 A → 步行体力: the scenario, its undo and slot A stay and are re-evaluated; the blueprint is marked and re-solves', async () => {
    const { page } = b;
    const s0 = openPackage('sample-e2e', files);
    const street = streetWithMostCandidates(s0.pkg);
    await page.getByTestId('blueprint-toggle').click();
    await page.locator('[data-scope="street"]').click();
    await page.getByTestId('bp-street').selectOption(`${street.district}\u0000${street.name}`);
    await page.getByTestId('bp-max-sites').fill('3');
    await page.getByTestId('bp-run').click();
    await page.getByTestId('bp-total-sites').waitFor({ timeout: 120_000 });
    await page.locator('[data-tab="scenario"]').click();
    await page.getByTestId('sc-from-blueprint').click();
    await page.getByTestId('scenario-summary').waitFor({ timeout: 60_000 });
    await page.getByTestId('sc-save-a').click();
    await page.waitForFunction(
      () => Boolean((window as unknown as { __yulintuBp: { getState: () => { slotRuns: { A?: unknown } } } }).__yulintuBp.getState().slotRuns.A),
      null,
      { timeout: 60_000 },
    );
    const before = await probe(page);
    expect(before.runMode).toBe('euclidean');
    expect(before.scenario.added!.length).toBe(before.run!.result.sites.length);
    expect(before.history).toHaveLength(1);

    await page.locator('[data-testid="distance-mode"] [data-mode="effort"]').click();
    await page.waitForFunction(
      () => {
        const app = (window as unknown as { __yulintu: { getState: () => { status: string; data: { effort?: boolean } | null } } }).__yulintu.getState();
        const bp = (window as unknown as { __yulintuBp: { getState: () => { scenarioRun: unknown; slotRuns: { A?: unknown } } } }).__yulintuBp.getState();
        return app.status === 'ready' && app.data?.effort === true && bp.scenarioRun !== null && bp.slotRuns.A !== undefined;
      },
      null,
      { timeout: 180_000 },
    );
    const after = await probe(page);
    expect(after.scenario).toEqual(before.scenario);
    expect(after.history).toEqual(before.history);
    expect(after.slots.A!.scenario).toEqual(before.slots.A!.scenario);
    expect(after.runMode).toBe('euclidean');
    expect(await page.locator('[data-testid="sc-added"] > li').count()).toBe(before.scenario.added!.length);
    expect(await page.getByTestId('sc-undo').isEnabled()).toBe(true);

    // The engine's own evaluation under walking effort, in Node.
    const s = openPackage('sample-e2e', files);
    const provider = providerFor(s, 'network', true);
    const analysis = analyze(s.pkg, { mode: 'network', policy: s.policy, effort: true, provider });
    const scope = scopeCommunities(s.pkg, { district: street.district, street: street.name });
    const direct = evaluateScenario(createScenarioContext(s.pkg, analysis, provider), after.scenario, { scope });
    expect(after.scenarioRun!.summary).toEqual(JSON.parse(JSON.stringify(direct.summary)));
    expect(after.slotRuns.A!.summary).toEqual(JSON.parse(JSON.stringify(direct.summary)));
    expect(after.scenarioRun!.summary).not.toEqual(before.scenarioRun!.summary);
    // The notice is where the planner is looking, still on 方案推演: at the top of the dock, in the
    // window and not covered by anything (the element at its centre and at its button is inside it).
    const notice = page.getByTestId('bp-stale');
    await notice.waitFor({ timeout: 60_000 });
    expect(await notice.getAttribute('data-solved-under')).toBe('euclidean');
    const vp = page.viewportSize()!;
    for (const el of [notice, page.getByTestId('bp-resolve')]) {
      const nb = (await el.boundingBox())!;
      expect(nb.x).toBeGreaterThanOrEqual(0);
      expect(nb.y).toBeGreaterThanOrEqual(0);
      expect(nb.x + nb.width).toBeLessThanOrEqual(vp.width);
      expect(nb.y + nb.height).toBeLessThanOrEqual(vp.height);
      const inside = await page.evaluate(({ x, y }) => Boolean(document.elementFromPoint(x, y)?.closest('[data-testid="bp-stale"]')), {
        x: nb.x + nb.width / 2,
        y: nb.y + nb.height / 2,
      });
      expect(inside).toBe(true);
    }
    // above the dock's scrolling body, under its tabs
    const tabsBox = (await page.locator('.bp-tabs').boundingBox())!;
    const bodyBox = (await page.locator('.bp-body').boundingBox())!;
    const nbox = (await notice.boundingBox())!;
    expect(nbox.y).toBeGreaterThanOrEqual(tabsBox.y + tabsBox.height - 1);
    expect(nbox.y + nbox.height).toBeLessThanOrEqual(bodyBox.y + 1);
    await page.screenshot({ path: join(artefactDir(), 'mode-switch-scenario.png') });

    // The blueprint tab: kept, marked as solved under 直线距离, with a re-solve button.
    await page.locator('[data-tab="blueprint"]').click();
    const stale = page.getByTestId('bp-stale');
    await stale.waitFor();
    expect(await stale.getAttribute('data-solved-under')).toBe('euclidean');
    expect(await stale.textContent()).toContain('此蓝图按“直线距离”求解，当前距离计算为“步行体力”');
    expect(await page.getByTestId('bp-total-sites').textContent()).toBe(String(before.run!.result.sites.length));
    await page.screenshot({ path: join(artefactDir(), 'mode-switch-blueprint.png') });
    await page.getByTestId('bp-resolve').click();
    await page.waitForFunction(
      () =>
        (window as unknown as { __yulintuBp: { getState: () => { runMode: string | null; running: boolean } } }).__yulintuBp.getState().runMode === 'effort',
      null,
      { timeout: 180_000 },
    );
    await stale.waitFor({ state: 'detached' });
    // Still the user's scenario: re-solving the blueprint does not touch the edits.
    expect((await probe(page)).scenario).toEqual(before.scenario);
  }, 900_000);

  it('throws no page error', () => {
    expect(b.pageErrors).toEqual([]);
  });
});

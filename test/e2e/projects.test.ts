/* eslint-disable @typescript-eslint/no-explicit-any -- the test hooks are untyped store handles */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { artefactDir, hasChromium, openSession, type BrowserSession } from './harness';

type Win = {
  __yulintu: { getState: () => Record<string, any> };
  __yulintuBp: { getState: () => Record<string, any> };
  __yulintuReady?: number;
  __yulintuIdle?: number;
};

const ready = (page: Page) =>
  page.waitForFunction(() => (window as unknown as Win).__yulintuReady && (window as unknown as Win).__yulintu.getState().status === 'ready', null, {
    timeout: 240_000,
  });
const app = (page: Page) =>
  page.evaluate(() => {
    const s = (window as unknown as Win).__yulintu.getState();
    return { service: s.service, selection: s.selection, selectLevel: s.selectLevel, rankingOpen: s.rankingOpen, status: s.status };
  });
const bp = (page: Page) =>
  page.evaluate(() => {
    const s = (window as unknown as Win).__yulintuBp.getState();
    const ids = (sc: { added?: { id?: string }[] } | undefined) => (sc?.added ?? []).map((a) => a.id);
    return { added: ids(s.scenario), history: s.history.length, slotA: ids(s.slots.A?.scenario), evaluated: s.scenarioRun !== null };
  });

describe.skipIf(!hasChromium)('work survives a reload; hostile links render', () => {
  let session: BrowserSession;
  let page: Page;
  beforeAll(async () => {
    session = await openSession();
    page = session.page;
    await page.setViewportSize({ width: 1366, height: 768 });
  }, 120_000);
  afterAll(async () => {
    await session?.close();
  });

  it('reloads mid-scenario and finds the scenario edits, undo, slot A, view settings and selection', async () => {
    await page.goto(`${session.origin}/`, { timeout: 180_000, waitUntil: 'commit' });
    await ready(page);
    const [c1, c2, community] = await page.evaluate(() => {
      const d = (window as unknown as Win).__yulintu.getState().data;
      return [d.candidates[0].id, d.candidates[1].id, d.communities.features[0].properties.id] as string[];
    });
    await page.evaluate(() => (window as unknown as Win).__yulintuBp.getState().set({ open: true, tab: 'scenario' }));
    for (const id of [c1, c2]) {
      await page.evaluate((cid) => (window as unknown as Win).__yulintu.getState().set({ selection: { kind: 'candidate', id: cid } }), id);
      await page.getByTestId('add-to-scenario').waitFor({ timeout: 60_000 });
      await page.getByTestId('add-to-scenario').click();
      await page.waitForFunction((cid) => (window as unknown as Win).__yulintuBp.getState().scenario.added?.some((a: { id: string }) => a.id === cid), id, {
        timeout: 60_000,
      });
    }
    await page.getByTestId('sc-save-a').click();
    await page.waitForFunction(() => (window as unknown as Win).__yulintuBp.getState().slots.A !== null, null, { timeout: 60_000 });
    await page.evaluate(
      (id) =>
        (window as unknown as Win).__yulintu
          .getState()
          .set({ service: 'childcare', selectLevel: 'street', rankingOpen: true, selection: { kind: 'community', id } }),
      community,
    );
    const before = { app: await app(page), bp: await bp(page) };
    expect(before.bp).toMatchObject({ added: [c1, c2], history: 2, slotA: [c1, c2] });
    // Kept: the 项目 button loses its "not yet kept" dot.
    await page.waitForFunction(() => !document.querySelector('[data-testid="project-menu"]')?.textContent?.includes('•'), null, { timeout: 60_000 });
    expect(page.url()).toMatch(/project=[a-z0-9]{16}/);
    expect(page.url()).toMatch(/pkg=/);

    await page.reload({ timeout: 180_000, waitUntil: 'commit' });
    await ready(page);
    await page.waitForFunction(() => (window as unknown as Win).__yulintuBp.getState().scenarioRun !== null, null, { timeout: 60_000 });
    expect(await app(page)).toEqual(before.app);
    expect(await bp(page)).toEqual({ added: [c1, c2], history: 2, slotA: [c1, c2], evaluated: true });
    await page.getByTestId('sc-summary-tab').or(page.getByTestId('sc-undo')).first().waitFor({ timeout: 60_000 });
    await page.screenshot({ path: join(artefactDir(), 'projects-after-reload.png') });
    await page.getByTestId('sc-undo').click();
    await page.waitForFunction(() => (window as unknown as Win).__yulintuBp.getState().scenario.added?.length === 1, null, { timeout: 60_000 });
    expect((await bp(page)).added).toEqual([c1]);
    expect(session.pageErrors).toEqual([]);
  }, 400_000);

  it.each(['?map=-5/95/200', '?map=1e308/1e308/1e308', '?map=NaN/x/y&sel=c:%00&walk=1e308,1&pkg=%0A'])(
    'opens the hostile link %s and the app renders',
    async (q) => {
      await page.goto(`${session.origin}/${q}`, { timeout: 180_000, waitUntil: 'commit' });
      await ready(page);
      await page.waitForFunction(() => (window as unknown as Win).__yulintuIdle, null, { timeout: 240_000 });
      await page.getByTestId('project-menu').waitFor();
      expect((await app(page)).status).toBe('ready');
      const cam = await page.evaluate(() => (window as unknown as Win).__yulintu.getState().camera);
      expect(cam === null || (Math.abs(cam.lat) <= 85.06 && cam.zoom >= 0 && cam.zoom <= 22)).toBe(true);
      await page.screenshot({ path: join(artefactDir(), `projects-hostile-${q.length}.png`) });
      expect(session.pageErrors).toEqual([]);
    },
    200_000,
  );
});

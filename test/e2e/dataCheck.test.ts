import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { artefactDir, hasChromium, ROOT, openSession } from './harness';

const FIXTURES = join(ROOT, 'test', 'fixtures');
const hasSample = existsSync(join(ROOT, 'data', 'sample', 'manifest.json'));
const topFiles = (dir: string) => readdirSync(dir).filter((f) => statSync(join(dir, f)).isFile());

type AppWindow = { __yulintu: { getState(): { data: { manifest: { name: string }; analysis: { summary: { buildings: number } } } | null; status: string } } };

describe.skipIf(!hasChromium || !hasSample)('opening a district’s own data: data check, load errors, drag and drop', () => {
  let origin = '';
  let closeBrowser: () => Promise<void>;
  let page: Page;
  let noBuildings = '';
  let sampleName = '';
  let requests: string[] = [];
  let pageErrors: string[] = [];

  beforeAll(async () => {
    // A folder like a planner's: tiny's files without buildings.csv, and a note that is no package file.
    noBuildings = mkdtempSync(join(tmpdir(), 'yulintu-no-buildings-'));
    for (const f of topFiles(join(FIXTURES, 'tiny'))) if (f !== 'buildings.csv') copyFileSync(join(FIXTURES, 'tiny', f), join(noBuildings, f));
    writeFileSync(join(noBuildings, '说明.txt'), '数据说明');
    mkdirSync(join(noBuildings, 'expected'));
    writeFileSync(join(noBuildings, 'expected', 'summary.json'), '{}');
    sampleName = (JSON.parse(readFileSync(join(ROOT, 'data', 'sample', 'manifest.json'), 'utf8')) as { name: string }).name;
    ({ origin, page, requests, pageErrors, close: closeBrowser } = await openSession());
  });

  afterAll(async () => {
    await closeBrowser?.();
    if (noBuildings) rmSync(noBuildings, { recursive: true, force: true });
  });

  const state = (p: Page) =>
    p.evaluate(() => {
      const s = (window as unknown as AppWindow).__yulintu.getState();
      return { name: s.data?.manifest.name, buildings: s.data?.analysis.summary.buildings, status: s.status };
    });

  it('a folder missing buildings.csv: the error names it in Chinese and English, the sample stays on the map', async () => {
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => (window as unknown as { __yulintuReady?: number }).__yulintuReady, null, { timeout: 90_000 });
    await page.waitForFunction(() => (window as unknown as { __yulintuIdle?: number }).__yulintuIdle, null, { timeout: 60_000 });
    const before = await state(page);
    expect(before.name).toBe(sampleName);

    await page.getByTestId('folder-input').setInputFiles(noBuildings);
    const dialog = page.getByTestId('load-error');
    await dialog.waitFor({ timeout: 60_000 });
    expect(await dialog.getAttribute('data-code')).toBe('E_MISSING_FILE');
    expect(await page.getByTestId('load-error-first').textContent()).toBe('缺少必需文件: buildings.csv');
    expect(await page.getByTestId('load-error-second').textContent()).toBe('Required file is missing: buildings.csv');
    expect(await page.getByTestId('load-error-kept').isVisible()).toBe(true);
    expect(await page.getByTestId('load-error-ignored').textContent()).toBe('以下文件不属于数据包约定，已忽略：说明.txt、expected/');
    // nothing lost: the sample is still the package on the map and in the header
    expect(await state(page)).toMatchObject({ name: sampleName, buildings: before.buildings, status: 'error' });
    expect(await page.locator('.package-name').textContent()).toBe(sampleName);
    await page.screenshot({ path: join(artefactDir(), 'data-load-error.png') });
    await dialog.getByRole('button', { name: '关闭' }).click();
    expect(await page.getByTestId('load-error').count()).toBe(0);
    expect(await state(page)).toMatchObject({ name: sampleName, status: 'ready' });

    // a later mode switch re-runs the package on the map, not the folder that failed
    const mode = page.getByTestId('distance-mode');
    await mode.locator('[data-mode="network"]').click();
    await page.waitForFunction(
      () => {
        const s = (
          window as unknown as { __yulintu: { getState(): { status: string; data: { analysis: { summary: { mode: string } } } | null } } }
        ).__yulintu.getState();
        return s.status !== 'loading' && s.data?.analysis.summary.mode === 'network';
      },
      null,
      { timeout: 90_000 },
    );
    expect(await page.getByTestId('load-error').count()).toBe(0);
    expect(await state(page)).toMatchObject({ name: sampleName, status: 'ready' });
    await mode.locator('[data-mode="euclidean"]').click();
    await page.waitForFunction(() => (window as unknown as { __yulintu: { getState(): { status: string } } }).__yulintu.getState().status === 'ready', null, {
      timeout: 60_000,
    });
  });

  it('the bad-rows fixture through the file input: the data check opens with the counts per file and the 23 rows', async () => {
    const dir = join(FIXTURES, 'bad-rows');
    await page.getByTestId('files-input').setInputFiles(topFiles(dir).map((f) => join(dir, f)));
    const dialog = page.getByTestId('data-check');
    await dialog.waitFor({ timeout: 60_000 });
    const counts = await page.$$eval('[data-testid="file-counts"] tbody tr', (rows) =>
      rows.map((r) => [
        (r as HTMLElement).dataset.file,
        r.querySelector('[data-testid="accepted"]')!.textContent,
        r.querySelector('[data-testid="rejected"]')!.textContent,
      ]),
    );
    expect(counts).toEqual([
      ['communities.geojson', '3', '4'],
      ['buildings.csv', '3', '10'],
      ['facilities.csv', '2', '6'],
      ['candidates.csv', '1', '3'],
    ]);
    expect(await page.getByTestId('rejected-total').textContent()).toBe('23');
    expect(await page.locator('[data-testid="rejected-rows"] tbody tr').count()).toBe(23);
    const row9 = page.locator('[data-testid="rejected-rows"] tr[data-file="buildings.csv"][data-row="9"] td');
    expect(await row9.allTextContents()).toEqual(['buildings.csv', '9', 'b8', 'community_id', 'community_id 不对应任何社区']);
    expect(await page.locator('.package-name').textContent()).toBe('every kind of bad row');
    expect(await page.locator('img').count()).toBe(0);
    await page.screenshot({ path: join(artefactDir(), 'data-check.png') });

    // filter, then close; the header button (now a button) opens it again
    await page.getByTestId('rejected-filter').selectOption('candidates.csv');
    expect(await page.locator('[data-testid="rejected-rows"] tbody tr').count()).toBe(3);
    await dialog.getByRole('button', { name: '关闭' }).last().click();
    expect(await dialog.count()).toBe(0);
    const open = page.getByTestId('data-check-open');
    expect(await open.textContent()).toBe('23 行数据被剔除 · 查看');
    await open.click();
    await dialog.waitFor();
    const download = page.waitForEvent('download');
    await page.getByTestId('download-rejected').click();
    const dl = await download;
    expect(dl.suggestedFilename()).toMatch(/^渝邻图_被剔除的行_\d{4}-\d{2}-\d{2}\.csv$/);
    const text = readFileSync((await dl.path())!, 'utf8');
    const cli = readFileSync(join(dir, 'expected', 'rejected.csv'), 'utf8');
    // the header in the UI language, every row as the command line writes it
    expect(text.split('\r\n')[0]).toBe('\ufeff文件,行号,id,字段,原因');
    expect(text.split('\r\n').slice(1)).toEqual(cli.split('\r\n').slice(1));
    await page.keyboard.press('Escape');
    expect(await dialog.count()).toBe(0);
  });

  it('a package dropped on the map takes the same path; files outside the contract are ignored with a note', async () => {
    const dir = join(FIXTURES, 'tiny');
    const files = topFiles(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')] as [string, string]);
    files.push(['README.md', '# not a package file']);
    const dt = await page.evaluateHandle((list) => {
      const t = new DataTransfer();
      for (const [name, body] of list) t.items.add(new File([body], name));
      return t;
    }, files);
    const map = page.locator('.map-wrap');
    await map.dispatchEvent('dragenter', { dataTransfer: dt });
    expect(await page.getByTestId('data-drop').isVisible()).toBe(true);
    await map.dispatchEvent('drop', { dataTransfer: dt });
    const dialog = page.getByTestId('data-check');
    // tiny has buildings in no community (a note) and README.md is ignored: no rejected rows, so
    // a badge on 数据检查 (two notes), not the dialog over the map
    const badge = page.getByTestId('data-check-badge');
    await badge.waitFor({ timeout: 60_000 });
    expect(await badge.textContent()).toBe('2');
    expect(await dialog.count()).toBe(0);
    await page.getByTestId('data-check-open').click();
    await dialog.waitFor();
    expect(await page.getByTestId('data-drop').count()).toBe(0);
    const tinyName = (JSON.parse(files.find(([n]) => n === 'manifest.json')![1]) as { name: string }).name;
    expect(await page.locator('.package-name').textContent()).toBe(tinyName);
    const notes = await page.locator('[data-testid="data-notes"] li').allTextContents();
    expect(notes).toContain('以下文件不属于数据包约定，已忽略：README.md');
    expect(notes.some((n) => /栋楼不在任何社区范围内/.test(n))).toBe(true);
    await page.keyboard.press('Escape');
  });

  it('no request leaves localhost, and the page raised no error', () => {
    const outside = requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

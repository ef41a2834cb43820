/**
 * 发布公众地图 in the planner: click the header button on the sample, download the zip, check it
 * holds exactly what `npm run cli -- publish` writes for the same inputs (byte for byte), unzip
 * it, serve it with a plain static server and see the public map render.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPublish } from '../../scripts/commands/publish';
import { listFiles } from '../../scripts/lib/publicBundle';
import { artefactDir, hasChromium, launch, openSession, ROOT, type BrowserSession } from './harness';
import { serveStatic } from './staticServer';

describe.skipIf(!hasChromium)('发布公众地图: header button → zip → static site', () => {
  let work: string;
  let cliDir: string;
  let s: BrowserSession;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'yl-pubbtn-e2e-'));
    cliDir = join(work, 'cli-site');
    // the CLI's site for the same inputs (builds dist-public/ when missing, which the dev server then serves)
    await runPublish(['--data', join(ROOT, 'data/sample'), '--out', cliDir, '--title', '示例区社区服务地图']);
    s = await openSession();
  }, 240_000);

  afterAll(async () => {
    await s?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('downloads the same site as the CLI, and it renders from a plain static server', async () => {
    const { page, origin } = s;
    await page.goto(`${origin}/`, { timeout: 120_000, waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => (window as unknown as { __yulintuReady?: number }).__yulintuReady, null, { timeout: 180_000 });
    expect(s.pageErrors).toEqual([]);
    try {
      await page.locator('[data-testid="publish-open"]').waitFor({ state: 'attached', timeout: 120_000 });
    } finally {
      await page.screenshot({ path: join(artefactDir(), 'publish-header.png') });
    }
    await page.click('[data-testid="header-file"]'); // 发布公众地图 is in the header's 文件 menu
    await page.click('[data-testid="publish-open"]');
    const dialog = page.locator('[data-testid="publish-dialog"]');
    await dialog.waitFor({ timeout: 10_000 });
    await expect(dialog.locator('h2').textContent()).resolves.toBe('发布公众服务地图');
    await page.fill('[data-testid="publish-title"]', '示例区社区服务地图');
    await page.screenshot({ path: join(artefactDir(), 'publish-dialog.png') });
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.click('[data-testid="publish-run"]')]);
    expect(download.suggestedFilename()).toBe('yulintu-public-map.zip');
    const zipPath = join(work, 'site.zip');
    await download.saveAs(zipPath);
    await page.locator('[data-testid="publish-done"]').waitFor({ timeout: 60_000 });

    const zipped = unzipSync(new Uint8Array(readFileSync(zipPath)));
    const cli = listFiles(cliDir);
    expect(Object.keys(zipped).sort()).toEqual([...cli].sort());
    expect(cli).toEqual(expect.arrayContaining(['index.html', 'sw.js', 'data/site.json', 'data/facilities.json']));
    for (const f of cli) expect(Buffer.from(zipped[f]).equals(readFileSync(join(cliDir, f))), f).toBe(true);

    // unzip and serve as a district's web server would
    const site = join(work, 'unzipped');
    for (const [f, bytes] of Object.entries(zipped)) {
      mkdirSync(dirname(join(site, f)), { recursive: true });
      writeFileSync(join(site, f), bytes);
    }
    const srv = await serveStatic(site);
    const { context, close } = await launch({ width: 375, height: 740 });
    try {
      const pub = context.pages()[0] ?? (await context.newPage());
      await pub.goto(`${srv.origin}/`, { timeout: 120_000 });
      await pub.waitForSelector('body[data-ready="1"]', { timeout: 90_000 });
      await expect(pub.locator('h1').textContent()).resolves.toBe('示例区社区服务地图');
      await expect(pub.locator('#synthetic').textContent()).resolves.toContain('合成数据');
      expect(await pub.locator('canvas.maplibregl-canvas').count()).toBe(1);
      await pub.screenshot({ path: join(artefactDir(), 'publish-button-site.png') });
    } finally {
      await close();
      await srv.close();
    }
  }, 300_000);
});

/**
 * Benchmark (run by hand, once): a seeded 1M-row office buildings CSV (GBK, Chinese headers)
 * through the map's 导入数据 wizard in headless Chromium: time from picking the file to the
 * mapping preview (inspect in the import worker) and from 导入 to the report (importPackage in
 * the worker), and the longest main-thread task meanwhile (the page stays responsive).
 *   npx tsx scripts/bench-import-wizard.ts [--rows 1000000]
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mulberry32 } from '../src/engine/index';
import { encodeGbk } from '../test/helpers/gbk';
import { openSession } from '../test/e2e/harness';

const i = process.argv.indexOf('--rows');
const rows = i > 0 ? Number(process.argv[i + 1]) : 1_000_000;
const rng = mulberry32(10);
const lines = ['楼栋编号,楼栋名称,经度,纬度,户数（户）,层数,所属街道'];
for (let k = 0; k < rows; k++)
  lines.push(
    `LD${k},${k % 500}号楼,${(106.4 + rng() * 0.3).toFixed(7)},${(29.45 + rng() * 0.2).toFixed(7)},${Math.floor(rng() * 200)},${1 + Math.floor(rng() * 33)},解放碑街道`,
  );
const dir = mkdtempSync(join(tmpdir(), 'yl-bench-wizard-'));
const file = join(dir, '楼栋.csv');
writeFileSync(file, encodeGbk(lines.join('\r\n') + '\r\n'));

const s = await openSession();
try {
  const { page, origin } = s;
  await page.goto(`${origin}/`, { timeout: 120_000, waitUntil: 'domcontentloaded' });
  await page.getByTestId('import-open').waitFor({ timeout: 300_000 });
  await page.evaluate(() => {
    const w = window as unknown as { __longest: number };
    w.__longest = 0;
    new PerformanceObserver((l) => l.getEntries().forEach((e) => (w.__longest = Math.max(w.__longest, e.duration)))).observe({
      type: 'longtask',
      buffered: false,
    });
  });
  await page.getByTestId('import-open').click();
  let t0 = Date.now();
  await page.getByTestId('import-input').setInputFiles(file);
  await page.getByTestId('mapping-楼栋.csv').waitFor({ timeout: 600_000 });
  const inspectMs = Date.now() - t0;
  const longInspect = await page.evaluate(() => (window as unknown as { __longest: number }).__longest);
  await page.evaluate(() => ((window as unknown as { __longest: number }).__longest = 0));
  t0 = Date.now();
  await page.getByTestId('import-run').click();
  await page.getByTestId('import-report').waitFor({ timeout: 600_000 });
  const importMs = Date.now() - t0;
  const longImport = await page.evaluate(() => (window as unknown as { __longest: number }).__longest);
  const total = await page.getByTestId('import-total').textContent();
  console.log(JSON.stringify({ rows, inspectMs, longestTaskDuringInspectMs: longInspect, importMs, longestTaskDuringImportMs: longImport, total }));
} finally {
  await s.close();
}

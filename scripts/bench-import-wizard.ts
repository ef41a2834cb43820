/**
 * Benchmark (run by hand, once): a 1M-row office buildings CSV (GBK, CRLF, Chinese headers)
 * through the map's 导入数据 wizard in headless Chromium: time from picking the file to the
 * mapping preview (inspect in the import worker) and from 导入 to the report (importPackage in
 * the worker), and the longest main-thread task and script meanwhile (the page stays responsive);
 * the file is picked twice, the second time with the import worker already running.
 *
 * The CSV is derived from the generated city package's buildings.csv when it is there
 * (`npm run generate-sample -- --city --out data/generated/city1m`; its contract columns
 * become 楼栋编号, 经度, 纬度, 户数（户）, 所属社区代码 with a 楼栋名称 and 层数 added), else
 * written from a seeded generator; either way into a temporary directory, never the repo.
 * Load average is printed with the figures: the machine is shared.
 * Then (unless --no-node) the engine's CPU seconds on the same file in Node, for steadier figures.
 *   npx tsx scripts/bench-import-wizard.ts [--rows 1000000] [--from data/generated/city1m/buildings.csv] [--no-node]
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { importPackage, inspectSource, mulberry32 } from '../src/engine/index';
import { encodeGbk } from '../test/helpers/gbk';
import { openSession, ROOT } from '../test/e2e/harness';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const rows = Number(arg('--rows') ?? 1_000_000);
const from = arg('--from') ?? join(ROOT, 'data/generated/city1m/buildings.csv');

/** Office-style lines from a contract buildings.csv (id,lon,lat,households,community_id …), the first `rows` of them. */
function fromPackage(path: string): string[] {
  const src = readFileSync(path, 'utf8').split(/\r?\n/);
  const head = src[0].split(',');
  const col = (n: string) => head.indexOf(n);
  const [id, lon, lat, hh, cid] = ['id', 'lon', 'lat', 'households', 'community_id'].map(col);
  const lines = ['楼栋编号,楼栋名称,经度,纬度,户数（户）,层数,所属社区代码'];
  for (let k = 1; k < src.length && lines.length <= rows; k++) {
    if (src[k] === '') continue;
    const c = src[k].split(',');
    lines.push(`${c[id]},${k % 500}号楼,${c[lon]},${c[lat]},${c[hh]},${1 + (k % 33)},${cid >= 0 ? (c[cid] ?? '') : ''}`);
  }
  return lines;
}

function seeded(): string[] {
  const rng = mulberry32(10);
  const lines = ['楼栋编号,楼栋名称,经度,纬度,户数（户）,层数,所属街道'];
  for (let k = 0; k < rows; k++)
    lines.push(
      `LD${k},${k % 500}号楼,${(106.4 + rng() * 0.3).toFixed(7)},${(29.45 + rng() * 0.2).toFixed(7)},${Math.floor(rng() * 200)},${1 + Math.floor(rng() * 33)},解放碑街道`,
    );
  return lines;
}

const source = existsSync(from) ? from : 'seeded generator';
const lines = existsSync(from) ? fromPackage(from) : seeded();
const dir = mkdtempSync(join(tmpdir(), 'yl-bench-wizard-'));
const file = join(dir, '楼栋.csv');
const bytes = encodeGbk(lines.join('\r\n') + '\r\n');
writeFileSync(file, bytes);
const load = () => loadavg().map((x) => x.toFixed(1));

/** CPU seconds of the engine's work on this file in Node (one thread): the preview as the worker reads it, the whole-file read, the import. Steadier than wall time on a shared machine. */
async function engineCpu(): Promise<Record<string, number>> {
  const named = [{ name: '楼栋.csv', bytes: new Uint8Array(bytes) }];
  const cpu = async (f: () => unknown) => {
    const c0 = process.cpuUsage();
    await f();
    const c = process.cpuUsage(c0);
    return +((c.user + c.system) / 1e6).toFixed(2);
  };
  return {
    previewFirstRowsCpuS: await cpu(() => inspectSource(named, { previewRows: 5, maxRows: 1000 })),
    previewWholeFileCpuS: await cpu(() => inspectSource(named, { previewRows: 5 })),
    importPackageCpuS: await cpu(() => importPackage({ sources: [{ role: 'buildings', files: named }] })),
  };
}

type W = { __tasks: { start: number; ms: number }[]; __scripts: { start: number; ms: number; what: string }[]; __yulintuReady?: number };
const s = await openSession();
try {
  const { page, origin } = s;
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${origin}/`, { timeout: 120_000, waitUntil: 'domcontentloaded' });
  // the sample map loads first: long tasks of its start-up are not the import's
  await page.waitForFunction(() => (window as unknown as W).__yulintuReady, null, { timeout: 300_000, polling: 500 });
  await page.getByTestId('import-open').waitFor({ state: 'attached', timeout: 300_000 });
  // long tasks (any main-thread work, painting included) and the scripts of long animation
  // frames (what JS ran: under software WebGL every painted frame of the map is itself long)
  await page.evaluate(() => {
    const w = window as unknown as W;
    w.__tasks = [];
    w.__scripts = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => w.__tasks.push({ start: e.startTime, ms: e.duration }))).observe({ type: 'longtask' });
    new PerformanceObserver((l) =>
      l.getEntries().forEach((e) => {
        for (const sc of (
          e as unknown as { scripts: { startTime: number; duration: number; sourceURL: string; sourceFunctionName: string; invoker: string }[] }
        ).scripts ?? [])
          w.__scripts.push({
            start: sc.startTime,
            ms: sc.duration,
            what: `${sc.invoker} ${sc.sourceFunctionName} ${sc.sourceURL.replace(/^.*\//, '').replace(/\?.*$/, '')}`,
          });
      }),
    ).observe({ type: 'long-animation-frame' });
  });
  // start when the map has settled: no long task for 3 s (at most 3 minutes)
  await page
    .waitForFunction(
      () => {
        const w = window as unknown as W;
        const last = w.__tasks.length ? w.__tasks[w.__tasks.length - 1] : undefined;
        return !last || performance.now() - (last.start + last.ms) > 3000;
      },
      null,
      { timeout: 180_000, polling: 500 },
    )
    .catch(() => undefined);
  const mark = () => page.evaluate(() => performance.now());
  /** Long tasks and long scripts that began since `from` (page ms). */
  const taken = (from: number) =>
    page.evaluate((t0) => {
      const w = window as unknown as W;
      const tasks = w.__tasks.filter((x) => x.start >= t0).map((x) => Math.round(x.ms));
      const scripts = w.__scripts.filter((x) => x.start >= t0).sort((a, b) => b.ms - a.ms);
      return {
        longestTaskMs: tasks.length ? Math.max(...tasks) : 0,
        tasksOver50: tasks.length,
        longestScriptMs: scripts.length ? Math.round(scripts[0].ms) : 0,
        // the wizard's own code (its worker messages, actions, components), apart from the map's frames
        longestImportScriptMs: Math.round(scripts.find((x) => /comlink|import/i.test(x.what))?.ms ?? 0),
        topScripts: scripts.slice(0, 3).map((x) => `${Math.round(x.ms)} ms ${x.what}`),
      };
    }, from);
  const loadBefore = load();
  await page.getByTestId('header-file').click(); // 导入数据 is in the header's 文件 menu
  await page.getByTestId('import-open').click();
  let from = await mark();
  let t0 = Date.now();
  await page.getByTestId('import-input').setInputFiles(file);
  await page.getByTestId('mapping-楼栋.csv').waitFor({ timeout: 900_000 });
  const inspectMs = Date.now() - t0;
  const inspectTasks = await taken(from);
  // the same file picked again: the import worker is running by now (the first pick also waited
  // for it to start, which from the dev server means loading the engine module by module)
  await page.getByTestId('mapping-楼栋.csv').evaluate((el) => el.setAttribute('data-seen', ''));
  t0 = Date.now();
  await page.getByTestId('import-input').setInputFiles(file);
  await page.locator('[data-testid="mapping-楼栋.csv"]:not([data-seen])').waitFor({ timeout: 900_000 });
  const inspectAgainMs = Date.now() - t0;
  from = await mark();
  t0 = Date.now();
  await page.getByTestId('import-run').click();
  await page.getByTestId('import-report').waitFor({ timeout: 900_000 });
  const importMs = Date.now() - t0;
  const importTasks = await taken(from);
  const total = await page.getByTestId('import-total').textContent();
  console.log(
    JSON.stringify({
      source,
      rows: lines.length - 1,
      MB: +(bytes.length / 1e6).toFixed(1),
      inspectMs,
      inspectLongTasks: inspectTasks,
      inspectAgainMs,
      importMs,
      importLongTasks: importTasks,
      total,
      loadAverage: { before: loadBefore, after: load() },
      node: process.argv.includes('--no-node') ? undefined : await engineCpu(),
    }),
  );
} finally {
  await s.close();
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Benchmark: importing an office buildings CSV (GBK, Chinese headers, CRLF; seeded) of 100k
 * and 1M rows with the engine's importPackage, side by side with the naive minimum any import
 * must do (decode, papaparse, Number() per cell, write the contract CSV) as a ratio.
 *   npx tsx scripts/bench-import.ts [--sizes 100000,1000000]
 */
import Papa from 'papaparse';
import { importPackage, mulberry32, toCsv } from '../src/engine/index';
import { encodeGbk } from '../test/helpers/gbk';
import { fmtMs, table, time, timeAsync } from './bench/harness';

function officeCsv(n: number): Uint8Array {
  const rng = mulberry32(10);
  const lines = ['楼栋编号,楼栋名称,经度,纬度,户数（户）,层数,所属街道'];
  for (let i = 0; i < n; i++) {
    lines.push(
      `LD${i},${i % 500}号楼,${(106.4 + rng() * 0.3).toFixed(7)},${(29.45 + rng() * 0.2).toFixed(7)},${Math.floor(rng() * 200)},${1 + Math.floor(rng() * 33)},解放碑街道`,
    );
  }
  return encodeGbk(lines.join('\r\n') + '\r\n');
}

function naive(bytes: Uint8Array): string {
  const text = new TextDecoder('gb18030').decode(bytes);
  const rows = Papa.parse<string[]>(text, { delimiter: ',', skipEmptyLines: true }).data.slice(1);
  return toCsv(
    ['id', 'lon', 'lat', 'households'],
    rows.map((r) => [r[0], String(Number(r[2])), String(Number(r[3])), String(Number(r[4]))]),
  );
}

export async function main(sizes = [100_000, 1_000_000]): Promise<void> {
  const out: (string | number)[][] = [['rows', 'MB', 'importPackage (median)', 'naive minimum (median)', 'ratio']];
  for (const n of sizes) {
    const bytes = officeCsv(n);
    const runs = n >= 1_000_000 ? 3 : 5;
    const t = await timeAsync(() => importPackage({ sources: [{ role: 'buildings', files: [{ name: '楼栋.csv', bytes }] }] }), runs);
    const b = time(() => naive(bytes), runs);
    out.push([n, (bytes.length / 1e6).toFixed(1), fmtMs(t.medianMs), fmtMs(b.medianMs), (t.medianMs / b.medianMs).toFixed(2)]);
  }
  console.log('\nimport of a GBK buildings CSV (Node; the browser target is 1M rows < 20 s)');
  table(out);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf('--sizes');
  await main(i > 0 ? process.argv[i + 1].split(',').map(Number) : undefined);
}

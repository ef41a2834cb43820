/**
 * H3 cells of buildings (aggregateH3.ts cellIndex: the cached-hexagon shortcut) against the naive
 * way (latLngToCell for every point, its string looked up among the distinct cells), on seeded
 * clustered points in central Chongqing: 200k and 1M points, resolution 9. Same answers checked.
 *
 *   npx tsx scripts/bench-h3.ts   (also in `npm run bench`, or `npm run bench -- h3`)
 */
import { latLngToCell } from 'h3-js';
import { cellIndex, mulberry32 } from '../src/engine/index';
import { fmtMs, table, time } from './bench/harness';

/** The numbering cellIndex gives, made the naive way. */
function naive(lon: Float64Array, lat: Float64Array, resolution: number): { cells: string[]; cellOf: Int32Array } {
  const first = new Map<string, number>();
  const distinct: string[] = [];
  const cellOf = new Int32Array(lon.length);
  for (let i = 0; i < lon.length; i++) {
    const h = latLngToCell(lat[i], lon[i], resolution);
    let k = first.get(h);
    if (k === undefined) {
      first.set(h, (k = distinct.length));
      distinct.push(h);
    }
    cellOf[i] = k;
  }
  const cells = distinct.slice().sort();
  const rank = new Int32Array(distinct.length);
  cells.forEach((c, r) => (rank[first.get(c)!] = r));
  for (let i = 0; i < cellOf.length; i++) cellOf[i] = rank[cellOf[i]];
  return { cells, cellOf };
}

/** `n` points in clusters of 50 (a few streets each) over ~30 × 20 km around Yuzhong. */
function points(n: number, seed: number): { lon: Float64Array; lat: Float64Array } {
  const r = mulberry32(seed);
  const lon = new Float64Array(n);
  const lat = new Float64Array(n);
  for (let i = 0; i < n; i += 50) {
    const x0 = 106.4 + r() * 0.3;
    const y0 = 29.45 + r() * 0.2;
    for (let k = i; k < Math.min(n, i + 50); k++) {
      lon[k] = x0 + (r() - 0.5) * 0.004;
      lat[k] = y0 + (r() - 0.5) * 0.004;
    }
  }
  return { lon, lat };
}

export function main(): void {
  const rows: (string | number)[][] = [['points', 'cells', 'naive', 'cellIndex', 'ratio']];
  for (const n of [200_000, 1_000_000]) {
    const { lon, lat } = points(n, 5);
    const a = time(() => naive(lon, lat, 9), 3);
    const b = time(() => cellIndex(lon, lat, n, 9), 3);
    const same = a.result.cells.join() === b.result.cells.join() && a.result.cellOf.every((v, i) => v === b.result.cellOf[i]);
    if (!same) throw new Error('bench-h3: cellIndex differs from latLngToCell');
    rows.push([
      n.toLocaleString('en'),
      b.result.cells.length.toLocaleString('en'),
      fmtMs(a.medianMs),
      fmtMs(b.medianMs),
      `${(a.medianMs / b.medianMs).toFixed(1)}×`,
    ]);
  }
  console.log('H3 cells of points, resolution 9 (median of 3 after a warm-up; the same cells checked)');
  table(rows);
}

if (import.meta.url === `file://${process.argv[1]}`) main();

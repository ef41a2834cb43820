/**
 * H3 cells of buildings (aggregateH3.ts cellIndex: the cached-hexagon shortcut) against the naive
 * way (latLngToCell for every point, its string looked up among the distinct cells), on seeded
 * clustered points in central Chongqing: 200k and 1M points, resolution 9. Same answers checked.
 *
 *   npx tsx scripts/bench-h3.ts   (also in `npm run bench`, or `npm run bench -- h3`)
 */
import { latLngToCell } from 'h3-js';
import { cellIndex } from '../src/engine/index';
import { clusteredPoints } from './bench/clusteredPoints';
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

export function main(): void {
  const rows: (string | number)[][] = [['points', 'cells', 'naive', 'cellIndex', 'ratio']];
  for (const n of [200_000, 1_000_000]) {
    const { lon, lat } = clusteredPoints(n, 5);
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

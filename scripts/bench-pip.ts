/**
 * Benchmark: one point-in-polygon pass of 20,000 buildings over a community of 1,000,000
 * vertices (issue 13: 80 s with the plain ray-casting loop). PolygonIndex with prepared
 * polygons (edges binned by latitude, build included) against the naive pointInPolygon,
 * the naive one timed on a subsample and extrapolated (labelled so); answers compared.
 *   npx tsx scripts/bench-pip.ts [--vertices 1000000] [--points 20000]
 */
import type { Polygon, Position } from 'geojson';
import { PolygonIndex, mulberry32, pointInPolygon } from '../src/engine/index';
import { fmtMs, table, time } from './bench/harness';

/**
 * A seeded community ring of n vertices around 渝中 (≈ 4 km across): a wavy outline, densely
 * digitised (each vertex jittered by under half the vertex spacing, as a detailed survey line).
 */
function bigCommunity(n: number, seed: number): Polygon {
  const rand = mulberry32(seed);
  const ring: Position[] = [];
  const spacing = (2 * Math.PI * 0.02) / n;
  for (let k = 0; k < n; k++) {
    const a = (k / n) * 2 * Math.PI;
    const r = 0.02 * (0.8 + 0.2 * Math.sin(a * 37)) + 0.4 * spacing * (rand() - 0.5);
    ring.push([106.55 + r * Math.cos(a), 29.55 + r * Math.sin(a)]);
  }
  ring.push(ring[0]);
  return { type: 'Polygon', coordinates: [ring] };
}

export function main(vertices = 1_000_000, points = 20_000): void {
  const g = bigCommunity(vertices, 13);
  const rand = mulberry32(14);
  const xs = new Float64Array(points);
  const ys = new Float64Array(points);
  for (let i = 0; i < points; i++) {
    xs[i] = 106.55 + (rand() - 0.5) * 0.045;
    ys[i] = 29.55 + (rand() - 0.5) * 0.045;
  }
  const indexed = time(() => {
    const idx = new PolygonIndex([g]); // built inside the timing: a pass is build + queries
    let inside = 0;
    for (let i = 0; i < points; i++) if (idx.locate(xs[i], ys[i]) === 0) inside++;
    return inside;
  }, 5);
  // naive: as many points as fit in ~5 s
  const probe = time(() => pointInPolygon(xs[0], ys[0], g), 3);
  const sample = Math.max(10, Math.min(points, Math.floor(5_000 / Math.max(0.001, probe.medianMs))));
  const t0 = performance.now();
  let mismatches = 0;
  const idx = new PolygonIndex([g]);
  for (let i = 0; i < sample; i++) if (pointInPolygon(xs[i], ys[i], g) !== (idx.locate(xs[i], ys[i]) === 0)) mismatches++;
  const naiveSampleMs = performance.now() - t0;
  const naiveTotal = (naiveSampleMs / sample) * points;
  console.log(
    `\n## point in polygon: ${points.toLocaleString('en')} buildings in one community of ${vertices.toLocaleString('en')} vertices (Node, one thread)`,
  );
  table([
    ['approach', 'pass (median, build included)', 'buildings inside', 'ratio'],
    ['PolygonIndex + PreparedPolygon (edges binned by latitude)', fmtMs(indexed.medianMs), indexed.result, '1×'],
    [
      `naive pointInPolygon (${sample < points ? `extrapolated from ${sample} points` : 'all points'})`,
      fmtMs(naiveTotal),
      '',
      `${(naiveTotal / indexed.medianMs).toFixed(0)}× slower`,
    ],
  ]);
  console.log(`answers compared on ${sample} points: ${mismatches} mismatches`);
  if (mismatches > 0) process.exitCode = 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (k: string) => {
    const i = process.argv.indexOf(k);
    return i > 0 ? Number(process.argv[i + 1]) : undefined;
  };
  main(arg('--vertices'), arg('--points'));
}

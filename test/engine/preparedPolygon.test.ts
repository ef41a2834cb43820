import { describe, expect, it } from 'vitest';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { PolygonIndex, PreparedPolygon, mulberry32, pointInPolygon } from '../../src/engine/index';

/** A star-shaped ring around (cx, cy) with n vertices on a 1/1024° grid (many exact ties). */
function starRing(rand: () => number, cx: number, cy: number, r: number, n: number, clockwise: boolean): Position[] {
  const q = (v: number) => Math.round(v * 1024) / 1024;
  const ring: Position[] = [];
  for (let k = 0; k < n; k++) {
    const a = ((clockwise ? -k : k) / n) * 2 * Math.PI;
    const rr = r * (0.4 + 0.6 * rand());
    ring.push([q(cx + rr * Math.cos(a)), q(cy + rr * Math.sin(a))]);
  }
  ring.push(ring[0]);
  return ring;
}

/** Points likely to sit on borders: vertices, edge midpoints, points on a vertex's latitude, and random ones. */
function probePoints(rand: () => number, rings: Position[][], bbox: [number, number, number, number], count: number): [number, number][] {
  const all = rings.flat();
  const pts: [number, number][] = [];
  for (let k = 0; k < count; k++) {
    const kind = k % 4;
    const p = all[Math.floor(rand() * all.length)];
    const p2 = all[Math.floor(rand() * all.length)];
    if (kind === 0) pts.push([p[0], p[1]]);
    else if (kind === 1) pts.push([(p[0] + p2[0]) / 2, (p[1] + p2[1]) / 2]);
    else if (kind === 2) pts.push([bbox[0] + rand() * (bbox[2] - bbox[0]), p[1]]);
    else pts.push([bbox[0] + rand() * (bbox[2] - bbox[0]), bbox[1] + rand() * (bbox[3] - bbox[1])]);
  }
  return pts;
}

describe('PreparedPolygon (edges binned by latitude)', () => {
  it('answers exactly as pointInPolygon on random polygons with holes and parts, borders included', () => {
    const rand = mulberry32(13);
    let tested = 0;
    let inside = 0;
    for (let t = 0; t < 40; t++) {
      const n = [8, 40, 300, 3000][t % 4];
      const cx = 106.5 + rand();
      const cy = 29.5 + rand();
      const outer = starRing(rand, cx, cy, 0.2, n, t % 2 === 0);
      const hole = starRing(rand, cx, cy, 0.05, Math.max(8, n >> 3), t % 2 === 1);
      const part2 = starRing(rand, cx + 0.5, cy, 0.1, n, false);
      const g: Polygon | MultiPolygon =
        t % 3 === 0 ? { type: 'MultiPolygon', coordinates: [[outer, hole], [part2]] } : { type: 'Polygon', coordinates: [outer, hole] };
      const prepared = new PreparedPolygon(g);
      for (const [x, y] of probePoints(rand, [outer, hole, part2], [cx - 0.25, cy - 0.25, cx + 0.65, cy + 0.25], 2000)) {
        const want = pointInPolygon(x, y, g);
        expect(prepared.contains(x, y), `poly ${t} at ${x},${y}`).toBe(want);
        tested++;
        if (want) inside++;
      }
    }
    expect(tested).toBe(80_000);
    expect(inside).toBeGreaterThan(10_000); // the probes are not all outside
  });

  it('keeps the border rule: a point on a shared edge or vertex goes east / north', () => {
    // two squares sharing the vertical edge x = 1 (each drawn in its own direction) and a third north of both
    const west: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 1],
          [0, 0],
        ],
      ],
    };
    const east: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [1, 0],
          [1, 1],
          [2, 1],
          [2, 0],
          [1, 0],
        ],
      ],
    };
    const north: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 1],
          [2, 1],
          [2, 2],
          [0, 2],
          [0, 1],
        ],
      ],
    };
    const idx = new PolygonIndex([west, east, north]);
    expect(idx.locate(1, 0.5)).toBe(1); // on the west|east edge → east
    expect(idx.locate(0.5, 1)).toBe(2); // on the west|north edge → north
    expect(idx.locate(1, 1)).toBe(2); // the shared vertex of all three → north-east one holding it
    expect(idx.locate(0, 0.5)).toBe(0); // the west outer edge is the west square's own
    expect(idx.locate(2, 0.5)).toBe(-1); // the east outer edge belongs to nobody east of it
  });

  it('PolygonIndex gives the naive first-match answer on a jagged tiling of long rings', () => {
    // a 4×4 tiling whose shared borders zig-zag with 200 vertices each, so every ring is binned
    const q = (v: number) => Math.round(v * 4096) / 4096;
    const rand = mulberry32(7);
    const N = 4;
    const jag = 200;
    // vertical border i (x ≈ i) as a polyline from y = 0 to y = N, and horizontal border j
    const vx: number[][] = [];
    for (let i = 0; i <= N; i++) vx.push(Array.from({ length: jag + 1 }, (_, k) => (i === 0 || i === N || k % jag === 0 ? i : q(i + (rand() - 0.5) * 0.3))));
    const hy: number[][] = [];
    for (let j = 0; j <= N; j++) hy.push(Array.from({ length: jag + 1 }, (_, k) => (j === 0 || j === N || k % jag === 0 ? j : q(j + (rand() - 0.5) * 0.3))));
    const polys: Polygon[] = [];
    for (let j = 0; j < N; j++)
      for (let i = 0; i < N; i++) {
        const ring: Position[] = [];
        for (let k = 0; k < jag; k++) ring.push([i + k / jag, hy[j][Math.round((i + k / jag) * (jag / N))] ?? j]); // south, west → east
        for (let k = 0; k < jag; k++) ring.push([vx[i + 1][Math.round((j + k / jag) * (jag / N))] ?? i + 1, j + k / jag]); // east, south → north
        for (let k = jag; k > 0; k--) ring.push([i + k / jag, hy[j + 1][Math.round((i + k / jag) * (jag / N))] ?? j + 1]); // north
        for (let k = jag; k > 0; k--) ring.push([vx[i][Math.round((j + k / jag) * (jag / N))] ?? i, j + k / jag]); // west
        ring.push(ring[0]);
        polys.push({ type: 'Polygon', coordinates: [ring] });
      }
    const idx = new PolygonIndex(polys);
    const naive = (x: number, y: number) => polys.findIndex((g) => pointInPolygon(x, y, g));
    const pts = probePoints(
      rand,
      polys.map((p) => p.coordinates[0]),
      [0, 0, N, N],
      20_000,
    );
    let located = 0;
    for (const [x, y] of pts) {
      const want = naive(x, y);
      expect(idx.locate(x, y)).toBe(want);
      if (want >= 0) located++;
    }
    expect(located).toBeGreaterThan(15_000);
  });

  it('PolygonIndex: overlapping polygons of every size (its grid coarsened for them) give the lowest index that holds the point; off the boxes and NaN give -1', () => {
    const rand = mulberry32(11);
    // 40 stars as wide as the whole extent (2.6M grid entries at 256 a side: the grid halves) and 60 small ones
    const polys: Polygon[] = [];
    for (let k = 0; k < 100; k++) {
      const big = k % 5 < 2;
      const r = big ? 4 + rand() * 2 : 0.1 + rand() * 0.5;
      polys.push({ type: 'Polygon', coordinates: [starRing(rand, 5 + (rand() - 0.5) * 6, 5 + (rand() - 0.5) * 6, r, 24, k % 2 === 0)] });
    }
    const idx = new PolygonIndex(polys);
    const naive = (x: number, y: number) => polys.findIndex((g) => pointInPolygon(x, y, g));
    const pts = probePoints(
      rand,
      polys.map((p) => p.coordinates[0]),
      [-2, -2, 12, 12],
      8_000,
    );
    const answers = new Set<number>();
    for (const [x, y] of pts) {
      const want = naive(x, y);
      expect(idx.locate(x, y)).toBe(want);
      answers.add(want);
    }
    expect(answers.size).toBeGreaterThan(20); // small ones win inside the big ones where their index is lower
    expect(answers.has(-1)).toBe(true);
    expect(idx.locate(NaN, 5)).toBe(-1);
    expect(idx.locate(100, 5)).toBe(-1);
    expect(new PolygonIndex([]).locate(1, 1)).toBe(-1);
  });
});

import { describe, expect, it } from 'vitest';
import { cellToBoundary, cellToLatLng, latLngToCell } from 'h3-js';
import { cellIndex } from '../../src/engine/grid/aggregateH3';
import { mulberry32 } from '../../src/engine/random';
import { clusteredPoints } from '../../scripts/bench/clusteredPoints';

/** The way aggregateH3 numbered cells before: every point's cell string first, then the sorted distinct ones. */
function reference(lon: Float64Array, lat: Float64Array, resolution: number) {
  const ids = Array.from(lon, (x, i) => latLngToCell(lat[i], x, resolution));
  const cells = [...new Set(ids)].sort();
  const pos = new Map(cells.map((c, k) => [c, k]));
  return { cells, cellOf: Int32Array.from(ids, (c) => pos.get(c)!) };
}

describe('cellIndex (H3 cells of points without a string per point)', () => {
  it('numbers the sorted distinct cells: two points in one cell, one far away', () => {
    // 106.505, 29.555 and a point 2 m east share their res-9 cell (edge ≈ 200 m); 106.6, 29.6 is ~10 km off
    const lon = Float64Array.from([106.6, 106.505, 106.50502]);
    const lat = Float64Array.from([29.6, 29.555, 29.555]);
    const near = latLngToCell(29.555, 106.505, 9);
    const far = latLngToCell(29.6, 106.6, 9);
    expect(latLngToCell(29.555, 106.50502, 9)).toBe(near);
    const idx = cellIndex(lon, lat, 3, 9);
    expect(idx.cells).toEqual([near, far].sort());
    const kNear = idx.cells.indexOf(near);
    const kFar = idx.cells.indexOf(far);
    expect(Array.from(idx.cellOf)).toEqual([kFar, kNear, kNear]);
  });

  it('gives no cells for no points', () => {
    const idx = cellIndex(new Float64Array(0), new Float64Array(0), 0, 9);
    expect(idx.cells).toEqual([]);
    expect(idx.cellOf.length).toBe(0);
  });

  it('equals the per-point string numbering on 20,000 seeded points at resolutions 7 and 9', () => {
    const r = mulberry32(13);
    const n = 20_000;
    const lon = Float64Array.from({ length: n }, () => 106.4 + r() * 0.3);
    const lat = Float64Array.from({ length: n }, () => 29.45 + r() * 0.2);
    for (const res of [7, 9]) {
      const got = cellIndex(lon, lat, n, res);
      const want = reference(lon, lat, res);
      expect(got.cells).toEqual(want.cells);
      expect(Array.from(got.cellOf)).toEqual(Array.from(want.cellOf));
    }
  });
});

describe('cellIndex near hexagon edges (the cached-hexagon shortcut must never claim a point h3 puts next door)', () => {
  it.each([7, 9])(
    'equals latLngToCell for points within ±3 m of every edge and corner of 300 cells of resolution %i, in orders that seed each square both ways',
    (res) => {
      const r = mulberry32(29);
      const lon: number[] = [];
      const lat: number[] = [];
      for (let c = 0; c < 300; c++) {
        const cell = latLngToCell(29.45 + r() * 0.2, 106.4 + r() * 0.3, res);
        const b = cellToBoundary(cell);
        const [cLat, cLng] = cellToLatLng(cell);
        for (let k = 0; k < b.length; k++) {
          const [aLat, aLng] = b[k];
          const [bLat, bLng] = b[(k + 1) % b.length];
          for (const t of [0, 0.001, 0.25, 0.5, 0.999]) {
            const eLat = aLat + (bLat - aLat) * t;
            const eLng = aLng + (bLng - aLng) * t;
            // along the line through the centre: metres in and out of the edge (1 m ≈ 9e-6°)
            for (const m of [-3, -1, -0.6, -0.4, -0.1, 0, 0.1, 0.4, 0.6, 1, 3]) {
              const d = Math.hypot(eLat - cLat, eLng - cLng);
              const f = (m * 9e-6) / d;
              lat.push(eLat + (eLat - cLat) * f);
              lon.push(eLng + (eLng - cLng) * f);
            }
          }
        }
        lat.push(cLat);
        lon.push(cLng);
      }
      for (const order of ['as made', 'reversed', 'shuffled']) {
        const idx = lon.map((_, i) => i);
        if (order === 'reversed') idx.reverse();
        if (order === 'shuffled') idx.sort(() => r() - 0.5);
        const x = Float64Array.from(idx, (i) => lon[i]);
        const y = Float64Array.from(idx, (i) => lat[i]);
        const got = cellIndex(x, y, x.length, res);
        const want = reference(x, y, res);
        expect(got.cells).toEqual(want.cells);
        expect(Array.from(got.cellOf)).toEqual(Array.from(want.cellOf));
      }
    },
  );

  it('equals latLngToCell on 100,000 clustered points (buildings along streets) at resolutions 5, 6, 7, 8, 9 and 10', () => {
    const n = 100_000;
    const { lon, lat } = clusteredPoints(n, 31);
    for (const res of [5, 6, 7, 8, 9, 10]) {
      const got = cellIndex(lon, lat, n, res);
      const want = reference(lon, lat, res);
      expect(got.cells).toEqual(want.cells);
      expect(Array.from(got.cellOf)).toEqual(Array.from(want.cellOf));
    }
  });
});

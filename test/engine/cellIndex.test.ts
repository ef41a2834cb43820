import { describe, expect, it } from 'vitest';
import { latLngToCell } from 'h3-js';
import { cellIndex } from '../../src/engine/grid/aggregateH3';
import { mulberry32 } from '../../src/engine/random';

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

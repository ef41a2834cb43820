import { describe, expect, it } from 'vitest';
import { cellToLatLng, latLngToCell } from 'h3-js';
import { cellCentres, cellsInBox } from '../../src/map/hexWindow';
import { boxFor, type Box } from '../../src/map/buildingWindow';

describe('boxFor: the window the outlined hexagons are cut to', () => {
  it('a new one is the view grown by a quarter of its width and height on every side', () => {
    expect(boxFor(null, [106.4, 29.5, 106.6, 29.6])).toEqual([106.35, 29.475, 106.65, 29.625].map((v) => expect.closeTo(v, 10)));
  });

  it('the same box while it holds the view, a new one once the view leaves it', () => {
    const win: Box = [106.35, 29.475, 106.65, 29.625];
    expect(boxFor(win, [106.36, 29.48, 106.64, 29.62])).toBe(win);
    expect(boxFor(win, [106.35, 29.475, 106.65, 29.625])).toBe(win); // edges included
    const next = boxFor(win, [106.5, 29.5, 106.7, 29.6]); // panned east past the window
    expect(next).not.toBe(win);
    expect(next[0]).toBeCloseTo(106.45, 12);
    expect(next[2]).toBeCloseTo(106.75, 12);
  });
});

describe('cellsInBox: the hexagons whose centre is in the window', () => {
  // Three res-9 cells in a row along 29.55° N, ~3 km apart, their centres known to h3.
  const cells = [latLngToCell(29.55, 106.5, 9), latLngToCell(29.55, 106.53, 9), latLngToCell(29.55, 106.56, 9)];
  const lon = cells.map((c) => cellToLatLng(c)[1]);
  const OFF = 10; // the level's offset among the drawn levels (hexLevels.ts): idx holds OFF + k

  it('keeps, in order, the entries whose cell centre lies in the box (edges included)', () => {
    const idx = [10, 11, 12];
    expect(cellsInBox(cells, OFF, idx, [106.49, 29.5, 106.545, 29.6])).toEqual([10, 11]);
    expect(cellsInBox(cells, OFF, [12, 10], [lon[0], 29.5, lon[2], 29.6])).toEqual([12, 10]);
    expect(cellsInBox(cells, OFF, [10, 11, 12], [106.515, 29.5, 106.545, 29.6])).toEqual([11]);
    expect(cellsInBox(cells, OFF, [10, 11, 12], [106.49, 29.56, 106.6, 29.6])).toEqual([]); // north of all three centres
  });

  it('only the entries of idx: a cell without uncovered households (not in idx) is not drawn in any window', () => {
    expect(cellsInBox(cells, OFF, [10, 12], [106, 29, 107, 30])).toEqual([10, 12]);
  });

  it('the same array for the same idx and box values (deck keeps the attributes), a new one for another box', () => {
    const idx = [10, 11, 12];
    const a = cellsInBox(cells, OFF, idx, [106.49, 29.5, 106.545, 29.6]);
    expect(cellsInBox(cells, OFF, idx, [106.49, 29.5, 106.545, 29.6])).toBe(a);
    const b = cellsInBox(cells, OFF, idx, [106.49, 29.5, 106.6, 29.6]);
    expect(b).not.toBe(a);
    expect(b).toEqual([10, 11, 12]);
  });
});

describe('cellCentres: each cell’s centre, once per set of cells', () => {
  const cells = [latLngToCell(29.55, 106.5, 9), latLngToCell(29.56, 106.52, 9)];

  it('holds cellToLatLng of every cell as (lon, lat)', () => {
    const c = cellCentres(cells);
    cells.forEach((cell, k) => {
      const [lat, lon] = cellToLatLng(cell);
      expect([c[2 * k], c[2 * k + 1]]).toEqual([lon, lat]);
    });
  });

  it('the same cells in a new array (another analysis of the package) reuse the centres; other cells do not', () => {
    const a = cellCentres(cells);
    expect(cellCentres([...cells])).toBe(a);
    const other = [cells[1], cells[0]];
    const b = cellCentres(other);
    expect(b).not.toBe(a);
    expect(Array.from(b)).toEqual([a[2], a[3], a[0], a[1]]);
  });
});

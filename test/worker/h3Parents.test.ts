/**
 * Coarser hexagon levels (src/worker/h3Parents.ts): the string parent equals h3-js cellToParent,
 * and a parent's households and uncovered households are the sums of its children's (hand sums
 * over the seven children of one res-8 cell plus a child of another).
 */
import { describe, expect, it } from 'vitest';
import { cellToChildren, cellToParent, getResolution, latLngToCell } from 'h3-js';
import { coarserH3, parentCell } from '../../src/worker/h3Parents';
import type { H3Arrays } from '../../src/worker/protocol';
import { mulberry32 } from '../../src/engine/index';

describe('parentCell', () => {
  it('equals h3-js cellToParent for res-9 and res-10 cells across Chongqing, to res 8 … 0', () => {
    const rnd = mulberry32(7);
    for (let k = 0; k < 200; k++) {
      const cell = latLngToCell(29 + rnd(), 106 + rnd(), k % 2 ? 9 : 10);
      for (let r = getResolution(cell) - 1; r >= 0; r--) expect(parentCell(cell, r)).toBe(cellToParent(cell, r));
    }
  });
});

describe('coarserH3', () => {
  const parentA = latLngToCell(29.56, 106.55, 8);
  const parentB = latLngToCell(29.7, 106.4, 8);
  const kids = cellToChildren(parentA, 9); // 7 cells
  const other = cellToChildren(parentB, 9)[0];
  // 8 res-9 cells, 2 services: households 1..8; uncovered service 0 = 0,1,0,1,…; service 1 = households.
  const cells = [...kids, other];
  const m = cells.length;
  const households = Float32Array.from(cells, (_, c) => c + 1);
  const uncovered = new Float32Array(2 * m);
  cells.forEach((_, c) => {
    uncovered[c] = c % 2;
    uncovered[m + c] = c + 1;
  });
  const h3: H3Arrays = { resolution: 9, cells, households, uncovered };

  it('sums the seven children into their parent, service by service', () => {
    expect(kids).toHaveLength(7);
    const [res8] = coarserH3(h3, 1);
    expect(res8.resolution).toBe(8);
    expect(res8.cells).toEqual([parentA, parentB]);
    expect([...res8.households]).toEqual([1 + 2 + 3 + 4 + 5 + 6 + 7, 8]); // 28, 8
    // service-major: [s0 of A, s0 of B, s1 of A, s1 of B]; s0 = 0+1+0+1+0+1+0 = 3 for A, 1 for B (cell 7 is odd).
    expect([...res8.uncovered]).toEqual([3, 1, 28, 8]);
  });

  it('each level from the one before; totals kept at every level', () => {
    const levels = coarserH3(h3, 3);
    expect(levels.map((l) => l.resolution)).toEqual([8, 7, 6]);
    for (const l of levels) {
      expect(l.households.reduce((a, b) => a + b, 0)).toBe(36);
      const n = l.cells.length;
      expect(l.uncovered.subarray(0, n).reduce((a, b) => a + b, 0)).toBe(4);
      expect(l.uncovered.subarray(n).reduce((a, b) => a + b, 0)).toBe(36);
      for (const c of l.cells) expect(getResolution(c)).toBe(l.resolution);
    }
    expect(levels[1].cells).toEqual([...new Set([cellToParent(parentA, 7), cellToParent(parentB, 7)])]);
  });

  it('no cells: empty levels', () => {
    const levels = coarserH3({ resolution: 9, cells: [], households: new Float32Array(0), uncovered: new Float32Array(0) }, 2);
    expect(levels.map((l) => [l.resolution, l.cells.length])).toEqual([
      [8, 0],
      [7, 0],
    ]);
  });
});

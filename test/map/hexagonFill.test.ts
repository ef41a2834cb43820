import { describe, expect, it } from 'vitest';
import { cellToBoundary, latLngToCell } from 'h3-js';
import { hexagonFillProps, hexRings } from '../../src/map/hexagonFill';
import { commonX, commonY } from '../../src/map/commonSpace';

// Two neighbouring res-9 cells in Yuzhong and a res-7 cell around them.
const A = latLngToCell(29.5566, 106.5771, 9);
const B = latLngToCell(29.5566, 106.5801, 9);
const C = latLngToCell(29.5566, 106.5771, 7);

describe('hexRings: each cell’s H3 boundary, closed, in deck’s common space', () => {
  const cells = [A, B, C];
  const r = hexRings(cells);

  it('ring k holds cellToBoundary(k) in order, projected, then its first vertex again', () => {
    expect(A).not.toBe(B);
    let at = 0;
    cells.forEach((cell, k) => {
      const b = cellToBoundary(cell);
      expect(r.start[k]).toBe(at);
      expect(r.start[k + 1] - r.start[k]).toBe(b.length + 1); // a hexagon: 6 vertices + the closing one
      [...b, b[0]].forEach(([lat, lng], v) => {
        expect(r.positions[2 * (at + v)]).toBe(commonX(lng));
        expect(r.positions[2 * (at + v) + 1]).toBe(commonY(lat));
      });
      at += b.length + 1;
    });
    expect(r.start[3]).toBe(at);
    expect(r.positions.length).toBe(2 * at);
  });

  it('a hexagon’s common-space width matches its size: res 9 ≈ 2 × 174 m at 29.6° N', () => {
    const xs = Array.from(r.positions.subarray(0, 14)).filter((_, i) => i % 2 === 0);
    const widthUnits = Math.max(...xs) - Math.min(...xs);
    const metresPerUnit = (40_075_016.686 * Math.cos((29.5566 * Math.PI) / 180)) / 512;
    expect(widthUnits * metresPerUnit).toBeGreaterThan(280); // flat-to-flat … corner-to-corner of a ~174 m hexagon
    expect(widthUnits * metresPerUnit).toBeLessThan(400);
  });

  it('is made once per cell array', () => {
    expect(hexRings(cells)).toBe(r);
    expect(hexRings([...cells])).not.toBe(r);
  });

  it('getPolygon of cell number c is ring c − offset', () => {
    const { getPolygon, coordinateSystem, positionFormat } = hexagonFillProps(r, 10);
    expect(coordinateSystem).toBe('cartesian');
    expect(positionFormat).toBe('XY');
    const ring = (getPolygon as (c: number) => Float64Array)(11);
    expect(Array.from(ring)).toEqual(Array.from(r.positions.subarray(2 * r.start[1], 2 * r.start[2])));
  });
});

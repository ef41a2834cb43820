/**
 * Hexagon levels by zoom (src/map/hexLevels.ts): widths in pixels from H3's average edge
 * lengths, the resolution steps in Chongqing, the level drawn and the numbering of cells across
 * levels the layer and its tooltip share, and the classes of a coarser level (classification.ts).
 */
import { describe, expect, it } from 'vitest';
import { hexCell, hexLevelAt, hexLevelOffset, hexLevels, hexResolutionAt, hexWidthPx } from '../../src/map/hexLevels';
import { h3Breaks } from '../../src/map/classification';
import type { H3Arrays, MapData } from '../../src/worker/protocol';

describe('hexWidthPx / hexResolutionAt', () => {
  it('a res-9 hexagon (edge 200.786 m) at zoom 10 on the equator: 401.57 m over 76.44 m/px ≈ 5.25 px', () => {
    // 40,075,016.686 m / (512 · 2^10) = 76.437 m per px at zoom 10 (512-px tiles) → 401.572 / 76.437 = 5.254 px.
    expect(hexWidthPx(9, 10, 0)).toBeCloseTo((2 * 200.7861476) / (40_075_016.686 / (512 * 1024)), 6);
    expect(hexWidthPx(9, 10, 0)).toBeCloseTo(5.254, 2);
    expect(hexWidthPx(9, 11, 0)).toBeCloseTo(2 * hexWidthPx(9, 10, 0), 9); // twice as wide one zoom closer
  });

  it('steps at 29.5° N: res 9 from zoom ≈ 9.7, res 8 from ≈ 8.3, res 7 from ≈ 6.9 (each ≥ 5 px)', () => {
    const lat = 29.5;
    expect(hexResolutionAt(9.8, lat)).toBeGreaterThanOrEqual(9);
    expect(hexResolutionAt(9.6, lat)).toBe(8);
    expect(hexResolutionAt(8.9, lat)).toBe(8);
    expect(hexResolutionAt(8.2, lat)).toBe(7);
    expect(hexResolutionAt(6.8, lat)).toBe(6);
    expect(hexResolutionAt(14, lat)).toBeGreaterThan(9); // close in: finer than any level (the analysed cells drawn)
    expect(hexResolutionAt(Number.NaN, lat)).toBe(15);
    for (const z of [6.8, 8.2, 8.9, 9.6, 12]) expect(hexWidthPx(hexResolutionAt(z, lat), z, lat)).toBeGreaterThanOrEqual(5);
  });
});

describe('levels', () => {
  const lvl = (resolution: number, cells: string[], uncovered: number[]): H3Arrays => ({
    resolution,
    cells,
    households: Float32Array.from(cells, () => 10),
    uncovered: Float32Array.from(uncovered),
  });
  // One service: res 9 has 3 cells (max 40 uncovered), res 8 one (their sum, 60), res 7 one.
  const h3: H3Arrays = { ...lvl(9, ['a', 'b', 'c'], [10, 10, 40]), coarser: [lvl(8, ['p'], [60]), lvl(7, ['q'], [60])] };

  it('picks the finest level not finer than the zoom allows, the coarsest when none is', () => {
    expect(hexLevels(h3).map((l) => l.resolution)).toEqual([9, 8, 7]);
    expect(hexLevelAt(h3, 15)).toBe(0);
    expect(hexLevelAt(h3, 9)).toBe(0);
    expect(hexLevelAt(h3, 8)).toBe(1);
    expect(hexLevelAt(h3, 7)).toBe(2);
    expect(hexLevelAt(h3, 5)).toBe(2);
    expect(hexLevelAt({ ...h3, coarser: undefined }, 5)).toBe(0); // data without coarser levels: the cells as analysed
  });

  it('numbers cells level after level, finest first', () => {
    expect([0, 1, 2].map((k) => hexLevelOffset(h3, k))).toEqual([0, 3, 4]);
    expect(hexCell(h3, 2)).toEqual({ level: h3, k: 2 });
    expect(hexCell(h3, 3)).toEqual({ level: h3.coarser![0], k: 0 });
    expect(hexCell(h3, 4)).toEqual({ level: h3.coarser![1], k: 0 });
    expect(hexCell(h3, 5).k).toBe(-1);
  });

  it('classes per level: nice breaks of the level max (40 → 10, 20, 30, 40; 60 → 20, 40, 60, 80)', () => {
    // h3Breaks is per service; the first service (elderly_care) is row 0 of a one-service array here.
    const data = { h3 } as unknown as MapData;
    expect(h3Breaks(data, 'elderly_care')).toEqual([10, 20, 30, 40]);
    expect(h3Breaks(data, 'elderly_care', 8)).toEqual([20, 40, 60, 80]);
  });
});

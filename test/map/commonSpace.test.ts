/**
 * Positions preprojected to deck.gl's common space (src/map/commonSpace.ts): Web Mercator over a
 * 512-unit world, x = 512 (lon + 180) / 360, y = 256 + 256 asinh(tan lat) / π (north up), the
 * values of @math.gl/web-mercator's lngLatToWorld, computed here by hand.
 */
import { describe, expect, it } from 'vitest';
import { commonPositionOf, commonPositions, commonView, commonX, commonY, lonLatOfCommon, toCommon } from '../../src/map/commonSpace';
import type { PickView } from '../../src/map/cpuPicking';

describe('common space', () => {
  it('x: −180° → 0, 0° → 256, 180° → 512; 106.55° E → 512 × 286.55 / 360 = 407.53778', () => {
    expect(commonX(-180)).toBe(0);
    expect(commonX(0)).toBe(256);
    expect(commonX(180)).toBe(512);
    expect(commonX(106.55)).toBeCloseTo(407.5377777777778, 10);
  });

  it('y: the equator → 256; 45° N → 256 + 256 asinh(1) / π = 327.82078; 29.56° N → 300.04050; south below 256', () => {
    expect(commonY(0)).toBeCloseTo(256, 12);
    expect(commonY(45)).toBeCloseTo(327.82078109941506, 9);
    expect(commonY(29.56)).toBeCloseTo(300.04049568527023, 9);
    expect(commonY(-45)).toBeCloseTo(512 - 327.82078109941506, 9);
  });

  it('latitudes beyond Web Mercator are clamped (no infinities)', () => {
    expect(Number.isFinite(commonY(90))).toBe(true);
    expect(commonY(90)).toBeCloseTo(commonY(85.051129), 12);
    expect(commonY(85.051129)).toBeCloseTo(512, 4); // the square world's top edge
  });

  it('lonLatOfCommon inverts it to 1e-9° over Chongqing', () => {
    for (const [lon, lat] of [
      [106.55, 29.56],
      [105.29, 28.16],
      [110.19, 32.2],
      [-73.98, 40.75],
    ]) {
      const [x, y] = toCommon(lon, lat);
      const back = lonLatOfCommon(x, y);
      expect(back[0]).toBeCloseTo(lon, 9);
      expect(back[1]).toBeCloseTo(lat, 9);
    }
  });

  it('commonPositions projects interleaved pairs once per array (the same array back for the same input)', () => {
    const lonLat = new Float64Array([0, 0, 106.55, 29.56]);
    const xy = commonPositions(lonLat);
    expect(Array.from(xy).map((v) => +v.toFixed(6))).toEqual([256, 256, 407.537778, 300.040496]);
    expect(commonPositions(lonLat)).toBe(xy);
    expect(commonPositions(new Float64Array(lonLat))).not.toBe(xy);
  });

  it('commonPositionOf reads each object by index, projected once per list', () => {
    const list = [
      { lon: 0, lat: 0 },
      { lon: 180, lat: 45 },
    ];
    const get = commonPositionOf(list);
    expect(get(list[1], { index: 1 })[0]).toBe(512);
    expect(get(list[1], { index: 1 })[1]).toBeCloseTo(327.82078109941506, 9);
    expect(get(list[0], { index: 0 })).toEqual([256, 256]);
  });

  it('commonView: pixels ↔ common x, y through the map view (picking in common space)', () => {
    const S = 1e5; // a linear test view: 100,000 px per degree, y down
    const view: PickView = { project: (lon, lat) => [lon * S, -lat * S], unproject: (x, y) => [x / S, -y / S] };
    const cv = commonView(view);
    const [x, y] = toCommon(106.55, 29.56);
    const [px, py] = cv.project(x, y);
    expect(px).toBeCloseTo(106.55 * S, 3);
    expect(py).toBeCloseTo(-29.56 * S, 3);
    const back = cv.unproject(px, py);
    expect(back[0]).toBeCloseTo(x, 9);
    expect(back[1]).toBeCloseTo(y, 9);
  });
});

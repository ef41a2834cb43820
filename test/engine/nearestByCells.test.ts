import { describe, expect, it } from 'vitest';
import { EARTH_RADIUS_M, haversineM } from '../../src/engine/spatial/haversine';
import { NearestByCells } from '../../src/engine/spatial/NearestByCells';
import { PointIndex } from '../../src/engine/spatial/pointIndex';
import { mulberry32 } from '../../src/engine/random';

const RAD = Math.PI / 180;

/**
 * Points around (lon0, lat0): clusters (blocks of many points, split by count), scattered
 * points (blocks of one), exact duplicates, points on a site, points at exactly the radius
 * north of a site, and one point with a non-finite coordinate.
 */
function points(rnd: () => number, n: number, lon0: number, lat0: number, spread: number, sites: { lon: number; lat: number }[], radiusM: number) {
  const lon = new Float64Array(n);
  const lat = new Float64Array(n);
  const centres = Array.from({ length: 6 }, () => [lon0 + (rnd() - 0.5) * spread, lat0 + (rnd() - 0.5) * spread]);
  for (let i = 0; i < n; i++) {
    const kind = i % 10;
    const s = sites[i % sites.length];
    if (kind === 0 && i > 0) {
      lon[i] = lon[i - 1];
      lat[i] = lat[i - 1];
    } else if (kind === 1) {
      lon[i] = s.lon;
      lat[i] = s.lat;
    } else if (kind === 2) {
      lon[i] = s.lon;
      lat[i] = s.lat + radiusM / EARTH_RADIUS_M / RAD;
    } else if (kind < 7) {
      const c = centres[i % centres.length]; // a dense cluster, about 100 m across
      lon[i] = c[0] + (rnd() - 0.5) * 0.001;
      lat[i] = c[1] + (rnd() - 0.5) * 0.001;
    } else {
      lon[i] = lon0 + (rnd() - 0.5) * spread;
      lat[i] = lat0 + (rnd() - 0.5) * spread;
    }
  }
  lat[17] = NaN;
  return { lon, lat };
}

const bits = (a: Float64Array) => Array.from(a);

describe('NearestByCells: the same distances as PointIndex (kd-tree walk and per-site visits), bit for bit', () => {
  for (const [lon0, lat0, label] of [
    [106.5, 29.55, 'Chongqing'],
    [25.0, 78.2, 'far north'],
    [-70.6, -33.4, 'south, west'],
    [179.99, 0.5, 'at the antimeridian'],
  ] as const) {
    it(`${label}: random points and sites, coincident sites, points on sites and at the radius`, () => {
      const rnd = mulberry32(2026);
      for (const nSites of [1, 7, 60]) {
        const sites = Array.from({ length: nSites }, () => ({ lon: lon0 + (rnd() - 0.5) * 0.05, lat: lat0 + (rnd() - 0.5) * 0.05 }));
        if (nSites > 7) sites.push({ ...sites[3] }, { ...sites[3] }, { ...sites[5] });
        for (const r of [0, 1, 300, 1000, 5000]) {
          const { lon, lat } = points(rnd, 2500, lon0, lat0, 0.06, sites, r);
          const reference = new PointIndex(lon, lat).nearestWithinByVisits(sites, r);
          const cells = new NearestByCells(lon, lat).nearestWithin(sites, r);
          expect(bits(cells)).toEqual(bits(reference));
          expect(bits(cells)).toEqual(bits(new PointIndex(lon, lat).nearestWithin(sites, r)));
          // not vacuous: some in range, some not
          const finite = cells.filter((d) => d < Infinity).length;
          expect(finite).toBeGreaterThan(0);
          if (r <= 1000) expect(finite).toBeLessThan(2500);
          expect(cells[1]).toBe(0); // on a site
          expect(cells[17]).toBe(Infinity); // NaN latitude
        }
      }
    });
  }

  it('points spread over the globe (coarse fine cells) and many sites', () => {
    const rnd = mulberry32(7);
    const n = 3000;
    const lon = Float64Array.from({ length: n }, () => (rnd() - 0.5) * 360);
    const lat = Float64Array.from({ length: n }, () => (rnd() - 0.5) * 180);
    const sites = Array.from({ length: 500 }, () => ({ lon: (rnd() - 0.5) * 360, lat: (rnd() - 0.5) * 180 }));
    for (const r of [50_000, 500_000, 3_000_000]) {
      const got = new NearestByCells(lon, lat).nearestWithin(sites, r);
      expect(bits(got)).toEqual(bits(new PointIndex(lon, lat).nearestWithinByVisits(sites, r)));
      expect(got.filter((d) => d < Infinity).length).toBeGreaterThan(10);
    }
  });

  it('ranges of the cell order split between callers give together what one call gives', () => {
    const rnd = mulberry32(11);
    const sites = Array.from({ length: 30 }, () => ({ lon: 106.5 + (rnd() - 0.5) * 0.05, lat: 29.5 + (rnd() - 0.5) * 0.05 }));
    const { lon, lat } = points(rnd, 4000, 106.5, 29.5, 0.06, sites, 500);
    const cells = new NearestByCells(lon, lat);
    const whole = cells.nearestWithin(sites, 500);
    const m = cells.order.length;
    for (const cut of [0, 1, 1234, m - 1, m]) {
      const parts = new Float64Array(lon.length).fill(Infinity);
      cells.nearestInto(parts, sites, 500, { from: cut, to: m });
      cells.nearestInto(parts, sites, 500, { from: 0, to: cut });
      expect(bits(parts)).toEqual(bits(whole));
    }
    expect(m).toBe(lon.length - 1); // the NaN point is left out of the order
  });

  it('tiny case by hand: 0.001° of latitude is 111.195 m; the nearer of two sites; beyond the radius', () => {
    // points: on the equator at lon 0, 0.001° north of it, 0.01° north of it (1112 m)
    const lon = Float64Array.of(0, 0, 0);
    const lat = Float64Array.of(0, 0.001, 0.01);
    const sites = [
      { lon: 0, lat: 0.003 }, // 0.002° from point 1
      { lon: 0, lat: -0.0005 }, // 0.0005° from point 0, 0.0015° from point 1
    ];
    const d = new NearestByCells(lon, lat).nearestWithin(sites, 300);
    // R·Δφ: 6 371 008.8 m × 0.0005° × π / 180 = 55.597 m; × 0.0015° = 166.792 m; point 2 is 778 m from the nearer site
    expect(d[0]).toBeCloseTo(55.5975, 3);
    expect(d[1]).toBeCloseTo(166.7925, 3);
    expect(d[2]).toBe(Infinity);
    expect(d[0]).toBe(haversineM(0, -0.0005, 0, 0)); // the same operations as the engine's haversine
    expect(d[1]).toBe(haversineM(0, -0.0005, 0, 0.001));
  });

  it('no points or no sites: all Infinity', () => {
    expect(bits(new NearestByCells(new Float64Array(0), new Float64Array(0)).nearestWithin([{ lon: 1, lat: 1 }], 100))).toEqual([]);
    expect(bits(new NearestByCells(Float64Array.of(1), Float64Array.of(1)).nearestWithin([], 100))).toEqual([Infinity]);
  });
});

describe('NearestByCells.coveredInto: covered flags without the distances, exactly nearestWithin ≤ radius', () => {
  const flagsOf = (d: Float64Array, r: number) => Array.from(d, (x) => (x <= r ? 1 : 0));
  for (const [lon0, lat0, label] of [
    [106.5, 29.55, 'Chongqing'],
    [25.0, 78.2, 'far north'],
    [179.99, 0.5, 'at the antimeridian'],
  ] as const) {
    it(`${label}: random points, points on sites and exactly at the radius, radii 0 … 5 km`, () => {
      const rnd = mulberry32(99);
      for (const nSites of [1, 7, 60]) {
        const sites = Array.from({ length: nSites }, () => ({ lon: lon0 + (rnd() - 0.5) * 0.05, lat: lat0 + (rnd() - 0.5) * 0.05 }));
        for (const r of [0, 1, 300, 1000, 5000]) {
          const { lon, lat } = points(rnd, 2500, lon0, lat0, 0.06, sites, r);
          const cells = new NearestByCells(lon, lat);
          const want = flagsOf(new PointIndex(lon, lat).nearestWithinByVisits(sites, r), r);
          const got = new Uint8Array(lon.length);
          cells.coveredInto(got, sites, r, { from: 0, to: cells.order.length });
          expect(Array.from(got)).toEqual(want);
          const covered = want.reduce((a: number, b) => a + b, 0);
          expect(covered).toBeGreaterThan(0); // not vacuous: some covered …
          if (r <= 1000) expect(covered).toBeLessThan(2500); // … some not
          expect(got[1]).toBe(1); // on a site
          expect(got[17]).toBe(0); // NaN latitude: never touched, stays 0
        }
      }
    });
  }

  it('ranges split anyhow give together what one call gives; no sites covers nothing', () => {
    const rnd = mulberry32(12);
    const sites = Array.from({ length: 30 }, () => ({ lon: 106.5 + (rnd() - 0.5) * 0.05, lat: 29.5 + (rnd() - 0.5) * 0.05 }));
    const { lon, lat } = points(rnd, 4000, 106.5, 29.5, 0.06, sites, 500);
    const cells = new NearestByCells(lon, lat);
    const want = flagsOf(cells.nearestWithin(sites, 500), 500);
    const m = cells.order.length;
    for (const cuts of [[0], [1, 1234], [m - 1], [7, 8, 9, 500, 3000]]) {
      const got = new Uint8Array(lon.length);
      const bounds = [0, ...cuts, m];
      for (let k = bounds.length - 2; k >= 0; k--) cells.coveredInto(got, sites, 500, { from: bounds[k], to: bounds[k + 1] });
      expect(Array.from(got)).toEqual(want);
    }
    const none = new Uint8Array(lon.length).fill(7);
    cells.coveredInto(none, [], 500, { from: 0, to: m });
    expect(none.filter((v) => v === 0).length).toBe(m); // every point in the order set to 0, the NaN one untouched
    expect(none[17]).toBe(7);
  });

  it('tiny case by hand: 55.6 m and 166.8 m from the nearer site are covered at 200 m, 778 m is not; a nanometre either side of a distance decides', () => {
    const lon = Float64Array.of(0, 0, 0);
    const lat = Float64Array.of(0, 0.001, 0.01);
    const sites = [
      { lon: 0, lat: 0.003 },
      { lon: 0, lat: -0.0005 },
    ];
    const cells = new NearestByCells(lon, lat);
    const got = new Uint8Array(3);
    cells.coveredInto(got, sites, 200, { from: 0, to: 3 });
    expect(Array.from(got)).toEqual([1, 1, 0]);
    // radii a nanometre either side of point 1's distance as nearestWithin computes it (166.79 m): the same haversine decides
    const r = cells.nearestWithin(sites, 200)[1];
    expect(r).toBeCloseTo(166.7925, 3);
    cells.coveredInto(got, sites, r + 1e-9, { from: 0, to: 3 });
    expect(Array.from(got)).toEqual([1, 1, 0]);
    // at exactly that radius the site's box (radiusBox, rounded) leaves the point out, in both
    cells.coveredInto(got, sites, r, { from: 0, to: 3 });
    expect(Array.from(got)).toEqual(Array.from(cells.nearestWithin(sites, r), (d) => (d <= r ? 1 : 0)));
    cells.coveredInto(got, sites, r - 1e-9, { from: 0, to: 3 });
    expect(Array.from(got)).toEqual([1, 0, 0]);
  });
});

describe('NearestByCells in shared memory and taken by parts', () => {
  it('built over SharedArrayBuffer, then taken with fromParts: the same distances and flags', () => {
    const rnd = mulberry32(5);
    const sites = Array.from({ length: 20 }, () => ({ lon: 106.5 + (rnd() - 0.5) * 0.05, lat: 29.5 + (rnd() - 0.5) * 0.05 }));
    const { lon, lat } = points(rnd, 3000, 106.5, 29.5, 0.06, sites, 300);
    const plain = new NearestByCells(lon, lat);
    const shared = new NearestByCells(lon, lat, (n) => new SharedArrayBuffer(n));
    expect(shared.parts().ux.buffer).toBeInstanceOf(SharedArrayBuffer);
    const taken = NearestByCells.fromParts(shared.parts());
    expect(taken.size).toBe(3000);
    expect(bits(taken.nearestWithin(sites, 300))).toEqual(bits(plain.nearestWithin(sites, 300)));
    expect(Array.from(taken.order)).toEqual(Array.from(plain.order));
  });
});

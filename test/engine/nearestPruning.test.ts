import type { Feature, LineString } from 'geojson';
import { describe, expect, it } from 'vitest';
import { buildWalkGraph, snapToGraph } from '../../src/engine/network';
import { EARTH_RADIUS_M } from '../../src/engine/spatial/haversine';
import { PointIndex } from '../../src/engine/spatial/pointIndex';
import { spatialOrder } from '../../src/engine/spatial/spatialOrder';
import { mulberry32 } from '../../src/engine/random';

const RAD = Math.PI / 180;

/**
 * Points around (lon0, lat0) within `spread` degrees, with the cases a pruning shortcut
 * could get wrong: exact duplicates, points exactly at a site, and points at exactly the
 * radius (north of a site by the radius' angle).
 */
function tricky(rnd: () => number, n: number, lon0: number, lat0: number, spread: number, sites: { lon: number; lat: number }[], radiusM: number) {
  const lon = new Float64Array(n);
  const lat = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const kind = i % 10;
    const s = sites[i % sites.length];
    if (kind === 0 && i > 0) {
      lon[i] = lon[i - 1]; // duplicate point
      lat[i] = lat[i - 1];
    } else if (kind === 1) {
      lon[i] = s.lon; // on a site
      lat[i] = s.lat;
    } else if (kind === 2) {
      lon[i] = s.lon; // at the radius, due north
      lat[i] = s.lat + radiusM / EARTH_RADIUS_M / RAD;
    } else {
      lon[i] = lon0 + (rnd() - 0.5) * spread;
      lat[i] = lat0 + (rnd() - 0.5) * spread;
    }
  }
  return { lon, lat };
}

describe('PointIndex.nearestWithin: the chord-pruned walk gives exactly the per-site visits', () => {
  for (const [lon0, lat0, label] of [
    [106.5, 29.55, 'Chongqing'],
    [25.0, 78.2, 'far north'],
    [-70.6, -33.4, 'south, west'],
  ] as const) {
    it(`${label}: every distance bit for bit, with coincident sites, points on sites and at the radius`, () => {
      const rnd = mulberry32(99);
      const sites = Array.from({ length: 40 }, () => ({ lon: lon0 + (rnd() - 0.5) * 0.05, lat: lat0 + (rnd() - 0.5) * 0.05 }));
      sites.push({ ...sites[3] }, { ...sites[3] }, { ...sites[7] }); // the same place twice and three times
      for (const r of [0, 1, 300, 1000]) {
        const { lon, lat } = tricky(rnd, 3000, lon0, lat0, 0.06, sites, r);
        const index = new PointIndex(lon, lat);
        const fast = index.nearestWithin(sites, r);
        const visits = index.nearestWithinByVisits(sites, r);
        expect(Array.from(fast)).toEqual(Array.from(visits));
        // not a vacuous comparison: some in range, some not, some on a site
        const finite = fast.filter((d) => d < Infinity).length;
        expect(finite).toBeGreaterThan(r === 0 ? 200 : 300);
        expect(finite).toBeLessThan(3000);
        expect(fast[1]).toBe(0);
      }
    });
  }
  it('no points or no sites: all Infinity', () => {
    expect(Array.from(new PointIndex(new Float64Array(0), new Float64Array(0)).nearestWithin([{ lon: 1, lat: 1 }], 100))).toEqual([]);
    expect(Array.from(new PointIndex(Float64Array.of(1), Float64Array.of(1)).nearestWithin([], 100))).toEqual([Infinity]);
  });
});

/** The haversine of the central angle as NodeIndex compares them, and the node of the lexicographic (value, number) minimum. */
function bruteNearest(nodeLon: Float64Array, nodeLat: Float64Array, lon: number, lat: number): [number, number] {
  const hav = (t: number) => Math.sin(t / 2) ** 2;
  const cosLat = Math.cos(lat * RAD);
  let best = Infinity;
  let bestId = -1;
  for (let v = 0; v < nodeLon.length; v++) {
    const d = cosLat * Math.cos(nodeLat[v] * RAD) * hav((lon - nodeLon[v]) * RAD) + hav((lat - nodeLat[v]) * RAD);
    if (d < best || (d === best && v < bestId)) {
      best = d;
      bestId = v;
    }
  }
  return [bestId, 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(best)))];
}

describe('snapToGraph with seeded searches, chord filter and trigonometry-free box bounds', () => {
  it('equals the brute-force lexicographic minimum bit for bit, repeated nodes going to the smaller number', () => {
    const rnd = mulberry32(5);
    const feats: Feature<LineString>[] = [];
    for (let i = 0; i < 400; i++) {
      const x = 106.4 + rnd() * 0.2;
      const y = 29.4 + rnd() * 0.2;
      const coords = [
        [x, y],
        [x + rnd() * 0.005, y + rnd() * 0.005],
        [x + rnd() * 0.005, y - rnd() * 0.005],
      ];
      feats.push({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: coords } });
    }
    const g = buildWalkGraph({ type: 'FeatureCollection', features: feats });
    const n = 3000;
    const lon = new Float64Array(n);
    const lat = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      if (i % 7 === 0) {
        const v = Math.floor(rnd() * g.nodeCount); // exactly on a node
        lon[i] = g.nodeLon[v];
        lat[i] = g.nodeLat[v];
      } else {
        lon[i] = 106.3 + rnd() * 0.4; // some far outside the network
        lat[i] = 29.3 + rnd() * 0.4;
      }
    }
    lon[5] = NaN;
    const s = snapToGraph(g, lon, lat, 500);
    let beyond = 0;
    for (let i = 0; i < n; i++) {
      if (i === 5) {
        expect([s.node[i], s.snapM[i]]).toEqual([-1, Infinity]);
        continue;
      }
      const [v, m] = bruteNearest(g.nodeLon, g.nodeLat, lon[i], lat[i]);
      expect([i, m <= 500 ? v : -1, s.snapM[i]]).toEqual([i, s.node[i], m]);
      if (m > 500) beyond++;
    }
    expect(beyond).toBeGreaterThan(50); // points beyond maxSnapM were compared too
  });
});

describe('spatialOrder', () => {
  it('a permutation, grid rows south to north, non-finite points first', () => {
    const lon = Float64Array.of(106.5, 106.5, NaN, 106.503, 106.5);
    const lat = Float64Array.of(29.6, 29.5, 29.5, 29.5, 29.5005);
    // cells of 0.002°: row 0 holds 1 and 4 (cell 0, in index order) and 3 (cell 1, to the east); row 50 holds 0
    expect(Array.from(spatialOrder(lon, lat))).toEqual([2, 1, 4, 3, 0]);
  });
});

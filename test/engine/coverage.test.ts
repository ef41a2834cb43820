import { describe, expect, it } from 'vitest';
import { EuclideanProvider, haversineM, type Buildings } from '../../src/engine/index';
import { radiusBox } from '../../src/engine/spatial/haversine';
import { mulberry32 } from '../helpers/fixtures';

function randomBuildings(n: number, rnd: () => number, lon0: number, lat0: number, spread: number): Buildings {
  const b: Buildings = {
    count: n,
    ids: [],
    lon: new Float64Array(n),
    lat: new Float64Array(n),
    households: new Float64Array(n),
    community: new Int32Array(n).fill(-1),
  };
  for (let i = 0; i < n; i++) {
    b.ids.push(`b${i}`);
    b.lon[i] = lon0 + (rnd() - 0.5) * spread;
    b.lat[i] = lat0 + (rnd() - 0.5) * spread;
    b.households[i] = Math.floor(rnd() * 50);
  }
  return b;
}

describe('straight-line coverage equals brute force', () => {
  for (const [lat0, label] of [
    [29.55, 'Chongqing'],
    [69.6, 'far north'],
    [-33.9, 'south'],
  ] as const) {
    it(`nearest and reach at ${label}`, () => {
      const rnd = mulberry32(42);
      const b = randomBuildings(2000, rnd, 106.5, lat0, 0.06);
      const p = new EuclideanProvider(b);
      const sites = Array.from({ length: 25 }, (_, k) => ({ id: `f${k}`, lon: 106.5 + (rnd() - 0.5) * 0.06, lat: lat0 + (rnd() - 0.5) * 0.06 }));
      for (const r of [150, 500, 1000]) {
        const d = p.nearest(sites, r);
        for (let i = 0; i < b.count; i++) {
          let best = Infinity;
          for (const s of sites) {
            const m = haversineM(s.lon, s.lat, b.lon[i], b.lat[i]);
            if (m <= r && m < best) best = m;
          }
          expect(d[i]).toBe(best);
        }
        const reach = p.reach(sites[0], r);
        const brute = [];
        for (let i = 0; i < b.count; i++) if (haversineM(sites[0].lon, sites[0].lat, b.lon[i], b.lat[i]) <= r) brute.push(i);
        expect(Array.from(reach.building)).toEqual(brute);
      }
    });
  }
});

describe('radiusBox', () => {
  it('holds every point at the radius in every direction', () => {
    for (const lat of [0, 29.55, 60, 85]) {
      const [x0, y0, x1, y1] = radiusBox(106.5, lat, 1000);
      for (let k = 0; k < 360; k++) {
        // the point 999.99 m away at bearing k (spherical destination formula)
        const R = 6371008.8;
        const d = 999.99 / R;
        const br = (k * Math.PI) / 180;
        const p1 = (lat * Math.PI) / 180;
        const p2 = Math.asin(Math.sin(p1) * Math.cos(d) + Math.cos(p1) * Math.sin(d) * Math.cos(br));
        const l2 = 106.5 + (Math.atan2(Math.sin(br) * Math.sin(d) * Math.cos(p1), Math.cos(d) - Math.sin(p1) * Math.sin(p2)) * 180) / Math.PI;
        const la2 = (p2 * 180) / Math.PI;
        expect(l2 >= x0 && l2 <= x1 && la2 >= y0 && la2 <= y1).toBe(true);
      }
      // and it is tight: 1000 m along the meridian is 0.0089932° of latitude
      expect(y1 - lat).toBeCloseTo((1000 / 6371008.8) * (180 / Math.PI), 10);
    }
  });
});

describe('analyze with covered flags given (the CLI decides them without the distances)', () => {
  it('the same coverage, communities and summary as the distances; distanceM computed when first read, the same numbers', async () => {
    const { analyze, facilitySites, loadPackage, NearestByCells, resolvePolicy, SERVICES } = await import('../../src/engine/index');
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const dir = join(import.meta.dirname, '..', '..', 'data', 'sample');
    const names = ['manifest.json', 'communities.geojson', 'buildings.csv', 'facilities.csv'];
    const pkg = loadPackage(Object.fromEntries(names.map((f) => [f, new Uint8Array(readFileSync(join(dir, f)))])));
    const policy = resolvePolicy(pkg);
    const plain = analyze(pkg, { mode: 'euclidean', policy });
    const cells = new NearestByCells(pkg.buildings.lon, pkg.buildings.lat);
    const covered = Object.fromEntries(
      SERVICES.map((s) => {
        const flags = new Uint8Array(pkg.buildings.count);
        cells.coveredInto(flags, facilitySites(pkg.facilities, s), policy.thresholdsM[s], { from: 0, to: cells.order.length });
        return [s, flags];
      }),
    );
    const given = analyze(pkg, { mode: 'euclidean', policy, covered });
    expect(given.communities).toEqual(plain.communities);
    expect(given.summary).toEqual(plain.summary);
    given.coverage.forEach((c, k) => {
      expect(Array.from(c.covered)).toEqual(Array.from(plain.coverage[k].covered));
      expect(c.coveredHouseholds).toBe(plain.coverage[k].coveredHouseholds);
      expect(Array.from(c.distanceM)).toEqual(Array.from(plain.coverage[k].distanceM)); // made on this first read
    });
    const some = plain.coverage.map((c) => c.covered.reduce((a, b) => a + b, 0));
    expect(Math.min(...some)).toBeGreaterThan(0); // not vacuous: every service covers some buildings …
    expect(some.some((n) => n < pkg.buildings.count)).toBe(true); // … and some service leaves some uncovered
  });
});

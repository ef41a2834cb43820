import circle from '@turf/circle';
import pointsWithinPolygon from '@turf/points-within-polygon';
import { featureCollection, point } from '@turf/helpers';
import type { DataPackage, Policy, ServiceCode } from '../../src/engine/index';
import { SERVICES } from '../../src/engine/index';

/**
 * What a JavaScript developer would write first: for every open facility and each of its
 * services, a 64-step Turf `circle` of the threshold radius and `pointsWithinPolygon` over
 * all buildings. Run on the first `maxPairs` (facility, service) pairs; returns the time
 * of those and the number of pairs in all, for linear extrapolation.
 */
export function naiveCoverage(pkg: DataPackage, policy: Policy, maxPairs: number): { ms: number; pairsRun: number; pairsTotal: number; covered: number } {
  const pts = featureCollection(Array.from({ length: pkg.buildings.count }, (_, i) => point([pkg.buildings.lon[i], pkg.buildings.lat[i]], { i })));
  const pairs: [number, number, ServiceCode][] = [];
  for (const f of pkg.facilities) if (f.status === 'open') for (const s of f.services) pairs.push([f.lon, f.lat, s]);
  const run = pairs.slice(0, maxPairs);
  const seen = SERVICES.map(() => new Set<number>());
  const t0 = performance.now();
  for (const [lon, lat, s] of run) {
    const c = circle([lon, lat], policy.thresholdsM[s] / 1000, { steps: 64, units: 'kilometers' });
    const inside = pointsWithinPolygon(pts, c);
    for (const p of inside.features) seen[SERVICES.indexOf(s)].add(p.properties!.i as number);
  }
  const ms = performance.now() - t0;
  return { ms, pairsRun: run.length, pairsTotal: pairs.length, covered: seen.reduce((n, x) => n + x.size, 0) };
}

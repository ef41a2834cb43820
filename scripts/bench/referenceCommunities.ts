/**
 * A deliberately simple reference for per-community results, written without the engine's
 * indexes or loaders: papaparse rows, Turf's booleanPointInPolygon for community membership,
 * Turf's haversine distance against every open facility of a service (only facilities within the
 * threshold's latitude band are measured, found by binary search). Used to check the
 * engine at city scale on a random sample of communities (test/city-package.test.ts, bench).
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import distance from '@turf/distance';
import Papa from 'papaparse';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { mulberry32 } from '../../src/engine/index';
import { SERVICES, type ServiceCode } from '../../src/engine/index';

export interface ReferenceCommunity {
  id: string;
  buildings: number;
  buildingHouseholds: number;
  facilityAreaM2: number;
  /** Per service (SERVICES order): covered households / households, null without households. */
  coverage: (number | null)[];
}

const rowsOf = (text: string) => Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;

/**
 * Reference results of `count` communities drawn with `seed` (straight-line mode, the given
 * thresholds in metres). `files` maps a package's file names to their text.
 */
export function referenceCommunities(files: Record<string, string>, thresholdsM: Record<ServiceCode, number>, count = 50, seed = 50): ReferenceCommunity[] {
  const fc = JSON.parse(files['communities.geojson']) as FeatureCollection<Polygon | MultiPolygon, { id: string }>;
  const rand = mulberry32(seed);
  const pool = fc.features.map((_, k) => k);
  const picked: number[] = [];
  while (picked.length < Math.min(count, pool.length)) picked.push(pool.splice(Math.floor(rand() * pool.length), 1)[0]);
  const sample = picked.map((k) => fc.features[k]);
  const allIds = new Set(fc.features.map((f) => f.properties.id));
  const boxes = sample.map((f) => {
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    const pts = polys.flatMap((p) => p[0]);
    return [Math.min(...pts.map((p) => p[0])), Math.min(...pts.map((p) => p[1])), Math.max(...pts.map((p) => p[0])), Math.max(...pts.map((p) => p[1]))];
  });
  /** Which sampled community holds a row: its community_id when that names a community, else the polygon test. */
  const owner = (lon: number, lat: number, cid: string | undefined): number => {
    if (cid && allIds.has(cid)) return sample.findIndex((f) => f.properties.id === cid);
    for (let k = 0; k < sample.length; k++) {
      const b = boxes[k];
      if (lon < b[0] || lon > b[2] || lat < b[1] || lat > b[3]) continue;
      if (booleanPointInPolygon([lon, lat], sample[k])) return k;
    }
    return -1;
  };
  const facilities = rowsOf(files['facilities.csv'])
    .filter((f) => (f.status || 'open') === 'open')
    .map((f) => ({ lon: Number(f.lon), lat: Number(f.lat), area: Number(f.area_m2), services: new Set(f.services.split(';')), cid: f.community_id }));
  const out: ReferenceCommunity[] = sample.map((f) => ({ id: f.properties.id, buildings: 0, buildingHouseholds: 0, facilityAreaM2: 0, coverage: [] }));
  for (const f of facilities) {
    const k = owner(f.lon, f.lat, f.cid);
    if (k >= 0) out[k].facilityAreaM2 += f.area;
  }
  // per service, its open facilities sorted by latitude (a window of ± threshold is scanned)
  const byService = SERVICES.map((s) => facilities.filter((f) => f.services.has(s)).sort((p, q) => p.lat - q.lat));
  const firstAtOrAbove = (list: typeof facilities, lat: number) => {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].lat < lat) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const covered = sample.map(() => SERVICES.map(() => 0));
  for (const b of rowsOf(files['buildings.csv'])) {
    const lon = Number(b.lon);
    const lat = Number(b.lat);
    const k = owner(lon, lat, b.community_id);
    if (k < 0) continue;
    const hh = Number(b.households);
    out[k].buildings++;
    out[k].buildingHouseholds += hh;
    SERVICES.forEach((s, si) => {
      const t = thresholdsM[s];
      const dLat = t / 110_000;
      const dLon = t / (110_000 * Math.cos((lat * Math.PI) / 180));
      const list = byService[si];
      for (let q = firstAtOrAbove(list, lat - dLat); q < list.length && list[q].lat <= lat + dLat; q++) {
        const f = list[q];
        if (Math.abs(f.lon - lon) <= dLon && distance([lon, lat], [f.lon, f.lat], { units: 'meters' }) <= t) {
          covered[k][si] += hh;
          break;
        }
      }
    });
  }
  out.forEach((r, k) => (r.coverage = SERVICES.map((_, si) => (r.buildingHouseholds > 0 ? covered[k][si] / r.buildingHouseholds : null))));
  return out;
}

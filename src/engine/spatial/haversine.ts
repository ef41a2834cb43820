/** Mean Earth radius used by every distance in the engine, metres (DATA-FORMAT.md section 2). */
export const EARTH_RADIUS_M = 6_371_008.8;

const RAD = Math.PI / 180;

/** Great-circle (haversine) distance between two WGS84 points given in degrees, metres. */
export function haversineM(lon1: number, lat1: number, lon2: number, lat2: number): number {
  // PointIndex.forEachWithin repeats these operations in this order: keep the two identical
  const s1 = Math.sin((lat2 - lat1) * RAD * 0.5);
  const s2 = Math.sin((lon2 - lon1) * RAD * 0.5);
  const a = s1 * s1 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * s2 * s2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * The smallest lon/lat box that holds every point within `radiusM` (great-circle) of a point
 * (degrees). Exact, not an approximation: no point within the radius falls outside it.
 */
export function radiusBox(lon: number, lat: number, radiusM: number): [number, number, number, number] {
  const d = radiusM / EARTH_RADIUS_M; // angular radius, rad
  const dLat = d / RAD;
  const minLat = lat - dLat;
  const maxLat = lat + dLat;
  const c = Math.cos(lat * RAD);
  const s = Math.sin(d);
  if (maxLat >= 90 || minLat <= -90 || s >= c) return [-180, Math.max(-90, minLat), 180, Math.min(90, maxLat)];
  const dLon = Math.asin(s / c) / RAD;
  return [lon - dLon, minLat, lon + dLon, maxLat];
}

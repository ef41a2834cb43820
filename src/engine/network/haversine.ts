/** Mean Earth radius of the contract (DATA-FORMAT.md section 2), metres. */
export const EARTH_RADIUS_M = 6_371_008.8;

const RAD = Math.PI / 180;

/**
 * Great-circle distance between two WGS84 points on a sphere of radius
 * {@link EARTH_RADIUS_M}, by the haversine formula. Degrees in, metres out.
 */
export function haversineM(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const sLat = Math.sin(((lat2 - lat1) * RAD) / 2);
  const sLon = Math.sin(((lon2 - lon1) * RAD) / 2);
  const h = sLat * sLat + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * sLon * sLon;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

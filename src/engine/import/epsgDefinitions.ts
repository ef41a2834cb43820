/**
 * proj4 definitions of the EPSG codes a Chongqing office meets, written out so that no
 * network or registry is needed. Source: the EPSG Geodetic Parameter Registry (epsg.org),
 * as printed in PROJ.4 form by epsg.io for each code:
 * - 4326 WGS 84 and 4490 CGCS2000 geographic: longitude/latitude degrees. CGCS2000 and
 *   WGS 84 differ by a few centimetres here and are treated as one (DATA-FORMAT.md).
 * - 4491–4501 CGCS2000 / Gauss-Kruger zone 13–23 (6°): tmerc, CM 75°E + 6°·(zone−13),
 *   false easting zone·10⁶ + 500 000 m, k = 1, GRS80 ellipsoid (= the CGCS2000 ellipsoid
 *   but for 0.1 mm of the semi-minor axis).
 * - 4502–4512 CGCS2000 / Gauss-Kruger CM 75°E…135°E (6°): as above, false easting 500 000 m.
 * - 4513–4533 CGCS2000 / 3-degree Gauss-Kruger zone 25–45: CM 75°E + 3°·(zone−25), false
 *   easting zone·10⁶ + 500 000 m.
 * - 4534–4554 CGCS2000 / 3-degree Gauss-Kruger CM 75°E…135°E: false easting 500 000 m
 *   (4545 = CM 108°E and 4544 = CM 105°E cover Chongqing's main urban area and west).
 * - 3857 WGS 84 / Pseudo-Mercator; 32601–32660 and 32701–32760 WGS 84 / UTM zones.
 */
const GRS80_TMERC = (lon0: number, x0: number) => `+proj=tmerc +lat_0=0 +lon_0=${lon0} +k=1 +x_0=${x0} +y_0=0 +ellps=GRS80 +units=m +no_defs`;

/** `'longlat'` for geographic codes treated as WGS84, else a proj4 definition; undefined when unknown. */
export function epsgDefinition(code: number): string | undefined {
  if (code === 4326 || code === 4490) return 'longlat';
  if (code >= 4491 && code <= 4501) {
    const zone = code - 4491 + 13;
    return GRS80_TMERC(75 + 6 * (zone - 13), zone * 1e6 + 500000);
  }
  if (code >= 4502 && code <= 4512) return GRS80_TMERC(75 + 6 * (code - 4502), 500000);
  if (code >= 4513 && code <= 4533) {
    const zone = code - 4513 + 25;
    return GRS80_TMERC(75 + 3 * (zone - 25), zone * 1e6 + 500000);
  }
  if (code >= 4534 && code <= 4554) return GRS80_TMERC(75 + 3 * (code - 4534), 500000);
  if (code === 3857 || code === 900913) {
    return '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +wktext +no_defs';
  }
  if (code >= 32601 && code <= 32660) return `+proj=utm +zone=${code - 32600} +datum=WGS84 +units=m +no_defs`;
  if (code >= 32701 && code <= 32760) return `+proj=utm +zone=${code - 32700} +south +datum=WGS84 +units=m +no_defs`;
  return undefined;
}

/**
 * The EPSG code of an ESRI-style projected CRS name such as
 * `CGCS2000_3_Degree_GK_CM_108E` or `CGCS2000_3_Degree_GK_Zone_36`, or undefined.
 */
export function epsgOfEsriName(name: string): number | undefined {
  const n = name.toUpperCase();
  if (!n.startsWith('CGCS2000')) return undefined;
  const three = n.includes('3_DEGREE');
  const cm = /_CM_(\d+)E$/.exec(n);
  if (cm) {
    const k = (Number(cm[1]) - 75) / (three ? 3 : 6);
    if (!Number.isInteger(k) || k < 0 || k > (three ? 20 : 10)) return undefined;
    return (three ? 4534 : 4502) + k;
  }
  const zone = /_ZONE_(\d+)$/.exec(n);
  if (zone) {
    const k = Number(zone[1]) - (three ? 25 : 13);
    if (k < 0 || k > (three ? 20 : 10)) return undefined;
    return (three ? 4513 : 4491) + k;
  }
  return undefined;
}

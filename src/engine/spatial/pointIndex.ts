import KDBush from 'kdbush';
import { EARTH_RADIUS_M, radiusBox } from './haversine';

const RAD = Math.PI / 180;

/**
 * A static index over WGS84 points (kdbush on lon/lat), built once and queried many times
 * by great-circle radius. Query boxes are exact ({@link radiusBox}), then every hit is
 * checked by haversine, so results are exact.
 */
export class PointIndex {
  readonly lon: Float64Array;
  readonly lat: Float64Array;
  readonly tree: KDBush;
  /** cos(latitude) of each point, kept so that a query computes one cosine per hit less. */
  private readonly cosLat: Float64Array;

  constructor(lon: Float64Array, lat: Float64Array) {
    this.lon = lon;
    this.lat = lat;
    const n = lon.length;
    this.cosLat = new Float64Array(n);
    for (let i = 0; i < n; i++) this.cosLat[i] = Math.cos(lat[i] * RAD);
    this.tree = new KDBush(Math.max(1, n), 64, Float64Array);
    for (let i = 0; i < n; i++) this.tree.add(lon[i], lat[i]);
    if (n === 0) this.tree.add(1e9, 1e9); // kdbush needs one item; this one is never in range
    this.tree.finish();
  }

  get size(): number {
    return this.lon.length;
  }

  /**
   * Call `visit(i, distanceM)` for every point within `radiusM` metres of (lon, lat).
   * Order is unspecified.
   */
  forEachWithin(lon: number, lat: number, radiusM: number, visit: (i: number, distanceM: number) => void): void {
    if (this.lon.length === 0) return;
    const [x0, y0, x1, y1] = radiusBox(lon, lat, radiusM);
    const ids = this.tree.range(x0, y0, x1, y1);
    // haversine (as spatial/haversine.ts) with the query's and the points' cosines hoisted
    const cos0 = Math.cos(lat * RAD);
    for (let k = 0; k < ids.length; k++) {
      const i = ids[k];
      const s1 = Math.sin((this.lat[i] - lat) * RAD * 0.5);
      const s2 = Math.sin((this.lon[i] - lon) * RAD * 0.5);
      const a = s1 * s1 + cos0 * this.cosLat[i] * s2 * s2;
      const d = 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
      if (d <= radiusM) visit(i, d);
    }
  }
}

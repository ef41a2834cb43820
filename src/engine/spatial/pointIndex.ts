import KDBush from 'kdbush';
import { haversineM, radiusBox } from './haversine';

/**
 * A static index over WGS84 points (kdbush on lon/lat), built once and queried many times
 * by great-circle radius. Query boxes are exact ({@link radiusBox}), then every hit is
 * checked by haversine, so results are exact.
 */
export class PointIndex {
  readonly lon: Float64Array;
  readonly lat: Float64Array;
  readonly tree: KDBush;

  constructor(lon: Float64Array, lat: Float64Array) {
    this.lon = lon;
    this.lat = lat;
    const n = lon.length;
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
    for (let k = 0; k < ids.length; k++) {
      const i = ids[k];
      const d = haversineM(lon, lat, this.lon[i], this.lat[i]);
      if (d <= radiusM) visit(i, d);
    }
  }
}

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
  /** Per tree position (kdbush order): cos(latitude) and the unit vector (x, y, z), built on the first {@link nearestWithin}. */
  private treeCosLat?: Float64Array;
  private treeUnit?: Float64Array;

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

  /**
   * Per point, the distance (m) to the nearest of `sites` when within `radiusM`, else
   * Infinity: exactly the minimum over the sites of what {@link forEachWithin} reports (the
   * same haversine operations in the same order), found with far fewer of them. The kd-tree
   * is walked without a result array, in tree order; for each point in a site's box the
   * chord between unit vectors (a few multiplications) is compared first with the radius
   * and with the smallest chord met so far at that point, and the haversine is computed
   * only where the point may lie within the radius and this site may be its nearest. The
   * chord is a strictly increasing function of the great-circle distance, and a margin
   * (relative 1e-6, plus 6 mm absolute) far above its rounding error keeps every skipped
   * site farther than one already measured, so the minimum is the same number.
   */
  nearestWithin(sites: readonly { lon: number; lat: number }[], radiusM: number): Float64Array {
    const n = this.lon.length;
    const out = new Float64Array(n).fill(Infinity);
    if (n === 0 || sites.length === 0) return out;
    const { ids, coords, nodeSize } = this.tree;
    if (!this.treeUnit || !this.treeCosLat) {
      this.treeUnit = new Float64Array(3 * n);
      this.treeCosLat = new Float64Array(n);
      for (let k = 0; k < n; k++) {
        const i = ids[k];
        const c = this.cosLat[i];
        const lon = this.lon[i] * RAD;
        this.treeCosLat[k] = c;
        this.treeUnit[3 * k] = c * Math.cos(lon);
        this.treeUnit[3 * k + 1] = c * Math.sin(lon);
        this.treeUnit[3 * k + 2] = Math.sin(this.lat[i] * RAD);
      }
    }
    const unit = this.treeUnit;
    const cosLat = this.treeCosLat;
    const d = new Float64Array(n).fill(Infinity); // by tree position
    const best2 = new Float64Array(n).fill(Infinity); // smallest squared chord measured, by tree position
    const chordR = 2 * Math.sin(radiusM / EARTH_RADIUS_M / 2);
    const limit2 = chordR * chordR * (1 + CHORD_MARGIN) + CHORD_FLOOR;
    const stack = new Int32Array(3 * 64); // depth-first, at most one pending half per level: 64 levels are 2^64 points
    // sites in rows of the radius' height, west to east: neighbours share points, still in cache
    const rowH = (radiusM / EARTH_RADIUS_M / RAD) * 2;
    const order = sites.map((_, j) => j);
    const row = sites.map((st) => Math.floor(st.lat / rowH));
    order.sort((a, b) => row[a] - row[b] || sites[a].lon - sites[b].lon || a - b);
    for (const j of order) {
      const lon = sites[j].lon;
      const lat = sites[j].lat;
      const [minX, minY, maxX, maxY] = radiusBox(lon, lat, radiusM);
      const cos0 = Math.cos(lat * RAD);
      const sx = cos0 * Math.cos(lon * RAD);
      const sy = cos0 * Math.sin(lon * RAD);
      const sz = Math.sin(lat * RAD);
      // kdbush's range(), with the test of each point in the box inlined
      stack[0] = 0;
      stack[1] = n - 1;
      stack[2] = 0;
      let sp = 3;
      while (sp > 0) {
        const axis = stack[--sp];
        const right = stack[--sp];
        const left = stack[--sp];
        let from = left;
        let to = right;
        let m = -1;
        if (right - left > nodeSize) {
          m = (left + right) >> 1;
          from = m;
          to = m;
        }
        for (let k = from; k <= to; k++) {
          const x = coords[2 * k];
          const y = coords[2 * k + 1];
          if (x < minX || x > maxX || y < minY || y > maxY) continue;
          const dx = unit[3 * k] - sx;
          const dy = unit[3 * k + 1] - sy;
          const dz = unit[3 * k + 2] - sz;
          const c2 = dx * dx + dy * dy + dz * dz;
          if (c2 > limit2 || c2 > best2[k] * (1 + CHORD_MARGIN) + CHORD_FLOOR) continue;
          if (c2 < best2[k]) best2[k] = c2;
          // the haversine of forEachWithin, operation for operation
          const s1 = Math.sin((y - lat) * RAD * 0.5);
          const s2 = Math.sin((x - lon) * RAD * 0.5);
          const a = s1 * s1 + cos0 * cosLat[k] * s2 * s2;
          const dist = 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
          if (dist <= radiusM && dist < d[k]) d[k] = dist;
        }
        if (m < 0) continue;
        const x = coords[2 * m];
        const y = coords[2 * m + 1];
        if (axis === 0 ? minX <= x : minY <= y) {
          stack[sp++] = left;
          stack[sp++] = m - 1;
          stack[sp++] = 1 - axis;
        }
        if (axis === 0 ? maxX >= x : maxY >= y) {
          stack[sp++] = m + 1;
          stack[sp++] = right;
          stack[sp++] = 1 - axis;
        }
      }
    }
    for (let k = 0; k < n; k++) out[ids[k]] = d[k];
    return out;
  }

  /** {@link nearestWithin} by {@link forEachWithin}: the reference it must equal. */
  nearestWithinByVisits(sites: readonly { lon: number; lat: number }[], radiusM: number): Float64Array {
    const out = new Float64Array(this.lon.length).fill(Infinity);
    for (const s of sites) {
      this.forEachWithin(s.lon, s.lat, radiusM, (i, m) => {
        if (m < out[i]) out[i] = m;
      });
    }
    return out;
  }
}

/** Relative margin on squared chords: far above their rounding error (about 1e-8 / distance in metres). */
const CHORD_MARGIN = 1e-6;
/** Absolute margin on squared unit chords: 1e-18, a chord of 1e-9 radii (6 mm). */
const CHORD_FLOOR = 1e-18;

/** Built indexes by their longitude array (with the latitude array they were built on). */
const built = new WeakMap<Float64Array, { lat: Float64Array; index: PointIndex }>();

/**
 * The index over (lon, lat), built on the first call for these two arrays and kept while they
 * live: the straight-line provider, the landing points' reach and the pilot programme of the
 * same buildings share one (a 200k-building kd-tree takes ~150 ms to build). Point columns are
 * written only while a package is read, never after, so a kept index stays true.
 */
export function pointIndexOf(lon: Float64Array, lat: Float64Array): PointIndex {
  const hit = built.get(lon);
  if (hit && hit.lat === lat) return hit.index;
  const index = new PointIndex(lon, lat);
  built.set(lon, { lat, index });
  return index;
}

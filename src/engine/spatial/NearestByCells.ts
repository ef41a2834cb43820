import KDBush from 'kdbush';
import { EARTH_RADIUS_M, radiusBox } from './haversine';

const RAD = Math.PI / 180;

/** Side of the finest grid cell, metres; coarser cells are 2^j × 2^j of them (Morton blocks). */
const FINE_CELL_M = 25;
/** A block is at most twice the radius across … */
const BLOCK_PER_RADIUS = 2;
/** … and holds at most this many points unless it is one fine cell (both measured on the 1M-building city package). */
const BLOCK_POINTS = 48;
/** Relative margin on chords: far above their rounding error (about 1e-12 here). */
const MARGIN = 1e-6;
/** Absolute margin on unit chords: 1e-9 radii (6 mm). */
const FLOOR = 1e-9;
/** Relative margin on squared chords, and absolute (1e-18 = (6 mm)²): as PointIndex.nearestWithin. */
const MARGIN2 = 1e-6;
const FLOOR2 = 1e-18;

/** Where one service is walked: a subset of the points given by a range of cells, or all. */
export interface NearestRange {
  /** First and last-exclusive position in the cell order ({@link NearestByCells.order}). */
  from: number;
  to: number;
}

/** The arrays of a {@link NearestByCells} (see its fields). */
export interface NearestByCellsParts {
  size: number;
  order: Int32Array;
  code: Uint32Array;
  lon: Float64Array;
  lat: Float64Array;
  cosLat: Float64Array;
  ux: Float64Array;
  uy: Float64Array;
  uz: Float64Array;
  fineM: number;
}

/**
 * Per point, the great-circle distance to the nearest of many sites within a radius — the
 * same numbers as PointIndex.nearestWithin, found by blocks of points instead of a kd-tree
 * walk per site. The points are sorted once along a Morton (Z-order) curve of a fine lon/lat
 * grid (25 m cells), so any 2^j × 2^j block of cells is a contiguous run; per call the run is
 * cut into blocks of at most 48 points and at most twice the radius across (a quadtree's
 * leaves). Per block: its centre c (a unit vector) and the largest chord ρ from c to its
 * points; a site s can be the nearest of some point of the block only when |s − c| − ρ is
 * within the radius and within the smallest |t − c| + ρ over the sites t whose box holds the
 * whole block (the triangle inequality in 3-D, with a relative margin of 1e-6 and 6 mm, far
 * above rounding). Each point then meets only those few sites, nearest first, with
 * PointIndex's box test, chord filter and haversine, operation for operation, so every
 * distance is the same number (test/engine/nearestByCells.test.ts compares them on random
 * and degenerate inputs). Work grows with the points × the few sites near each, not with
 * the points inside every site's box.
 */
export class NearestByCells {
  /** Number of points. */
  readonly size: number;
  /** Point indices in cell order (Morton order of the fine grid); points with non-finite coordinates are left out. */
  readonly order: Int32Array;
  /** Fine-grid Morton code of each position of {@link order}. */
  private readonly code: Uint32Array;
  /** By position: lon, lat (degrees), cos(lat), unit vector x, y, z. */
  private readonly lon: Float64Array;
  private readonly lat: Float64Array;
  private readonly cosLat: Float64Array;
  private readonly ux: Float64Array;
  private readonly uy: Float64Array;
  private readonly uz: Float64Array;
  /** Fine cell side, metres (north–south). */
  private readonly fineM: number;

  /**
   * @param lon, lat the points, degrees
   * @param buffer where the index's arrays live (default: a new ArrayBuffer each; the CLI
   *   passes SharedArrayBuffer, so another thread takes the index with {@link fromParts})
   */
  constructor(lon: Float64Array, lat: Float64Array, buffer: (byteLength: number) => ArrayBufferLike = (n) => new ArrayBuffer(n)) {
    const n = lon.length;
    this.size = n;
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    let finite = 0;
    for (let i = 0; i < n; i++) {
      const x = lon[i];
      const y = lat[i];
      if (!(Number.isFinite(x) && Number.isFinite(y))) continue;
      finite++;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
    // fine cells FINE_CELL_M tall, as wide at the middle latitude; larger when 2^16 of them do not span the points
    const mid = Math.cos(((y0 + y1) / 2) * RAD);
    let gLat = FINE_CELL_M / EARTH_RADIUS_M / RAD;
    let gLon = gLat / Math.max(mid, 0.01);
    const k = Math.max(1, (x1 - x0) / gLon / 65535, (y1 - y0) / gLat / 65535);
    gLat *= k;
    gLon *= k;
    this.fineM = FINE_CELL_M * k;
    const keys = new Uint32Array(buffer(4 * finite));
    const idx = new Int32Array(buffer(4 * finite));
    let m = 0;
    for (let i = 0; i < n; i++) {
      const x = lon[i];
      const y = lat[i];
      if (!(Number.isFinite(x) && Number.isFinite(y))) continue;
      const cx = Math.min(65535, Math.floor((x - x0) / gLon));
      const cy = Math.min(65535, Math.floor((y - y0) / gLat));
      keys[m] = morton(cx, cy);
      idx[m++] = i;
    }
    const { keys: code, idx: order } = radixSort(keys, idx);
    this.code = code;
    this.order = order;
    this.lon = new Float64Array(buffer(8 * finite));
    this.lat = new Float64Array(buffer(8 * finite));
    this.cosLat = new Float64Array(buffer(8 * finite));
    this.ux = new Float64Array(buffer(8 * finite));
    this.uy = new Float64Array(buffer(8 * finite));
    this.uz = new Float64Array(buffer(8 * finite));
    for (let p = 0; p < finite; p++) {
      const i = order[p];
      const la = lat[i];
      const lo = lon[i];
      const c = Math.cos(la * RAD);
      this.lon[p] = lo;
      this.lat[p] = la;
      this.cosLat[p] = c;
      this.ux[p] = c * Math.cos(lo * RAD);
      this.uy[p] = c * Math.sin(lo * RAD);
      this.uz[p] = Math.sin(la * RAD);
    }
  }

  /** The index's arrays (to hand to another thread: shared when built over SharedArrayBuffer). */
  parts(): NearestByCellsParts {
    const { size, order, code, lon, lat, cosLat, ux, uy, uz, fineM } = this;
    return { size, order, code, lon, lat, cosLat, ux, uy, uz, fineM };
  }

  /** The index whose arrays are `parts` (of {@link parts}), without building anything. */
  static fromParts(parts: NearestByCellsParts): NearestByCells {
    const cells = Object.create(NearestByCells.prototype) as NearestByCells;
    return Object.assign(cells, parts);
  }

  /**
   * Per point, the distance (m) to the nearest of `sites` when within `radiusM`, else
   * Infinity: the same numbers as PointIndex.nearestWithin(sites, radiusM).
   */
  nearestWithin(sites: readonly { lon: number; lat: number }[], radiusM: number): Float64Array {
    const out = new Float64Array(this.size).fill(Infinity);
    this.nearestInto(out, sites, radiusM, { from: 0, to: this.order.length });
    return out;
  }

  /**
   * {@link nearestWithin} for the points at positions `range.from` … `range.to − 1` of the
   * cell order only, written into `out` (indexed by point; the others are not touched).
   * Ranges that split the order between threads give together what one call gives.
   */
  nearestInto(out: Float64Array, sites: readonly { lon: number; lat: number }[], radiusM: number, range: NearestRange): void {
    const ns = sites.length;
    if (ns === 0 || range.to <= range.from) return;
    // the sites, with their unit vectors and cosines, in a kd-tree for the per-block queries
    const sLon = new Float64Array(ns);
    const sLat = new Float64Array(ns);
    const sCos = new Float64Array(ns);
    const sx = new Float64Array(ns);
    const sy = new Float64Array(ns);
    const sz = new Float64Array(ns);
    // each site's box as PointIndex walks it: a pair counts only when the point is in the site's box
    const bx0 = new Float64Array(ns);
    const by0 = new Float64Array(ns);
    const bx1 = new Float64Array(ns);
    const by1 = new Float64Array(ns);
    const tree = new KDBush(ns, 16, Float64Array);
    for (let j = 0; j < ns; j++) {
      const lo = sites[j].lon;
      const la = sites[j].lat;
      const c = Math.cos(la * RAD);
      sLon[j] = lo;
      sLat[j] = la;
      sCos[j] = c;
      sx[j] = c * Math.cos(lo * RAD);
      sy[j] = c * Math.sin(lo * RAD);
      sz[j] = Math.sin(la * RAD);
      [bx0[j], by0[j], bx1[j], by1[j]] = radiusBox(lo, la, radiusM);
      tree.add(lo, la);
    }
    tree.finish();
    const chordR = 2 * Math.sin(radiusM / EARTH_RADIUS_M / 2);
    const limit2 = chordR * chordR * (1 + MARGIN2) + FLOOR2;
    const reachR = chordR * (1 + MARGIN) + FLOOR; // a site whose chord to every point of a block exceeds this is out of range
    // blocks of at most 2^level fine cells a side, at most twice the radius across
    let level = 0;
    while (level < 15 && this.fineM * 2 ** (level + 1) <= radiusM * BLOCK_PER_RADIUS) level++;
    const { order, code, lon, lat, cosLat, ux, uy, uz } = this;
    // the kept sites of the current block: index, chord to the centre
    let cand = new Int32Array(64);
    let candD = new Float64Array(64);
    const hits = { ids: new Int32Array(64), stack: new Int32Array(3 * 64) };
    let p = range.from;
    while (p < range.to) {
      // the block: positions p … q − 1, the rest of p's cell at the coarsest level that leaves at most BLOCK_POINTS
      let q = p + 1;
      for (let j = level; j >= 0; j--) {
        q = runEnd(code, p, range.to, 2 * j);
        if (q - p <= BLOCK_POINTS) break;
      }
      // centre: the unit vector of the mean lon/lat; ρ: the largest chord from it to the block's points
      let mLon = 0;
      let mLat = 0;
      let x0 = Infinity;
      let y0 = Infinity;
      let x1 = -Infinity;
      let y1 = -Infinity;
      for (let k = p; k < q; k++) {
        const x = lon[k];
        const y = lat[k];
        mLon += x;
        mLat += y;
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
      mLon /= q - p;
      mLat /= q - p;
      const cc = Math.cos(mLat * RAD);
      const cx = cc * Math.cos(mLon * RAD);
      const cy = cc * Math.sin(mLon * RAD);
      const cz = Math.sin(mLat * RAD);
      let rho2 = 0;
      for (let k = p; k < q; k++) {
        const dx = ux[k] - cx;
        const dy = uy[k] - cy;
        const dz = uz[k] - cz;
        const c2 = dx * dx + dy * dy + dz * dz;
        if (c2 > rho2) rho2 = c2;
      }
      const rho = Math.sqrt(rho2) * (1 + MARGIN) + FLOOR;
      // sites whose chord to the centre may be within reachR + ρ: a great-circle radius a little larger, as a box
      const arc = 2 * Math.asin(Math.min(1, (reachR + rho) / 2));
      const [qx0, qy0, qx1, qy1] = radiusBox(mLon, mLat, arc * EARTH_RADIUS_M * (1 + MARGIN) + 1);
      const found = boxQuery(tree, qx0, qy0, qx1, qy1, hits);
      const ids = hits.ids;
      if (cand.length < found) {
        cand = new Int32Array(found * 2);
        candD = new Float64Array(found * 2);
      }
      let nc = 0;
      let upper = Infinity; // smallest |t − c| + ρ: a chord within which every point of the block has a site
      for (let a = 0; a < found; a++) {
        const j = ids[a];
        const dx = sx[j] - cx;
        const dy = sy[j] - cy;
        const dz = sz[j] - cz;
        const dc = Math.sqrt(dx * dx + dy * dy + dz * dz);
        if (dc - rho > reachR) continue;
        // only a site whose box holds the whole block is sure to count at every point of it
        if (dc + rho < upper && bx0[j] <= x0 && bx1[j] >= x1 && by0[j] <= y0 && by1[j] >= y1) upper = dc + rho;
        cand[nc] = j;
        candD[nc++] = dc;
      }
      const keep = upper * (1 + MARGIN) + FLOOR;
      // drop the sites farther from every point than some other site, then nearest first (insertion sort: a few sites)
      let kept = 0;
      for (let a = 0; a < nc; a++) {
        if (candD[a] - rho > keep) continue;
        const j = cand[a];
        const dj = candD[a];
        let b = kept++;
        while (b > 0 && (candD[b - 1] > dj || (candD[b - 1] === dj && cand[b - 1] > j))) {
          cand[b] = cand[b - 1];
          candD[b] = candD[b - 1];
          b--;
        }
        cand[b] = j;
        candD[b] = dj;
      }
      if (kept > 0) {
        for (let k = p; k < q; k++) {
          const px = ux[k];
          const py = uy[k];
          const pz = uz[k];
          const x = lon[k];
          const y = lat[k];
          let best2 = Infinity;
          let d = Infinity;
          for (let a = 0; a < kept; a++) {
            const j = cand[a];
            if (x < bx0[j] || x > bx1[j] || y < by0[j] || y > by1[j]) continue;
            const dx = px - sx[j];
            const dy = py - sy[j];
            const dz = pz - sz[j];
            const c2 = dx * dx + dy * dy + dz * dz;
            if (c2 > limit2 || c2 > best2 * (1 + MARGIN2) + FLOOR2) continue;
            if (c2 < best2) best2 = c2;
            // the haversine of PointIndex.forEachWithin, operation for operation
            const s1 = Math.sin((y - sLat[j]) * RAD * 0.5);
            const s2 = Math.sin((x - sLon[j]) * RAD * 0.5);
            const h = s1 * s1 + sCos[j] * cosLat[k] * s2 * s2;
            const dist = 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
            if (dist <= radiusM && dist < d) d = dist;
          }
          out[order[k]] = d;
        }
      }
      p = q;
    }
  }
  /**
   * Per point at positions `range.from` … `range.to − 1` of the cell order, 1 in `covered`
   * (indexed by point) when some site lies within `radiusM`, else 0 (the others are not
   * touched): exactly `nearestWithin(sites, radiusM)[i] <= radiusM`, without the distances.
   * The blocks and their sites are those of {@link nearestInto}; then a block whose nearest
   * whole-block site is within the radius by a margin (1e-6 relative, far above rounding)
   * is covered at once, a point whose squared chord to a site in whose box it lies is within
   * the squared radius chord by that margin is covered without a haversine, and only a point
   * in the thin band around the radius takes the haversine of {@link nearestInto}, operation
   * for operation (test/engine/nearestByCells.test.ts compares the two).
   */
  coveredInto(covered: CoveredFlags, sites: readonly { lon: number; lat: number }[], radiusM: number, range: NearestRange): void {
    const ns = sites.length;
    if (range.to <= range.from) return;
    const { order, code, lon, lat, cosLat, ux, uy, uz } = this;
    if (ns === 0) {
      for (let k = range.from; k < range.to; k++) covered[order[k]] = 0;
      return;
    }
    const sLon = new Float64Array(ns);
    const sLat = new Float64Array(ns);
    const sCos = new Float64Array(ns);
    const sx = new Float64Array(ns);
    const sy = new Float64Array(ns);
    const sz = new Float64Array(ns);
    const bx0 = new Float64Array(ns);
    const by0 = new Float64Array(ns);
    const bx1 = new Float64Array(ns);
    const by1 = new Float64Array(ns);
    const tree = new KDBush(ns, 16, Float64Array);
    for (let j = 0; j < ns; j++) {
      const lo = sites[j].lon;
      const la = sites[j].lat;
      const c = Math.cos(la * RAD);
      sLon[j] = lo;
      sLat[j] = la;
      sCos[j] = c;
      sx[j] = c * Math.cos(lo * RAD);
      sy[j] = c * Math.sin(lo * RAD);
      sz[j] = Math.sin(la * RAD);
      [bx0[j], by0[j], bx1[j], by1[j]] = radiusBox(lo, la, radiusM);
      tree.add(lo, la);
    }
    tree.finish();
    const chordR = 2 * Math.sin(radiusM / EARTH_RADIUS_M / 2);
    const limit2 = chordR * chordR * (1 + MARGIN2) + FLOOR2;
    // surely within the radius: a squared chord this small has a haversine below radiusM whatever the rounding
    const sure2 = chordR * chordR * (1 - MARGIN2) - FLOOR2;
    const sureR = chordR * (1 - MARGIN) - FLOOR;
    const reachR = chordR * (1 + MARGIN) + FLOOR;
    let level = 0;
    while (level < 15 && this.fineM * 2 ** (level + 1) <= radiusM * BLOCK_PER_RADIUS) level++;
    let cand = new Int32Array(64);
    let candD = new Float64Array(64);
    const hits = { ids: new Int32Array(64), stack: new Int32Array(3 * 64) };
    let p = range.from;
    while (p < range.to) {
      let q = p + 1;
      for (let j = level; j >= 0; j--) {
        q = runEnd(code, p, range.to, 2 * j);
        if (q - p <= BLOCK_POINTS) break;
      }
      let mLon = 0;
      let mLat = 0;
      let x0 = Infinity;
      let y0 = Infinity;
      let x1 = -Infinity;
      let y1 = -Infinity;
      for (let k = p; k < q; k++) {
        const x = lon[k];
        const y = lat[k];
        mLon += x;
        mLat += y;
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
      mLon /= q - p;
      mLat /= q - p;
      const cc = Math.cos(mLat * RAD);
      const cx = cc * Math.cos(mLon * RAD);
      const cy = cc * Math.sin(mLon * RAD);
      const cz = Math.sin(mLat * RAD);
      let rho2 = 0;
      for (let k = p; k < q; k++) {
        const dx = ux[k] - cx;
        const dy = uy[k] - cy;
        const dz = uz[k] - cz;
        const c2 = dx * dx + dy * dy + dz * dz;
        if (c2 > rho2) rho2 = c2;
      }
      const rho = Math.sqrt(rho2) * (1 + MARGIN) + FLOOR;
      const arc = 2 * Math.asin(Math.min(1, (reachR + rho) / 2));
      const [qx0, qy0, qx1, qy1] = radiusBox(mLon, mLat, arc * EARTH_RADIUS_M * (1 + MARGIN) + 1);
      const found = boxQuery(tree, qx0, qy0, qx1, qy1, hits);
      const ids = hits.ids;
      if (cand.length < found) {
        cand = new Int32Array(found * 2);
        candD = new Float64Array(found * 2);
      }
      let nc = 0;
      let upper = Infinity;
      for (let a = 0; a < found; a++) {
        const j = ids[a];
        const dx = sx[j] - cx;
        const dy = sy[j] - cy;
        const dz = sz[j] - cz;
        const dc = Math.sqrt(dx * dx + dy * dy + dz * dz);
        if (dc - rho > reachR) continue;
        if (dc + rho < upper && bx0[j] <= x0 && bx1[j] >= x1 && by0[j] <= y0 && by1[j] >= y1) upper = dc + rho;
        cand[nc] = j;
        candD[nc++] = dc;
      }
      if (upper * (1 + MARGIN) + FLOOR <= sureR) {
        // a site whose box holds the block is within the radius of every point of it, by a margin
        for (let k = p; k < q; k++) covered[order[k]] = 1;
        p = q;
        continue;
      }
      const keep = upper * (1 + MARGIN) + FLOOR;
      // the sites that may be the nearest of some point, nearest the centre first (a covering site is then met early)
      let kept = 0;
      for (let a = 0; a < nc; a++) {
        if (candD[a] - rho > keep) continue;
        const j = cand[a];
        const dj = candD[a];
        let b = kept++;
        while (b > 0 && (candD[b - 1] > dj || (candD[b - 1] === dj && cand[b - 1] > j))) {
          cand[b] = cand[b - 1];
          candD[b] = candD[b - 1];
          b--;
        }
        cand[b] = j;
        candD[b] = dj;
      }
      for (let k = p; k < q; k++) {
        const px = ux[k];
        const py = uy[k];
        const pz = uz[k];
        const x = lon[k];
        const y = lat[k];
        let hit = 0;
        for (let a = 0; a < kept; a++) {
          const j = cand[a];
          if (x < bx0[j] || x > bx1[j] || y < by0[j] || y > by1[j]) continue;
          const dx = px - sx[j];
          const dy = py - sy[j];
          const dz = pz - sz[j];
          const c2 = dx * dx + dy * dy + dz * dz;
          if (c2 > limit2) continue;
          if (c2 <= sure2) {
            hit = 1;
            break;
          }
          // the band around the radius: the haversine of nearestInto decides
          const s1 = Math.sin((y - sLat[j]) * RAD * 0.5);
          const s2 = Math.sin((x - sLon[j]) * RAD * 0.5);
          const h = s1 * s1 + sCos[j] * cosLat[k] * s2 * s2;
          const dist = 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
          if (dist <= radiusM) {
            hit = 1;
            break;
          }
        }
        covered[order[k]] = hit;
      }
      p = q;
    }
  }
}

/**
 * The decision {@link NearestByCells.coveredInto} makes, per point: 1 when some site within
 * the radius, else 0 — as `nearestWithin(sites, radiusM)[i] <= radiusM`.
 */
export type CoveredFlags = Uint8Array;

/**
 * kdbush's range(), writing the ids into `into.ids` (grown when full) instead of a new array
 * per query: how many were found. Order as kdbush's.
 */
function boxQuery(tree: KDBush, minX: number, minY: number, maxX: number, maxY: number, into: { ids: Int32Array; stack: Int32Array }): number {
  const { ids, coords, nodeSize } = tree;
  const stack = into.stack; // depth-first, at most one pending half per level
  let out = into.ids;
  let found = 0;
  stack[0] = 0;
  stack[1] = ids.length - 1;
  stack[2] = 0;
  let sp = 3;
  while (sp > 0) {
    const axis = stack[--sp];
    const right = stack[--sp];
    const left = stack[--sp];
    if (right - left <= nodeSize) {
      for (let i = left; i <= right; i++) {
        const x = coords[2 * i];
        const y = coords[2 * i + 1];
        if (x >= minX && x <= maxX && y >= minY && y <= maxY) {
          if (found === out.length) {
            const grown = new Int32Array(out.length * 2);
            grown.set(out);
            out = into.ids = grown;
          }
          out[found++] = ids[i];
        }
      }
      continue;
    }
    const m = (left + right) >> 1;
    const x = coords[2 * m];
    const y = coords[2 * m + 1];
    if (x >= minX && x <= maxX && y >= minY && y <= maxY) {
      if (found === out.length) {
        const grown = new Int32Array(out.length * 2);
        grown.set(out);
        out = into.ids = grown;
      }
      out[found++] = ids[m];
    }
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
  return found;
}

/** The end of the run of positions from p (before `to`) whose codes agree with code[p] above bit `shift`: a binary search. */
function runEnd(code: Uint32Array, p: number, to: number, shift: number): number {
  if (shift >= 32) return to;
  const prefix = code[p] >>> shift;
  let lo = p + 1;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (code[mid] >>> shift === prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Interleave the bits of two 16-bit cell numbers (x in the even bits), as an unsigned 32-bit code. */
function morton(x: number, y: number): number {
  return (spread(x) | (spread(y) << 1)) >>> 0;
}

function spread(v: number): number {
  v &= 0xffff;
  v = (v | (v << 8)) & 0x00ff00ff;
  v = (v | (v << 4)) & 0x0f0f0f0f;
  v = (v | (v << 2)) & 0x33333333;
  v = (v | (v << 1)) & 0x55555555;
  return v;
}

/** Stable sort of unsigned 32-bit keys carrying indices: two passes of 16 bits. */
function radixSort(keys: Uint32Array, idx: Int32Array): { keys: Uint32Array; idx: Int32Array } {
  const n = keys.length;
  let k0: Uint32Array = keys;
  let i0: Int32Array = idx;
  let k1: Uint32Array = new Uint32Array(n);
  let i1: Int32Array = new Int32Array(n);
  const count = new Int32Array(65537);
  for (const shift of [0, 16]) {
    count.fill(0);
    for (let a = 0; a < n; a++) count[((k0[a] >>> shift) & 0xffff) + 1]++;
    for (let b = 1; b <= 65536; b++) count[b] += count[b - 1];
    for (let a = 0; a < n; a++) {
      const at = count[(k0[a] >>> shift) & 0xffff]++;
      k1[at] = k0[a];
      i1[at] = i0[a];
    }
    [k0, k1] = [k1, k0];
    [i0, i1] = [i1, i0];
  }
  return { keys: k0, idx: i0 };
}

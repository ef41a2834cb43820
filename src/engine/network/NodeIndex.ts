import KDBush from 'kdbush';
import { EARTH_RADIUS_M } from '../spatial/haversine';
import type { WalkGraph } from './WalkGraph';

const RAD = Math.PI / 180;

/**
 * A spatial index of a graph's nodes answering "nearest node by great-circle distance"
 * exactly. The tree is kdbush's; the search is a depth-first branch-and-bound over it
 * with geokdbush's great-circle lower bound for a box (mourner, ISC), allocation-free
 * per query (geokdbush's `around` allocates a queue item per visited point, ~20× slower
 * for k = 1). Build once per graph (~40 ms for 100k nodes); {@link nodeIndexOf} caches it.
 */
export class NodeIndex {
  readonly tree: KDBush;
  /** Ties at the same distance go to the smaller node number. */
  private readonly stack = new Float64Array(8 * 256);

  /** Per tree position: cos(latitude), and the unit vector (x, y, z) for the chord filter. */
  private readonly cosT: Float64Array;
  private readonly unit: Float64Array;

  constructor(g: WalkGraph, nodeSize = 32) {
    this.tree = new KDBush(Math.max(1, g.nodeCount), nodeSize);
    for (let i = 0; i < g.nodeCount; i++) this.tree.add(g.nodeLon[i], g.nodeLat[i]);
    if (g.nodeCount === 0) this.tree.add(NaN, NaN);
    this.tree.finish();
    this.empty = g.nodeCount === 0;
    const { coords } = this.tree;
    const n = this.tree.ids.length;
    this.cosT = new Float64Array(n);
    this.unit = new Float64Array(3 * n);
    for (let k = 0; k < n; k++) {
      const c = Math.cos(coords[2 * k + 1] * RAD);
      this.cosT[k] = c;
      this.unit[3 * k] = c * Math.cos(coords[2 * k] * RAD);
      this.unit[3 * k + 1] = c * Math.sin(coords[2 * k] * RAD);
      this.unit[3 * k + 2] = Math.sin(coords[2 * k + 1] * RAD);
    }
  }

  private readonly empty: boolean;
  /** Distance of the last {@link nearest} answer, metres. */
  lastDistanceM = Infinity;
  /** Tree position of the last answer (-1: none), the seed of the next query with `fromLast`. */
  private lastPos = -1;

  /**
   * Nearest node to (lon, lat) in degrees, -1 for an empty graph; its distance in
   * `lastDistanceM`. With `fromLast`, the search starts from the previous answer as the
   * best so far — the same answer (a node, so the true nearest is no farther; ties still
   * go to the smaller number), found sooner when queries come in spatial order.
   *
   * A node's haversine is computed only when its chord (unit vectors, a few
   * multiplications) is not clearly longer than the best node's: the chord grows strictly
   * with the distance, and the margin (relative 1e-6, plus 6 mm) is far above its
   * rounding error, so a skipped node is farther than the best and the answer is the one
   * the full search gives.
   */
  nearest(lon: number, lat: number, fromLast = false): number {
    this.lastDistanceM = Infinity;
    if (this.empty || !Number.isFinite(lon) || !Number.isFinite(lat)) {
      this.lastPos = -1;
      return -1;
    }
    const { ids, coords, nodeSize } = this.tree;
    const cosT = this.cosT;
    const unit = this.unit;
    const cosLat = Math.cos(lat * RAD);
    const qx = cosLat * Math.cos(lon * RAD);
    const qy = cosLat * Math.sin(lon * RAD);
    const qz = Math.sin(lat * RAD);
    const st = this.stack;
    let best = Infinity;
    let bestId = -1;
    let bestPos = -1;
    let bestC2 = Infinity; // squared chord of the best node
    if (fromLast && this.lastPos >= 0) {
      const k = this.lastPos;
      best = cosLat * cosT[k] * hav((lon - coords[2 * k]) * RAD) + hav((lat - coords[2 * k + 1]) * RAD);
      bestId = ids[k];
      bestPos = k;
      bestC2 = chord2(unit, k, qx, qy, qz);
    }
    let span = 180; // degrees of latitude within which a node may still beat `best`
    let spanOf = Infinity; // the best that span was computed for
    let sp = 0;
    // Stack frame: left, right, axis, minLng, minLat, maxLng, maxLat, lowerBound.
    st[0] = 0;
    st[1] = ids.length - 1;
    st[2] = 0;
    st[3] = -180;
    st[4] = -90;
    st[5] = 180;
    st[6] = 90;
    st[7] = 0;
    sp = 1;
    while (sp > 0) {
      sp--;
      const o = sp * 8;
      if (st[o + 7] > best) continue;
      const left = st[o],
        right = st[o + 1],
        axis = st[o + 2];
      const minLng = st[o + 3],
        minLat = st[o + 4],
        maxLng = st[o + 5],
        maxLat = st[o + 6];
      if (right - left <= nodeSize) {
        for (let i = left; i <= right; i++) {
          const c2 = chord2(unit, i, qx, qy, qz);
          if (c2 > bestC2 * (1 + CHORD_MARGIN) + CHORD_FLOOR) continue;
          // havDist, operation for operation, with the node's cosine kept
          const d = cosLat * cosT[i] * hav((lon - coords[2 * i]) * RAD) + hav((lat - coords[2 * i + 1]) * RAD);
          if (d < best || (d === best && ids[i] < bestId)) {
            best = d;
            bestId = ids[i];
            bestPos = i;
            bestC2 = c2;
          }
        }
        continue;
      }
      const m = (left + right) >> 1;
      const midLng = coords[2 * m],
        midLat = coords[2 * m + 1];
      const cm = chord2(unit, m, qx, qy, qz);
      if (cm <= bestC2 * (1 + CHORD_MARGIN) + CHORD_FLOOR) {
        const dm = cosLat * cosT[m] * hav((lon - midLng) * RAD) + hav((lat - midLat) * RAD);
        if (dm < best || (dm === best && ids[m] < bestId)) {
          best = dm;
          bestId = ids[m];
          bestPos = m;
          bestC2 = cm;
        }
      }
      // latitudes farther than `span` from the query are beyond the best: the box bound may ignore them
      if (best !== spanOf) {
        spanOf = best;
        span = best >= 1 ? 180 : ((2 * Math.asin(Math.sqrt(best))) / RAD) * (1 + 1e-9) + 1e-12;
      }
      // Children boxes.
      const lMaxLng = axis === 0 ? midLng : maxLng,
        lMaxLat = axis === 1 ? midLat : maxLat;
      const rMinLng = axis === 0 ? midLng : minLng,
        rMinLat = axis === 1 ? midLat : minLat;
      const dl = m - 1 >= left ? boxBound(lon, lat, cosLat, minLng, minLat, lMaxLng, lMaxLat, span) : Infinity;
      const dr = right >= m + 1 ? boxBound(lon, lat, cosLat, rMinLng, rMinLat, maxLng, maxLat, span) : Infinity;
      const next = 1 - axis;
      // Push the farther child first so the nearer is searched first.
      if (dl <= dr) {
        if (dr <= best) sp = push(st, sp, m + 1, right, next, rMinLng, rMinLat, maxLng, maxLat, dr);
        if (dl <= best) sp = push(st, sp, left, m - 1, next, minLng, minLat, lMaxLng, lMaxLat, dl);
      } else {
        if (dl <= best) sp = push(st, sp, left, m - 1, next, minLng, minLat, lMaxLng, lMaxLat, dl);
        if (dr <= best) sp = push(st, sp, m + 1, right, next, rMinLng, rMinLat, maxLng, maxLat, dr);
      }
    }
    this.lastDistanceM = 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(best)));
    this.lastPos = bestPos;
    return bestId;
  }
}

/** Relative margin on squared chords: far above their rounding error (about 1e-8 / distance in metres). */
const CHORD_MARGIN = 1e-6;
/** Absolute margin on squared unit chords: 1e-18, a chord of 1e-9 radii (6 mm). */
const CHORD_FLOOR = 1e-18;

/** Squared chord between the unit vector at tree position k and (qx, qy, qz). */
function chord2(unit: Float64Array, k: number, qx: number, qy: number, qz: number): number {
  const dx = unit[3 * k] - qx;
  const dy = unit[3 * k + 1] - qy;
  const dz = unit[3 * k + 2] - qz;
  return dx * dx + dy * dy + dz * dz;
}

const cache = new WeakMap<WalkGraph, NodeIndex>();

/** The node index of a graph, built on first use and kept for the graph's lifetime. */
export function nodeIndexOf(g: WalkGraph): NodeIndex {
  let idx = cache.get(g);
  if (!idx) {
    idx = new NodeIndex(g);
    cache.set(g, idx);
  }
  return idx;
}

function push(
  st: Float64Array,
  sp: number,
  left: number,
  right: number,
  axis: number,
  minLng: number,
  minLat: number,
  maxLng: number,
  maxLat: number,
  bound: number,
): number {
  const q = sp * 8;
  st[q] = left;
  st[q + 1] = right;
  st[q + 2] = axis;
  st[q + 3] = minLng;
  st[q + 4] = minLat;
  st[q + 5] = maxLng;
  st[q + 6] = maxLat;
  st[q + 7] = bound;
  return sp + 1;
}

function hav(theta: number): number {
  const s = Math.sin(theta / 2);
  return s * s;
}

/**
 * A lower bound of the haversine of the central angle from (lng, lat) to any point of a
 * lon/lat box that lies within `span` degrees of latitude of it, without trigonometry:
 * hav(Δφ) + cos φ · min cos φ' · hav(Δλ) with the smallest Δφ and Δλ to the box,
 * sin h ≥ h − h³/6 and cos y ≥ 1 − y²/2, less a relative 1e-9 for rounding. Points of the
 * box farther in latitude are farther than the best node already (span is its angle), so
 * the bound prunes soundly; any sound bound gives the same answer, and geokdbush's exact
 * box distance costs half a dozen sines and tangents a box.
 */
function boxBound(lng: number, lat: number, cosLat: number, minLng: number, minLat: number, maxLng: number, maxLat: number, span: number): number {
  const dLat = lat < minLat ? minLat - lat : lat > maxLat ? lat - maxLat : 0;
  let bound = havBelow(dLat * RAD);
  if (lng < minLng || lng > maxLng) {
    let a = Math.abs(lng - minLng);
    if (a > 180) a = 360 - a;
    let b = Math.abs(lng - maxLng);
    if (b > 180) b = 360 - b;
    // the smallest cos φ' over the box's latitudes within `span` of the query (those beyond are beyond the best anyway): at the edge farthest from the equator
    const far = Math.max(Math.abs(Math.max(minLat, lat - span)), Math.abs(Math.min(maxLat, lat + span))) * RAD;
    const cosFar = Math.max(0, 1 - (far * far) / 2);
    bound += cosLat * cosFar * havBelow(Math.min(a, b) * RAD);
  }
  return bound * (1 - 1e-9);
}

/** A lower bound of hav(x) = sin²(x / 2) for 0 ≤ x ≤ π: sin h ≥ h − h³/6 (h ≤ π/2). */
function havBelow(x: number): number {
  const h = x / 2;
  const s = h - (h * h * h) / 6;
  return s * s;
}

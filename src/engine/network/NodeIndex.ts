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

  constructor(g: WalkGraph, nodeSize = 32) {
    this.tree = new KDBush(Math.max(1, g.nodeCount), nodeSize);
    for (let i = 0; i < g.nodeCount; i++) this.tree.add(g.nodeLon[i], g.nodeLat[i]);
    if (g.nodeCount === 0) this.tree.add(NaN, NaN);
    this.tree.finish();
    this.empty = g.nodeCount === 0;
  }

  private readonly empty: boolean;
  /** Distance of the last {@link nearest} answer, metres. */
  lastDistanceM = Infinity;

  /** Nearest node to (lon, lat) in degrees, -1 for an empty graph; its distance in `lastDistanceM`. */
  nearest(lon: number, lat: number): number {
    this.lastDistanceM = Infinity;
    if (this.empty || !Number.isFinite(lon) || !Number.isFinite(lat)) return -1;
    const { ids, coords, nodeSize } = this.tree;
    const cosLat = Math.cos(lat * RAD);
    const st = this.stack;
    let best = Infinity;
    let bestId = -1;
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
          const d = havDist(lon, lat, coords[2 * i], coords[2 * i + 1], cosLat);
          if (d < best || (d === best && ids[i] < bestId)) {
            best = d;
            bestId = ids[i];
          }
        }
        continue;
      }
      const m = (left + right) >> 1;
      const midLng = coords[2 * m],
        midLat = coords[2 * m + 1];
      const dm = havDist(lon, lat, midLng, midLat, cosLat);
      if (dm < best || (dm === best && ids[m] < bestId)) {
        best = dm;
        bestId = ids[m];
      }
      // Children boxes.
      const lMaxLng = axis === 0 ? midLng : maxLng,
        lMaxLat = axis === 1 ? midLat : maxLat;
      const rMinLng = axis === 0 ? midLng : minLng,
        rMinLat = axis === 1 ? midLat : minLat;
      const dl = m - 1 >= left ? boxDist(lon, lat, cosLat, minLng, minLat, lMaxLng, lMaxLat) : Infinity;
      const dr = right >= m + 1 ? boxDist(lon, lat, cosLat, rMinLng, rMinLat, maxLng, maxLat) : Infinity;
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
    return bestId;
  }
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

/** Haversine of the central angle between two points (monotone in distance). */
function havDist(lng1: number, lat1: number, lng2: number, lat2: number, cosLat1: number): number {
  return cosLat1 * Math.cos(lat2 * RAD) * hav((lng1 - lng2) * RAD) + hav((lat1 - lat2) * RAD);
}

function havPartial(havDLng: number, cosLat1: number, lat1: number, lat2: number): number {
  return cosLat1 * Math.cos(lat2 * RAD) * havDLng + hav((lat1 - lat2) * RAD);
}

function vertexLat(lat: number, havDLng: number): number {
  const cosDLng = 1 - 2 * havDLng;
  if (cosDLng <= 0) return lat > 0 ? 90 : -90;
  return Math.atan(Math.tan(lat * RAD) / cosDLng) / RAD;
}

/** Lower bound of {@link havDist} from a point to any point of a lon/lat box (geokdbush). */
function boxDist(lng: number, lat: number, cosLat: number, minLng: number, minLat: number, maxLng: number, maxLat: number): number {
  if (lng >= minLng && lng <= maxLng) {
    if (lat < minLat) return hav((lat - minLat) * RAD);
    if (lat > maxLat) return hav((lat - maxLat) * RAD);
    return 0;
  }
  const havDLng = Math.min(hav((lng - minLng) * RAD), hav((lng - maxLng) * RAD));
  const extremumLat = vertexLat(lat, havDLng);
  if (extremumLat > minLat && extremumLat < maxLat) return havPartial(havDLng, cosLat, lat, extremumLat);
  return Math.min(havPartial(havDLng, cosLat, lat, minLat), havPartial(havDLng, cosLat, lat, maxLat));
}

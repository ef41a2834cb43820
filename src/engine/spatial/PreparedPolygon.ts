import type { MultiPolygon, Polygon, Position } from 'geojson';

/** Rings with fewer edges than this are scanned edge by edge (binning does not pay). */
const MIN_BINNED_EDGES = 32;
/** At most this many y bins per ring (a ring of n edges gets about n / 2 bins). */
const MAX_BINS = 1 << 18;
/** Bin entries per edge on average before the bins are coarsened. */
const MAX_ENTRIES_PER_EDGE = 8;

/**
 * One ring, flat: its vertices in a Float64Array and, for long rings, its edges bucketed by
 * latitude so that a test reads only the edges whose y-range can hold the point.
 */
interface FlatRing {
  /** x0, y0, x1, y1, … in degrees; the ring's last vertex joins its first (as GeoJSON repeats it). */
  xy: Float64Array;
  /** Vertex count (xy.length / 2). */
  n: number;
  minY: number;
  maxY: number;
  /** Binned rings only: first bin's y, bins per degree, bin count. */
  binY0: number;
  binScale: number;
  bins: number;
  /** Bin b holds the edge ids edges[start[b] .. start[b + 1]); edge i joins vertex i-1 (cyclic) and i. */
  start: Uint32Array | null;
  edges: Uint32Array | null;
}

function flatRing(ring: Position[]): FlatRing {
  const n = ring.length;
  const xy = new Float64Array(2 * n);
  let minY = Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = ring[i][0];
    const y = ring[i][1];
    xy[2 * i] = x;
    xy[2 * i + 1] = y;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  const r: FlatRing = { xy, n, minY, maxY, binY0: minY, binScale: 0, bins: 0, start: null, edges: null };
  if (n < MIN_BINNED_EDGES || !(maxY > minY) || !Number.isFinite(maxY - minY)) return r;
  let bins = Math.min(MAX_BINS, Math.max(1, n >> 1));
  // counting sort of the edges into every bin their closed y-range [lo, hi] touches; the bin
  // function is monotone in y, so an edge counted for y (lo ≤ y < hi) is always in y's bin.
  // Rings of tall edges (spikes) would repeat each edge in many bins: coarsen until the
  // entries stay within MAX_ENTRIES_PER_EDGE × n (memory O(n); such rings answer slower).
  let count: Uint32Array;
  for (;;) {
    r.bins = bins;
    r.binScale = bins / (maxY - minY);
    count = new Uint32Array(bins + 1);
    let entries = 0;
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const yi = xy[2 * i + 1];
      const yj = xy[2 * j + 1];
      if (yi === yj) continue; // horizontal edges never cross a horizontal ray
      const b0 = binIndex(r, yi < yj ? yi : yj);
      const b1 = binIndex(r, yi < yj ? yj : yi);
      entries += b1 - b0 + 1;
      if (entries > MAX_ENTRIES_PER_EDGE * n && bins > 1) break;
      for (let b = b0; b <= b1; b++) count[b + 1]++;
    }
    if (entries <= MAX_ENTRIES_PER_EDGE * n || bins === 1) break;
    bins = Math.max(1, bins >> 2);
  }
  const binOf = (y: number) => binIndex(r, y);
  for (let b = 0; b < bins; b++) count[b + 1] += count[b];
  const start = count.slice();
  const fill = count.subarray(0, bins).slice();
  const edges = new Uint32Array(start[bins]);
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const yi = xy[2 * i + 1];
    const yj = xy[2 * j + 1];
    if (yi === yj) continue;
    const b0 = binOf(yi < yj ? yi : yj);
    const b1 = binOf(yi < yj ? yj : yi);
    for (let b = b0; b <= b1; b++) edges[fill[b]++] = i;
  }
  r.start = start;
  r.edges = edges;
  return r;
}

function binIndex(r: FlatRing, y: number): number {
  const b = Math.floor((y - r.binY0) * r.binScale);
  return b < 0 ? 0 : b >= r.bins ? r.bins - 1 : b;
}

/** Does the edge ending at vertex i (from vertex j) cross the ray from (x, y) towards +x? */
function crosses(xy: Float64Array, i: number, j: number, x: number, y: number): boolean {
  const yi = xy[2 * i + 1];
  const yj = xy[2 * j + 1];
  if (yi > y === yj > y) return false;
  // the same arithmetic as pointInPolygon's inRing, from the edge's lower end (see there)
  const lo = yi < yj ? i : j;
  const hi = yi < yj ? j : i;
  const lx = xy[2 * lo];
  const ly = xy[2 * lo + 1];
  return x < ((xy[2 * hi] - lx) * (y - ly)) / (xy[2 * hi + 1] - ly) + lx;
}

function inFlatRing(x: number, y: number, r: FlatRing): boolean {
  if (!(y >= r.minY && y <= r.maxY)) return false; // no edge can cross (NaN too)
  const xy = r.xy;
  let inside = false;
  if (r.edges === null) {
    for (let i = 0, j = r.n - 1; i < r.n; j = i++) if (crosses(xy, i, j, x, y)) inside = !inside;
    return inside;
  }
  const b = binIndex(r, y);
  const edges = r.edges;
  for (let k = r.start![b], end = r.start![b + 1]; k < end; k++) {
    const i = edges[k];
    if (crosses(xy, i, i === 0 ? r.n - 1 : i - 1, x, y)) inside = !inside;
  }
  return inside;
}

/**
 * A Polygon or MultiPolygon prepared for many point-in-polygon tests: rings flattened into
 * typed arrays, each long ring's edges binned by latitude (about two edges a bin), so a test
 * costs O(edges near the point's latitude) instead of O(all vertices). A community of a
 * million vertices answers each of its buildings in microseconds.
 *
 * Answers are identical to {@link pointInPolygon}'s, bit for bit: the same even-odd rule,
 * the same crossing arithmetic, the same half-open border rule (a point on a shared border
 * belongs to the community east, or north, of it).
 */
export class PreparedPolygon {
  /** Per part: outer ring first, then its holes. */
  private readonly parts: FlatRing[][];

  constructor(g: Polygon | MultiPolygon) {
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    this.parts = polys.map((rings) => rings.map(flatRing));
  }

  /** Is (lon, lat), in degrees, inside (holes excluded, border rule as pointInPolygon)? */
  contains(lon: number, lat: number): boolean {
    for (const rings of this.parts) {
      if (rings.length === 0 || !inFlatRing(lon, lat, rings[0])) continue;
      let inHole = false;
      for (let h = 1; h < rings.length && !inHole; h++) inHole = inFlatRing(lon, lat, rings[h]);
      if (!inHole) return true;
    }
    return false;
  }
}

import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { cellsToMultiPolygon, getHexagonEdgeLengthAvg, gridDisk, latLngToCell } from 'h3-js';
import { FLAT_SPEED_M_PER_MIN } from './buildEffortCosts';
import type { WalkGraph } from './WalkGraph';

/** Options of {@link walkshed}. */
export interface WalkshedOptions {
  /** H3 resolution of the cells the walkshed is made of (default 11: hexagon edge ≈ 25 m, centres ≈ 43 m apart). */
  h3Resolution?: number;
  /** Spacing of the sample points along reached edges, metres (default 15). */
  sampleM?: number;
  /** Off-network buffer around reached network points, metres, capped by the budget left there (default 50). */
  bufferM?: number;
  /** Cost per half-edge that produced the distances, in the direction of the search (default `g.lengthM`). */
  cost?: Float64Array;
  /** Speed turning thresholds into the `minutes` property, metres per minute (default ≈ 83.94, Tobler's flat 5.04 km/h). */
  metresPerMinute?: number;
  /** A start point off the network: the straight leg to its node is sampled too (set by {@link walkshedFromPoint}). */
  origin?: { lon: number; lat: number; node: number; snapM: number };
}

/** Properties of one walkshed feature. */
export interface WalkshedProperties {
  /** Budget of this walkshed, metres (flat-equivalent metres with an effort cost). */
  thresholdM: number;
  /** `thresholdM` in minutes at `metresPerMinute`, 2 decimals. */
  minutes: number;
  /** Number of H3 cells in the shape. */
  cells: number;
}

/**
 * Walksheds (isochrones) from network distances: one feature per threshold, the area
 * reachable within it. Made of H3 cells: sample points every `sampleM` along the reached
 * part of every edge — an edge reached from one end only up to where the budget runs out,
 * interpolated linearly in cost along the edge — each sample's cell plus a ring of cells
 * (the straight last stretch off the network) when the budget left there allows, then
 * `cellsToMultiPolygon(cells, true)` (GeoJSON order lon,lat; holes kept).
 *
 * @param distancesPerNode distance per node (e.g. from {@link multiSourceDijkstra}), Infinity where unreached
 * @param thresholdsM budgets, metres (same unit as the distances)
 */
export function walkshed(
  g: WalkGraph,
  distancesPerNode: Float64Array,
  thresholdsM: number[],
  opts: WalkshedOptions = {},
): FeatureCollection<Polygon | MultiPolygon, WalkshedProperties> {
  const res = opts.h3Resolution ?? 11;
  const sampleM = opts.sampleM ?? 15;
  const bufferM = opts.bufferM ?? 50;
  const cost = opts.cost ?? g.lengthM;
  const perMin = opts.metresPerMinute ?? FLAT_SPEED_M_PER_MIN;
  const spacingM = getHexagonEdgeLengthAvg(res, 'm') * Math.sqrt(3);
  const { offsets, target, lengthM, nodeLon, nodeLat } = g;
  const d = distancesPerNode;

  // A sample's cell depends only on where it lies: sample `i` of half-edge `e` (or of the origin's
  // leg) lies at the same point for every threshold unless it is cut short by the budget, so its
  // cell is looked up once for all thresholds. Within one threshold a cell whose ring of `k` was
  // added already adds nothing new (a Set keeps first insertion order: the result is the same).
  const cellOf = new Map<number, string>();
  // the nodes within the largest budget, in index order: one pass over the graph, not one per threshold
  const maxT = Math.max(...thresholdsM);
  const reached: number[] = [];
  for (let u = 0; u < g.nodeCount; u++) if (d[u] <= maxT) reached.push(u);
  const features: Feature<Polygon | MultiPolygon, WalkshedProperties>[] = thresholdsM.map((T) => {
    const cells = new Set<string>();
    const ringDone = new Map<string, number>();
    const add = (lon: number, lat: number, left: number, key: number): void => {
      let c = key === NO_KEY ? undefined : cellOf.get(key);
      if (c === undefined) {
        c = latLngToCell(lat, lon, res);
        if (key !== NO_KEY) cellOf.set(key, c);
      }
      const k = Math.floor(Math.min(bufferM, left) / spacingM);
      if (k <= 0) cells.add(c);
      else if ((ringDone.get(c) ?? 0) < k) {
        for (const x of gridDisk(c, k)) cells.add(x);
        ringDone.set(c, k);
      }
    };
    if (opts.origin && opts.origin.snapM <= T) {
      const { lon, lat, node, snapM } = opts.origin;
      sampleSegment(lon, lat, nodeLon[node], nodeLat[node], snapM, 0, snapM, snapM, T, sampleM, add, ORIGIN_KEY);
    }
    for (const u of reached) {
      const du = d[u];
      if (!(du <= T)) continue;
      add(nodeLon[u], nodeLat[u], T - du, NO_KEY);
      for (let e = offsets[u], end = offsets[u + 1]; e < end; e++) {
        const v = target[e];
        const c = cost[e];
        const full = du + c <= T;
        if (full && d[v] <= T && v < u) continue; // sampled from v already
        const len = lengthM[e];
        const reachM = full || c <= 0 ? len : (len * (T - du)) / c;
        sampleSegment(nodeLon[u], nodeLat[u], nodeLon[v], nodeLat[v], len, du, c, reachM, T, sampleM, add, e);
      }
    }
    const list = [...cells];
    const coords = list.length ? cellsToMultiPolygon(list, true) : [];
    const geometry: Polygon | MultiPolygon = coords.length === 1 ? { type: 'Polygon', coordinates: coords[0] } : { type: 'MultiPolygon', coordinates: coords };
    return {
      type: 'Feature',
      properties: { thresholdM: T, minutes: Math.round((T / perMin) * 100) / 100, cells: list.length },
      geometry,
    };
  });
  return { type: 'FeatureCollection', features };
}

/** Key of a sample whose cell is not remembered. */
const NO_KEY = -1;
/** `part` of {@link sampleSegment} for the origin's straight leg (half-edges are 0, 1, …). */
const ORIGIN_KEY = -1;
/** Samples per segment with a remembered cell (beyond: ~120 km at 15 m, looked up each time). */
const KEYED_STEPS = 8192;

/**
 * Samples a straight segment of length `len` (metres) from (ax, ay), reached at cost `d0`
 * at its start and costing `c` in all, up to `reachM` metres along it. `part` names the
 * segment (a half-edge, or {@link ORIGIN_KEY}): a sample at step `i` or at the segment's end
 * gets a key for `add` to remember its cell by; one cut short by the budget gets none.
 */
function sampleSegment(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  len: number,
  d0: number,
  c: number,
  reachM: number,
  T: number,
  sampleM: number,
  add: (lon: number, lat: number, left: number, key: number) => void,
  part: number,
): void {
  if (len <= 0) return;
  const steps = Math.ceil(reachM / sampleM);
  for (let i = 1; i <= steps; i++) {
    const s = Math.min(reachM, i * sampleM);
    const t = s / len;
    const atEnd = s === len;
    const key = i >= KEYED_STEPS || (s !== i * sampleM && !atEnd) ? NO_KEY : ((part + 1) * KEYED_STEPS + i) * 2 + (atEnd ? 1 : 0);
    add(ax + (bx - ax) * t, ay + (by - ay) * t, Math.max(0, T - (d0 + c * t)), key);
  }
}

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

  const features: Feature<Polygon | MultiPolygon, WalkshedProperties>[] = thresholdsM.map((T) => {
    const cells = new Set<string>();
    const add = (lon: number, lat: number, left: number): void => {
      const c = latLngToCell(lat, lon, res);
      const k = Math.floor(Math.min(bufferM, left) / spacingM);
      if (k <= 0) cells.add(c);
      else for (const x of gridDisk(c, k)) cells.add(x);
    };
    if (opts.origin && opts.origin.snapM <= T) {
      const { lon, lat, node, snapM } = opts.origin;
      sampleSegment(lon, lat, nodeLon[node], nodeLat[node], snapM, 0, snapM, snapM, T, sampleM, add);
    }
    for (let u = 0; u < g.nodeCount; u++) {
      const du = d[u];
      if (!(du <= T)) continue;
      add(nodeLon[u], nodeLat[u], T - du);
      for (let e = offsets[u], end = offsets[u + 1]; e < end; e++) {
        const v = target[e];
        const c = cost[e];
        const full = du + c <= T;
        if (full && d[v] <= T && v < u) continue; // sampled from v already
        const len = lengthM[e];
        const reachM = full || c <= 0 ? len : (len * (T - du)) / c;
        sampleSegment(nodeLon[u], nodeLat[u], nodeLon[v], nodeLat[v], len, du, c, reachM, T, sampleM, add);
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

/**
 * Samples a straight segment of length `len` (metres) from (ax, ay), reached at cost `d0`
 * at its start and costing `c` in all, up to `reachM` metres along it.
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
  add: (lon: number, lat: number, left: number) => void,
): void {
  if (len <= 0) return;
  const steps = Math.ceil(reachM / sampleM);
  for (let i = 1; i <= steps; i++) {
    const s = Math.min(reachM, i * sampleM);
    const t = s / len;
    add(ax + (bx - ax) * t, ay + (by - ay) * t, Math.max(0, T - (d0 + c * t)));
  }
}

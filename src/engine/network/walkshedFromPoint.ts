import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { multiSourceDijkstra } from './multiSourceDijkstra';
import { reverseCosts } from './reverseCosts';
import { snapToGraph } from './snapToGraph';
import { walkshed, type WalkshedOptions, type WalkshedProperties } from './walkshed';
import type { WalkGraph } from './WalkGraph';

/** Options of {@link walkshedFromPoint}. */
export interface WalkshedFromPointOptions extends WalkshedOptions {
  /** Largest straight walk from the point to the network, metres (default 500, the contract's maxSnapM). */
  maxSnapM?: number;
  /**
   * `'from'` (default): where one can walk to from the point; `'to'`: from where one can
   * walk to the point (a facility's catchment). Differs only with an effort `cost`.
   */
  direction?: 'from' | 'to';
}

/**
 * Walksheds around one point: snap it to its nearest node, one bounded search up to the
 * largest threshold, then {@link walkshed}. A point farther than `maxSnapM` from the
 * network gives empty shapes (it is unreachable in network mode).
 *
 * @param lon longitude, WGS84 degrees
 * @param lat latitude, WGS84 degrees
 * @param thresholdsM budgets, metres (flat-equivalent metres with an effort `cost`)
 */
export function walkshedFromPoint(
  g: WalkGraph,
  lon: number,
  lat: number,
  thresholdsM: number[],
  opts: WalkshedFromPointOptions = {},
): FeatureCollection<Polygon | MultiPolygon, WalkshedProperties> {
  const snap = snapToGraph(g, Float64Array.of(lon), Float64Array.of(lat), opts.maxSnapM ?? 500);
  const node = snap.node[0];
  const walkCost = opts.cost ?? g.lengthM;
  const searchCost = opts.direction === 'to' ? reverseCosts(g, walkCost) : walkCost;
  const limit = Math.max(0, ...thresholdsM);
  const dist = node >= 0 ? multiSourceDijkstra(g, snap.node, snap.snapM, limit, searchCost) : new Float64Array(g.nodeCount).fill(Infinity);
  return walkshed(g, dist, thresholdsM, {
    ...opts,
    cost: searchCost,
    origin: node >= 0 ? { lon, lat, node, snapM: snap.snapM[0] } : undefined,
  });
}

import { spatialOrder } from '../spatial/spatialOrder';
import { nodeIndexOf } from './NodeIndex';
import type { WalkGraph } from './WalkGraph';

/** Points attached to a graph: each point's nearest node and the straight walk to it. */
export interface GraphSnap {
  /** Nearest node of each point; -1 when it is farther than `maxSnapM` (unreachable in network mode). */
  node: Int32Array;
  /**
   * Great-circle distance from the point to its nearest node, metres — also for points
   * beyond `maxSnapM` (for messages such as "nearest path 730 m away"); Infinity when the
   * graph is empty or the coordinate is not finite.
   */
  snapM: Float64Array;
}

/**
 * Snaps points to their nearest graph node by great-circle distance (DATA-FORMAT.md
 * section 2: "a point walks straight to its nearest graph node"; a point whose nearest
 * node is farther than `maxSnapM` is unreachable). The node index is built once per graph
 * and reused by later calls.
 *
 * @param lon longitudes, WGS84 degrees
 * @param lat latitudes, WGS84 degrees
 * @param maxSnapM largest allowed straight walk to the network, metres (contract default 500)
 */
export function snapToGraph(g: WalkGraph, lon: Float64Array, lat: Float64Array, maxSnapM: number): GraphSnap {
  const n = lon.length;
  const node = new Int32Array(n);
  const snapM = new Float64Array(n);
  const index = nodeIndexOf(g);
  // in spatial order, each search seeded with the previous answer: the same nodes, sooner
  const order = spatialOrder(lon, lat);
  for (let j = 0; j < n; j++) {
    const i = order[j];
    const v = index.nearest(lon[i], lat[i], true);
    const d = index.lastDistanceM;
    snapM[i] = d;
    node[i] = v >= 0 && d <= maxSnapM ? v : -1;
  }
  return { node, snapM };
}

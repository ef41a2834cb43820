import type { Rejection } from '../errors';

/**
 * The walking network as an undirected graph in compressed sparse row (CSR) form.
 * Every undirected edge is stored as two half-edges, one in the adjacency list of each
 * end. Half-edges of node `v` are `offsets[v] … offsets[v + 1] - 1`.
 *
 * Built by {@link buildWalkGraph}; sent to a worker with {@link walkGraphToBuffers}.
 */
export interface WalkGraph {
  /** Number of nodes (distinct vertices after rounding to 7 decimals). */
  nodeCount: number;
  /** Number of half-edges (twice the number of undirected edges). */
  halfEdgeCount: number;
  /** Node longitude, WGS84 degrees (the vertex rounded to 7 decimals). */
  nodeLon: Float64Array;
  /** Node latitude, WGS84 degrees (the vertex rounded to 7 decimals). */
  nodeLat: Float64Array;
  /** Node elevation in metres, NaN where no vertex at that place carried a third coordinate. */
  nodeZ: Float64Array;
  /** CSR offsets, length `nodeCount + 1`. */
  offsets: Int32Array;
  /** Target node of each half-edge. */
  target: Int32Array;
  /** Length of each half-edge: great-circle distance between its ends, metres. */
  lengthM: Float64Array;
  /** Kind code of each half-edge (index into {@link EDGE_KINDS}). */
  kind: Uint8Array;
  /** Index of the opposite half-edge (same edge, other direction). */
  twin: Int32Array;
  /** Features skipped as bad (file `roads.geojson`, row = 1-based feature index). */
  rejected: Rejection[];
}

import type { GraphSnap } from './snapToGraph';
import type { WalkGraph } from './WalkGraph';

/**
 * Buildings grouped by their snapped node (CSR): the buildings of node `v` are
 * `building[offsets[v] … offsets[v+1]-1]`, in increasing building order. Buildings that
 * did not snap (node -1) are left out. Build once per (graph, buildings) and reuse for
 * every {@link reachFromPoint} query.
 */
export interface BuildingsByNode {
  buildingCount: number;
  offsets: Int32Array;
  building: Int32Array;
  /** Straight walk from each building (by building index) to its node, metres. */
  snapM: Float64Array;
}

/** Groups snapped buildings by node. */
export function buildingsByNode(g: WalkGraph, buildingSnap: GraphSnap): BuildingsByNode {
  const { node, snapM } = buildingSnap;
  const offsets = new Int32Array(g.nodeCount + 1);
  let kept = 0;
  for (let b = 0; b < node.length; b++) {
    if (node[b] >= 0) {
      offsets[node[b] + 1]++;
      kept++;
    }
  }
  for (let v = 0; v < g.nodeCount; v++) offsets[v + 1] += offsets[v];
  const cursor = offsets.slice(0, g.nodeCount);
  const building = new Int32Array(kept);
  for (let b = 0; b < node.length; b++) if (node[b] >= 0) building[cursor[node[b]]++] = b;
  return { buildingCount: node.length, offsets, building, snapM };
}

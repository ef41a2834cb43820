import { scratchOf } from './DijkstraScratch';
import { reverseCosts } from './reverseCosts';
import type { GraphSnap } from './snapToGraph';
import type { WalkGraph } from './WalkGraph';

/**
 * Network-mode distance of every building to its nearest source (the open facilities
 * offering one service), when within `thresholdM` (DATA-FORMAT.md section 2):
 * `snapB + d(nodeB, nodeF) + snapF`, minimised over the sources — the straight walk to
 * the building's nearest node, the shortest path, the straight walk from the facility's
 * node. Buildings or sources whose nearest node is beyond `maxSnapM` (node -1) and
 * buildings in another connected component are out of range (Infinity).
 *
 * One bounded multi-source search per call (per service), not one per facility: the
 * sources start with their snap distance, the search stops at `thresholdM`.
 *
 * With a walking-effort cost ({@link buildEffortCosts}, direction-dependent), distances
 * are the effort of residents walking *from the building to the facility*: the search
 * runs outwards from the facilities over {@link reverseCosts}. Snap legs count as flat
 * (their length in metres).
 *
 * @param buildingSnap buildings snapped with {@link snapToGraph}
 * @param sourceSnap the sources snapped with {@link snapToGraph}
 * @param thresholdM walking threshold, metres (or flat-equivalent metres with `cost`)
 * @param cost per half-edge in walking direction (default `g.lengthM`: the contract)
 * @returns per building, distance in metres, Infinity when beyond the threshold
 */
export function networkDistancesToBuildings(
  g: WalkGraph,
  buildingSnap: GraphSnap,
  sourceSnap: GraphSnap,
  thresholdM: number,
  cost: Float64Array = g.lengthM,
): Float64Array {
  const s = scratchOf(g);
  s.search(g, sourceSnap.node, sourceSnap.snapM, thresholdM, reverseCosts(g, cost));
  const { node, snapM } = buildingSnap;
  const n = node.length;
  const out = new Float64Array(n);
  for (let b = 0; b < n; b++) {
    const v = node[b];
    const d = v < 0 ? Infinity : s.distanceOf(v) + snapM[b];
    out[b] = d <= thresholdM ? d : Infinity;
  }
  return out;
}

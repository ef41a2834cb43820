import type { BuildingsByNode } from './BuildingsByNode';
import { scratchOf } from './DijkstraScratch';
import { reverseCosts } from './reverseCosts';
import type { WalkGraph } from './WalkGraph';

/** Buildings within range of one point, as parallel arrays sorted by building index. */
export interface Reach {
  building: Int32Array;
  /** Network-mode distance, metres (or flat-equivalent metres with an effort cost). */
  distanceM: Float64Array;
}

/**
 * The buildings within `thresholdM` of one point (a facility, a candidate site, any
 * point) and their network-mode distances `snapB + d(nodeB, node) + snapM`: one bounded
 * search, cost proportional to the reached part of the network. This is the column of
 * one site in a location model.
 *
 * With an effort cost the distance is that of residents walking *to* the point (the
 * search runs over {@link reverseCosts}), as in {@link networkDistancesToBuildings}.
 *
 * @param byNode buildings grouped by node ({@link buildingsByNode})
 * @param node the point's nearest node ({@link snapToGraph}); -1 gives an empty reach
 * @param snapM straight walk from the point to `node`, metres
 * @param thresholdM walking threshold, metres
 * @param cost per half-edge in walking direction (default `g.lengthM`)
 */
export function reachFromPoint(g: WalkGraph, byNode: BuildingsByNode, node: number, snapM: number, thresholdM: number, cost: Float64Array = g.lengthM): Reach {
  if (node < 0 || !(snapM <= thresholdM)) return { building: new Int32Array(0), distanceM: new Float64Array(0) };
  const s = scratchOf(g);
  const count = s.search(g, Int32Array.of(node), Float64Array.of(snapM), thresholdM, reverseCosts(g, cost));
  const { settled, dist } = s;
  const { offsets, building, snapM: bSnap } = byNode;
  let hits = 0;
  const tmpB: number[] = [];
  const tmpD: number[] = [];
  for (let i = 0; i < count; i++) {
    const v = settled[i];
    const dv = dist[v];
    for (let k = offsets[v], end = offsets[v + 1]; k < end; k++) {
      const b = building[k];
      const d = dv + bSnap[b];
      if (d <= thresholdM) {
        tmpB.push(b);
        tmpD.push(d);
        hits++;
      }
    }
  }
  const order = new Int32Array(hits);
  for (let i = 0; i < hits; i++) order[i] = i;
  order.sort((a, b) => tmpB[a] - tmpB[b]);
  const outB = new Int32Array(hits);
  const outD = new Float64Array(hits);
  for (let i = 0; i < hits; i++) {
    outB[i] = tmpB[order[i]];
    outD[i] = tmpD[order[i]];
  }
  return { building: outB, distanceM: outD };
}

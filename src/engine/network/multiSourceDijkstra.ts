import { scratchOf } from './DijkstraScratch';
import type { WalkGraph } from './WalkGraph';

/**
 * Bounded multi-source Dijkstra (binary heap: flatqueue): the distance of every node from
 * the nearest source, where each source starts with its own initial distance — e.g. the
 * straight walk from a facility to its snapped node. Nodes farther than `limit` are not
 * expanded and come back as Infinity, as do nodes of other connected components.
 *
 * Costs are per half-edge in the direction of the search (from the node owning the
 * half-edge to its target): with a direction-dependent cost such as
 * {@link buildEffortCosts}, this is the effort of walking *away from* the sources; pass
 * {@link reverseCosts} of it for the effort of walking *to* them.
 *
 * Work space is kept per graph and reused; only the result array is allocated (pass
 * `out`, length `g.nodeCount`, to avoid even that).
 *
 * @param sourceNodes source nodes; -1 entries are skipped
 * @param sourceInitialM distance already walked at each source, metres (or cost units)
 * @param limit largest distance of interest, metres (or cost units)
 * @param cost cost per half-edge (default `g.lengthM`, metres — the contract's network mode)
 * @returns distance per node, Infinity where unreached within `limit`
 */
export function multiSourceDijkstra(
  g: WalkGraph,
  sourceNodes: Int32Array,
  sourceInitialM: Float64Array,
  limit: number,
  cost: Float64Array = g.lengthM,
  out: Float64Array = new Float64Array(g.nodeCount),
): Float64Array {
  const s = scratchOf(g);
  const count = s.search(g, sourceNodes, sourceInitialM, limit, cost);
  out.fill(Infinity);
  const { settled, dist } = s;
  for (let i = 0; i < count; i++) out[settled[i]] = dist[settled[i]];
  return out;
}

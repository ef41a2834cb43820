import FlatQueue from 'flatqueue';
import type { WalkGraph } from './WalkGraph';

/**
 * Reusable work space of a bounded multi-source Dijkstra on one graph. Distances are
 * stamped with a search generation instead of being cleared, so a search costs only what
 * it visits: one search per candidate site (thousands) stays cheap on a city graph.
 *
 * After {@link search}, `settled[0 … settledCount-1]` lists the reached nodes in order of
 * distance and {@link distanceOf} gives their distance; everything else is unreached.
 */
export class DijkstraScratch {
  readonly nodeCount: number;
  /** Tentative distance per node; valid where `seen[v] === generation`. */
  readonly dist: Float64Array;
  /** Reached nodes in settling order (non-decreasing distance). */
  readonly settled: Int32Array;
  settledCount = 0;
  private readonly seen: Uint32Array;
  private readonly done: Uint32Array;
  private generation = 0;
  private readonly queue = new FlatQueue<number>();

  constructor(nodeCount: number) {
    this.nodeCount = nodeCount;
    this.dist = new Float64Array(nodeCount);
    this.settled = new Int32Array(nodeCount);
    this.seen = new Uint32Array(nodeCount);
    this.done = new Uint32Array(nodeCount);
  }

  /**
   * Runs Dijkstra from several sources at once, each starting with its own initial
   * distance, settling only nodes at distance ≤ `limit`.
   *
   * @param sources source nodes; entries < 0 are ignored (unsnappable points)
   * @param initial distance already walked at each source (e.g. its snap distance), ≥ 0
   * @param limit largest distance of interest, same unit as the costs
   * @param cost cost per half-edge, walked from the node owning it to `target` (default `g.lengthM`)
   * @returns number of settled nodes
   */
  search(g: WalkGraph, sources: Int32Array, initial: Float64Array, limit: number, cost: Float64Array = g.lengthM): number {
    if (g.nodeCount !== this.nodeCount) throw new RangeError('DijkstraScratch belongs to another graph');
    let gen = ++this.generation;
    if (gen === 0xffffffff) {
      this.seen.fill(0);
      this.done.fill(0);
      this.generation = gen = 1;
    }
    const { dist, seen, done, settled, queue } = this;
    const { offsets, target } = g;
    queue.clear();
    for (let i = 0; i < sources.length; i++) {
      const s = sources[i];
      const d0 = initial[i];
      if (s < 0 || !(d0 <= limit)) continue;
      if (seen[s] !== gen || d0 < dist[s]) {
        seen[s] = gen;
        dist[s] = d0;
        queue.push(s, d0);
      }
    }
    let count = 0;
    while (queue.length > 0) {
      const u = queue.pop() as number;
      if (done[u] === gen) continue;
      done[u] = gen;
      settled[count++] = u;
      const du = dist[u];
      for (let e = offsets[u], end = offsets[u + 1]; e < end; e++) {
        const v = target[e];
        if (done[v] === gen) continue;
        const nd = du + cost[e];
        if (nd > limit) continue;
        if (seen[v] !== gen || nd < dist[v]) {
          seen[v] = gen;
          dist[v] = nd;
          queue.push(v, nd);
        }
      }
    }
    this.settledCount = count;
    return count;
  }

  /** Distance of node `v` in the last search; Infinity when it was not reached within the limit. */
  distanceOf(v: number): number {
    return this.done[v] === this.generation ? this.dist[v] : Infinity;
  }
}

const cache = new WeakMap<WalkGraph, DijkstraScratch>();

/** The scratch of a graph, created on first use and kept for the graph's lifetime (single-threaded use). */
export function scratchOf(g: WalkGraph): DijkstraScratch {
  let s = cache.get(g);
  if (!s) {
    s = new DijkstraScratch(g.nodeCount);
    cache.set(g, s);
  }
  return s;
}

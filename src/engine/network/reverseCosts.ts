import type { WalkGraph } from './WalkGraph';

const cache = new WeakMap<Float64Array, Float64Array>();

/**
 * The cost of each half-edge walked the other way: `out[e] = cost[twin[e]]`. A search from
 * facilities outwards over reversed costs measures the effort of walking *towards* them.
 * Cached per cost array (treat cost arrays as immutable once built); the symmetric
 * `g.lengthM` is returned as is.
 */
export function reverseCosts(g: WalkGraph, cost: Float64Array): Float64Array {
  if (cost === g.lengthM) return cost;
  let r = cache.get(cost);
  if (!r) {
    r = new Float64Array(cost.length);
    const { twin } = g;
    for (let e = 0; e < cost.length; e++) r[e] = cost[twin[e]];
    cache.set(cost, r);
  }
  return r;
}

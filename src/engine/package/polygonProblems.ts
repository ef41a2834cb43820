import type { Position } from 'geojson';

/** What is wrong with one polygon's rings (outer ring first, then holes). */
export interface PolygonProblems {
  /** Why the polygon cannot be used (an unclosed ring, a hole outside its outer ring), or null. */
  reject: string | null;
  /** True when a ring crosses itself (a bow-tie): usable by the even-odd rule, but noted. */
  selfIntersecting: boolean;
}

const same = (a: Position, b: Position) => a[0] === b[0] && a[1] === b[1];

/** Sign of the turn a → b → c: 1 left, −1 right, 0 collinear. */
function turn(a: Position, b: Position, c: Position): number {
  const v = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

/**
 * True when two edges of a closed ring cross properly (each edge's ends strictly on both
 * sides of the other). Touching at a vertex or overlapping collinearly is not counted, so a
 * ring that merely touches itself is left alone. Edges swept by their west end: about
 * n log n for ordinary rings.
 */
export function ringSelfIntersects(ring: Position[]): boolean {
  const n = ring.length - 1; // edges; the ring is closed
  const order = Array.from({ length: n }, (_, i) => i);
  const minX = (i: number) => Math.min(ring[i][0], ring[i + 1][0]);
  const maxX = (i: number) => Math.max(ring[i][0], ring[i + 1][0]);
  order.sort((a, b) => minX(a) - minX(b));
  for (let k = 0; k < n; k++) {
    const i = order[k];
    const [a, b] = [ring[i], ring[i + 1]];
    if (same(a, b)) continue;
    for (let m = k + 1; m < n && minX(order[m]) <= maxX(i); m++) {
      const j = order[m];
      if (Math.abs(i - j) === 1 || Math.abs(i - j) === n - 1) continue; // neighbours share a vertex
      const [c, d] = [ring[j], ring[j + 1]];
      if (Math.max(c[1], d[1]) < Math.min(a[1], b[1]) || Math.min(c[1], d[1]) > Math.max(a[1], b[1])) continue;
      if (turn(a, b, c) * turn(a, b, d) < 0 && turn(c, d, a) * turn(c, d, b) < 0) return true;
    }
  }
  return false;
}

/** 1 inside, 0 on the boundary, −1 outside a closed ring (even-odd). */
function whereInRing(p: Position, ring: Position[]): number {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [a, b] = [ring[j], ring[i]];
    if (turn(a, b, p) === 0 && p[0] >= Math.min(a[0], b[0]) && p[0] <= Math.max(a[0], b[0]) && p[1] >= Math.min(a[1], b[1]) && p[1] <= Math.max(a[1], b[1]))
      return 0;
    if (a[1] > p[1] !== b[1] > p[1] && p[0] < ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
  }
  return inside ? 1 : -1;
}

/**
 * Check a polygon's rings (positions already validated as numbers with ≥ 4 per ring):
 * every ring must be closed (first position = last, RFC 7946 section 3.1.6) and every
 * hole must lie inside its outer ring (a vertex on the outer ring is allowed); either
 * failure rejects the polygon. A ring crossing itself is only reported.
 */
export function polygonProblems(rings: Position[][]): PolygonProblems {
  for (let r = 0; r < rings.length; r++) {
    const ring = rings[r];
    if (!same(ring[0], ring[ring.length - 1]))
      return { reject: `${r === 0 ? 'the outer ring' : `hole ${r}`} is not closed (its first and last positions differ)`, selfIntersecting: false };
  }
  for (let h = 1; h < rings.length; h++) {
    if (rings[h].some((p) => whereInRing(p, rings[0]) < 0)) return { reject: `hole ${h} is not inside the outer ring`, selfIntersecting: false };
  }
  return { reject: null, selfIntersecting: rings.some(ringSelfIntersects) };
}

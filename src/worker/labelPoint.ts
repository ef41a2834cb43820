import type { MultiPolygon, Polygon, Position } from 'geojson';

/** Signed area (shoelace, degrees²) and area centroid of a ring. */
function ringCentroid(ring: Position[]): { area: number; x: number; y: number } {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const f = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
    a += f;
    cx += (ring[j][0] + ring[i][0]) * f;
    cy += (ring[j][1] + ring[i][1]) * f;
  }
  if (a === 0) return { area: 0, x: ring[0][0], y: ring[0][1] };
  return { area: Math.abs(a / 2), x: cx / (3 * a), y: cy / (3 * a) };
}

/** Midpoint of the widest inside span of a horizontal line at latitude y through a ring. */
function scanlineMid(ring: Position[], y: number, fallbackX: number): number {
  const xs: number[] = [];
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x1, y1] = ring[j];
    const [x2, y2] = ring[i];
    if (y1 > y !== y2 > y) xs.push(x1 + ((y - y1) / (y2 - y1)) * (x2 - x1));
  }
  xs.sort((p, q) => p - q);
  let best = -1;
  let mid = fallbackX;
  for (let k = 0; k + 1 < xs.length; k += 2) {
    if (xs[k + 1] - xs[k] > best) {
      best = xs[k + 1] - xs[k];
      mid = (xs[k] + xs[k + 1]) / 2;
    }
  }
  return mid;
}

/** A point inside the largest part of a polygon, for its label (display only). */
export function labelPoint(g: Polygon | MultiPolygon): [number, number] {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let best = { area: -1, x: 0, y: 0, ring: polys[0][0] };
  for (const p of polys) {
    const c = ringCentroid(p[0]);
    if (c.area > best.area) best = { ...c, ring: p[0] };
  }
  return [scanlineMid(best.ring, best.y, best.x), best.y];
}

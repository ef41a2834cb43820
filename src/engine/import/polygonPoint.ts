import type { MultiPolygon, Polygon, Position } from 'geojson';
import { EARTH_RADIUS_M } from '../spatial/haversine';
import { pointInPolygon } from '../spatial/pointInPolygon';

const RAD = Math.PI / 180;

/** Area of a ring on the sphere (m², unsigned), by the spherical-excess sum of Chamberlain & Duquette (2007). */
function ringAreaM2(ring: Position[]): number {
  let s = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x1, y1] = ring[i];
    const [x2, y2] = ring[i + 1];
    s += (x2 - x1) * RAD * (2 + Math.sin(y1 * RAD) + Math.sin(y2 * RAD));
  }
  return Math.abs((s * EARTH_RADIUS_M * EARTH_RADIUS_M) / 2);
}

/** Area of a polygon or multipolygon in WGS84 degrees, in m² (holes subtracted). */
export function polygonAreaM2(g: Polygon | MultiPolygon): number {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let a = 0;
  for (const p of polys) p.forEach((ring, k) => (a += k === 0 ? ringAreaM2(ring) : -ringAreaM2(ring)));
  return a;
}

/** Planar area-weighted centroid of a ring (degrees). */
function ringCentroid(ring: Position[]): [number, number, number] {
  const [x0, y0] = ring[0];
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const xi = ring[i][0] - x0;
    const yi = ring[i][1] - y0;
    const xj = ring[i + 1][0] - x0;
    const yj = ring[i + 1][1] - y0;
    const f = xi * yj - xj * yi;
    a += f;
    cx += (xi + xj) * f;
    cy += (yi + yj) * f;
  }
  if (a === 0) return [ring[0][0], ring[0][1], 0];
  return [x0 + cx / (3 * a), y0 + cy / (3 * a), Math.abs(a / 2)];
}

/**
 * A point inside a polygon, for point layers drawn as footprints: the centroid of the
 * largest part's outer ring when it lies inside the part (holes counted), else the middle
 * of the widest inside stretch of the horizontal line through that centroid (or through
 * the middle of the part's box). Degrees in, degrees out.
 */
export function pointInside(g: Polygon | MultiPolygon): [number, number] {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let part = polys[0];
  let best = -1;
  for (const p of polys) {
    const a = ringCentroid(p[0])[2];
    if (a > best) {
      best = a;
      part = p;
    }
  }
  const [cx, cy] = ringCentroid(part[0]);
  const poly: Polygon = { type: 'Polygon', coordinates: part };
  if (pointInPolygon(cx, cy, poly)) return [cx, cy];
  let y0 = Infinity;
  let y1 = -Infinity;
  for (const p of part[0]) {
    y0 = Math.min(y0, p[1]);
    y1 = Math.max(y1, p[1]);
  }
  for (const y of [cy, (y0 + y1) / 2]) {
    const xs: number[] = [];
    for (const ring of part) {
      for (let i = 0; i < ring.length - 1; i++) {
        const [xa, ya] = ring[i];
        const [xb, yb] = ring[i + 1];
        if (ya > y !== yb > y) xs.push(xa + ((y - ya) * (xb - xa)) / (yb - ya));
      }
    }
    xs.sort((a, b) => a - b);
    let w = 0;
    let mid: number | null = null;
    for (let k = 0; k + 1 < xs.length; k += 2) {
      if (xs[k + 1] - xs[k] > w) {
        w = xs[k + 1] - xs[k];
        mid = (xs[k] + xs[k + 1]) / 2;
      }
    }
    if (mid !== null) return [mid, y];
  }
  return [part[0][0][0], part[0][0][1]];
}

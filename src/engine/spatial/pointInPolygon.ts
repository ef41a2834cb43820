import type { MultiPolygon, Polygon, Position } from 'geojson';

function inRing(x: number, y: number, ring: Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const yi = ring[i][1];
    const yj = ring[j][1];
    if (yi > y === yj > y) continue;
    // the crossing is computed from the lower end of the edge, so that two neighbours that
    // share the edge (and draw it in opposite directions) get the very same crossing: a
    // point on their border then falls in exactly one of them, never in neither
    const lo = yi < yj ? ring[i] : ring[j];
    const hi = yi < yj ? ring[j] : ring[i];
    if (x < ((hi[0] - lo[0]) * (y - lo[1])) / (hi[1] - lo[1]) + lo[0]) inside = !inside;
  }
  return inside;
}

function inPolygonRings(x: number, y: number, rings: Position[][]): boolean {
  if (rings.length === 0 || !inRing(x, y, rings[0])) return false;
  for (let h = 1; h < rings.length; h++) if (inRing(x, y, rings[h])) return false; // a hole
  return true;
}

/**
 * Even-odd point-in-polygon test for a Polygon or MultiPolygon with holes, planar in
 * lon/lat degrees (as GeoJSON, RFC 7946, draws its edges).
 *
 * Points on the boundary follow a half-open rule, the same whatever the ring's direction or
 * the order of the features: a point on a vertical edge belongs to the polygon east of it,
 * on a horizontal edge to the polygon north of it (in general, to the side a ray towards
 * +longitude enters). So where communities tile, a building on a shared border or vertex
 * belongs to exactly one of them; on the outer edge of the whole tiling it may belong to
 * none (and is reported as unassigned).
 */
export function pointInPolygon(lon: number, lat: number, g: Polygon | MultiPolygon): boolean {
  if (g.type === 'Polygon') return inPolygonRings(lon, lat, g.coordinates);
  for (const poly of g.coordinates) if (inPolygonRings(lon, lat, poly)) return true;
  return false;
}

/** Bounding box [minLon, minLat, maxLon, maxLat] of a Polygon or MultiPolygon. */
export function polygonBbox(g: Polygon | MultiPolygon): [number, number, number, number] {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  for (const poly of polys) {
    for (const p of poly[0] ?? []) {
      if (p[0] < x0) x0 = p[0];
      if (p[0] > x1) x1 = p[0];
      if (p[1] < y0) y0 = p[1];
      if (p[1] > y1) y1 = p[1];
    }
  }
  return [x0, y0, x1, y1];
}

import type { Feature, MultiLineString, Position } from 'geojson';
import type { Community } from '../engine/index';

/**
 * Street (街道) and district (区县) outlines from community polygons, without polygon union:
 * an edge shared by two communities of different streets is a street boundary; an edge used by
 * one community only is an outer boundary (both). Vertices are matched after rounding to 7
 * decimals, the rule DATA-FORMAT.md uses for roads.
 */
export function communityOutlines(communities: Community[]): {
  streets: Feature<MultiLineString>;
  districts: Feature<MultiLineString>;
} {
  const key = (p: Position) => `${p[0].toFixed(7)},${p[1].toFixed(7)}`;
  const owners = new Map<string, { a: Position; b: Position; who: number[] }>();
  communities.forEach((c, ci) => {
    const polys = c.geometry.type === 'Polygon' ? [c.geometry.coordinates] : c.geometry.coordinates;
    for (const poly of polys) {
      // Outer rings only: a hole (a park) is not a street or district boundary.
      for (const ring of poly.slice(0, 1)) {
        for (let k = 0; k + 1 < ring.length; k++) {
          const ka = key(ring[k]);
          const kb = key(ring[k + 1]);
          if (ka === kb) continue;
          const ek = ka < kb ? `${ka}|${kb}` : `${kb}|${ka}`;
          const e = owners.get(ek);
          if (e) e.who.push(ci);
          else owners.set(ek, { a: ring[k], b: ring[k + 1], who: [ci] });
        }
      }
    }
  });
  const streets: Position[][] = [];
  const districts: Position[][] = [];
  for (const { a, b, who } of owners.values()) {
    const seg = [a.slice(0, 2), b.slice(0, 2)];
    const cs = who.map((i) => communities[i]);
    const outer = who.length === 1;
    const streetEdge = outer || cs.some((c) => c.street !== cs[0].street || c.district !== cs[0].district);
    const districtEdge = outer || cs.some((c) => c.district !== cs[0].district);
    if (streetEdge) streets.push(seg);
    if (districtEdge) districts.push(seg);
  }
  const f = (lines: Position[][]): Feature<MultiLineString> => ({
    type: 'Feature',
    properties: {},
    geometry: { type: 'MultiLineString', coordinates: lines },
  });
  return { streets: f(streets), districts: f(districts) };
}

import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { PolygonIndex } from '../engine/index';

const cache = new WeakMap<object, PolygonIndex>();

/**
 * The point-in-polygon index of the communities the map draws (the engine's PolygonIndex: a
 * flatbush of their boxes, then the exact even-odd ring test with holes and MultiPolygon parts),
 * built once per collection. The one place that reads the communities' geometry for picking:
 * if their format on the page changes, only this function follows.
 */
export function communityIndex(communities: FeatureCollection<Polygon | MultiPolygon>): PolygonIndex {
  let idx = cache.get(communities);
  if (!idx) cache.set(communities, (idx = new PolygonIndex(communities.features.map((f) => f.geometry))));
  return idx;
}

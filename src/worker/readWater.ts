import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { toWgs84 } from '../engine/index';
import type { Crs } from '../engine/index';
import type { WaterCollection, WaterProps } from './protocol';

/**
 * The optional `water.geojson` of a package (a project extension, not in the data contract):
 * Polygon / MultiPolygon features with a `name`, in the package's crs. Returns them in WGS84,
 * or undefined when the file is absent or unreadable (it is decoration: never an error).
 */
export function readWater(bytes: Uint8Array | undefined, crs: Crs): WaterCollection | undefined {
  if (!bytes) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes).replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
  const feats = (json as { features?: unknown[] })?.features;
  if (!Array.isArray(feats)) return undefined;
  const conv = (p: Position): Position => (crs === 'WGS84' ? [p[0], p[1]] : toWgs84(p[0], p[1], crs));
  const out: Feature<Polygon | MultiPolygon, WaterProps>[] = [];
  for (const f of feats as Feature[]) {
    const g = f?.geometry;
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) continue;
    const name = typeof f.properties?.name === 'string' ? f.properties.name : '';
    const geometry: Polygon | MultiPolygon =
      g.type === 'Polygon'
        ? { type: 'Polygon', coordinates: g.coordinates.map((r) => r.map(conv)) }
        : { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map((r) => r.map(conv))) };
    out.push({ type: 'Feature', properties: { name }, geometry });
  }
  return out.length ? { type: 'FeatureCollection', features: out } : undefined;
}

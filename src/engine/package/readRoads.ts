import type { Feature, LineString, MultiLineString, Position } from 'geojson';
import { EngineError, type Rejection } from '../errors';
import type { Crs, RoadCollection } from '../types';
import { toWgs84 } from './crs';
import { clip } from './rowReader';

const FILE = 'roads.geojson';

function lineOk(line: unknown): line is Position[] {
  return (
    Array.isArray(line) &&
    line.length >= 2 &&
    line.every((p) => Array.isArray(p) && p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]) && Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90)
  );
}

function convertLine(line: Position[], crs: Crs): Position[] {
  // WGS84 needs no conversion: a position that is already [lon, lat] or [lon, lat, finite z] is kept as it is (no copy)
  if (crs === 'WGS84')
    return line.map((p) =>
      p.length === 2 || (p.length === 3 && Number.isFinite(p[2])) ? p : p.length > 2 && Number.isFinite(p[2]) ? [p[0], p[1], p[2]] : [p[0], p[1]],
    );
  return line.map((p) => {
    const [x, y] = toWgs84(p[0], p[1], crs);
    return p.length > 2 && Number.isFinite(p[2]) ? [x, y, p[2]] : [x, y];
  });
}

/**
 * Read roads.geojson: LineString / MultiLineString features, converted to WGS84, the third
 * coordinate (elevation, m) kept. A feature of another type or with a bad line is rejected
 * (row = 1-based feature index); the walking graph is built from the rest.
 */
export function readRoads(json: unknown, crs: Crs, rejected: Rejection[]): RoadCollection {
  const fc = json as { type?: unknown; features?: unknown } | null;
  if (!fc || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    throw new EngineError('E_BAD_GEOJSON', { file: FILE, detail: 'not a FeatureCollection' });
  }
  const features: Feature<LineString | MultiLineString>[] = [];
  fc.features.forEach((f: unknown, k: number) => {
    const feat = (f ?? {}) as Feature;
    const id = String(feat.properties?.id ?? feat.id ?? '');
    const g = feat.geometry as { type?: string; coordinates?: unknown } | null;
    const reject = (reason: string) => rejected.push({ file: FILE, row: k + 1, id, field: 'geometry', code: 'R_BAD_GEOMETRY', reason });
    if (!g || (g.type !== 'LineString' && g.type !== 'MultiLineString'))
      return reject(`geometry type ${clip(String(g?.type))} is not LineString/MultiLineString`);
    const lines = g.type === 'LineString' ? [g.coordinates] : (g.coordinates as unknown[]);
    if (!Array.isArray(lines) || lines.length === 0 || !lines.every(lineOk)) return reject('a line has fewer than 2 vertices or a coordinate out of range');
    const geometry: LineString | MultiLineString =
      g.type === 'LineString'
        ? { type: 'LineString', coordinates: convertLine(lines[0] as Position[], crs) }
        : { type: 'MultiLineString', coordinates: (lines as Position[][]).map((l) => convertLine(l, crs)) };
    features.push({ type: 'Feature', properties: feat.properties ?? {}, geometry });
  });
  return { type: 'FeatureCollection', features };
}

import type { Feature, LineString, MultiLineString, Position } from 'geojson';
import { EngineError } from '../../errors';
import { readRoads } from '../../package/readRoads';
import type { Rejection } from '../../errors';
import { decodeSourceText } from '../decodeSourceText';
import type { SourceCrs } from '../resolveCrs';
import type { NamedBytes } from '../sourceTable';
import { readDem } from './demSampler';
import { osmWalkNetwork, type OsmNetworkReport } from './osmWalkNetwork';
import { readOsmPbf } from './readOsmPbf';
import { readOsmXml } from './readOsmXml';

/** What the roads import did (import-report.json `roads`). */
export interface RoadsReport {
  file: string;
  format: 'osm' | 'osm.pbf' | 'geojson';
  crs: string;
  features: number;
  osm?: OsmNetworkReport;
  dem?: { file: string; crs: string; width: number; height: number; verticesWithElevation: number; verticesOutside: number };
  rejected: number;
}

const r7 = (v: number) => {
  const r = Math.round(v * 1e7) / 1e7;
  return r === 0 ? 0 : r;
};

/**
 * A walking network for roads.geojson from `.osm` XML, `.osm.pbf` or a roads GeoJSON
 * (LineString / MultiLineString, converted from `crs` to WGS84; bad features are
 * dropped and counted). With a DEM, each vertex gets its elevation (m, 1 decimal) as a
 * third coordinate. Coordinates are written with 7 decimals.
 */
export async function importRoads(
  file: NamedBytes,
  o: { crs?: SourceCrs; dem?: NamedBytes } = {},
): Promise<{ bytes: Uint8Array; report: RoadsReport; features: Feature<LineString | MultiLineString>[] }> {
  const lower = file.name.toLowerCase();
  let features: Feature<LineString | MultiLineString>[];
  let report: RoadsReport;
  if (lower.endsWith('.osm.pbf') || lower.endsWith('.pbf') || lower.endsWith('.osm')) {
    const pbf = !lower.endsWith('.osm');
    if (o.crs && (o.crs.kind !== 'geographic' || o.crs.label === 'GCJ02' || o.crs.label === 'BD09'))
      throw new EngineError('E_UNKNOWN_CRS', { file: file.name, detail: 'OpenStreetMap data is WGS84' });
    const osm = pbf ? readOsmPbf(file.bytes, file.name) : readOsmXml(file.bytes, file.name);
    const net = osmWalkNetwork(osm);
    features = net.features;
    report = { file: file.name, format: pbf ? 'osm.pbf' : 'osm', crs: 'WGS84', features: features.length, osm: net.report, rejected: 0 };
  } else if (lower.endsWith('.geojson') || lower.endsWith('.json')) {
    let json: unknown;
    try {
      json = JSON.parse(decodeSourceText(file.bytes, file.name).text);
    } catch (e) {
      throw new EngineError('E_BAD_JSON', { file: file.name, detail: (e as Error).message.slice(0, 120) });
    }
    const crs = o.crs;
    const rejected: Rejection[] = [];
    // readRoads checks geometry in degrees: convert projected coordinates first
    if (crs && crs.kind === 'projected') {
      const fc = json as { features?: { geometry?: { coordinates?: unknown } }[] };
      const conv = (c: unknown): unknown =>
        Array.isArray(c) && typeof c[0] === 'number' ? [...crs.toWgs84(c[0], c[1] as number), ...c.slice(2)] : Array.isArray(c) ? c.map(conv) : c;
      for (const f of fc.features ?? []) if (f?.geometry?.coordinates) f.geometry.coordinates = conv(f.geometry.coordinates);
    }
    const geographic = crs && crs.kind === 'geographic' ? crs.label : 'WGS84';
    const read = readRoads(json, geographic === 'GCJ02' || geographic === 'BD09' ? geographic : 'WGS84', rejected);
    features = read.features;
    report = { file: file.name, format: 'geojson', crs: crs?.label ?? 'WGS84', features: features.length, rejected: rejected.length };
  } else throw new EngineError('E_BAD_FILE', { file: file.name, detail: 'roads must be .osm, .osm.pbf or .geojson' });

  let sample: ((lon: number, lat: number) => number | null) | null = null;
  if (o.dem) {
    const dem = await readDem(o.dem.bytes, o.dem.name);
    sample = dem.sample;
    report.dem = { file: o.dem.name, crs: dem.crs, width: dem.width, height: dem.height, verticesWithElevation: 0, verticesOutside: 0 };
  }
  const vertex = (p: Position): Position => {
    const x = r7(p[0]);
    const y = r7(p[1]);
    if (sample) {
      const z = sample(x, y);
      if (z === null) {
        report.dem!.verticesOutside++;
        return [x, y];
      }
      report.dem!.verticesWithElevation++;
      return [x, y, Math.round(z * 10) / 10];
    }
    return p.length > 2 && Number.isFinite(p[2]) ? [x, y, p[2]] : [x, y];
  };
  for (const f of features) {
    const g = f.geometry;
    if (g.type === 'LineString') g.coordinates = g.coordinates.map(vertex);
    else g.coordinates = g.coordinates.map((l) => l.map(vertex));
  }
  const body = JSON.stringify({ type: 'FeatureCollection', features }) + '\n';
  return { bytes: new TextEncoder().encode(body), report, features };
}

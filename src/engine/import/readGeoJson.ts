import type { Geometry } from 'geojson';
import { EngineError } from '../errors';
import { decodeSourceText } from './decodeSourceText';
import type { SourceRow, SourceTable } from './sourceTable';

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v).trim();
}

/**
 * A GeoJSON FeatureCollection (or a single Feature) as a source table: the header is every
 * property name in order of first appearance, one row per feature (1-based feature index).
 * A legacy `crs` member (`{"type":"name","properties":{"name":"EPSG:4545"}}`) is kept as
 * the file's declared CRS.
 */
export function readGeoJson(bytes: Uint8Array, file: string): SourceTable {
  const { text, encoding } = decodeSourceText(bytes, file);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new EngineError('E_BAD_JSON', { file, detail: (e as Error).message.slice(0, 120) });
  }
  const fc = json as { type?: unknown; features?: unknown; crs?: { properties?: { name?: unknown } } } | null;
  const features = fc?.type === 'FeatureCollection' && Array.isArray(fc.features) ? fc.features : fc?.type === 'Feature' ? [fc] : null;
  if (!features) throw new EngineError('E_BAD_GEOJSON', { file, detail: 'not a FeatureCollection' });
  const header: string[] = [];
  const col = new Map<string, number>();
  for (const f of features) {
    const p = (f as { properties?: Record<string, unknown> } | null)?.properties;
    if (p && typeof p === 'object') for (const k of Object.keys(p)) if (!col.has(k)) col.set(k, header.push(k) - 1);
  }
  const rows: SourceRow[] = features.map((f: unknown, k: number) => {
    const feat = (f ?? {}) as { properties?: Record<string, unknown> | null; geometry?: Geometry | null };
    const cells = header.map((h) => cellText(feat.properties?.[h]));
    return { row: k + 1, cells, geometry: feat.geometry ?? null };
  });
  const table: SourceTable = { file, format: 'geojson', header, rows, encoding, notes: [] };
  const crsName = fc?.crs?.properties?.name;
  if (typeof crsName === 'string') table.declaredCrs = { kind: 'name', text: crsName, file };
  return table;
}

import type { Geometry, Position } from 'geojson';
import { EngineError } from '../errors';
import type { SourceRow, SourceTable } from './sourceTable';

/** The parts of one shapefile, by extension (lower case, no dot). */
export interface ShapefileParts {
  /** Name reported for the layer, e.g. `社区.zip/社区.shp`. */
  file: string;
  shp: Uint8Array;
  dbf?: Uint8Array;
  prj?: Uint8Array;
  cpg?: Uint8Array;
}

/** Signed area of a ring (shoelace about its first vertex, source units²): negative = clockwise. */
function signedArea(ring: Position[]): number {
  const [x0, y0] = ring[0];
  let s = 0;
  for (let i = 1, j = 0; i < ring.length; j = i++) s += (ring[j][0] - x0) * (ring[i][1] - y0) - (ring[i][0] - x0) * (ring[j][1] - y0);
  return s / 2;
}

function ringContains(ring: Position[], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * Group shapefile rings into polygons: clockwise rings are outer rings, counter-clockwise
 * ones holes of the smallest outer ring holding their first vertex (a hole in no outer
 * ring becomes an outer ring itself). Output follows GeoJSON's right-hand rule.
 */
function polygonOf(rings: Position[][]): Geometry | null {
  const outers: { ring: Position[]; area: number; holes: Position[][] }[] = [];
  const holes: Position[][] = [];
  for (const r of rings) {
    if (r.length < 4) continue;
    const a = signedArea(r);
    if (a < 0) outers.push({ ring: r.slice().reverse(), area: -a, holes: [] });
    else holes.push(r);
  }
  for (const h of holes) {
    let best: (typeof outers)[number] | undefined;
    for (const o of outers) if (ringContains(o.ring, h[0][0], h[0][1]) && (!best || o.area < best.area)) best = o;
    if (best) best.holes.push(h.slice().reverse());
    else outers.push({ ring: h, area: signedArea(h), holes: [] });
  }
  if (outers.length === 0) return null;
  const polys = outers.map((o) => [o.ring, ...o.holes]);
  return polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys };
}

/** Geometries of a .shp file in record order (null for null shapes and unreadable records). */
export function readShp(bytes: Uint8Array, file: string): (Geometry | null)[] {
  if (bytes.length < 100) throw new EngineError('E_BAD_FILE', { file, detail: '.shp shorter than its 100-byte header' });
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (dv.getInt32(0, false) !== 9994) throw new EngineError('E_BAD_FILE', { file, detail: 'not a .shp file (file code is not 9994)' });
  const out: (Geometry | null)[] = [];
  let o = 100;
  while (o + 8 <= bytes.length) {
    const len = dv.getInt32(o + 4, false) * 2;
    const c = o + 8;
    o = c + len;
    if (len < 4 || o > bytes.length) {
      out.push(null);
      break;
    }
    const type = dv.getInt32(c, true);
    const base = type % 10; // 1 point, 3 polyline, 5 polygon, 8 multipoint (+10 Z, +20 M)
    if (type === 0) out.push(null);
    else if (base === 1) out.push({ type: 'Point', coordinates: [dv.getFloat64(c + 4, true), dv.getFloat64(c + 12, true)] });
    else if (base === 3 || base === 5 || base === 8) {
      const nParts = base === 8 ? 1 : dv.getInt32(c + 36, true);
      const nPoints = dv.getInt32(c + (base === 8 ? 36 : 40), true);
      const ptsAt = c + (base === 8 ? 40 : 44 + 4 * nParts);
      if (nParts < 0 || nPoints < 0 || ptsAt + 16 * nPoints > o) {
        out.push(null);
        continue;
      }
      const pts: Position[] = [];
      for (let k = 0; k < nPoints; k++) pts.push([dv.getFloat64(ptsAt + 16 * k, true), dv.getFloat64(ptsAt + 16 * k + 8, true)]);
      if (base === 8) {
        out.push({ type: 'MultiPoint', coordinates: pts });
        continue;
      }
      const parts: Position[][] = [];
      for (let p = 0; p < nParts; p++) {
        const a = dv.getInt32(c + 44 + 4 * p, true);
        const b = p + 1 < nParts ? dv.getInt32(c + 44 + 4 * (p + 1), true) : nPoints;
        parts.push(pts.slice(a, b));
      }
      if (base === 3) out.push(parts.length === 1 ? { type: 'LineString', coordinates: parts[0] } : { type: 'MultiLineString', coordinates: parts });
      else out.push(polygonOf(parts));
    } else out.push(null);
  }
  return out;
}

/** Encoding named by a .cpg file (`UTF-8`, `65001`, `GBK`, `936`, `GB2312`, `GB18030` …). */
function cpgEncoding(cpg: Uint8Array | undefined): string | undefined {
  if (!cpg) return undefined;
  const s = new TextDecoder()
    .decode(cpg)
    .trim()
    .toUpperCase()
    .replace(/[\s_-]/g, '');
  if (s === 'UTF8' || s === '65001') return 'utf-8';
  if (s === 'GBK' || s === '936' || s === 'CP936' || s === 'GB2312' || s === 'GB18030' || s === 'ANSI936') return 'gb18030';
  return undefined;
}

/**
 * Attribute table of a .dbf: field names and text cells per record (deleted records
 * yield null). Text is decoded as the .cpg says; without one, as UTF-8 when all of it is
 * valid UTF-8, else GBK (GB18030) — what Chinese ArcGIS and QGIS write.
 */
export function readDbf(
  bytes: Uint8Array,
  cpg: Uint8Array | undefined,
  file: string,
): { header: string[]; records: (string[] | null)[]; encoding: string; encodingFrom: string } {
  if (bytes.length < 33) throw new EngineError('E_BAD_FILE', { file, detail: '.dbf shorter than its header' });
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const nRecords = dv.getUint32(4, true);
  const headerLen = dv.getUint16(8, true);
  const recordLen = dv.getUint16(10, true);
  const ldid = bytes[29];
  const fields: { name: Uint8Array; type: string; len: number }[] = [];
  for (let o = 32; o + 32 <= headerLen && bytes[o] !== 0x0d; o += 32) {
    let end = o;
    while (end < o + 11 && bytes[end] !== 0) end++;
    fields.push({ name: bytes.subarray(o, end), type: String.fromCharCode(bytes[o + 11]), len: bytes[o + 16] });
  }
  const raw: Uint8Array[] = fields.map((f) => f.name);
  const recs: (Uint8Array[] | null)[] = [];
  for (let r = 0; r < nRecords; r++) {
    const o = headerLen + r * recordLen;
    if (o + recordLen > bytes.length) break;
    if (bytes[o] === 0x2a) {
      recs.push(null); // '*' = deleted
      continue;
    }
    let p = o + 1;
    const cells: Uint8Array[] = [];
    for (const f of fields) {
      cells.push(bytes.subarray(p, p + f.len));
      p += f.len;
    }
    recs.push(cells);
    for (const c of cells) raw.push(c);
  }
  let encoding = cpgEncoding(cpg);
  let encodingFrom = '.cpg';
  if (!encoding) {
    if (ldid === 0x4d || ldid === 0x7a) {
      encoding = 'gb18030';
      encodingFrom = 'the .dbf code page mark (936)';
    } else {
      const strict = new TextDecoder('utf-8', { fatal: true });
      encoding = 'utf-8';
      encodingFrom = 'no .cpg; the text is valid UTF-8';
      for (const b of raw) {
        try {
          strict.decode(b);
        } catch {
          encoding = 'gb18030';
          encodingFrom = 'no .cpg; the text is not valid UTF-8';
          break;
        }
      }
    }
  }
  const dec = new TextDecoder(encoding);
  const header = fields.map((f) => dec.decode(f.name).trim());
  const records = recs.map((cells) => (cells ? cells.map((c) => dec.decode(c).replace(/\0+$/, '').trim()) : null));
  return { header, records, encoding, encodingFrom };
}

/** A shapefile (from its parts) as a source table: one row per record, 1-based. */
export function readShapefile(parts: ShapefileParts): SourceTable {
  const geoms = readShp(parts.shp, parts.file);
  const notes: string[] = [];
  let header: string[] = [];
  let records: (string[] | null)[] = geoms.map(() => []);
  let encoding: string | undefined;
  if (parts.dbf) {
    const d = readDbf(parts.dbf, parts.cpg, parts.file.replace(/\.shp$/i, '.dbf'));
    header = d.header;
    records = d.records;
    encoding = d.encoding;
    notes.push(`attributes read as ${d.encoding === 'gb18030' ? 'GBK/GB18030' : 'UTF-8'} (${d.encodingFrom})`);
    if (d.records.length !== geoms.length)
      notes.push(`.dbf has ${d.records.length} records, .shp ${geoms.length} shapes: only the first ${Math.min(d.records.length, geoms.length)} pair up`);
  } else notes.push('no .dbf: the shapes carry no attributes');
  const rows: SourceRow[] = [];
  const n = Math.min(geoms.length, records.length);
  for (let k = 0; k < n; k++) {
    const cells = records[k];
    if (cells === null) continue; // deleted record
    rows.push({ row: k + 1, cells, geometry: geoms[k] });
  }
  const table: SourceTable = { file: parts.file, format: 'shapefile', header, rows, notes };
  if (encoding) table.encoding = encoding;
  if (parts.prj) table.declaredCrs = { kind: 'prj', text: new TextDecoder().decode(parts.prj), file: parts.file.replace(/\.shp$/i, '.prj') };
  return table;
}

import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { EngineError, type RejectCode, type Rejection } from '../errors';
import type { IdSet } from '../package/IdSet';
import { clip } from '../package/rowReader';
import { SERVICES, type ServiceCode } from '../standards/services';
import type { CandidateSource, FacilityLevel, Ownership } from '../types';
import { BuildingList } from './BuildingList';
import { round7 } from './degreesText';
import type { FileReport, ImportedBuilding, ImportedCandidate, ImportedCommunity, ImportedFacility } from './importTypes';
import { mapColumns, type FieldSource, type FileMapping } from './mapColumns';
import { parseCoordinateCell, parseNumberCell } from './parseCell';
import { plainBuildingColumns, plainBuildingRow } from './plainBuildingRow';
import { PointList } from './PointList';
import { pointInside, polygonAreaM2 } from './polygonPoint';
import { cellWords, valueLookup } from './valueWords';
import type { SourceCrs } from './resolveCrs';
import type { SourceRow, SourceTable } from './sourceTable';
import { HEADER_SYNONYMS, OWNERSHIP_WORDS, REQUIRED_FIELDS, SOURCE_WORDS, SUMMARY_WORDS, normaliseWord, type ImportRole } from './vocabulary';

/** Options of converting one table. */
export interface ConvertOptions {
  role: ImportRole;
  crs: SourceCrs;
  crsFrom: FileReport['crsFrom'];
  mapping: FileMapping;
  /** Estimate missing building households from floor area (m² per household), or undefined. */
  dwellingM2?: number;
  /** Ids of the imported communities, to check community_id (undefined: not checked). */
  communityIds?: Set<string>;
  /** Ids already taken by earlier files of the same role. */
  seenIds: IdSet;
  /** Where a buildings table's rows are appended (default: a new list, returned as `buildings`). */
  buildings?: BuildingList;
  /** Collect the raw points for the CRS hint (default true; importPackage: when there are communities to test them against). */
  hintPoints?: boolean;
  /** Read plainly good rows of a scanned buildings CSV from the text (plainBuildingRow; default true). false: every row the general way (tests compare the two). */
  plainRows?: boolean;
  rejected: Rejection[];
  /** Called every {@link PROGRESS_ROWS} rows with the rows done and the table's rows (default: nothing). */
  onRows?: (done: number, of: number) => void;
}

/** Rows between two progress calls of convertTable. */
export const PROGRESS_ROWS = 65536;

/**
 * Converted rows of one table (communities, facilities, candidates in `records`; buildings
 * appended to `buildings`, as columns), its report, and the raw coordinates of its points
 * (for the CRS hint).
 */
export interface ConvertResult {
  records: (ImportedCommunity | ImportedFacility | ImportedCandidate)[];
  buildings: BuildingList;
  report: FileReport;
  rawPoints: PointList;
}

class Reject {
  constructor(
    readonly field: string,
    readonly code: RejectCode,
    readonly reason: string,
  ) {}
}

const SUMMARY_HINT = /合|计|总|汇|total/i;

/** A summary line: one of its first three non-empty cells is a SUMMARY_WORD or starts with 合计/小计/总计. */
function isSummaryRow(cells: string[]): boolean {
  let seen = 0;
  for (const c of cells) {
    if (c.trim() === '') continue;
    if (SUMMARY_HINT.test(c)) {
      // cheap test first: most cells hold none of these characters
      const w = normaliseWord(c).replace(/[:：]$/, '');
      if (SUMMARY_WORDS.includes(w) || /^(合计|小计|总计)/.test(w)) return true;
    }
    if (++seen === 3) return false;
  }
  return false;
}

function ringsToWgs84(rings: Position[][], crs: SourceCrs): Position[][] {
  return rings.map((r) =>
    r.map((p) => {
      const [x, y] = crs.toWgs84(p[0], p[1]);
      return [round7(x), round7(y)];
    }),
  );
}

/** Whether the values of the table's coordinates look like metres (projected) rather than degrees. */
function looksProjected(table: SourceTable, lon: FieldSource | undefined, lat: FieldSource | undefined): boolean {
  let big = 0;
  let n = 0;
  const see = (x: number, y: number) => {
    n++;
    if (Math.abs(x) > 360 || Math.abs(y) > 360) big++;
  };
  const rows = table.scanned ? Array.from({ length: Math.min(200, table.scanned.count) }, (_, k) => table.scanned!.row(k)) : table.rows.slice(0, 200);
  for (const r of rows) {
    const g = r.geometry;
    if (g && g.type !== 'GeometryCollection') {
      let c: unknown = g.coordinates;
      while (Array.isArray(c) && Array.isArray(c[0])) c = c[0];
      if (Array.isArray(c) && typeof c[0] === 'number') see(c[0], c[1] as number);
    } else if (lon && lat && 'column' in lon && 'column' in lat) {
      const x = parseCoordinateCell(r.cells[lon.column] ?? '');
      const y = parseCoordinateCell(r.cells[lat.column] ?? '');
      if (x !== null && y !== null) see(x, y);
    }
  }
  return n > 0 && big > n / 2;
}

/**
 * Convert one source table of a role into contract records (WGS84, contract codes), each
 * bad row rejected with its file, 1-based data row, id, field (`源列名 (field)`) and
 * reason, summary rows (合计/小计/总计) skipped with a note. A required field with no
 * column is E_MISSING_COLUMN naming the file and the field; coordinates in metres with a
 * geographic CRS are E_UNKNOWN_CRS naming the file.
 */
export function convertTable(table: SourceTable, o: ConvertOptions): ConvertResult {
  const { role, crs } = o;
  const map = mapColumns(table.header, role, table.file, o.mapping.columns);
  const f = map.fields;
  const hasGeometry = !table.scanned && table.rows.some((r) => r.geometry); // a scanned CSV has none (and its rows are not made)
  const notes = [...table.notes, ...map.notes];
  for (const field of REQUIRED_FIELDS[role]) {
    if (f[field]) continue;
    if ((field === 'lon' || field === 'lat') && hasGeometry) continue;
    if (field === 'households' && role === 'buildings' && o.dwellingM2 !== undefined) continue;
    const hint = field === 'households' && role === 'buildings' ? ' (or use --estimate-households with 层数 and an area or footprint polygons)' : '';
    throw new EngineError('E_MISSING_COLUMN', {
      file: table.file,
      field,
      detail: `no column for ${field}${hint}; columns: ${table.header.join(', ').slice(0, 160)}`,
    });
  }
  if (role === 'communities' && !hasGeometry)
    throw new EngineError('E_BAD_FILE', { file: table.file, detail: 'communities need polygons: a shapefile or GeoJSON' });
  if (crs.kind === 'geographic' && looksProjected(table, f.lon, f.lat)) {
    throw new EngineError('E_UNKNOWN_CRS', {
      file: table.file,
      detail: `coordinates look like metres, not degrees (CRS taken: ${crs.label}); give the projected CRS, e.g. --crs ${role}=EPSG:4545`,
    });
  }

  const columns: Record<string, string> = {};
  for (const field of Object.keys(HEADER_SYNONYMS[role])) {
    const s = f[field];
    if (s) columns[field] = 'column' in s ? s.header : `=${s.constant}`;
  }
  const report: FileReport = {
    file: table.file,
    role,
    format: table.format,
    ...(table.encoding ? { encoding: table.encoding } : {}),
    ...(table.delimiter ? { delimiter: table.delimiter } : {}),
    ...(table.sheet ? { sheet: table.sheet } : {}),
    ...(table.headerLine !== undefined ? { headerLine: table.headerLine } : {}),
    crs: crs.label,
    crsFrom: o.crsFrom,
    columns,
    unmapped: map.unmapped,
    rowsRead: 0,
    imported: 0,
    rejected: 0,
    summaryRowsSkipped: [],
    notes,
  };

  // the one lookup the wizard uses too (valueWords.ts): the vocabulary, then the mapping's values
  const lookup = <T extends string>(r: ImportRole, field: string) => valueLookup(r, field, o.mapping.values?.[field]) as Map<string, T>;
  const services = lookup<ServiceCode>('facilities', 'services');
  const statuses = lookup<'open' | 'planned'>('facilities', 'status');
  const levels = lookup<FacilityLevel>('facilities', 'level');
  const sources = lookup<CandidateSource>('candidates', 'source');
  const owners = lookup<Ownership>('candidates', 'ownership');

  let row: SourceRow = { row: 0, cells: [] };
  let cells: string[] = []; // row.cells, read once per row (a scanned CSV row makes them on each read)
  const label = (field: string) => {
    const s = f[field];
    return s && 'column' in s ? `${s.header} (${field})` : field;
  };
  const raw = (field: string): string => {
    const s = f[field];
    if (!s) return '';
    return 'constant' in s ? s.constant : (cells[s.column] ?? '').trim();
  };
  const reject = (field: string, code: RejectCode, reason: string): never => {
    throw new Reject(label(field), code, reason);
  };
  const str = (field: string) => {
    const v = raw(field);
    if (v === '') reject(field, 'R_EMPTY', `${field} is empty`);
    return v;
  };
  const num = (field: string, opts: { integer?: boolean; required?: boolean } = {}): number | undefined => {
    const v = raw(field);
    if (v === '') return opts.required ? reject(field, 'R_EMPTY', `${field} is empty`) : undefined;
    const n = parseNumberCell(v);
    if (n === null) return reject(field, 'R_NOT_NUMBER', `${field} '${clip(v)}' is not a number`);
    if (n < 0) return reject(field, 'R_OUT_OF_RANGE', `${field} ${clip(v)} must be ≥ 0`);
    if (opts.integer && !Number.isInteger(n)) return reject(field, 'R_NOT_INTEGER', `${field} '${clip(v)}' is not a whole number`);
    return n;
  };
  const word = <T extends string>(field: string, lookup: Map<string, T>, allowed: readonly string[]): T | undefined => {
    const v = raw(field);
    if (v === '') return undefined;
    const code = lookup.get(normaliseWord(v));
    if (!code) return reject(field, 'R_UNKNOWN_CODE', `${field} '${clip(v)}' is not a known word or one of ${allowed.join('|')}`);
    return code;
  };
  const communityRef = (): string | undefined => {
    const v = raw('community_id');
    if (v === '') return undefined;
    if (o.communityIds && !o.communityIds.has(v)) reject('community_id', 'R_UNKNOWN_COMMUNITY', `community_id '${clip(v)}' names no imported community`);
    return v;
  };
  const rawPoints = new PointList(o.hintPoints !== false);
  /** The row's point in WGS84 (rounded), from its geometry or its lon/lat columns. */
  const point = (): [number, number] => {
    const g = row.geometry;
    let x: number;
    let y: number;
    if (g) {
      if (g.type === 'Point') [x, y] = g.coordinates as [number, number];
      else if (g.type === 'MultiPoint' && g.coordinates.length > 0) [x, y] = g.coordinates[0] as [number, number];
      else if (g.type === 'Polygon' || g.type === 'MultiPolygon') {
        const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
        const wgs: MultiPolygon = { type: 'MultiPolygon', coordinates: polys.map((p) => ringsToWgs84(p, crs)) };
        const [px, py] = pointInside(wgs);
        if (crs.kind === 'geographic') {
          const [cx, cy] = pointInside({ type: 'MultiPolygon', coordinates: polys });
          rawPoints.push(cx, cy);
        }
        return [round7(px), round7(py)];
      } else return reject('geometry', 'R_BAD_GEOMETRY', `geometry type ${g.type} is not a point or polygon`);
      if (!Number.isFinite(x) || !Number.isFinite(y)) reject('geometry', 'R_BAD_GEOMETRY', 'coordinates are not numbers');
    } else {
      const lx = raw('lon');
      const ly = raw('lat');
      if (lx === '') reject('lon', 'R_EMPTY', 'lon is empty');
      if (ly === '') reject('lat', 'R_EMPTY', 'lat is empty');
      const px = parseCoordinateCell(lx);
      const py = parseCoordinateCell(ly);
      if (px === null) reject('lon', 'R_NOT_NUMBER', `lon '${clip(lx)}' is not a number`);
      if (py === null) reject('lat', 'R_NOT_NUMBER', `lat '${clip(ly)}' is not a number`);
      x = px!;
      y = py!;
    }
    if (crs.kind === 'geographic') {
      if (Math.abs(x) > 180) reject('lon', 'R_OUT_OF_RANGE', `lon ${x} is outside −180…180${Math.abs(y) <= 90 ? '' : ''}`);
      if (Math.abs(y) > 90)
        reject('lat', 'R_OUT_OF_RANGE', `lat ${y} is outside −90…90${Math.abs(x) <= 90 && Math.abs(y) <= 180 ? ' (lon and lat swapped?)' : ''}`);
      rawPoints.push(x, y);
    }
    const [lon, lat] = crs.toWgs84(x, y);
    if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
      reject('lon', 'R_OUT_OF_RANGE', `(${x}, ${y}) in ${crs.label} is outside the world`);
    }
    return [round7(lon), round7(lat)];
  };

  const readCommunity = (): ImportedCommunity => {
    const id = str('id');
    const c: ImportedCommunity = {
      id,
      name: str('name'),
      street: str('street'),
      district: str('district'),
      households: num('households', { integer: true, required: true })!,
      geometry: null as unknown as Polygon,
    };
    for (const k of ['population', 'elderly', 'children'] as const) {
      const v = num(k, { integer: true });
      if (v !== undefined) c[k] = v;
    }
    const g = row.geometry as Geometry | null | undefined;
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon'))
      reject('geometry', 'R_BAD_GEOMETRY', `geometry ${g ? g.type : 'is empty'}, not Polygon/MultiPolygon`);
    const gg = g as Polygon | MultiPolygon;
    const geometry: Polygon | MultiPolygon =
      gg.type === 'Polygon'
        ? { type: 'Polygon', coordinates: ringsToWgs84(gg.coordinates, crs) }
        : { type: 'MultiPolygon', coordinates: gg.coordinates.map((p) => ringsToWgs84(p, crs)) };
    const rings = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
    if (rings.some((r) => r.length < 4 || r.some((p) => !Number.isFinite(p[0]) || !Number.isFinite(p[1]) || Math.abs(p[0]) > 180 || Math.abs(p[1]) > 90))) {
      reject('geometry', 'R_BAD_GEOMETRY', `a ring has fewer than 4 positions or a coordinate outside the world (CRS ${crs.label})`);
    }
    c.geometry = geometry;
    return c;
  };

  let estimated = 0;
  const readBuilding = (): ImportedBuilding => {
    const id = str('id');
    const [lon, lat] = point();
    let households = num('households', { integer: true });
    let isEstimate = false;
    if (households === undefined) {
      if (o.dwellingM2 === undefined) reject('households', 'R_EMPTY', 'households is empty');
      const gross = num('floor_area_m2');
      let area = gross;
      if (area === undefined) {
        const floors = num('floors');
        let footprint = num('footprint_m2');
        const g = row.geometry;
        if (footprint === undefined && g && (g.type === 'Polygon' || g.type === 'MultiPolygon')) {
          const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
          footprint = polygonAreaM2({ type: 'MultiPolygon', coordinates: polys.map((p) => ringsToWgs84(p, crs)) });
        }
        if (floors === undefined || footprint === undefined) {
          reject('households', 'R_EMPTY', 'households is empty and cannot be estimated (needs 建筑面积, or 层数 with 基底面积 or a footprint polygon)');
        }
        area = footprint! * floors!;
      }
      households = Math.round(area / o.dwellingM2!);
      isEstimate = true;
    }
    const b: ImportedBuilding = { id, lon, lat, households, estimated: isEstimate };
    const cid = communityRef();
    if (cid !== undefined) b.communityId = cid;
    if (isEstimate) estimated++;
    return b;
  };

  const readFacility = (): ImportedFacility => {
    const id = str('id');
    const name = str('name');
    const [lon, lat] = point();
    const areaM2 = num('area_m2', { required: true })!;
    const words = cellWords('services', str('services'));
    const codes = new Set<ServiceCode>();
    for (const w of words) {
      const c = services.get(normaliseWord(w));
      if (!c) reject('services', 'R_UNKNOWN_CODE', `service word '${clip(w)}' is not known (see docs/IMPORT.md)`);
      codes.add(c!);
    }
    if (codes.size === 0) reject('services', 'R_EMPTY', 'services lists no service');
    const fac: ImportedFacility = {
      id,
      name,
      lon,
      lat,
      areaM2,
      services: SERVICES.filter((s) => codes.has(s)),
      status: word('status', statuses, ['open', 'planned']) ?? 'open',
    };
    const cid = communityRef();
    if (cid !== undefined) fac.communityId = cid;
    const level = word<FacilityLevel>('level', levels, ['street', 'community', 'compound']);
    if (level) fac.level = level;
    const op = raw('operator');
    if (op) fac.operator = op;
    return fac;
  };

  const readCandidate = (): ImportedCandidate => {
    const id = str('id');
    const name = str('name');
    const [lon, lat] = point();
    const areaM2 = num('area_m2', { required: true })!;
    const source = word<CandidateSource>('source', sources, Object.keys(SOURCE_WORDS)) ?? reject('source', 'R_EMPTY', 'source is empty');
    const ownership = word<Ownership>('ownership', owners, Object.keys(OWNERSHIP_WORDS)) ?? reject('ownership', 'R_EMPTY', 'ownership is empty');
    const c: ImportedCandidate = { id, name, lon, lat, areaM2, source, ownership };
    const cost = num('cost_wan');
    if (cost !== undefined) c.costWan = cost;
    const cid = communityRef();
    if (cid !== undefined) c.communityId = cid;
    const note = raw('note');
    if (note) c.note = note;
    return c;
  };

  const read = { communities: readCommunity, buildings: readBuilding, facilities: readFacility, candidates: readCandidate }[role];
  const records: ConvertResult['records'] = [];
  const buildings = o.buildings ?? new BuildingList();
  // a scanned CSV's rows are not made (table.rows is not read): its plainly good rows of
  // buildings are read from the text (plainBuildingRow), any other row is made alone
  const scanned = table.scanned;
  const plain = scanned && role === 'buildings' && o.plainRows !== false ? plainBuildingColumns(f) : undefined;
  const total = scanned ? scanned.count : table.rows.length;
  if (role === 'buildings') buildings.reserve(buildings.count + total);
  for (let k = 0; k < total; k++) {
    if (o.onRows && k % PROGRESS_ROWS === 0 && k > 0) o.onRows(k, total);
    if (plain && plainBuildingRow(scanned!.scan, scanned!.first + k, plain, crs, o.communityIds, o.seenIds, buildings, rawPoints)) {
      report.rowsRead++;
      report.imported++;
      continue;
    }
    const r = scanned ? scanned.row(k) : table.rows[k];
    row = r;
    cells = r.cells;
    if (!r.malformed && cells.every((c) => c.trim() === '') && !r.geometry) continue;
    if (!r.malformed && isSummaryRow(cells)) {
      report.summaryRowsSkipped.push(r.row);
      continue;
    }
    report.rowsRead++;
    const id = raw('id');
    const before = rawPoints.length;
    try {
      if (r.malformed) reject('', 'R_PARSE', 'a quoted value does not close: the row is cut at its line end');
      if (id !== '' && o.seenIds.has(id)) reject('id', 'R_DUPLICATE_ID', `id '${clip(id)}' repeats an earlier row`);
      if (id !== '') o.seenIds.add(id);
      const rec = read();
      if (role === 'buildings') buildings.add(rec as ImportedBuilding);
      else records.push(rec as ImportedCommunity | ImportedFacility | ImportedCandidate);
      report.imported++;
    } catch (e) {
      if (!(e instanceof Reject)) throw e;
      rawPoints.length = before;
      report.rejected++;
      o.rejected.push({ file: table.file, row: r.row, id: clip(id, 80), field: e.field, code: e.code, reason: e.reason });
    }
  }
  if (report.summaryRowsSkipped.length) notes.push(`summary row(s) ${report.summaryRowsSkipped.join(', ')} (合计/小计/总计) skipped`);
  if (role === 'buildings' && o.dwellingM2 !== undefined) {
    report.estimatedHouseholds = estimated;
    if (estimated) notes.push(`households of ${estimated} building(s) estimated as floor area ÷ ${o.dwellingM2} m² (households_estimated = true)`);
  }
  return { records, buildings, report, rawPoints };
}

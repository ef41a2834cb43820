import { EngineError, type Rejection } from '../errors';
import type { EngineNote } from '../notes';
import { PolygonIndex } from '../spatial/polygonIndex';
import { parsePolicyOverride } from '../standards/policy';
import type { Buildings, Crs, DataPackage, DistanceMatrix, Manifest, RoadCollection } from '../types';
import { decodeText } from './decodeText';
import { parseCsv, type CsvHeader } from './parseCsv';
import { readBuildingBytes } from './readBuildingBytes';
import { buildingsOf, readBuildingColumns, type BuildingColumns } from './readBuildingColumns';
import { readCommunities } from './readCommunities';
import { readPilotTables } from './readPilotFiles';
import { readRoads } from './readRoads';
import { clip } from './rowReader';
import { OPTIONAL_COLUMNS, REQUIRED_COLUMNS, readCandidates, readDistanceRows, readFacilities, type DistanceRow } from './readTables';

/** The files of a package by name (manifest.json, buildings.csv, …), as raw bytes. */
export type PackageFiles = Record<string, Uint8Array | undefined>;

const REQUIRED_FILES = ['manifest.json', 'communities.geojson', 'buildings.csv', 'facilities.csv'] as const;

function parseJson(bytes: Uint8Array, file: string): unknown {
  const { text } = decodeText(bytes, file);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new EngineError('E_BAD_JSON', { file, detail: (e as Error).message.slice(0, 120) });
  }
}

/** Normalise a manifest crs name: 'WGS84', 'wgs-84', 'EPSG:4326' and 'CGCS2000' → WGS84, etc. */
export function normaliseCrs(v: unknown): Crs | null {
  const s = String(v ?? '')
    .toUpperCase()
    .replace(/[\s_-]/g, '');
  if (s === 'WGS84' || s === 'CGCS2000' || s === 'EPSG:4326' || s === 'EPSG:4490') return 'WGS84';
  if (s === 'GCJ02') return 'GCJ02';
  if (s === 'BD09') return 'BD09';
  return null;
}

function readManifest(bytes: Uint8Array): Manifest {
  const m = parseJson(bytes, 'manifest.json') as Record<string, unknown> | null;
  if (!m || typeof m !== 'object' || Array.isArray(m)) throw new EngineError('E_BAD_MANIFEST', { file: 'manifest.json', detail: 'not a JSON object' });
  if (typeof m.name !== 'string' || m.name.trim() === '') throw new EngineError('E_BAD_MANIFEST', { file: 'manifest.json', field: 'name' });
  const crs = normaliseCrs(m.crs);
  if (!crs) throw new EngineError('E_BAD_CRS', { file: 'manifest.json', field: 'crs', detail: String(m.crs).slice(0, 40) });
  return { ...m, name: m.name, crs } as Manifest;
}

/** A CSV file's text, N_GBK noted when it was GBK. */
function csvText(files: PackageFiles, file: keyof typeof REQUIRED_COLUMNS, notes: EngineNote[]): string {
  const { text, encoding } = decodeText(files[file]!, file);
  if (encoding === 'gbk') notes.push({ code: 'N_GBK', params: { file } });
  return text;
}

/**
 * Unknown columns are ignored (DATA-FORMAT.md section 1), but never without a word when
 * one looks like a contract column ('Status', 'community id') or a column is named twice.
 */
function headerNotes(file: keyof typeof REQUIRED_COLUMNS, t: CsvHeader, notes: EngineNote[]): void {
  const known: readonly string[] = [...REQUIRED_COLUMNS[file], ...OPTIONAL_COLUMNS[file]];
  const squash = (h: string) => h.toLowerCase().replace(/[\s_-]/g, '');
  t.header.forEach((h, i) => {
    if (t.col.get(h) !== i) notes.push({ code: 'N_REPEATED_COLUMN', params: { file, column: h } });
    else if (!known.includes(h)) {
      const like = known.find((k) => squash(k) === squash(h));
      if (like) notes.push({ code: 'N_COLUMN_LIKE', params: { file, column: h, like } });
    }
  });
}

function table(files: PackageFiles, file: keyof typeof REQUIRED_COLUMNS, notes: EngineNote[]) {
  const t = parseCsv(csvText(files, file, notes), file, REQUIRED_COLUMNS[file]);
  headerNotes(file, t, notes);
  return t;
}

/** Distances by target; a from/to pair given more than once keeps its shortest distance, and is noted. */
function groupDistances(rows: DistanceRow[], notes: EngineNote[]): DistanceMatrix {
  const tmp = new Map<string, Map<number, number>>();
  let repeated = 0;
  for (const r of rows) {
    let m = tmp.get(r.to);
    if (!m) tmp.set(r.to, (m = new Map()));
    const prev = m.get(r.building);
    if (prev !== undefined) repeated++;
    if (prev === undefined || r.distanceM < prev) m.set(r.building, r.distanceM); // duplicate pair: the shorter stands
  }
  if (repeated > 0) notes.push({ code: 'N_DUPLICATE_PAIRS', params: { count: repeated } });
  const byTarget: DistanceMatrix['byTarget'] = new Map();
  for (const [to, m] of tmp) {
    const building = Int32Array.from(m.keys());
    const distanceM = Float64Array.from(m.values());
    byTarget.set(to, { building, distanceM });
  }
  return { byTarget, rows: rows.length };
}

/** Options of {@link loadPackage}. */
export interface LoadPackageOptions {
  /**
   * Called instead of reading roads.geojson, at its place in the order of the files, when the
   * package has one: its rejections (or the error it throws) land where reading the file would
   * have put them, and `roads` is left unset — no walking graph, for straight-line and matrix
   * runs. Default: read the file here. The CLI reads it with {@link roadRejections} on a
   * worker thread meanwhile.
   */
  roadRejections?: () => Rejection[];
  /**
   * roads.geojson already read ({@link readRoadsAhead}, from these very files): taken as the
   * package's roads, its rejections put where reading the file would have put them. Default:
   * read the file here. The engine worker reads the roads first to send them to the map ahead.
   */
  roadsRead?: { roads: RoadCollection; rejected: Rejection[] };
  /**
   * Called with the accepted buildings' coordinates (WGS84 degrees, by building) as soon as
   * buildings.csv is read, before they are located in communities and the other files are
   * read. Default: nothing. The CLI starts indexing them on its second thread meanwhile.
   */
  onBuildings?: (lon: Float64Array, lat: Float64Array) => void;
  /**
   * Reads buildings.csv in place of the reader here (at its place in the order of the files,
   * with the communities' ids by index), or gives null to leave it to that reader: the same
   * columns and rejections either way. The CLI reads the file's halves on two threads
   * (readBuildingBytes.ts). Default: the decoded text read here.
   */
  readBuildings?: (communities: Map<string, number>, rejected: Rejection[]) => BuildingColumns | null;
}

/**
 * roads.geojson read for its rejections only (all that a straight-line or matrix run
 * writes of it): the rows, ids and reasons {@link loadPackage} would reject, the same errors.
 */
export function roadRejections(bytes: Uint8Array, crs: Crs): Rejection[] {
  const rejected: Rejection[] = [];
  readRoads(parseJson(bytes, 'roads.geojson'), crs, rejected);
  return rejected;
}

/**
 * roads.geojson read as {@link loadPackage} reads it (the manifest's crs; the same roads, the
 * same rejections, the same errors thrown), before the rest of the package: the engine worker
 * sends the map's roads to the page ahead (src/worker/mapRun.ts) and hands the rejections to
 * loadPackage as {@link LoadPackageOptions.roadsRead}. Null without roads.geojson.
 */
export function readRoadsAhead(files: PackageFiles): { roads: RoadCollection; rejected: Rejection[] } | null {
  const bytes = files['roads.geojson'];
  if (!bytes || !files['manifest.json']) return null;
  const crs = readManifest(files['manifest.json']).crs;
  const rejected: Rejection[] = [];
  return { roads: readRoads(parseJson(bytes, 'roads.geojson'), crs, rejected), rejected };
}

/**
 * Load and validate a data package (DATA-FORMAT.md). Missing required files or columns,
 * unreadable JSON and unknown crs throw {@link EngineError}; bad rows are rejected into
 * `rejected` and the rest load. Everything is converted to WGS84. Buildings, facilities
 * and candidates without `community_id` are assigned by point-in-polygon (-1 when outside
 * every community).
 */
export function loadPackage(files: PackageFiles, opts: LoadPackageOptions = {}): DataPackage {
  for (const f of REQUIRED_FILES) if (!files[f]) throw new EngineError('E_MISSING_FILE', { file: f });
  const notes: EngineNote[] = [];
  const rejected: Rejection[] = [];
  const manifest = readManifest(files['manifest.json']!);
  const crs = manifest.crs;
  if (crs !== 'WGS84') notes.push({ code: 'N_CRS', params: { from: crs } });

  const communities = readCommunities(parseJson(files['communities.geojson']!, 'communities.geojson'), crs, rejected, notes);
  const communityIndex = new Map(communities.map((c, i) => [c.id, i]));
  const polygons = new PolygonIndex(communities.map((c) => c.geometry));
  const locate = (community: number, lon: number, lat: number) => (community === -2 ? polygons.locate(lon, lat) : community);

  // straight into columns: no object per building (issue 13). UTF-8 bytes are read as bytes
  // (no text decoded: 1.5–2× faster at 1M buildings, and the first reading in a fresh worker
  // the most); anything else, or bytes that reader does not take, as decoded text: the same
  // columns, rejections and errors either way (test/engine/readBuildingBytes.test.ts).
  const b =
    opts.readBuildings?.(communityIndex, rejected) ??
    readBuildingBytes(files['buildings.csv']!, crs, communityIndex, rejected) ??
    readBuildingColumns(csvText(files, 'buildings.csv', notes), crs, communityIndex, rejected);
  headerNotes('buildings.csv', b, notes);
  opts.onBuildings?.(b.lon, b.lat);
  const buildings: Buildings = buildingsOf(b); // ids made when first read
  for (let i = 0; i < b.count; i++) if (b.community[i] === -2) b.community[i] = polygons.locate(b.lon[i], b.lat[i]);

  const facilities = readFacilities(table(files, 'facilities.csv', notes), crs, communityIndex, rejected);
  for (const f of facilities) f.community = locate(f.community, f.lon, f.lat);
  const outside = facilities.filter((f) => f.community < 0);
  if (outside.length > 0) {
    // their area counts for no community's per-100-household rule: say how much
    const areaM2 = outside.reduce((sum, f) => sum + (f.status === 'open' ? f.areaM2 : 0), 0);
    notes.push({ code: 'N_FACILITIES_OUTSIDE', params: { count: outside.length, areaM2: Math.round(areaM2 * 100) / 100 } });
  }

  let candidates: DataPackage['candidates'] = [];
  if (files['candidates.csv']) {
    candidates = readCandidates(table(files, 'candidates.csv', notes), crs, communityIndex, rejected);
    for (const c of candidates) c.community = locate(c.community, c.lon, c.lat);
  }

  const pkg: DataPackage = { manifest, communities, buildings, facilities, candidates, rejected, notes };

  if (files['roads.geojson'] && opts.roadsRead) {
    for (const r of opts.roadsRead.rejected) rejected.push(r);
    pkg.roads = opts.roadsRead.roads;
  } else if (files['roads.geojson'] && opts.roadRejections) {
    for (const r of opts.roadRejections()) rejected.push(r);
  } else if (files['roads.geojson']) {
    pkg.roads = readRoads(parseJson(files['roads.geojson'], 'roads.geojson'), crs, rejected) as RoadCollection;
  }
  if (files['distances.csv']) {
    // to_id names a facility or a candidate; where both files use one id, its rows serve both
    const facilityIds = new Set(facilities.map((f) => f.id));
    const shared = candidates.filter((c) => facilityIds.has(c.id)).map((c) => c.id);
    if (shared.length)
      notes.push({
        code: 'N_SHARED_TARGET_IDS',
        params: {
          count: shared.length,
          ids: shared
            .slice(0, 3)
            .map((id) => clip(id))
            .join(', '),
        },
      });
    const bIndex = new Map(buildings.ids.map((id, i) => [id, i]));
    const targets = new Set([...facilities.map((f) => f.id), ...candidates.map((c) => c.id)]);
    pkg.distances = groupDistances(readDistanceRows(table(files, 'distances.csv', notes), bIndex, targets, rejected), notes);
  }
  // the pilot programme's optional files (docs/PILOTS.md)
  Object.assign(pkg, readPilotTables(files, communityIndex, crs, rejected, notes));
  if (files['policy.json']) {
    pkg.policyOverride = parsePolicyOverride(parseJson(files['policy.json'], 'policy.json'), 'policy.json');
  }
  return pkg;
}

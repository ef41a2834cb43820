import type { MultiPolygon, Polygon } from 'geojson';
import { EngineError, type Rejection } from '../errors';
import { IdSet } from '../package/IdSet';
import { PolygonIndex } from '../spatial/polygonIndex';
import { BuildingList } from './BuildingList';
import { convertTable } from './convertTable';
import { crsHint } from './crsHint';
import type { CrsHint, FileReport, ImportedCandidate, ImportedCommunity, ImportedFacility } from './importTypes';
import type { FileMapping } from './mapColumns';
import type { PointList } from './PointList';
import { importRoads, type RoadsReport } from './roads/importRoads';
import { readSources } from './readSources';
import { WGS84_CRS, crsFromPrj, resolveCrs, type SourceCrs } from './resolveCrs';
import type { NamedBytes, SourceTable } from './sourceTable';
import { DEFAULT_DWELLING_M2, IMPORT_ROLES, type ImportRole } from './vocabulary';
import { buildingsCsv, candidatesCsv, communitiesGeoJson, facilitiesCsv, importRejectedCsv, manifestJson } from './writePackage';

/** One file the user gives (a CSV, an XLSX, a GeoJSON, a zip, or a loose shapefile's parts) and its role. */
export interface ImportSource {
  role: ImportRole;
  /** The file, or a loose shapefile's parts (.shp .dbf .prj .cpg …). */
  files: NamedBytes[];
  /** CRS name (wgs84, cgcs2000, gcj02, bd09, EPSG:<code>); overrides a .prj (default: the file's own, else WGS84). */
  crs?: string;
  /** Column / value / sheet overrides for this file. */
  mapping?: FileMapping;
}

/** Everything one import needs. */
export interface ImportRequest {
  /** Package name for manifest.json (default '导入数据 imported data'). */
  name?: string;
  sources: ImportSource[];
  /** A walking network: roads GeoJSON, .osm XML or .osm.pbf. */
  roads?: { file: NamedBytes; crs?: string };
  /** A DEM GeoTIFF giving the network's vertices an elevation (m). */
  dem?: NamedBytes;
  /** Estimate missing building households from floor area (default off; dwellingM2 default 90 m² per household). */
  estimateHouseholds?: boolean | { dwellingM2?: number };
}

/** import-report.json: per file what was read, mapped, imported and rejected. */
export interface ImportReport {
  package: string;
  files: FileReport[];
  hints: CrsHint[];
  roads?: RoadsReport;
  rejectedRows: number;
  notes: string[];
}

/** The result of an import: the package's files as bytes, and what the wizard shows. */
export interface ImportResult {
  /** manifest.json, communities.geojson, buildings.csv, facilities.csv, candidates.csv, roads.geojson (those given), import-rejected.csv, import-report.json. */
  files: Record<string, Uint8Array>;
  report: ImportReport;
  rejected: Rejection[];
}

/** Progress: stage name and fraction done 0…1. */
export type ImportProgress = (stage: string, fraction: number) => void;

function declaredCrs(t: SourceTable): SourceCrs | undefined {
  const d = t.declaredCrs;
  if (!d) return undefined;
  if (d.kind === 'prj') return crsFromPrj(d.text, d.file);
  if (/CRS84|EPSG:+4326$/i.test(d.text)) return WGS84_CRS;
  const m = /EPSG:+(\d+)$/i.exec(d.text);
  return resolveCrs(m ? `EPSG:${m[1]}` : d.text, d.file);
}

/**
 * Import a district's own files into a contract package (docs/IMPORT.md). Pure: bytes in,
 * bytes out, so the CLI and the map's worker produce byte-identical packages. File-level
 * problems (unreadable file, missing column, unknown CRS) throw {@link EngineError} naming
 * the file; bad rows are listed in import-rejected.csv and the rest import.
 */
export async function importPackage(req: ImportRequest, onProgress: ImportProgress = () => {}): Promise<ImportResult> {
  const name = req.name ?? '导入数据 imported data';
  const est = req.estimateHouseholds;
  const dwellingM2 = est ? (typeof est === 'object' && est.dwellingM2 !== undefined ? est.dwellingM2 : DEFAULT_DWELLING_M2) : undefined;
  if (dwellingM2 !== undefined && !(dwellingM2 > 0)) throw new EngineError('E_ARGUMENT', { field: 'dwellingM2', detail: 'must be > 0 m²' });
  const rejected: Rejection[] = [];
  const reports: FileReport[] = [];
  const notes: string[] = [];
  const out: { communities: ImportedCommunity[]; facilities: ImportedFacility[]; candidates: ImportedCandidate[] } = {
    communities: [],
    facilities: [],
    candidates: [],
  };
  const buildings = new BuildingList();
  const pointsForHint: { file: string; role: ImportRole; raw: PointList; crs: string }[] = [];
  const ordered = IMPORT_ROLES.flatMap((role) => req.sources.filter((s) => s.role === role));
  const steps = ordered.length + (req.roads ? 1 : 0) + 1;
  let step = 0;
  let communityIds: Set<string> | undefined;
  const seen = new Map<ImportRole, IdSet>();
  for (const src of ordered) {
    onProgress(`read ${src.files[0]?.name ?? src.role}`, step / steps);
    const mapping = src.mapping ?? {};
    const tables = readSources(src.files, src.role, { sheet: mapping.sheet, headerLine: mapping.headerLine });
    if (tables.length === 0) throw new EngineError('E_BAD_FILE', { file: src.files.map((f) => f.name).join(', '), detail: 'no table or layer found' });
    if (src.role !== 'communities' && !communityIds && out.communities.length > 0) communityIds = new Set(out.communities.map((c) => c.id));
    for (const t of tables) {
      let crs: SourceCrs;
      let crsFrom: FileReport['crsFrom'];
      if (src.crs) [crs, crsFrom] = [resolveCrs(src.crs, t.file), 'option'];
      else if (mapping.crs) [crs, crsFrom] = [resolveCrs(mapping.crs, t.file), 'mapping'];
      else {
        const d = declaredCrs(t);
        [crs, crsFrom] = d ? [d, 'file'] : [WGS84_CRS, 'default'];
      }
      if (!seen.has(src.role)) seen.set(src.role, new IdSet(t.scanned?.count ?? t.rows.length));
      const onRows = (done: number, of: number) => onProgress(`convert ${t.file}`, (step + done / of) / steps);
      const seenIds = seen.get(src.role)!;
      // the CRS hint tests points against the communities, imported first: none, no points kept
      const hintPoints = src.role !== 'communities' && out.communities.length > 0;
      const r = convertTable(t, { role: src.role, crs, crsFrom, mapping, dwellingM2, communityIds, seenIds, buildings, rejected, onRows, hintPoints });
      if (crsFrom === 'default') r.report.notes.push('no CRS given or declared: read as WGS84/CGCS2000');
      if (src.role !== 'buildings') {
        const into = out[src.role] as unknown[];
        for (const rec of r.records) into.push(rec); // not push(...records): a million arguments overflow the stack
      }
      reports.push(r.report);
      if (src.role !== 'communities' && r.rawPoints.length) pointsForHint.push({ file: t.file, role: src.role, raw: r.rawPoints, crs: crs.label });
    }
    step++;
  }
  const hints: CrsHint[] = [];
  if (out.communities.length) {
    const index = new PolygonIndex(out.communities.map((c) => c.geometry as Polygon | MultiPolygon));
    for (const p of pointsForHint) {
      const h = crsHint(p.file, p.role, p.raw, p.crs, index);
      if (h) hints.push(h);
    }
  }
  onProgress('write', step / steps);
  const files: Record<string, Uint8Array> = { 'manifest.json': manifestJson(name) };
  const given = new Set(req.sources.map((s) => s.role));
  if (given.has('communities')) files['communities.geojson'] = communitiesGeoJson(out.communities);
  if (given.has('buildings')) files['buildings.csv'] = buildingsCsv(buildings, dwellingM2 !== undefined);
  if (given.has('facilities')) files['facilities.csv'] = facilitiesCsv(out.facilities);
  if (given.has('candidates')) files['candidates.csv'] = candidatesCsv(out.candidates);
  for (const role of ['communities', 'buildings', 'facilities'] as const) {
    if (!given.has(role))
      notes.push(`no ${role} file given: the package lacks ${role === 'communities' ? 'communities.geojson' : `${role}.csv`}, which the analysis needs`);
  }
  let roadsReport: RoadsReport | undefined;
  if (req.roads) {
    onProgress('roads', step / steps);
    const roadCrs = req.roads.crs ? resolveCrs(req.roads.crs, req.roads.file.name) : undefined;
    const r = await importRoads(req.roads.file, { crs: roadCrs, dem: req.dem });
    files['roads.geojson'] = r.bytes;
    roadsReport = r.report;
    step++;
  } else if (req.dem) notes.push('--dem given without --roads: ignored');
  const report: ImportReport = { package: name, files: reports, hints, rejectedRows: rejected.length, notes };
  if (roadsReport) report.roads = roadsReport;
  files['import-rejected.csv'] = importRejectedCsv(rejected);
  files['import-report.json'] = new TextEncoder().encode(JSON.stringify(report, null, 2) + '\n');
  onProgress('done', 1);
  return { files, report, rejected };
}

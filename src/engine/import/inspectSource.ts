import { mapColumns, type ColumnMapping, type FileMapping } from './mapColumns';
import { readSources, type ReadSourceOptions } from './readSources';
import { crsFromPrj, resolveCrs } from './resolveCrs';
import type { NamedBytes, SourceTable } from './sourceTable';
import { columnValues, type ColumnValue } from './valueWords';
import { HEADER_SYNONYMS, IMPORT_ROLES, REQUIRED_FIELDS, normaliseWord, type ImportRole } from './vocabulary';

/** What the wizard shows of one source table before importing. */
export interface SourcePreview {
  file: string;
  format: SourceTable['format'];
  header: string[];
  /** First rows (cells as text), for the mapping table's preview. */
  preview: string[][];
  /** Data rows: exact when `complete`, else estimated (CSV: from its line breaks; XLSX: the sheet's dimension; 0 when unknown). */
  rows: number;
  /** Whether every row was read (false: only the first `maxRows`, see inspectSource). */
  complete: boolean;
  /** Data rows read (all of them when `complete`). */
  read: number;
  /** Per header column, its distinct values among the rows read with their row counts (see columnValues): the wizard lists unknown value words from them. */
  values: ColumnValue[][];
  hasGeometry: boolean;
  /** The role guessed from headers and file name, and each role's score. */
  role: ImportRole;
  roleScores: Record<ImportRole, number>;
  /** The guessed column mapping for that role. */
  mapping: ColumnMapping;
  /** The CRS the file declares (.prj / GeoJSON crs), as a label, or undefined. */
  declaredCrs?: string;
  encoding?: string;
  sheet?: string;
  notes: string[];
}

const NAME_HINTS: Record<ImportRole, RegExp> = {
  communities: /社区|村|boundar|communit/i,
  buildings: /楼|建筑|住宅|building|footprint/i,
  facilities: /设施|台账|站点|facilit/i,
  candidates: /候选|房源|选址|candidate|site/i,
};

/**
 * Guess a table's role: per role, 2 points per required field its headers map to and 1 per
 * optional one, 3 for a name hint (社区/楼栋/设施/候选 …), 2 for polygons on communities;
 * the highest score wins (ties in IMPORT_ROLES order).
 */
export function guessRole(header: string[], fileName: string, hasPolygons = false): { role: ImportRole; scores: Record<ImportRole, number> } {
  const scores = {} as Record<ImportRole, number>;
  const norm = header.map(normaliseWord);
  for (const role of IMPORT_ROLES) {
    let s = 0;
    for (const [field, syns] of Object.entries(HEADER_SYNONYMS[role])) {
      if (syns.some((w) => norm.includes(normaliseWord(w)))) s += REQUIRED_FIELDS[role].includes(field) ? 2 : 1;
    }
    if (NAME_HINTS[role].test(fileName)) s += 3;
    if (role === 'communities' && hasPolygons) s += 2;
    scores[role] = s;
  }
  let role: ImportRole = IMPORT_ROLES[0];
  for (const r of IMPORT_ROLES) if (scores[r] > scores[role]) role = r;
  return { role, scores };
}

/** A key for a header set, so the wizard can remember a mapping chosen for files with the same headers. */
export function headerSetKey(header: string[]): string {
  return header
    .map(normaliseWord)
    .filter((h) => h !== '')
    .sort()
    .join('|');
}

/** Options of {@link inspectSource}. */
export interface InspectOptions {
  /** Fix the role (and so the header detection); default: guessed. */
  role?: ImportRole;
  /** The file's `--mapping` entry, applied as the import will. */
  mapping?: FileMapping;
  /** Rows in the preview (default 10). */
  previewRows?: number;
  /**
   * Read only about this many data rows where the format allows (see ReadSourceOptions.maxRows:
   * CSV/TXT a byte prefix, XLSX the sheet's first rows; shapefiles and GeoJSON whole); default:
   * every row. The role guess and geometry checks then look at those rows only.
   */
  maxRows?: number;
}

/**
 * Read dropped files and describe each table for the wizard: header, first `previewRows`
 * rows, guessed role and mapping, declared CRS. `role` fixes the role (and so the header
 * detection); `mapping` applies overrides as the import will; `maxRows` keeps a large file's
 * preview to its first rows.
 */
export function inspectSource(files: NamedBytes[], o: InspectOptions = {}): SourcePreview[] {
  const opts: ReadSourceOptions = { sheet: o.mapping?.sheet, headerLine: o.mapping?.headerLine, maxRows: o.maxRows };
  return readSources(files, o.role, opts).map((t) => {
    const polygons = t.rows.some((r) => r.geometry && (r.geometry.type === 'Polygon' || r.geometry.type === 'MultiPolygon'));
    const guess = guessRole(t.header, t.file, polygons);
    const role = o.role ?? guess.role;
    const p: SourcePreview = {
      file: t.file,
      format: t.format,
      header: t.header,
      preview: t.rows.slice(0, o.previewRows ?? 10).map((r) => r.cells),
      rows: t.partial ? (t.partial.approxRows ?? 0) : t.rows.length,
      complete: !t.partial,
      read: t.rows.length,
      values: columnValues(t.header.length, t.rows),
      hasGeometry: t.rows.some((r) => r.geometry),
      role,
      roleScores: guess.scores,
      mapping: mapColumns(t.header, role, t.file, o.mapping?.columns),
      notes: t.notes,
    };
    if (t.declaredCrs) {
      try {
        p.declaredCrs = (
          t.declaredCrs.kind === 'prj'
            ? crsFromPrj(t.declaredCrs.text, t.declaredCrs.file)
            : resolveCrs(t.declaredCrs.text.replace(/^.*EPSG:+/i, 'EPSG:'), t.file)
        ).label;
      } catch {
        p.declaredCrs = `unknown: ${t.declaredCrs.text.slice(0, 60)}`;
      }
    }
    if (t.encoding) p.encoding = t.encoding;
    if (t.sheet) p.sheet = t.sheet;
    return p;
  });
}

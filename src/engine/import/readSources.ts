import { unzipSync } from 'fflate';
import { EngineError } from '../errors';
import { rowCells, type CsvScan } from '../package/scanCsv';
import { decodeSourceText } from './decodeSourceText';
import { tableFromGrid } from './locateHeader';
import { ScannedRecords, detectDelimiter, scanCommaSeparated, scannedLines, splitDelimited, type ScannedLine } from './readDelimited';
import { readGeoJson } from './readGeoJson';
import { readShapefile, type ShapefileParts } from './readShapefile';
import { readXlsx } from './readXlsx';
import type { NamedBytes, SourceRow, SourceTable } from './sourceTable';
import type { ImportRole } from './vocabulary';

/** Options of reading one role's files. */
export interface ReadSourceOptions {
  /** XLSX sheet name (default: the first sheet). */
  sheet?: string;
  /** 1-based line / sheet row of the header (default: detected, see locateHeader). */
  headerLine?: number;
  /**
   * Read only about this many data rows where the format allows it, for a preview (default:
   * every row). CSV/TXT: a byte prefix cut at a line break (safe in UTF-8 and GBK/GB18030,
   * where byte 0x0A is never part of a character; UTF-16 files are read whole); XLSX: the
   * workbook is unzipped whole but the sheet's XML is parsed only up to that row; shapefiles
   * and GeoJSON are read whole (their formats need it).
   */
  maxRows?: number;
}

const SHAPE_PARTS = ['shp', 'shx', 'dbf', 'prj', 'cpg'];

/** Lines above the data a prefix must keep: locateHeader looks for the header among the first 10 non-empty lines. */
const HEADER_WINDOW = 11;

/** The offset just after the `n`th line feed (0x0A) of `bytes`, or bytes.length when there are fewer. */
function afterLineFeeds(bytes: Uint8Array, n: number): number {
  let at = -1;
  for (let k = 0; k < n; k++) {
    at = bytes.indexOf(0x0a, at + 1);
    if (at < 0) return bytes.length;
  }
  return at + 1;
}

/** Lines of a text file: line feeds (CR-only files: carriage returns), plus one for a last line without a break. */
function countLines(bytes: Uint8Array): number {
  const count = (b: number) => {
    let n = 0;
    for (let at = bytes.indexOf(b); at >= 0; at = bytes.indexOf(b, at + 1)) n++;
    return n;
  };
  const lf = count(0x0a);
  const breaks = lf > 0 ? lf : count(0x0d);
  const last = bytes.length ? bytes[bytes.length - 1] : 0x0a;
  return breaks + (last === 0x0a || last === 0x0d ? 0 : 1);
}

/**
 * The first records of a scan that the header search reads (locateHeader: the first 10
 * non-empty lines, and any line up to a given header line), of `count` in all.
 */
function headLines(scan: CsvScan, count: number, headerLine?: number): ScannedLine[] {
  for (let n = Math.min(count, 64 + (headerLine ?? 0)); ; n = Math.min(count, n * 4)) {
    const lines = scannedLines(scan, n);
    const nonEmpty = lines.filter((l) => l.cells.some((c) => c.trim() !== '')).length;
    if (n === count || (nonEmpty >= 10 && (headerLine === undefined || lines[n - 1].line > headerLine))) return lines;
  }
}

function ext(name: string): string {
  const m = /\.([^./\\]+)$/.exec(name);
  return m ? m[1].toLowerCase() : '';
}

function base(name: string): string {
  return name.replace(/\.[^./\\]+$/, '');
}

function readDelimitedTable(f: NamedBytes, role: ImportRole | undefined, opts: ReadSourceOptions): SourceTable {
  let bytes = f.bytes;
  let totalLines: number | undefined;
  const utf16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  if (opts.maxRows !== undefined && !utf16) {
    const cut = afterLineFeeds(bytes, opts.maxRows + HEADER_WINDOW + (opts.headerLine ?? 0));
    if (cut < bytes.length) {
      totalLines = countLines(bytes);
      bytes = bytes.subarray(0, cut);
    }
  }
  const { text, encoding } = decodeSourceText(bytes, f.name);
  const delimiter = detectDelimiter(text);
  // comma-separated plain RFC 4180 text: scanned once, its records made into rows only when
  // read (the importer reads a million plain rows from the scan itself, see convertTable)
  const scanned = delimiter === ',' ? scanCommaSeparated(text) : null;
  let count = scanned?.count ?? 0;
  // a trailing line break leaves one empty record at the end
  const blank = (cells: string[]) => cells.length === 1 && cells[0].trim() === '';
  if (scanned) while (count > 0 && scanned.scan.rowCell[count] - scanned.scan.rowCell[count - 1] === 1 && blank(rowCells(scanned.scan, count - 1))) count--;
  const records = scanned ? headLines(scanned.scan, count, opts.headerLine) : splitDelimited(text, delimiter);
  if (!scanned) while (records.length && blank(records[records.length - 1].cells)) records.pop();
  // a quote that does not close within the prefix may close after the cut: that record and the
  // lines after it (read as records of their own) are left out of the preview, not shown broken
  if (totalLines !== undefined) {
    const open = records.findIndex((r) => r.malformed);
    if (open >= 0) records.length = open;
  }
  const notes = [`read as ${encoding}, ${delimiter === '\t' ? 'tab' : `'${delimiter}'`} separated`];
  const t = tableFromGrid({ file: f.name, format: 'csv', encoding, delimiter, notes }, records, role, opts.headerLine, 'record');
  const head = scanned && t.headerLine !== undefined ? (records as ScannedLine[]).find((l) => l.line === t.headerLine) : undefined;
  if (scanned && head) {
    const scan = scanned.scan;
    const data = new ScannedRecords(scan, head.k + 1, count - head.k - 1);
    t.scanned = data;
    // rows as tableFromGrid makes them from all records (a ScannedLine per data row), made on first read
    let rows: SourceRow[] | undefined;
    Object.defineProperty(t, 'rows', {
      configurable: true,
      enumerable: true,
      get: () =>
        (rows ??= scannedLines(scan, count)
          .slice(data.first)
          .map((l, k) => {
            l.row = k + 1;
            return l;
          })),
      set: (v: SourceRow[]) => {
        rows = v;
      },
    });
  }
  if (totalLines !== undefined) {
    t.partial = { approxRows: Math.max(0, totalLines - (t.headerLine ?? 1)) };
    t.notes.push(`first ${t.rows.length} rows read of about ${t.partial.approxRows} (preview; encoding judged on those)`);
  }
  return t;
}

/**
 * Read the files given for one role into source tables, one per layer: CSV/TXT/TSV,
 * XLSX, GeoJSON/JSON, shapefiles loose (.shp with its .dbf/.prj/.cpg siblings, matched by
 * base name) or zipped (a .zip may hold several layers and other tables). Unknown file
 * kinds are E_BAD_FILE naming them; `.shx` and `.xml` sidecars are not needed.
 */
export function readSources(files: NamedBytes[], role: ImportRole | undefined, opts: ReadSourceOptions = {}): SourceTable[] {
  const out: SourceTable[] = [];
  const loose = new Map<string, Partial<Record<string, Uint8Array>> & { name?: string }>();
  const expand = (f: NamedBytes, prefix: string) => {
    const e = ext(f.name);
    const shown = prefix + f.name;
    if (e === 'zip') {
      let entries: Record<string, Uint8Array>;
      try {
        entries = unzipSync(f.bytes);
      } catch (err) {
        throw new EngineError('E_BAD_FILE', { file: shown, detail: `not a readable zip (${(err as Error).message.slice(0, 60)})` });
      }
      const names = Object.keys(entries)
        .filter((n) => !n.endsWith('/') && !/(^|\/)(__MACOSX|\.)/.test(n))
        .sort();
      if (names.length === 0) throw new EngineError('E_BAD_FILE', { file: shown, detail: 'the zip is empty' });
      for (const n of names) {
        const inner = ext(n);
        if (SHAPE_PARTS.includes(inner) || ['csv', 'txt', 'tsv', 'xlsx', 'geojson', 'json'].includes(inner))
          expand({ name: n, bytes: entries[n] }, `${shown}/`);
      }
      return;
    }
    if (SHAPE_PARTS.includes(e)) {
      const key = prefix + base(f.name);
      const g = loose.get(key) ?? {};
      g[e] = f.bytes;
      if (e === 'shp') g.name = shown;
      loose.set(key, g);
      return;
    }
    if (e === 'csv' || e === 'txt' || e === 'tsv') out.push(readDelimitedTable({ name: shown, bytes: f.bytes }, role, opts));
    else if (e === 'xlsx') {
      const limit = opts.maxRows === undefined ? undefined : opts.maxRows + HEADER_WINDOW + (opts.headerLine ?? 0);
      const x = readXlsx(f.bytes, shown, opts.sheet, limit);
      const notes = [`sheet '${x.sheet}'${x.sheets.length > 1 ? ` of ${x.sheets.length} (${x.sheets.join(', ')})` : ''}`];
      const t = tableFromGrid({ file: shown, format: 'xlsx', sheet: x.sheet, notes }, x.lines, role, opts.headerLine, 'line');
      if (x.cut) {
        t.partial = x.lastRow !== undefined ? { approxRows: Math.max(0, x.lastRow - (t.headerLine ?? 1)) } : {};
        t.notes.push(`first ${t.rows.length} rows read (preview)`);
      }
      out.push(t);
    } else if (e === 'geojson' || e === 'json') out.push(readGeoJson(f.bytes, shown));
    else if (e === 'xls') throw new EngineError('E_BAD_FILE', { file: shown, detail: 'old Excel .xls: save it as .xlsx or .csv' });
    else throw new EngineError('E_BAD_FILE', { file: shown, detail: 'not a CSV, TXT, XLSX, GeoJSON, shapefile or zip' });
  };
  for (const f of files) expand(f, '');
  for (const [key, g] of [...loose].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (!g.shp) {
      if (g.dbf) throw new EngineError('E_BAD_FILE', { file: `${key}.shp`, detail: 'a .dbf without its .shp' });
      continue;
    }
    const parts: ShapefileParts = { file: g.name!, shp: g.shp, dbf: g.dbf, prj: g.prj, cpg: g.cpg };
    out.push(readShapefile(parts));
  }
  return out;
}

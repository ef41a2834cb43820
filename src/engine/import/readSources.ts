import { unzipSync } from 'fflate';
import { EngineError } from '../errors';
import { decodeSourceText } from './decodeSourceText';
import { tableFromGrid } from './locateHeader';
import { detectDelimiter, splitDelimited } from './readDelimited';
import { readGeoJson } from './readGeoJson';
import { readShapefile, type ShapefileParts } from './readShapefile';
import { readXlsx } from './readXlsx';
import type { NamedBytes, SourceTable } from './sourceTable';
import type { ImportRole } from './vocabulary';

/** Options of reading one role's files. */
export interface ReadSourceOptions {
  /** XLSX sheet name (default: the first sheet). */
  sheet?: string;
  /** 1-based line / sheet row of the header (default: detected, see locateHeader). */
  headerLine?: number;
}

const SHAPE_PARTS = ['shp', 'shx', 'dbf', 'prj', 'cpg'];

function ext(name: string): string {
  const m = /\.([^./\\]+)$/.exec(name);
  return m ? m[1].toLowerCase() : '';
}

function base(name: string): string {
  return name.replace(/\.[^./\\]+$/, '');
}

function readDelimitedTable(f: NamedBytes, role: ImportRole | undefined, opts: ReadSourceOptions): SourceTable {
  const { text, encoding } = decodeSourceText(f.bytes, f.name);
  const delimiter = detectDelimiter(text);
  const records = splitDelimited(text, delimiter);
  // a trailing line break leaves one empty record at the end
  while (records.length && records[records.length - 1].cells.length === 1 && records[records.length - 1].cells[0].trim() === '') records.pop();
  const notes = [`read as ${encoding}, ${delimiter === '\t' ? 'tab' : `'${delimiter}'`} separated`];
  return tableFromGrid({ file: f.name, format: 'csv', encoding, delimiter, notes }, records, role, opts.headerLine, 'record');
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
      const x = readXlsx(f.bytes, shown, opts.sheet);
      const notes = [`sheet '${x.sheet}'${x.sheets.length > 1 ? ` of ${x.sheets.length} (${x.sheets.join(', ')})` : ''}`];
      out.push(tableFromGrid({ file: shown, format: 'xlsx', sheet: x.sheet, notes }, x.lines, role, opts.headerLine, 'line'));
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

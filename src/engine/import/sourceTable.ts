import type { Geometry } from 'geojson';
import type { CsvScan } from '../package/scanCsv';

/** A named file's bytes, as dropped on the map or read by the CLI. */
export interface NamedBytes {
  name: string;
  bytes: Uint8Array;
}

/** One line of a source file before the header is known: its 1-based line/sheet row and cells. */
export interface GridLine {
  line: number;
  cells: string[];
}

/** A source file read into rows of text cells; geometry where the format has it. */
export interface SourceTable {
  /** File name as reported (for a file inside a zip: `zip name/inner name`). */
  file: string;
  format: 'csv' | 'xlsx' | 'geojson' | 'shapefile';
  header: string[];
  rows: SourceRow[];
  /** Text encoding found (csv, dbf). */
  encoding?: string;
  /** Delimiter found (csv). */
  delimiter?: string;
  /** Sheet read (xlsx). */
  sheet?: string;
  /** 1-based line / sheet row of the header (csv, xlsx). */
  headerLine?: number;
  /** A CRS the file itself declares: .prj WKT or a GeoJSON `crs` name. */
  declaredCrs?: { kind: 'prj' | 'name'; text: string; file: string };
  /** What the reader noticed (encoding, skipped title lines, …). */
  notes: string[];
  /**
   * Set when only the first rows were read (`maxRows`): `rows` holds those, and
   * `approxRows` is the file's data rows as estimated without parsing them (CSV: its line
   * breaks; XLSX: the sheet's dimension), or undefined when unknown.
   */
  partial?: { approxRows?: number };
  /**
   * A comma-separated file's data rows as records of its scan (readDelimited.ts): set when
   * the text scanned as plain RFC 4180. `rows` is then made from it on first read only.
   */
  scanned?: ScannedRows;
}

/** Data rows of a table as records of a CSV scan: data row k + 1 is record `first + k` (see readDelimited.ts). */
export interface ScannedRows {
  scan: CsvScan;
  /** Record of data row 1. */
  first: number;
  /** Data rows. */
  count: number;
  /** Data row k + 1 (0-based k) with its cells, equal to the table's `rows[k]`. */
  row(k: number): SourceRow;
}

/** One data row: `row` is the 1-based data row (header not counted; feature index for GIS files). */
export interface SourceRow {
  row: number;
  cells: string[];
  geometry?: Geometry | null;
  /** True when the row's quotes did not close (csv): it is rejected as R_PARSE. */
  malformed?: boolean;
}

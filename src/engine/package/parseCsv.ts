import Papa from 'papaparse';
import { EngineError } from '../errors';
import { rowCells, scanCsv, type CsvScan } from './scanCsv';

/** A parsed CSV table: trimmed header names and rows of raw strings. */
export interface CsvTable {
  file: string;
  header: string[];
  /** Column index of each header name (first occurrence wins). */
  col: Map<string, number>;
  /** Data rows; `rows[k]` is data row k + 1 (the header not counted). */
  rows: string[][];
  /**
   * Data rows (indices into `rows`) whose quotes do not close: the record is cut at the end
   * of the line it starts on, and the reader rejects it (R_PARSE) instead of letting it
   * swallow the rest of the file.
   */
  malformed: Set<number>;
}

/**
 * Records of CSV text. Line ends are normalised first (CRLF, LF and CR alike, even mixed
 * in one file, as when rows are appended by another editor). papaparse reads an
 * unterminated quoted field to the end of the file; here such a record is cut at the end
 * of its first line, marked malformed, and parsing resumes on the next line, so one stray
 * quote costs one row, listed, never the rows after it.
 */
export function tolerantRecords(text: string): { rows: string[][]; malformed: Set<number> } {
  const src = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  const rows: string[][] = [];
  const malformed = new Set<number>();
  let offset = 0;
  for (;;) {
    const chunk = offset === 0 ? src : src.slice(offset);
    const res = Papa.parse<string[]>(chunk, { header: false, delimiter: ',', newline: '\n', skipEmptyLines: false });
    const bad = res.errors.find((e) => e.type === 'Quotes');
    if (!bad || bad.row === undefined) {
      for (const r of res.data) rows.push(r);
      return { rows, malformed };
    }
    // records before the bad one are sound; find where the bad one starts
    const before = bad.row;
    for (let k = 0; k < before; k++) rows.push(res.data[k]);
    const start = before === 0 ? 0 : Papa.parse(chunk, { header: false, delimiter: ',', newline: '\n', preview: before }).meta.cursor;
    const from = chunk[start] === '\n' ? start + 1 : start;
    const end = chunk.indexOf('\n', from);
    const line = end < 0 ? chunk.slice(from) : chunk.slice(from, end);
    malformed.add(rows.length);
    rows.push(line.split(',').map((c) => c.replace(/"/g, '')));
    if (end < 0) return { rows, malformed };
    offset += end + 1;
  }
}

/**
 * Records of CSV text: scanned ({@link scanCsv}) when the text is plain RFC 4180, which is
 * nearly always and much faster; else papaparse with the repairs of {@link tolerantRecords}.
 */
function allRecords(text: string): { rows: string[][]; malformed: Set<number> } {
  const scan = scanCsv(text);
  if (!scan) return tolerantRecords(text);
  const rows: string[][] = new Array<string[]>(scan.rowCount);
  for (let k = 0; k < scan.rowCount; k++) rows[k] = rowCells(scan, k);
  return { rows, malformed: new Set() };
}

/** Header names and their column indices: what {@link tableHeader} returns. */
export interface CsvHeader {
  header: string[];
  /** Column index of each header name (first occurrence wins). */
  col: Map<string, number>;
}

/**
 * Header names (trimmed, a BOM dropped) and their column indices. Throws E_MISSING_COLUMN
 * naming the first absent required column (and a header that matches it but for case or
 * spacing).
 */
export function tableHeader(first: readonly string[], file: string, required: readonly string[]): CsvHeader {
  const header = first.map((h) => h.trim().replace(/^\uFEFF/, ''));
  const col = new Map<string, number>();
  header.forEach((h, i) => {
    if (!col.has(h)) col.set(h, i);
  });
  for (const r of required) {
    if (col.has(r)) continue;
    // column names are exact (DATA-FORMAT.md); say so when one differs only by case
    const near = header.find((h) => h.toLowerCase().replace(/\s+/g, '') === r);
    throw new EngineError('E_MISSING_COLUMN', { file, field: r, detail: near ? `found '${near}' (column names are lower case)` : undefined });
  }
  return { header, col };
}

/** E_MISSING_COLUMN for a file without a header row. */
export function emptyFileError(file: string, required: readonly string[]): EngineError {
  return new EngineError('E_MISSING_COLUMN', { file, field: required.join(', '), detail: 'empty file' });
}

/**
 * Records of a scan without the empty records at its end (what a trailing line end
 * leaves), as {@link parseCsv} drops them: the header is record 0, data row k is record k.
 */
export function scannedRecordCount(scan: CsvScan): number {
  let n = scan.rowCount;
  while (n > 0 && scan.rowCell[n] - scan.rowCell[n - 1] === 1 && rowCells(scan, n - 1)[0].trim() === '') n--;
  return n;
}

/**
 * Parse CSV text with a header row (delimiter ',' as in the contract).
 * Blank lines keep their row number but hold no cells. Throws E_MISSING_COLUMN naming the
 * first absent required column (and a header that matches it but for case or spacing).
 */
export function parseCsv(text: string, file: string, required: readonly string[]): CsvTable {
  const { rows: all, malformed } = allRecords(text);
  // a trailing newline yields one empty row at the end: drop empty rows at the end only
  while (all.length > 0 && all[all.length - 1].length === 1 && all[all.length - 1][0].trim() === '' && !malformed.has(all.length - 1)) all.pop();
  if (all.length === 0) throw emptyFileError(file, required);
  const { header, col } = tableHeader(all[0], file, required);
  const rowsMalformed = new Set<number>();
  for (const k of malformed) if (k > 0) rowsMalformed.add(k - 1);
  return { file, header, col, rows: all.slice(1), malformed: rowsMalformed };
}

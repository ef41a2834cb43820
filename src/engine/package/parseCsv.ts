import Papa from 'papaparse';
import { EngineError } from '../errors';

/** A parsed CSV table: trimmed header names and rows of raw strings. */
export interface CsvTable {
  file: string;
  header: string[];
  /** Column index of each header name (first occurrence wins). */
  col: Map<string, number>;
  /** Data rows; `rows[k]` is data row k + 1 (the header not counted). */
  rows: string[][];
}

/**
 * Parse CSV text with a header row (papaparse, delimiter ',' as in the contract).
 * Blank lines keep their row number but hold no cells. Throws E_MISSING_COLUMN naming the
 * first absent required column.
 */
export function parseCsv(text: string, file: string, required: readonly string[]): CsvTable {
  const res = Papa.parse<string[]>(text, { header: false, delimiter: ',', skipEmptyLines: false });
  const all = res.data;
  // a trailing newline yields one empty row at the end: drop empty rows at the end only
  while (all.length > 0 && all[all.length - 1].length === 1 && all[all.length - 1][0].trim() === '') all.pop();
  if (all.length === 0) throw new EngineError('E_MISSING_COLUMN', { file, field: required.join(', '), detail: 'empty file' });
  const header = all[0].map((h) => h.trim().replace(/^\uFEFF/, ''));
  const col = new Map<string, number>();
  header.forEach((h, i) => {
    if (!col.has(h)) col.set(h, i);
  });
  for (const r of required) {
    if (!col.has(r)) throw new EngineError('E_MISSING_COLUMN', { file, field: r });
  }
  return { file, header, col, rows: all.slice(1) };
}

import {
  LEVEL_WORDS,
  OWNERSHIP_WORDS,
  SERVICE_SEPARATORS,
  SERVICE_WORDS,
  SOURCE_WORDS,
  STATUS_WORDS,
  normaliseWord,
  wordLookup,
  type ImportRole,
} from './vocabulary';

/** The fields of a role whose cells are words standing for contract codes, with each field's word table. */
export const VALUE_FIELDS: Record<ImportRole, Record<string, Record<string, readonly string[]>>> = {
  communities: {},
  buildings: {},
  facilities: { services: SERVICE_WORDS, status: STATUS_WORDS, level: LEVEL_WORDS },
  candidates: { source: SOURCE_WORDS, ownership: OWNERSHIP_WORDS },
};

/** The contract codes a value field takes (what a word may be mapped to), in the table's order. */
export function valueCodes(role: ImportRole, field: string): string[] {
  return Object.keys(VALUE_FIELDS[role][field] ?? {});
}

/**
 * Word → code for one value field: the vocabulary's words and the codes themselves, then a
 * mapping's `values` for that field on top (an entry naming no code of the field is ignored).
 * Compared after {@link normaliseWord}. The import (convertTable) and the wizard use this one lookup.
 */
export function valueLookup(role: ImportRole, field: string, extra?: Record<string, string>): Map<string, string> {
  const table = VALUE_FIELDS[role][field] ?? {};
  const m = wordLookup(table);
  for (const [w, code] of Object.entries(extra ?? {})) if (code in table) m.set(normaliseWord(w), code);
  return m;
}

/** The words of a cell of a value field: services may list several (养老、助餐), any other field holds one. */
export function cellWords(field: string, cell: string): string[] {
  const v = cell.trim();
  if (v === '') return [];
  if (field !== 'services') return [v];
  return v
    .split(SERVICE_SEPARATORS)
    .map((w) => w.trim())
    .filter((w) => w !== '');
}

/** A distinct cell value of a column and the number of rows holding it. */
export interface ColumnValue {
  value: string;
  rows: number;
}

/**
 * The words in a value field's column (its distinct cells with their row counts) that the
 * lookup does not know, each once, in order of first appearance, with the rows holding it:
 * what the import would reject as R_UNKNOWN_CODE unless a mapping's `values` names a code.
 */
export function unknownWords(role: ImportRole, field: string, values: readonly ColumnValue[], extra?: Record<string, string>): ColumnValue[] {
  const lookup = valueLookup(role, field, extra);
  const seen = new Map<string, number>();
  for (const { value, rows } of values) {
    for (const w of new Set(cellWords(field, value))) if (!lookup.has(normaliseWord(w))) seen.set(w, (seen.get(w) ?? 0) + rows);
  }
  return [...seen].map(([value, rows]) => ({ value, rows }));
}

/** Distinct values kept per column by {@link columnValues}. */
export const MAX_COLUMN_VALUES = 200;

/**
 * Each column's distinct trimmed non-empty cells with their row counts, in order of first
 * appearance (at most {@link MAX_COLUMN_VALUES} per column; later new values are not counted).
 */
export function columnValues(width: number, rows: readonly { cells: readonly string[] }[]): ColumnValue[][] {
  const maps = Array.from({ length: width }, () => new Map<string, number>());
  for (const r of rows) {
    const cells = r.cells; // once per row: a scanned CSV row makes its cells on each read
    for (let c = 0; c < width; c++) {
      const v = (cells[c] ?? '').trim();
      if (v === '') continue;
      const m = maps[c];
      const n = m.get(v);
      if (n !== undefined) m.set(v, n + 1);
      else if (m.size < MAX_COLUMN_VALUES) m.set(v, 1);
    }
  }
  return maps.map((m) => [...m].map(([value, rows]) => ({ value, rows })));
}

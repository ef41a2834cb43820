import { EngineError } from '../errors';
import { HEADER_SYNONYMS, normaliseWord, type ImportRole } from './vocabulary';

/**
 * A `--mapping` entry for one file (JSON, keyed by the file's name): every part optional.
 * `columns` maps a contract field to a source header, to null (leave the field unmapped),
 * or to `=TEXT` (the same value on every row, e.g. `"district": "=渝中区"`); `values`
 * adds value words per field (`{"status": {"试运行": "open"}}`).
 */
export interface FileMapping {
  sheet?: string;
  headerLine?: number;
  crs?: string;
  columns?: Record<string, string | null>;
  values?: Record<string, Record<string, string>>;
}

/** Where a field's value comes from: a column (index and header) or a constant. */
export type FieldSource = { column: number; header: string } | { constant: string };

/** The mapping of one file: field → source, and the headers no field uses. */
export interface ColumnMapping {
  fields: Record<string, FieldSource>;
  unmapped: string[];
  notes: string[];
}

/**
 * Map a file's headers to the contract fields of its role: the mapping's `columns` first,
 * then the synonym table (vocabulary.ts) for the rest, a header used once, the first
 * header of a field winning (a second one is reported). A mapping naming a header the
 * file does not have is E_MISSING_COLUMN naming file and header.
 */
export function mapColumns(header: string[], role: ImportRole, file: string, override: FileMapping['columns'] = {}): ColumnMapping {
  const table = HEADER_SYNONYMS[role];
  const fields: Record<string, FieldSource> = {};
  const used = new Set<number>();
  const notes: string[] = [];
  const skip = new Set<string>();
  for (const [field, src] of Object.entries(override)) {
    if (!(field in table))
      throw new EngineError('E_ARGUMENT', { file, field, detail: `mapping names field '${field}', not one of ${Object.keys(table).join(', ')}` });
    if (src === null) skip.add(field);
    else if (src.startsWith('=')) fields[field] = { constant: src.slice(1) };
    else {
      const i = header.indexOf(src);
      if (i < 0) throw new EngineError('E_MISSING_COLUMN', { file, field: src, detail: `named by the mapping for '${field}'` });
      fields[field] = { column: i, header: src };
      used.add(i);
    }
  }
  const bySynonym = new Map<string, string>();
  for (const [field, syns] of Object.entries(table)) for (const s of syns) if (!bySynonym.has(normaliseWord(s))) bySynonym.set(normaliseWord(s), field);
  header.forEach((h, i) => {
    if (used.has(i) || h === '') return;
    const field = bySynonym.get(normaliseWord(h));
    if (!field || skip.has(field)) return;
    const prev = fields[field];
    if (prev) {
      if ('column' in prev && !(field in override)) notes.push(`column '${h}' also looks like ${field} (already '${prev.header}'): ignored`);
      return;
    }
    fields[field] = { column: i, header: h };
    used.add(i);
  });
  const unmapped = header.filter((h, i) => h !== '' && !used.has(i));
  return { fields, unmapped, notes };
}

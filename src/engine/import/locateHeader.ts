import { HEADER_SYNONYMS, IMPORT_ROLES, normaliseWord, type ImportRole } from './vocabulary';
import { ScannedLine } from './readDelimited';
import type { GridLine, SourceRow, SourceTable } from './sourceTable';

/** Number of cells of a line that are a known header of `role` (of any role when undefined). */
function knownHeaders(cells: string[], role: ImportRole | undefined): number {
  const roles = role ? [role] : IMPORT_ROLES;
  const known = new Set<string>();
  for (const r of roles) for (const syn of Object.values(HEADER_SYNONYMS[r])) for (const s of syn) known.add(normaliseWord(s));
  return cells.filter((c) => c.trim() !== '' && known.has(normaliseWord(c))).length;
}

/**
 * The header line of a spreadsheet-like grid: among the first 10 non-empty lines, the one
 * with the most cells that are known headers of the role (at least 2; the earliest on a
 * tie), else the first non-empty line. Lines above it (a title such as
 * `XX街道社区服务设施台账`) are skipped with a note. `headerLine` (1-based line) forces it.
 */
export function locateHeader(lines: GridLine[], role: ImportRole | undefined, headerLine?: number): { index: number; note?: string } {
  // the first 10 non-empty lines are all that is looked at (not a million of them)
  const nonEmpty: { l: GridLine; i: number }[] = [];
  for (let i = 0; i < lines.length && nonEmpty.length < 10; i++) if (lines[i].cells.some((c) => c.trim() !== '')) nonEmpty.push({ l: lines[i], i });
  if (nonEmpty.length === 0) return { index: -1 };
  if (headerLine !== undefined) {
    const i = lines.findIndex((l) => l.line === headerLine);
    return { index: i, note: `header on line ${headerLine} as the mapping says` };
  }
  let best = nonEmpty[0].i;
  let bestScore = 1;
  for (const { l, i } of nonEmpty) {
    const s = knownHeaders(l.cells, role);
    if (s > bestScore) {
      best = i;
      bestScore = s;
    }
  }
  const skipped = nonEmpty.filter(({ i }) => i < best).map(({ l }) => l.line);
  return {
    index: best,
    note: skipped.length
      ? `title line(s) ${skipped.join(', ')} above the header skipped ('${lines[nonEmpty[0].i].cells
          .find((c) => c.trim() !== '')!
          .trim()
          .slice(0, 40)}')`
      : undefined,
  };
}

/**
 * Turn grid lines into a table: header from {@link locateHeader}, data rows numbered from
 * 1 after it — by record for CSV (`numbering: 'record'`), by sheet row for XLSX (data row
 * k is sheet row headerLine + k, as Excel shows it). Blank lines keep their number and
 * hold no data. Header cells are trimmed.
 */
export function tableFromGrid(
  base: Omit<SourceTable, 'header' | 'rows'>,
  lines: (GridLine & { malformed?: boolean })[],
  role: ImportRole | undefined,
  headerLine?: number,
  numbering: 'record' | 'line' = 'line',
): SourceTable {
  const { index, note } = locateHeader(lines, role, headerLine);
  const notes = [...base.notes];
  if (note) notes.push(note);
  if (index < 0) return { ...base, header: [], rows: [], notes };
  const head = lines[index];
  const header = head.cells.map((h) => h.trim().replace(/^\uFEFF/, ''));
  while (header.length > 0 && header[header.length - 1] === '') header.pop();
  const rows: SourceRow[] = [];
  for (let k = 0; k < lines.length - index - 1; k++) {
    const l = lines[index + 1 + k];
    if (l instanceof ScannedLine) {
      // a scanned CSV record becomes its row in place, its cells still unmade
      l.row = numbering === 'record' ? k + 1 : l.line - head.line;
      rows.push(l);
      continue;
    }
    const row: SourceRow = { row: numbering === 'record' ? k + 1 : l.line - head.line, cells: l.cells };
    if (l.malformed) row.malformed = true;
    rows.push(row);
  }
  return { ...base, header, rows, headerLine: head.line, notes };
}

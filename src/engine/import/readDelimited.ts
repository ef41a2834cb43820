import { cellText, rowCells, scanCsv, type CsvScan } from '../package/scanCsv';
import type { GridLine, ScannedRows, SourceRow } from './sourceTable';

/** Delimiters recognised in CSV/TXT files, in order of preference on a tie. */
export const DELIMITERS = [',', ';', '\t'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** A parsed record: its first line number (1-based), its cells, and whether its quotes closed. */
interface DelimitedRecord extends GridLine {
  malformed: boolean;
}

/**
 * Split delimited text into records (RFC 4180: quoted cells may hold delimiters, quotes
 * doubled, line breaks). Line ends CRLF, LF and CR are all accepted. A quote that never
 * closes cuts its record at the end of the line it starts on (marked malformed) and
 * parsing resumes on the next line, so one stray quote costs one row.
 */
export function splitDelimited(text: string, delimiter: Delimiter): DelimitedRecord[] {
  const src = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  const out: DelimitedRecord[] = [];
  let i = 0;
  let line = 1;
  const n = src.length;
  let nextQuote = src.indexOf('"'); // position of the next quote at or after i (-1: none left)
  while (i < n) {
    // fast path: a line without quotes is split as it is
    const eol = src.indexOf('\n', i);
    const lineEnd = eol < 0 ? n : eol;
    if (nextQuote >= 0 && nextQuote < i) nextQuote = src.indexOf('"', i);
    if (nextQuote < 0 || nextQuote > lineEnd) {
      out.push({ line, cells: src.slice(i, lineEnd).split(delimiter), malformed: false });
      i = lineEnd + 1;
      line++;
      continue;
    }
    const start = i;
    const startLine = line;
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    let unclosed = false;
    for (;;) {
      if (i >= n) {
        if (quoted) unclosed = true;
        break;
      }
      const ch = src[i];
      if (quoted) {
        if (ch === '"') {
          if (src[i + 1] === '"') {
            cell += '"';
            i += 2;
          } else {
            quoted = false;
            i++;
          }
        } else {
          if (ch === '\n') line++;
          cell += ch;
          i++;
        }
      } else if (ch === '"' && cell.trim() === '') {
        quoted = true;
        cell = '';
        i++;
      } else if (ch === delimiter) {
        cells.push(cell);
        cell = '';
        i++;
      } else if (ch === '\n') {
        i++;
        line++;
        break;
      } else {
        cell += ch;
        i++;
      }
    }
    if (unclosed) {
      const end = src.indexOf('\n', start);
      const lineText = end < 0 ? src.slice(start) : src.slice(start, end);
      out.push({ line: startLine, cells: lineText.split(delimiter).map((c) => c.replace(/"/g, '')), malformed: true });
      i = end < 0 ? n : end + 1;
      line = startLine + 1;
      continue;
    }
    cells.push(cell);
    out.push({ line: startLine, cells, malformed: false });
  }
  return out;
}

/**
 * {@link splitDelimited} for comma-separated text, through the package loader's fast
 * scanner ({@link scanCsv}): the same records, line numbers and cell values, without
 * normalising the whole text's line ends first or walking it a character at a time. Falls
 * back to splitDelimited for text scanCsv does not take as plain RFC 4180 (a quote that
 * does not close, text after a closing quote, a quote inside an unquoted cell: the tolerant
 * parser cuts and marks those rows as before) and for text starting with a BOM (kept in the
 * first cell by splitDelimited, skipped by scanCsv).
 */
export function splitCommaSeparated(text: string): DelimitedRecord[] {
  const s = scanCommaSeparated(text);
  return s ? scannedLines(s.scan, s.count) : splitDelimited(text, ',');
}

/**
 * Comma-separated text scanned by {@link scanCsv} (null where {@link splitCommaSeparated}
 * falls back to splitDelimited): the scan and its number of records as splitDelimited
 * counts them (the empty record scanCsv reads after a trailing line end not counted).
 */
export function scanCommaSeparated(text: string): { scan: CsvScan; count: number } | null {
  if (text.charCodeAt(0) === 0xfeff) return null;
  const scan = scanCsv(text);
  if (!scan) return null;
  const last = text.charCodeAt(text.length - 1);
  // splitDelimited ends at a trailing line end, scanCsv reads one more record of one empty cell after it
  return { scan, count: last === 0x0a || last === 0x0d ? scan.rowCount - 1 : scan.rowCount };
}

/** The first `count` records of a scan as {@link ScannedLine}s, each numbered by its first line (1-based). */
export function scannedLines(s: CsvScan, count: number): ScannedLine[] {
  const out = new Array<ScannedLine>(count);
  let line = 1;
  for (let k = 0; k < count; k++) {
    out[k] = new ScannedLine(s, k, line);
    // line breaks inside quoted cells: the next record starts that many lines further
    let breaks = 0;
    for (let c = s.rowCell[k]; c < s.rowCell[k + 1]; c++) {
      if (s.quoted[c] === 0) continue;
      const v = cellText(s, c);
      for (let i = v.indexOf('\n'); i >= 0; i = v.indexOf('\n', i + 1)) breaks++;
    }
    line += 1 + breaks;
  }
  return out;
}

/**
 * The data rows of a comma-separated table as records of its scan: data row k + 1 is record
 * `first + k`. The importer reads plainly good rows from the scan directly; {@link row}
 * makes any one row, and the table's `rows` makes them all only when read.
 */
export class ScannedRecords implements ScannedRows {
  constructor(
    readonly scan: CsvScan,
    /** Record of data row 1. */
    readonly first: number,
    /** Data rows. */
    readonly count: number,
  ) {}
  row(k: number): SourceRow {
    return { row: k + 1, cells: rowCells(this.scan, this.first + k) };
  }
}

/**
 * A record of a {@link CsvScan} whose cells are made from the scan each time `cells` is
 * read, none kept (a million rows then hold no million cell arrays for the collector to
 * trace): read `cells` once per use. {@link tableFromGrid} turns it into its data row in
 * place, setting `row`.
 */
export class ScannedLine implements DelimitedRecord {
  readonly malformed = false;
  /** The 1-based data row once the header is known (see tableFromGrid). */
  row = 0;
  constructor(
    /** The scan holding the record. */
    readonly scan: CsvScan,
    /** The record's index in the scan. */
    readonly k: number,
    readonly line: number,
  ) {}
  get cells(): string[] {
    const s = this.scan;
    const from = s.rowCell[this.k];
    const cells = new Array<string>(s.rowCell[this.k + 1] - from);
    for (let c = from; c < from + cells.length; c++) cells[c - from] = s.quoted[c] === 0 ? s.text.slice(s.start[c], s.end[c]) : cellText(s, c);
    return cells;
  }
}

/**
 * The delimiter of a file: the one that splits the first 20 non-empty lines into the
 * same number (≥ 2) of cells most often, ties broken by {@link DELIMITERS} order; ','
 * when none splits.
 */
export function detectDelimiter(text: string): Delimiter {
  const lines = text
    .slice(0, 65536)
    .split(/\r\n?|\n/)
    .filter((l) => l.trim() !== '')
    .slice(0, 20);
  let best: Delimiter = ',';
  let bestScore = 0;
  for (const d of DELIMITERS) {
    const counts = new Map<number, number>();
    for (const l of lines) {
      const k = splitDelimited(l, d)[0]?.cells.length ?? 0;
      if (k >= 2) counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    let score = 0;
    for (const [k, c] of counts) score = Math.max(score, c * 1000 + k);
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

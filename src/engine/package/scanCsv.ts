/**
 * Records of CSV text as cell spans into the text itself, in flat typed arrays: no string
 * and no array per row or per cell until a reader asks for one (a 1M-row buildings.csv is
 * scanned without a million row arrays).
 *
 * Record k's cells are `rowCell[k]` … `rowCell[k + 1] − 1`; cell c spans
 * `text.slice(start[c], end[c])`, quotes excluded; `quoted[c]` is 1 when the cell was
 * quoted, its value then read with {@link cellText} (`""` → `"`, CRLF / CR → LF).
 */
export interface CsvScan {
  text: string;
  /** Number of records, the header included; a trailing line end leaves one last record of a single empty cell (as papaparse does). */
  rowCount: number;
  /** First cell of each record; length rowCount + 1. */
  rowCell: Int32Array;
  /** Start offset (UTF-16 code units) of each cell's value in `text`. */
  start: Int32Array;
  /** End offset (exclusive) of each cell's value. */
  end: Int32Array;
  /** 1 when the cell was quoted. */
  quoted: Uint8Array;
}

const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

/** How many times `ch` occurs in `text` (indexOf is the fastest scan there is). */
function countOf(text: string, ch: string): number {
  let k = 0;
  for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) k++;
  return k;
}

/**
 * Scan comma-separated text (RFC 4180: a quoted cell may hold commas, line breaks and
 * doubled quotes; line ends CRLF, LF and CR alike, even mixed). Returns null when the text
 * is not plain RFC 4180 — a quote that does not close, a closing quote followed by
 * anything but a comma or a line end, a quote inside an unquoted cell — so that the caller
 * reads it with the tolerant parser ({@link parseCsv}), which cuts and rejects such rows
 * exactly as before. On every text it accepts, the records and cell values equal
 * parseCsv's (papaparse on line-end-normalised text; test/engine/scanCsv.test.ts compares
 * the two on random texts). A leading U+FEFF is skipped, as papaparse skips it.
 */
export function scanCsv(text: string): CsvScan | null {
  const n = text.length;
  // sized up front, never grown: a cell ends at a comma, a line end or the end of the text,
  // a record at a line end or the end (separators inside quotes only make these bounds loose)
  const lf = countOf(text, '\n');
  const cr = countOf(text, '\r');
  const cap = countOf(text, ',') + lf + cr + 1;
  const start = new Int32Array(cap);
  const end = new Int32Array(cap);
  const quoted = new Uint8Array(cap);
  const rowCell = new Int32Array(lf + cr + 2);
  let cells = 0;
  let rows = 0;
  let i = n > 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let nextQuote = text.indexOf('"', i); // the first quote at or after i, -1 when none is left
  if (i < n) {
    rows: for (;;) {
      // a record starts at i
      rowCell[rows++] = cells;
      if (cr === 0) {
        // fast path: a line without a quote (and a text without CR) splits at its commas
        const nl = text.indexOf('\n', i);
        const lineEnd = nl < 0 ? n : nl;
        if (nextQuote >= 0 && nextQuote < i) nextQuote = text.indexOf('"', i);
        if (nextQuote < 0 || nextQuote >= lineEnd) {
          for (;;) {
            let c = text.indexOf(',', i);
            if (c < 0 || c > lineEnd) c = lineEnd;
            start[cells] = i;
            end[cells++] = c;
            if (c === lineEnd) break;
            i = c + 1;
          }
          if (nl < 0) break rows;
          i = nl + 1;
          continue rows;
        }
      }
      for (;;) {
        // a cell starts at i
        if (i >= n) {
          start[cells] = n;
          end[cells++] = n;
          break rows;
        }
        let c = text.charCodeAt(i);
        if (c === QUOTE) {
          let close = text.indexOf('"', i + 1);
          while (close >= 0 && text.charCodeAt(close + 1) === QUOTE) close = text.indexOf('"', close + 2);
          if (close < 0) return null; // never closes
          start[cells] = i + 1;
          end[cells] = close;
          quoted[cells++] = 1;
          i = close + 1;
          if (i >= n) break rows;
          c = text.charCodeAt(i);
          if (c === COMMA) {
            i++;
            continue;
          }
          if (c === LF) {
            i++;
            continue rows;
          }
          if (c === CR) {
            i += text.charCodeAt(i + 1) === LF ? 2 : 1;
            continue rows;
          }
          return null; // text after a closing quote
        }
        let j = i;
        while (c !== COMMA && c !== LF && c !== CR && c !== QUOTE) {
          if (++j >= n) break;
          c = text.charCodeAt(j);
        }
        start[cells] = i;
        end[cells++] = j;
        if (j >= n) break rows;
        if (c === COMMA) {
          i = j + 1;
          continue;
        }
        if (c === QUOTE) return null; // a quote inside an unquoted cell
        i = c === CR && text.charCodeAt(j + 1) === LF ? j + 2 : j + 1;
        continue rows;
      }
    }
  }
  rowCell[rows] = cells;
  return { text, rowCount: rows, rowCell: rowCell.subarray(0, rows + 1), start, end, quoted };
}

/** The value of cell `c`: unquoted cells as written, quoted ones with `""` → `"` and CRLF / CR → LF. */
export function cellText(s: CsvScan, c: number): string {
  const v = s.text.slice(s.start[c], s.end[c]);
  if (s.quoted[c] === 0) return v;
  const q = v.includes('""') ? v.replace(/""/g, '"') : v;
  return q.includes('\r') ? q.replace(/\r\n?/g, '\n') : q;
}

/** The cells of record `k` as strings (the tolerant parser's row). */
export function rowCells(s: CsvScan, k: number): string[] {
  const out: string[] = [];
  for (let c = s.rowCell[k]; c < s.rowCell[k + 1]; c++) out.push(cellText(s, c));
  return out;
}

import type { Rejection } from '../errors';
import type { Crs } from '../types';
import { toWgs84 } from './crs';
import { decodeText, isUtf8 } from './decodeText';
import { idHash } from './IdSet';
import { tableHeader, type CsvHeader } from './parseCsv';
import { PLAUSIBLE_LIMITS } from './plausibleLimits';
import { Columns, type BuildingColumns } from './readBuildingColumns';
import { readBuildingRow, REQUIRED_COLUMNS } from './readTables';
import { RowLoop } from './rowReader';
import { rowCells, scanCsv } from './scanCsv';

const FILE = 'buildings.csv';
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

/** Column positions of the fields the fast path reads; cid −1 when there is no community_id column. */
export interface BuildingFieldsAt {
  id: number;
  lon: number;
  lat: number;
  hh: number;
  cid: number;
}

/**
 * Where buildings.csv's bytes are read in parts: the header, the first body byte, and the
 * cuts (each just after a line feed outside quotes) that end every part but the last.
 */
export interface BuildingBytesPlan {
  header: CsvHeader;
  at: BuildingFieldsAt;
  /** First byte of the first data record. */
  body: number;
  /** Part p is bytes [bounds[p], bounds[p + 1]); bounds[0] = body, the last = the length. */
  bounds: number[];
}

/**
 * One part of buildings.csv read from its bytes (no text decoded), record by record: a
 * record whose id, lon, lat, households and community_id are plain values — what
 * readBuildingColumns' fast path takes — is kept as numbers and spans ("plain"); any other
 * record (quoted cells, odd numbers, blank…) as its byte span only, for the general reader.
 * `ok` is false when the part is not plain RFC 4180 as scanCsv reads it, or not UTF-8, or
 * its records do not end exactly at its end: the caller then reads the file as text.
 */
export interface BuildingPart {
  ok: boolean;
  records: number;
  /** 1 plain, 0 for the general reader. */
  plain: Uint8Array;
  recStart: Int32Array;
  recEnd: Int32Array;
  idStart: Int32Array;
  idEnd: Int32Array;
  /** FNV-1a of the id bytes (IdSet's hash of the same id). */
  idHash: Int32Array;
  /** WGS84 degrees (converted from the package's crs). */
  lon: Float64Array;
  lat: Float64Array;
  households: Float64Array;
  /** community_id's span, start = end when empty or absent. */
  cidStart: Int32Array;
  cidEnd: Int32Array;
}

/** Header text of the bytes before `end`, decoded as the whole file would be (BOM and all). */
function headerText(bytes: Uint8Array, end: number): string | null {
  try {
    return decodeText(bytes.subarray(0, end), FILE).text;
  } catch {
    return null;
  }
}

/**
 * End of the record starting at `i` by scanCsv's grammar on bytes, bounded by `to`:
 * [end of its last cell, start of the next record], or null when it is not plain RFC 4180
 * (a quote that does not close, text after a closing quote, a quote inside an unquoted cell)
 * or runs into `to` (unless `to` is the end of the bytes: `last`).
 */
function recordEnd(bytes: Uint8Array, i: number, to: number, last: boolean): [number, number] | null {
  let j = i;
  for (;;) {
    if (j >= to) return last ? [to, to] : null;
    let c = bytes[j];
    if (c === QUOTE) {
      let close = bytes.indexOf(QUOTE, j + 1);
      while (close >= 0 && close < to && bytes[close + 1] === QUOTE) close = bytes.indexOf(QUOTE, close + 2);
      if (close < 0 || close >= to) return null;
      j = close + 1;
      if (j >= to) return last ? [to, to] : null;
      c = bytes[j];
      if (c === COMMA) {
        j++;
        continue;
      }
      if (c === LF) return [j, j + 1];
      if (c === CR) return [j, bytes[j + 1] === LF && j + 1 < to ? j + 2 : j + 1];
      return null;
    }
    while (c !== COMMA && c !== LF && c !== CR && c !== QUOTE) {
      if (++j >= to) return last ? [to, to] : null;
      c = bytes[j];
    }
    if (c === COMMA) {
      j++;
      continue;
    }
    if (c === QUOTE) return null;
    return [j, c === CR && j + 1 < to && bytes[j + 1] === LF ? j + 2 : j + 1];
  }
}

/**
 * Plan the parts of buildings.csv's bytes: null when the bytes are not for this reader
 * (UTF-16, a header that is not plain or misses a column, no header: the text reader then
 * gives the same rows or the same error). Cuts fall at the first line feed after each
 * equal share whose count of quotes before it is even — outside any quoted value in RFC
 * 4180 text; in any other text the parts' reading finds the fault and answers not ok.
 */
export function planBuildingBytes(bytes: Uint8Array, parts: number): BuildingBytesPlan | null {
  const n = bytes.length;
  let start = 0;
  if (n >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return null; // UTF-16
  if (n >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  if (n >= start + 3 && bytes[start] === 0xef && bytes[start + 1] === 0xbb && bytes[start + 2] === 0xbf) return null; // a second BOM: the text reader
  const ends = recordEnd(bytes, start, n, true);
  if (!ends || !isUtf8(bytes.subarray(start, ends[0]))) return null;
  const text = headerText(bytes, ends[0]);
  if (text === null) return null;
  const scan = scanCsv(text);
  if (!scan || scan.rowCount !== 1) return null;
  const cells = rowCells(scan, 0);
  if (cells.length === 1 && cells[0].trim() === '') return null; // blank first line: the text reader decides
  let header: CsvHeader;
  try {
    header = tableHeader(cells, FILE, REQUIRED_COLUMNS[FILE]);
  } catch {
    return null; // a missing column: the text reader throws it (after any encoding error before it)
  }
  const at: BuildingFieldsAt = {
    id: header.col.get('id')!,
    lon: header.col.get('lon')!,
    lat: header.col.get('lat')!,
    hh: header.col.get('households')!,
    cid: header.col.get('community_id') ?? -1,
  };
  const body = ends[1];
  const bounds = [body];
  let quotes = 0;
  let counted = body; // quotes in [body, counted) are in `quotes`
  for (let p = 1; p < parts; p++) {
    let cut = Math.max(bounds[bounds.length - 1], body + Math.floor(((n - body) * p) / parts));
    for (;;) {
      const lf = bytes.indexOf(LF, cut);
      if (lf < 0) {
        cut = n;
        break;
      }
      for (let q = bytes.indexOf(QUOTE, counted); q >= 0 && q < lf; q = bytes.indexOf(QUOTE, q + 1)) quotes++;
      counted = lf;
      cut = lf + 1;
      if (quotes % 2 === 0) break;
    }
    if (cut >= n) break;
    if (cut > bounds[bounds.length - 1]) bounds.push(cut);
  }
  bounds.push(n);
  return { header, at, body, bounds };
}

/** The number a plain decimal in `bytes[a, b)` denotes, as plainDecimal reads it from text (the same digits, the same double); NaN otherwise. */
function plainDecimalBytes(bytes: Uint8Array, a: number, b: number): number {
  if (a >= b) return NaN;
  let i = a;
  let c = bytes[i];
  const negative = c === 0x2d;
  if (negative || c === 0x2b) i++;
  let m = 0;
  let digits = 0;
  let frac = -1;
  for (; i < b; i++) {
    c = bytes[i];
    if (c >= 0x30 && c <= 0x39) {
      m = m * 10 + (c - 0x30);
      digits++;
      if (frac >= 0) frac++;
    } else if (c === 0x2e && frac < 0) frac = 0;
    else return NaN;
  }
  if (digits === 0 || digits > 15) return NaN;
  const v = frac > 0 ? m / 10 ** frac : m;
  return negative ? -v : v;
}

/** Plain digits (at most 15) in `bytes[a, b)` as a whole number, as plainWhole reads text; −1 otherwise. */
function plainWholeBytes(bytes: Uint8Array, a: number, b: number): number {
  if (a >= b || b - a > 15) return -1;
  let m = 0;
  for (let i = a; i < b; i++) {
    const c = bytes[i];
    if (c < 0x30 || c > 0x39) return -1;
    m = m * 10 + (c - 0x30);
  }
  return m;
}

/** True when every byte of `bytes[a, b)` is ASCII. */
function ascii(bytes: Uint8Array, a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (bytes[i] >= 0x80) return false;
  return true;
}

/**
 * Read the records of `bytes[from, to)` (a part of {@link planBuildingBytes}); `last` when
 * `to` is the end of the bytes. `buffer` gives the memory of the result's arrays (default
 * ArrayBuffer; the CLI's second thread passes SharedArrayBuffer).
 */
export function readBuildingPart(
  bytes: Uint8Array,
  from: number,
  to: number,
  last: boolean,
  at: BuildingFieldsAt,
  crs: Crs,
  buffer: (byteLength: number) => ArrayBufferLike = (n) => new ArrayBuffer(n),
): BuildingPart {
  let cap = 1;
  for (let i = bytes.indexOf(LF, from); i >= 0 && i < to; i = bytes.indexOf(LF, i + 1)) cap++;
  for (let i = bytes.indexOf(CR, from); i >= 0 && i < to; i = bytes.indexOf(CR, i + 1)) cap++;
  const i32 = () => new Int32Array(buffer(4 * cap));
  const f64 = () => new Float64Array(buffer(8 * cap));
  const part: BuildingPart = {
    ok: true,
    records: 0,
    plain: new Uint8Array(buffer(cap)),
    recStart: i32(),
    recEnd: i32(),
    idStart: i32(),
    idEnd: i32(),
    idHash: i32(),
    lon: f64(),
    lat: f64(),
    households: f64(),
    cidStart: i32(),
    cidEnd: i32(),
  };
  const limit = PLAUSIBLE_LIMITS.buildingHouseholds;
  const { plain, recStart, recEnd, idStart, idEnd, idHash: hashes, lon: lons, lat: lats, households, cidStart, cidEnd } = part;
  const need = Math.max(at.id, at.lon, at.lat, at.hh);
  let wide = false; // a byte ≥ 0x80 somewhere: the part's UTF-8 is checked at the end
  let r = 0;
  let i = from;
  while (i < to) {
    const rs = i;
    let cell = 0;
    let cs = i;
    let idS = 0;
    let idE = -1;
    let lonS = 0;
    let lonE = 0;
    let latS = 0;
    let latE = 0;
    let hhS = 0;
    let hhE = 0;
    let cidS = 0;
    let cidE = 0;
    let high = false;
    let quoted = false;
    let re = to;
    let next = to;
    for (;;) {
      if (i >= to) {
        if (!last) {
          part.ok = false;
          return part;
        }
        re = next = to;
        break;
      }
      let c = bytes[i];
      // most bytes are digits, letters and points: one test each
      while (c > COMMA && c < 0x80) {
        if (++i >= to) break;
        c = bytes[i];
      }
      if (i >= to) continue;
      if (c === COMMA || c === LF || c === CR) {
        if (cell === at.id) {
          idS = cs;
          idE = i;
        }
        if (cell === at.lon) {
          lonS = cs;
          lonE = i;
        }
        if (cell === at.lat) {
          latS = cs;
          latE = i;
        }
        if (cell === at.hh) {
          hhS = cs;
          hhE = i;
        }
        if (cell === at.cid) {
          cidS = cs;
          cidE = i;
        }
        if (c === COMMA) {
          cell++;
          cs = ++i;
          continue;
        }
        re = i;
        next = c === CR && i + 1 < to && bytes[i + 1] === LF ? i + 2 : i + 1;
        break;
      }
      if (c === QUOTE) {
        quoted = true;
        break;
      }
      if (c >= 0x80) high = true;
      i++;
    }
    if (i >= to && !quoted) {
      // the last cell ends at the end of the bytes
      if (cell === at.id) {
        idS = cs;
        idE = to;
      }
      if (cell === at.lon) {
        lonS = cs;
        lonE = to;
      }
      if (cell === at.lat) {
        latS = cs;
        latE = to;
      }
      if (cell === at.hh) {
        hhS = cs;
        hhE = to;
      }
      if (cell === at.cid) {
        cidS = cs;
        cidE = to;
      }
    }
    if (quoted) {
      const ends = recordEnd(bytes, rs, to, last);
      if (!ends) {
        part.ok = false;
        return part;
      }
      [re, next] = ends;
      for (let k = rs; k < re; k++) if (bytes[k] >= 0x80) wide = true;
    }
    if (high) wide = true;
    recStart[r] = rs;
    recEnd[r] = re;
    i = next;
    let ok = !quoted && need <= cell;
    if (ok) {
      let lon = plainDecimalBytes(bytes, lonS, lonE);
      let lat = plainDecimalBytes(bytes, latS, latE);
      const hh = plainWholeBytes(bytes, hhS, hhE);
      const a = idE > idS ? bytes[idS] : 0;
      const z = idE > idS ? bytes[idE - 1] : 0;
      ok =
        Math.abs(lon) <= 180 &&
        Math.abs(lat) <= 90 &&
        hh >= 0 &&
        hh <= limit &&
        a > 0x20 &&
        a < 0x7f &&
        z > 0x20 &&
        z < 0x7f &&
        (!high || (ascii(bytes, idS, idE) && (at.cid < 0 || at.cid > cell || ascii(bytes, cidS, cidE))));
      if (ok) {
        if (crs !== 'WGS84') [lon, lat] = toWgs84(lon, lat, crs);
        idStart[r] = idS;
        idEnd[r] = idE;
        hashes[r] = idHash(bytes, idS, idE);
        lons[r] = lon;
        lats[r] = lat;
        households[r] = hh;
        const hasCid = at.cid >= 0 && at.cid <= cell;
        cidStart[r] = hasCid ? cidS : 0;
        cidEnd[r] = hasCid ? cidE : 0;
      }
    }
    plain[r++] = ok ? 1 : 0;
  }
  part.records = r;
  if (wide && !isUtf8(bytes.subarray(from, to))) part.ok = false;
  return part;
}

/** The cells of the record `bytes[from, to)` as scanCsv gives them within the whole text (the leading line feed keeps a U+FEFF at its start a character). */
function recordCells(bytes: Uint8Array, from: number, to: number): string[] {
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.slice(from, to));
  const scan = scanCsv('\n' + text);
  return scan ? rowCells(scan, 1) : [text];
}

/** An ASCII span as a string. */
function asciiText(bytes: Uint8Array, from: number, to: number): string {
  let s = '';
  for (let i = from; i < to; i++) s += String.fromCharCode(bytes[i]);
  return s;
}

/**
 * The buildings of the parts (in order) as readBuildingColumns gives them from the decoded
 * text: plain records are taken as read (their community_id looked up, their id checked
 * against the ids before it), every other record goes through the general reader (RowLoop,
 * readBuildingRow) with its cells, so the accepted rows, the rejected rows with their file /
 * row / field / reason, and the duplicate-id rule are the same. Null when a part is not ok.
 */
export function mergeBuildingParts(
  bytes: Uint8Array,
  plan: BuildingBytesPlan,
  parts: readonly BuildingPart[],
  crs: Crs,
  communities: Map<string, number>,
  rejected: Rejection[],
): BuildingColumns | null {
  if (parts.some((p) => !p.ok)) return null;
  const records = parts.reduce((n, p) => n + p.records, 0);
  const cols = new Columns(records, bytes);
  const loop = new RowLoop({ file: FILE, col: plan.header.col }, rejected, (r) => readBuildingRow(r, crs, communities), true, records + 1);
  const seen = loop.seen;
  let k = 0; // data row, 0-based (row k + 1 in messages)
  for (const p of parts) {
    for (let r = 0; r < p.records; r++, k++) {
      if (p.plain[r] === 1) {
        let community = -2;
        let ok = true;
        if (p.cidEnd[r] > p.cidStart[r]) {
          const cid = asciiText(bytes, p.cidStart[r], p.cidEnd[r]).trim();
          if (cid !== '') {
            const idx = communities.get(cid);
            if (idx === undefined) ok = false;
            else community = idx;
          }
        }
        if (ok && seen.addByteSpanIfNew(bytes, p.idStart[r], p.idEnd[r], p.idHash[r])) {
          cols.pushSpan(p.idStart[r], p.idEnd[r], p.lon[r], p.lat[r], p.households[r], community);
          continue;
        }
      }
      const b = loop.row(k, recordCells(bytes, p.recStart[r], p.recEnd[r]), false);
      if (b) cols.push(b.id, b.lon, b.lat, b.households, b.community);
    }
  }
  return cols.done(plan.header);
}

/**
 * buildings.csv read from its bytes in `parts` parts, one after another (the CLI reads
 * them on two threads with {@link planBuildingBytes}, {@link readBuildingPart} and
 * {@link mergeBuildingParts}): the same columns and rejections as readBuildingColumns on the
 * decoded text, or null when this reader does not take the bytes (the caller then decodes
 * them and reads the text).
 */
export function readBuildingBytes(bytes: Uint8Array, crs: Crs, communities: Map<string, number>, rejected: Rejection[], parts = 1): BuildingColumns | null {
  const plan = planBuildingBytes(bytes, parts);
  if (!plan) return null;
  const read = plan.bounds.slice(0, -1).map((from, p) => readBuildingPart(bytes, from, plan.bounds[p + 1], p === plan.bounds.length - 2, plan.at, crs));
  return mergeBuildingParts(bytes, plan, read, crs, communities, rejected);
}

import type { Rejection } from '../errors';
import type { Crs } from '../types';
import { toWgs84 } from './crs';
import { decodeText, isUtf8 } from './decodeText';
import { idHash } from './IdSet';
import { tableHeader, type CsvHeader } from './parseCsv';
import { plainDecimalBytes, plainWholeBytes } from './plainNumber';
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
 * Where the parts of buildings.csv are read to, record by record (no text decoded): the
 * buildings' columns by record slot, part p's records from slot `first[p]` on. A record whose
 * id, lon, lat, households and community_id are plain values — what readBuildingColumns'
 * fast path takes — is kept as numbers and its id's span ("plain"); any other record (quoted
 * cells, odd numbers, blank…) as its byte span only, for the general reader.
 * {@link mergeBuildingParts} then makes the accepted buildings' columns of the same arrays, in
 * place (no copy of a million buildings; the CLI allocates them in shared memory for both threads).
 */
export interface BuildingSlots {
  /** Per part its first slot, then the number of slots (at least the part's records: its line ends). */
  first: number[];
  /** A plain record's id span; any other record's span. */
  idStart: Int32Array;
  idEnd: Int32Array;
  /** FNV-1a of a plain record's id bytes (IdSet's hash of the same id). */
  idHash: Int32Array;
  /** WGS84 degrees (converted from the package's crs). */
  lon: Float64Array;
  lat: Float64Array;
  households: Float64Array;
  /** −2 without a community_id, else the number of its value in the part's {@link BuildingPart.cidStart}. */
  community: Int32Array;
  /** 1 plain, 0 for the general reader. */
  plain: Uint8Array;
}

/**
 * What reading one part gave besides its slots. `ok` is false when the part is not plain
 * RFC 4180 as scanCsv reads it, or not UTF-8, or its records do not end exactly at its end:
 * the caller then reads the file as text.
 */
export interface BuildingPart {
  ok: boolean;
  records: number;
  /** The part's distinct community_id values (their byte spans, in the order first met). */
  cidStart: number[];
  cidEnd: number[];
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

/** True when every byte of `bytes[a, b)` is ASCII. */
function ascii(bytes: Uint8Array, a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (bytes[i] >= 0x80) return false;
  return true;
}

/** Most records `bytes[from, to)` can hold: its line ends (LF, CR, CR LF), one more when it does not end with one. */
function lineEnds(bytes: Uint8Array, from: number, to: number): number {
  let n = 0;
  for (let i = bytes.indexOf(LF, from); i >= 0 && i < to; i = bytes.indexOf(LF, i + 1)) n++;
  for (let i = bytes.indexOf(CR, from); i >= 0 && i < to; i = bytes.indexOf(CR, i + 1)) if (i + 1 >= to || bytes[i + 1] !== LF) n++;
  const tail = to > from ? bytes[to - 1] : LF;
  return tail === LF || tail === CR ? n : n + 1;
}

/**
 * The slots the parts of `plan` are read to, each part's as many as its line ends; `buffer`
 * gives their memory (default ArrayBuffer; the CLI passes SharedArrayBuffer, so its second
 * thread writes its part into them).
 */
export function buildingSlots(
  bytes: Uint8Array,
  plan: BuildingBytesPlan,
  buffer: (byteLength: number) => ArrayBufferLike = (n) => new ArrayBuffer(n),
): BuildingSlots {
  const first = [0];
  for (let p = 0; p + 1 < plan.bounds.length; p++) first.push(first[p] + lineEnds(bytes, plan.bounds[p], plan.bounds[p + 1]));
  const n = first[first.length - 1];
  const i32 = () => new Int32Array(buffer(4 * n));
  const f64 = () => new Float64Array(buffer(8 * n));
  return {
    first,
    idStart: i32(),
    idEnd: i32(),
    idHash: i32(),
    lon: f64(),
    lat: f64(),
    households: f64(),
    community: i32(),
    plain: new Uint8Array(buffer(n)),
  };
}

/**
 * Numbers of distinct byte spans (a part's community_id values): a small open-addressing
 * table over FNV-1a, no string made per record.
 */
class SpanNumbers {
  readonly start: number[] = [];
  readonly end: number[] = [];
  private table = new Int32Array(64); // slot → 1 + number, 0 = empty
  private hashes = new Int32Array(64);
  constructor(private readonly bytes: Uint8Array) {}

  /** The number of the span `bytes[a, b)`, given it when new. */
  numberOf(a: number, b: number): number {
    const bytes = this.bytes;
    const h = idHash(bytes, a, b);
    let mask = this.table.length - 1;
    let slot = h & mask;
    for (;;) {
      const e = this.table[slot];
      if (e === 0) break;
      if (this.hashes[slot] === h) {
        const s = this.start[e - 1];
        if (this.end[e - 1] - s === b - a) {
          let k = 0;
          while (k < b - a && bytes[s + k] === bytes[a + k]) k++;
          if (k === b - a) return e - 1;
        }
      }
      slot = (slot + 1) & mask;
    }
    const num = this.start.length;
    this.start.push(a);
    this.end.push(b);
    if (this.start.length * 2 > this.table.length) {
      // double the table and place every span again (the new one too)
      const oldHashes = this.hashes;
      const old = this.table;
      this.table = new Int32Array(old.length * 2);
      this.hashes = new Int32Array(old.length * 2);
      mask = this.table.length - 1;
      const place = (e: number, hh: number) => {
        let t = hh & mask;
        while (this.table[t] !== 0) t = (t + 1) & mask;
        this.table[t] = e;
        this.hashes[t] = hh;
      };
      for (let t = 0; t < old.length; t++) if (old[t] !== 0) place(old[t], oldHashes[t]);
      place(num + 1, h);
    } else {
      this.table[slot] = num + 1;
      this.hashes[slot] = h;
    }
    return num;
  }
}

/** Fields the fast path reads, by number: their spans are kept at 2f, 2f + 1. */
const F_ID = 0;
const F_LON = 1;
const F_LAT = 2;
const F_HH = 3;
const F_CID = 4;

/**
 * Read the records of part `p` of `plan` into their slots (of {@link buildingSlots}); `crs`
 * the package's. Every record is read by one cell loop; the spans of the five fields are
 * kept by field number, so a record's end and the end of the bytes close a cell alike.
 */
export function readBuildingPart(bytes: Uint8Array, plan: BuildingBytesPlan, p: number, slots: BuildingSlots, crs: Crs): BuildingPart {
  const from = plan.bounds[p];
  const to = plan.bounds[p + 1];
  const last = p === plan.bounds.length - 2;
  const at = plan.at;
  const part: BuildingPart = { ok: true, records: 0, cidStart: [], cidEnd: [] };
  const cids = new SpanNumbers(bytes);
  const limit = PLAUSIBLE_LIMITS.buildingHouseholds;
  const { plain, idStart, idEnd, idHash: hashes, lon: lons, lat: lats, households, community } = slots;
  const need = Math.max(at.id, at.lon, at.lat, at.hh);
  // cell number → field number (−1: a cell no field reads)
  const fieldOf = new Int8Array(Math.max(need, at.cid) + 1).fill(-1);
  fieldOf[at.id] = F_ID;
  fieldOf[at.lon] = F_LON;
  fieldOf[at.lat] = F_LAT;
  fieldOf[at.hh] = F_HH;
  if (at.cid >= 0) fieldOf[at.cid] = F_CID;
  const cells = fieldOf.length;
  const span = new Int32Array(10);
  const first = slots.first[p];
  const room = slots.first[p + 1] - first;
  let wide = false; // a byte ≥ 0x80 somewhere: the part's UTF-8 is checked at the end
  let r = 0;
  let i = from;
  while (i < to) {
    if (r === room) {
      part.ok = false; // more records than line ends: not what the plan counted
      return part;
    }
    const rs = i;
    let cell = 0;
    let cs = i;
    span.fill(0);
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
        if (cell < cells && fieldOf[cell] >= 0) {
          span[2 * fieldOf[cell]] = cs;
          span[2 * fieldOf[cell] + 1] = i;
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
    if (i >= to && !quoted && cell < cells && fieldOf[cell] >= 0) {
      // the last cell ends at the end of the bytes
      span[2 * fieldOf[cell]] = cs;
      span[2 * fieldOf[cell] + 1] = to;
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
    const s = first + r++;
    i = next;
    let ok = !quoted && need <= cell;
    if (ok) {
      const idS = span[2 * F_ID];
      const idE = span[2 * F_ID + 1];
      const cidS = span[2 * F_CID];
      const cidE = span[2 * F_CID + 1];
      let lon = plainDecimalBytes(bytes, span[2 * F_LON], span[2 * F_LON + 1]);
      let lat = plainDecimalBytes(bytes, span[2 * F_LAT], span[2 * F_LAT + 1]);
      const hh = plainWholeBytes(bytes, span[2 * F_HH], span[2 * F_HH + 1]);
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
        idStart[s] = idS;
        idEnd[s] = idE;
        hashes[s] = idHash(bytes, idS, idE);
        lons[s] = lon;
        lats[s] = lat;
        households[s] = hh;
        community[s] = at.cid >= 0 && at.cid <= cell && cidE > cidS ? cids.numberOf(cidS, cidE) : -2;
      }
    }
    if (!ok) {
      idStart[s] = rs;
      idEnd[s] = re;
    }
    plain[s] = ok ? 1 : 0;
  }
  part.records = r;
  part.cidStart = cids.start;
  part.cidEnd = cids.end;
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

/** True when the bytes `[a, b)` sort after `[c, d)`, byte by byte (a prefix before the longer). */
function sortsAfter(bytes: Uint8Array, a: number, b: number, c: number, d: number): boolean {
  const n = Math.min(b - a, d - c);
  for (let i = 0; i < n; i++) {
    const x = bytes[a + i];
    const y = bytes[c + i];
    if (x !== y) return x > y;
  }
  return b - a > d - c;
}

/**
 * The span of the plain record whose id is `bytes[idS, idE)` within `bytes[from, to)`: a
 * plain record has no quote, so it runs from the line end before its id to the one after.
 */
function plainRecordSpan(bytes: Uint8Array, from: number, to: number, idS: number, idE: number): [number, number] {
  let a = idS;
  while (a > from && bytes[a - 1] !== LF && bytes[a - 1] !== CR) a--;
  let b = idE;
  while (b < to && bytes[b] !== LF && bytes[b] !== CR) b++;
  return [a, b];
}

/**
 * The buildings of the parts (in order) as readBuildingColumns gives them from the decoded
 * text, made in place of their slots: plain records are taken as read (their community_id
 * looked up, their id checked against the ids before it), every other record goes through
 * the general reader (RowLoop, readBuildingRow) with its cells, so the accepted rows, the
 * rejected rows with their file / row / field / reason, and the duplicate-id rule are the
 * same. The k-th accepted building goes to slot k, never after the slot being read, so the
 * slots' arrays become the columns (no copy unless rows were left out). Null when a part is not ok.
 */
export function mergeBuildingParts(
  bytes: Uint8Array,
  plan: BuildingBytesPlan,
  slots: BuildingSlots,
  parts: readonly BuildingPart[],
  crs: Crs,
  communities: Map<string, number>,
  rejected: Rejection[],
): BuildingColumns | null {
  if (parts.some((p) => !p.ok)) return null;
  const records = parts.reduce((n, p) => n + p.records, 0);
  const { idStart, idEnd, idHash: hashes, lon, lat, households, community, plain } = slots;
  const cols = new Columns(0, bytes, { idStart, idEnd, lon, lat, households, community });
  const loop = new RowLoop({ file: FILE, col: plan.header.col }, rejected, (r) => readBuildingRow(r, crs, communities), true, records + 1);
  const seen = loop.seen;
  // while every row so far was plain, accepted and its id sorted after the one before, no id
  // repeats and none is in `seen` yet (no hash table touched); they go there when that ends
  let sorted = true;
  let prevS = 0;
  let prevE = 0;
  const unsort = () => {
    sorted = false;
    for (let b = 0; b < cols.count; b++) seen.addByteSpanIfNew(bytes, idStart[b], idEnd[b], idHash(bytes, idStart[b], idEnd[b]));
  };
  let k = 0; // data row, 0-based (row k + 1 in messages)
  parts.forEach((part, p) => {
    // the part's community_id values: community index, −2 when blank, −1 when unknown (the general reader rejects it)
    const cid = part.cidStart.map((s, c) => {
      const v = asciiText(bytes, s, part.cidEnd[c]).trim();
      return v === '' ? -2 : (communities.get(v) ?? -1);
    });
    const from = plan.bounds[p];
    const to = plan.bounds[p + 1];
    for (let s = slots.first[p], end = s + part.records; s < end; s++, k++) {
      let rs = idStart[s];
      let re = idEnd[s];
      if (plain[s] === 1) {
        const c = community[s] < 0 ? -2 : cid[community[s]];
        if (c !== -1) {
          if (sorted && !sortsAfter(bytes, rs, re, prevS, prevE)) unsort();
          if (sorted || seen.addByteSpanIfNew(bytes, rs, re, hashes[s])) {
            prevS = rs;
            prevE = re;
            cols.pushSpan(rs, re, lon[s], lat[s], households[s], c);
            continue;
          }
        }
        [rs, re] = plainRecordSpan(bytes, from, to, rs, re);
      }
      if (sorted) unsort();
      const b = loop.row(k, recordCells(bytes, rs, re), false);
      if (b) cols.push(b.id, b.lon, b.lat, b.households, b.community);
    }
  });
  return cols.done(plan.header);
}

/**
 * buildings.csv read from its bytes in `parts` parts, one after another (the CLI reads
 * them on two threads with {@link planBuildingBytes}, {@link buildingSlots},
 * {@link readBuildingPart} and {@link mergeBuildingParts}): the same columns and rejections
 * as readBuildingColumns on the decoded text, or null when this reader does not take the
 * bytes (the caller then decodes them and reads the text).
 */
export function readBuildingBytes(bytes: Uint8Array, crs: Crs, communities: Map<string, number>, rejected: Rejection[], parts = 1): BuildingColumns | null {
  const plan = planBuildingBytes(bytes, parts);
  if (!plan) return null;
  const slots = buildingSlots(bytes, plan);
  const read = plan.bounds.slice(0, -1).map((_, p) => readBuildingPart(bytes, plan, p, slots, crs));
  return mergeBuildingParts(bytes, plan, slots, read, crs, communities, rejected);
}

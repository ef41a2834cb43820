import type { Rejection } from '../errors';
import type { Buildings, Crs } from '../types';
import { withGetter } from '../withGetter';
import { toWgs84 } from './crs';
import { emptyFileError, parseCsv, scannedRecordCount, tableHeader, tolerantRecords, type CsvHeader } from './parseCsv';
import { PLAUSIBLE_LIMITS } from './plausibleLimits';
import { plainDecimal, plainWhole } from './plainNumber';
import { readBuildingRow, readBuildingRows, REQUIRED_COLUMNS } from './readTables';
import type { IdSet } from './IdSet';
import { RowLoop } from './rowReader';
import { rowCells, scanCsv, type CsvScan } from './scanCsv';

const FILE = 'buildings.csv';

/** Accepted rows of buildings.csv as columns; `community` is -2 where the building must be located by polygon. */
export interface BuildingColumns extends CsvHeader, Omit<Buildings, 'community'> {
  /** Community index from `community_id`, or -2 (locate by polygon). */
  community: Int32Array;
}

/**
 * Growable columns of accepted buildings. An id is kept as a span of the file's text where
 * it can be (no string per building until someone reads `ids`), else as a string.
 */
export class Columns {
  /** Per building: start of its id in the text, or −1 when the id is in {@link idText}. */
  private idStart: Int32Array;
  private idEnd: Int32Array;
  private readonly idText = new Map<number, string>();
  lon: Float64Array;
  lat: Float64Array;
  households: Float64Array;
  community: Int32Array;
  count = 0;
  /**
   * @param source the text the id spans are of, or the bytes (ASCII spans, read as Latin-1 when the ids are first read)
   * @param arrays the columns' arrays, when given (their length is the capacity): default new arrays of `capacity`
   */
  constructor(
    capacity: number,
    private readonly source: string | Uint8Array = '',
    arrays?: Pick<Columns, 'lon' | 'lat' | 'households' | 'community'> & { idStart: Int32Array; idEnd: Int32Array },
  ) {
    this.idStart = arrays?.idStart ?? new Int32Array(capacity);
    this.idEnd = arrays?.idEnd ?? new Int32Array(capacity);
    this.lon = arrays?.lon ?? new Float64Array(capacity);
    this.lat = arrays?.lat ?? new Float64Array(capacity);
    this.households = arrays?.households ?? new Float64Array(capacity);
    this.community = arrays?.community ?? new Int32Array(capacity);
  }
  push(id: string, lon: number, lat: number, households: number, community: number): void {
    this.idText.set(this.count, id);
    this.pushSpan(-1, 0, lon, lat, households, community);
  }
  /** A building whose id is `text.slice(from, to)`. */
  pushSpan(from: number, to: number, lon: number, lat: number, households: number, community: number): void {
    const k = this.count++;
    this.idStart[k] = from;
    this.idEnd[k] = to;
    this.lon[k] = lon;
    this.lat[k] = lat;
    this.households[k] = households;
    this.community[k] = community;
  }
  done(header: CsvHeader): BuildingColumns {
    const n = this.count;
    const cut = <A extends Float64Array | Int32Array>(a: A): A => (a.length === n ? a : (a.slice(0, n) as A));
    const { idStart, idEnd, idText, source } = this;
    let ids: string[] | undefined;
    // the id strings are made on first read, once
    return withGetter(
      {
        ...header,
        count: n,
        ids: [] as string[],
        lon: cut(this.lon),
        lat: cut(this.lat),
        households: cut(this.households),
        community: cut(this.community),
      },
      'ids',
      () => {
        if (ids) return ids;
        const text = typeof source === 'string' ? source : latin1(source);
        return (ids = Array.from({ length: n }, (_, k) => (idStart[k] < 0 ? idText.get(k)! : text.slice(idStart[k], idEnd[k]))));
      },
    );
  }
}

/** Bytes as Latin-1 text: one character per byte, so an ASCII span's offsets and characters are the same in both. */
function latin1(bytes: Uint8Array): string {
  try {
    return new TextDecoder('latin1').decode(bytes);
  } catch {
    return new TextDecoder('latin1').decode(bytes.slice()); // a browser will not decode a view of shared memory
  }
}

/** The accepted buildings of {@link readBuildingColumns}, their ids still made on first read. */
export function buildingsOf(b: BuildingColumns): Buildings {
  return withGetter({ count: b.count, ids: [] as string[], lon: b.lon, lat: b.lat, households: b.households, community: b.community }, 'ids', () => b.ids);
}

/**
 * Read buildings.csv straight into columns (DATA-FORMAT.md section 1), with no object or
 * array per row for the rows that are plainly good: the text is scanned once into cell
 * spans ({@link scanCsv}) and a row whose id, lon, lat, households and community_id are
 * unquoted plain values within the contract's limits — nearly every row — is taken from the
 * characters directly ({@link plainDecimal}: the same numbers `Number` gives). Every other
 * row goes through the general reader (readBuildingRow under {@link RowLoop}), so rejected
 * rows, their file / row / field / reason, and the duplicate-id rule are exactly those of
 * readRows. Text that is not plain RFC 4180 is read by parseCsv as a whole.
 */
export function readBuildingColumns(text: string, crs: Crs, communities: Map<string, number>, rejected: Rejection[]): BuildingColumns {
  const scan = scanCsv(text);
  if (!scan) {
    const t = parseCsv(text, FILE, REQUIRED_COLUMNS[FILE]);
    const rows = readBuildingRows(t, crs, communities, rejected);
    const cols = new Columns(rows.length);
    for (const b of rows) cols.push(b.id, b.lon, b.lat, b.households, b.community);
    return cols.done(t);
  }
  const records = scannedRecordCount(scan);
  if (records === 0) throw emptyFileError(FILE, REQUIRED_COLUMNS[FILE]);
  const header = tableHeader(rowCells(scan, 0), FILE, REQUIRED_COLUMNS[FILE]);
  const cols = new Columns(records - 1, text);
  const loop = new RowLoop({ file: FILE, col: header.col }, rejected, (r) => readBuildingRow(r, crs, communities), true, records);
  const at = {
    id: header.col.get('id')!,
    lon: header.col.get('lon')!,
    lat: header.col.get('lat')!,
    hh: header.col.get('households')!,
    cid: header.col.get('community_id') ?? -1,
  };
  const limit = PLAUSIBLE_LIMITS.buildingHouseholds;
  for (let k = 1; k < records; k++) {
    if (!plainRow(scan, k, at, limit, crs, communities, loop.seen, cols)) {
      const b = loop.row(k - 1, rowCells(scan, k), false);
      if (b) cols.push(b.id, b.lon, b.lat, b.households, b.community);
    }
  }
  return cols.done(header);
}

/**
 * buildings.csv read as the loader read it before issue 13: papaparse records, a string
 * array per row, a row object per building, then typed arrays. The same result as
 * {@link readBuildingColumns}; kept as the reference its tests and `npm run bench -- city`
 * compare it with.
 */
export function readBuildingRowObjects(text: string, crs: Crs, communities: Map<string, number>, rejected: Rejection[]): BuildingColumns {
  const { rows: all, malformed } = tolerantRecords(text);
  while (all.length > 0 && all[all.length - 1].length === 1 && all[all.length - 1][0].trim() === '' && !malformed.has(all.length - 1)) all.pop();
  if (all.length === 0) throw emptyFileError(FILE, REQUIRED_COLUMNS[FILE]);
  const header = tableHeader(all[0], FILE, REQUIRED_COLUMNS[FILE]);
  const rowsMalformed = new Set<number>();
  for (const k of malformed) if (k > 0) rowsMalformed.add(k - 1);
  const rows = readBuildingRows({ file: FILE, ...header, rows: all.slice(1), malformed: rowsMalformed }, crs, communities, rejected);
  const cols = new Columns(rows.length);
  for (const b of rows) cols.push(b.id, b.lon, b.lat, b.households, b.community);
  return cols.done(header);
}

/** Column indices of the fields the fast path reads; cid -1 when there is no community_id column. */
interface At {
  id: number;
  lon: number;
  lat: number;
  hh: number;
  cid: number;
}

/**
 * Take record k when it is plainly good, pushing it and its id; false (nothing done)
 * when any field needs the general reader: quoted, absent, not a plain number, out of
 * range, beyond the limit, an unknown community_id, or an id seen before.
 */
function plainRow(s: CsvScan, k: number, at: At, limit: number, crs: Crs, communities: Map<string, number>, seen: IdSet, cols: Columns): boolean {
  const first = s.rowCell[k];
  const cells = s.rowCell[k + 1] - first;
  if (at.id >= cells || at.lon >= cells || at.lat >= cells || at.hh >= cells) return false;
  const ci = first + at.id;
  const cLon = first + at.lon;
  const cLat = first + at.lat;
  const cHh = first + at.hh;
  if (s.quoted[ci] | s.quoted[cLon] | s.quoted[cLat] | s.quoted[cHh]) return false;
  let lon = plainDecimal(s.text, s.start[cLon], s.end[cLon]);
  let lat = plainDecimal(s.text, s.start[cLat], s.end[cLat]);
  if (!(Math.abs(lon) <= 180 && Math.abs(lat) <= 90)) return false; // NaN too
  const households = plainWhole(s.text, s.start[cHh], s.end[cHh]);
  if (households < 0 || households > limit) return false;
  let community = -2;
  if (at.cid >= 0 && at.cid < cells) {
    const cc = first + at.cid;
    if (s.quoted[cc]) return false;
    if (s.end[cc] > s.start[cc]) {
      const cid = s.text.slice(s.start[cc], s.end[cc]).trim();
      if (cid !== '') {
        const idx = communities.get(cid);
        if (idx === undefined) return false;
        community = idx;
      }
    }
  }
  const from = s.start[ci];
  const to = s.end[ci];
  const a = to > from ? s.text.charCodeAt(from) : 0;
  const z = to > from ? s.text.charCodeAt(to - 1) : 0;
  if (a > 0x20 && a < 0x7f && z > 0x20 && z < 0x7f) {
    // nothing for trim() to take: the id is the span itself, kept without a string
    if (!seen.addSpanIfNew(s.text, from, to)) return false;
    if (crs !== 'WGS84') [lon, lat] = toWgs84(lon, lat, crs);
    cols.pushSpan(from, to, lon, lat, households, community);
    return true;
  }
  const id = s.text.slice(from, to).trim();
  if (id === '' || !seen.addIfNew(id)) return false;
  if (crs !== 'WGS84') [lon, lat] = toWgs84(lon, lat, crs);
  cols.push(id, lon, lat, households, community);
  return true;
}

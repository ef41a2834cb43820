import type { IdSet } from '../package/IdSet';
import { plainDecimal, plainWhole } from '../package/plainNumber';
import type { CsvScan } from '../package/scanCsv';
import type { BuildingList } from './BuildingList';
import { round7 } from './degreesText';
import type { FieldSource } from './mapColumns';
import type { PointList } from './PointList';
import type { SourceCrs } from './resolveCrs';

/** Column indices of a buildings table that {@link plainBuildingRow} reads; communityId -1 when unmapped. */
export interface PlainBuildingColumns {
  id: number;
  lon: number;
  lat: number;
  households: number;
  communityId: number;
}

/**
 * The columns for {@link plainBuildingRow} when id, lon, lat and households come from
 * columns and community_id from a column or nowhere; undefined otherwise (a constant
 * field: every row then takes the general path).
 */
export function plainBuildingColumns(fields: Record<string, FieldSource>): PlainBuildingColumns | undefined {
  const col = (field: string) => {
    const s = fields[field];
    return s && 'column' in s ? s.column : -1;
  };
  const at = { id: col('id'), lon: col('lon'), lat: col('lat'), households: col('households'), communityId: col('community_id') };
  if (at.id < 0 || at.lon < 0 || at.lat < 0 || at.households < 0) return undefined;
  if (fields.community_id && at.communityId < 0) return undefined;
  return at;
}

/** Whether UTF-16 code unit c is white space to String.prototype.trim (ECMAScript WhiteSpace and LineTerminator). */
export function isTrimmedSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

// the trimmed span of the last cell read by span(): [spanA, spanB)
let spanA = 0;
let spanB = 0;

/** Set spanA/spanB to cell c's value trimmed as String.prototype.trim would (an unquoted cell's value is its span). */
function span(s: CsvScan, c: number): void {
  const t = s.text;
  let a = s.start[c];
  let b = s.end[c];
  while (a < b && isTrimmedSpace(t.charCodeAt(a))) a++;
  while (b > a && isTrimmedSpace(t.charCodeAt(b - 1))) b--;
  spanA = a;
  spanB = b;
}

/**
 * Whether text[a, b) may hold a summary word, i.e. matches /合|计|总|汇|total/i (the cheap
 * test convertTable's summary-row check makes before the exact one).
 */
function summaryHint(t: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) {
    const c = t.charCodeAt(i);
    if (c === 0x5408 || c === 0x8ba1 || c === 0x603b || c === 0x6c47) return true;
    if (
      (c | 0x20) === 0x74 &&
      i + 4 < b &&
      (t.charCodeAt(i + 1) | 0x20) === 0x6f &&
      (t.charCodeAt(i + 2) | 0x20) === 0x74 &&
      (t.charCodeAt(i + 3) | 0x20) === 0x61 &&
      (t.charCodeAt(i + 4) | 0x20) === 0x6c
    )
      return true;
  }
  return false;
}

/**
 * Import record k of a scanned buildings CSV when it is plainly good, straight from the
 * text's characters: no cell array, no row object. Plainly good: none of its first three
 * non-empty cells is quoted or may hold a summary word (合计 …); id, lon, lat, households
 * and community_id are unquoted; the id is non-empty and new; lon and lat are plain
 * decimals ({@link plainDecimal}: the numbers `Number` gives) inside the world (−180…180,
 * −90…90 in a geographic CRS, and after conversion to WGS84); households plain digits
 * ({@link plainWhole}); community_id empty or one of `communityIds`. Then the building is
 * pushed to `out` (and its raw point to `raw` in a geographic CRS), its id to `seen`, and
 * true is returned — exactly what convertTable's general path would import for the row.
 * Anything else returns false having changed nothing, and the caller reads the row the
 * general way (its rejection, summary skip or estimate unchanged).
 */
export function plainBuildingRow(
  s: CsvScan,
  k: number,
  at: PlainBuildingColumns,
  crs: SourceCrs,
  communityIds: Set<string> | undefined,
  seen: IdSet,
  out: BuildingList,
  raw: PointList,
): boolean {
  const t = s.text;
  const first = s.rowCell[k];
  const cells = s.rowCell[k + 1] - first;
  if (at.id >= cells || at.lon >= cells || at.lat >= cells || at.households >= cells) return false;
  // not a summary row: its first three non-empty cells hold no summary word
  let nonEmpty = 0;
  for (let c = first; c < first + cells && nonEmpty < 3; c++) {
    if (s.quoted[c]) return false;
    span(s, c);
    if (spanA === spanB) continue;
    if (summaryHint(t, spanA, spanB)) return false;
    nonEmpty++;
  }
  const cId = first + at.id;
  const cLon = first + at.lon;
  const cLat = first + at.lat;
  const cHh = first + at.households;
  if (s.quoted[cId] | s.quoted[cLon] | s.quoted[cLat] | s.quoted[cHh]) return false;
  span(s, cLon);
  const x = plainDecimal(t, spanA, spanB);
  span(s, cLat);
  const y = plainDecimal(t, spanA, spanB);
  if (Number.isNaN(x) || Number.isNaN(y)) return false;
  const geographic = crs.kind === 'geographic';
  if (geographic && !(Math.abs(x) <= 180 && Math.abs(y) <= 90)) return false;
  span(s, cHh);
  const households = plainWhole(t, spanA, spanB);
  if (households < 0) return false;
  let communityId: string | undefined;
  if (at.communityId >= 0 && at.communityId < cells) {
    const cc = first + at.communityId;
    if (s.quoted[cc]) return false;
    span(s, cc);
    if (spanA < spanB) {
      communityId = t.slice(spanA, spanB);
      if (communityIds && !communityIds.has(communityId)) return false;
    }
  }
  const [lon, lat] = crs.toWgs84(x, y);
  if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) return false;
  span(s, cId);
  if (spanA === spanB) return false;
  const id = t.slice(spanA, spanB);
  if (!seen.addIfNew(id)) return false;
  if (geographic) raw.push(x, y);
  out.push(id, round7(lon), round7(lat), households, communityId, false);
  return true;
}

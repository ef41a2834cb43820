import { clip, type RowReader } from './rowReader';
import type { Crs } from '../types';
import { toWgs84 } from './crs';

/**
 * Read `lon` / `lat` of a row in degrees and convert to WGS84. Out-of-range values reject
 * the row, with a hint when they look swapped or projected (metres, not degrees).
 */
export function readLonLat(r: RowReader, crs: Crs): [number, number] {
  const lon = r.num('lon');
  const lat = r.num('lat');
  if (Math.abs(lon) > 180 || Math.abs(lat) > 90) {
    const field = Math.abs(lon) > 180 ? 'lon' : 'lat';
    let hint = '';
    if (Math.abs(lon) > 1000 || Math.abs(lat) > 1000) hint = ' (projected metres? degrees expected)';
    else if (Math.abs(lat) > 90 && Math.abs(lon) <= 90) hint = ' (lon and lat swapped?)';
    r.reject(field, 'R_OUT_OF_RANGE', `${field} ${field === 'lon' ? lon : lat} is outside ${field === 'lon' ? '−180…180' : '−90…90'}${hint}`);
  }
  return toWgs84(lon, lat, crs);
}

/** Resolve an optional `community_id` cell to a community index; rejects unknown ids. */
export function readCommunityRef(r: RowReader, communityIndex: Map<string, number>): number | undefined {
  const cid = r.optStr('community_id');
  if (cid === undefined) return undefined;
  const idx = communityIndex.get(cid);
  if (idx === undefined) r.reject('community_id', 'R_UNKNOWN_COMMUNITY', `community_id '${clip(cid)}' names no community`);
  return idx;
}

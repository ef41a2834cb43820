import type { FeatureCollection } from 'geojson';
import type { Rejection } from '../errors';
import { UTF8_BOM, csvCell, toCsv } from '../report/csv';
import type { BuildingList } from './BuildingList';
import { ByteWriter } from './ByteWriter';
import { writeDegrees } from './degreesText';
import type { ImportedCandidate, ImportedCommunity, ImportedFacility } from './importTypes';

const enc = new TextEncoder();
const bytes = (s: string) => enc.encode(s);
/** A number as written to the package: shortest round-trip text, -0 as 0. */
const n = (v: number) => String(v === 0 ? 0 : v);

/** communities.geojson: contract properties only, in the contract's order. */
export function communitiesGeoJson(list: readonly ImportedCommunity[]): Uint8Array {
  const fc: FeatureCollection = {
    type: 'FeatureCollection',
    features: list.map((c) => {
      const properties: Record<string, string | number> = { id: c.id, name: c.name, street: c.street, district: c.district, households: c.households };
      if (c.population !== undefined) properties.population = c.population;
      if (c.elderly !== undefined) properties.elderly = c.elderly;
      if (c.children !== undefined) properties.children = c.children;
      return { type: 'Feature', properties, geometry: c.geometry };
    }),
  };
  return bytes(JSON.stringify(fc) + '\n');
}

/**
 * buildings.csv. With `estimates`, a `households_estimated` column (true / false) marks
 * households estimated from floor area (an extra column: the contract keeps and ignores it).
 */
export function buildingsCsv(list: BuildingList, estimates: boolean): Uint8Array {
  const header = ['id', 'lon', 'lat', 'households', 'community_id', ...(estimates ? ['households_estimated'] : [])];
  // toCsv's bytes, written straight into one buffer (a million buildings: no string per line,
  // no joined text to encode); numbers and true/false never need quoting, the two text cells
  // are quoted as csvCell does; lon/lat are rounded to 7 decimals (convertTable), written as
  // String would (writeDegrees), households as String writes a whole number
  const w = new ByteWriter(list.count * 48 + 256);
  w.text(UTF8_BOM + header.map(csvCell).join(',') + '\r\n');
  const { ids, lon, lat, households, communityIds, estimated } = list;
  for (let k = 0; k < list.count; k++) {
    w.cell(ids[k], csvCell);
    w.byte(0x2c);
    writeDegrees(w, lon[k]);
    w.byte(0x2c);
    writeDegrees(w, lat[k]);
    w.byte(0x2c);
    const h = households[k];
    if (h >= 0 && h < 2 ** 53 && Number.isInteger(h)) w.whole(h);
    else w.text(String(h));
    w.byte(0x2c);
    if (communityIds[k] !== '') w.cell(communityIds[k], csvCell);
    if (estimates) w.text(estimated[k] === 1 ? ',true' : ',false');
    w.byte(0x0d);
    w.byte(0x0a);
  }
  return w.bytes();
}

export function facilitiesCsv(list: readonly ImportedFacility[]): Uint8Array {
  const header = ['id', 'name', 'lon', 'lat', 'area_m2', 'services', 'community_id', 'level', 'operator', 'status'];
  const rows = list.map((f) => [
    f.id,
    f.name,
    n(f.lon),
    n(f.lat),
    n(f.areaM2),
    f.services.join(';'),
    f.communityId ?? '',
    f.level ?? '',
    f.operator ?? '',
    f.status,
  ]);
  return bytes(UTF8_BOM + toCsv(header, rows));
}

export function candidatesCsv(list: readonly ImportedCandidate[]): Uint8Array {
  const header = ['id', 'name', 'lon', 'lat', 'area_m2', 'source', 'ownership', 'cost_wan', 'community_id', 'note'];
  const rows = list.map((c) => [
    c.id,
    c.name,
    n(c.lon),
    n(c.lat),
    n(c.areaM2),
    c.source,
    c.ownership,
    c.costWan === undefined ? '' : n(c.costWan),
    c.communityId ?? '',
    c.note ?? '',
  ]);
  return bytes(UTF8_BOM + toCsv(header, rows));
}

/** import-rejected.csv: file,row,id,field,reason as rejected.csv, `file` the source file's name. */
export function importRejectedCsv(list: readonly Rejection[]): Uint8Array {
  return bytes(
    UTF8_BOM +
      toCsv(
        ['file', 'row', 'id', 'field', 'reason'],
        list.map((r) => [r.file, String(r.row), r.id, r.field, r.reason]),
      ),
  );
}

/** manifest.json of an imported package (always WGS84: the import converts everything). */
export function manifestJson(name: string): Uint8Array {
  return bytes(JSON.stringify({ name, crs: 'WGS84' }, null, 2) + '\n');
}

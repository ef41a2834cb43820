import { describe, expect, it } from 'vitest';
import type { Rejection } from '../../src/engine/index';
import { parseCsv } from '../../src/engine/package/parseCsv';
import { readBuildingColumns, readBuildingRowObjects } from '../../src/engine/package/readBuildingColumns';
import { REQUIRED_COLUMNS, readBuildingRows } from '../../src/engine/package/readTables';

const communities = new Map([['C1', 0]]);

/** The general path, row objects through readRows: what the loader did before issue 13. */
function general(text: string) {
  const rejected: Rejection[] = [];
  const rows = readBuildingRows(parseCsv(text, 'buildings.csv', REQUIRED_COLUMNS['buildings.csv']), 'WGS84', communities, rejected);
  return { rows, rejected };
}

function columns(text: string) {
  const rejected: Rejection[] = [];
  const c = readBuildingColumns(text, 'WGS84', communities, rejected);
  const rows = c.ids.map((id, i) => ({ id, lon: c.lon[i], lat: c.lat[i], households: c.households[i], community: c.community[i] }));
  return { rows, rejected, header: c.header };
}

const TRICKY = [
  '\uFEFFid,lon,lat,households,community_id,note',
  'b1,106.5,29.5,3,,plain',
  '"b2",106.5,29.5,3,C1,"quoted id, quoted note"',
  'b3,"106,5",29.5,3,,a quoted comma in lon',
  'b4,106.5,29.5', // too few fields: households absent
  '', // blank line: skipped, keeps its row number
  ',,,,,', // a cleared Excel row: skipped
  'b1,106.5,29.5,3,,duplicate of row 1',
  'b6, 106.5 ,29.5,3,,spaces around lon are trimmed',
  'b7,106.5,29.5,2.5,,',
  'b8,106.5,29.5,100001,,',
  'b9,1e2,29.5,3,,exponent: read by the general path',
  'b10,200,29.5,3,,',
  'b11,106.5,29.5,3,XX,',
  "=cmd|' /C calc'!A0,106.5,29.5,3,,a formula as id is only an id",
  '"b\u001b[31m",106.5,29.5,abc,,',
  'b13,106.5,29.5,0x10,,',
  'b14,-0,29.5,3, C1 ,',
  'b15,106.5,29.5,9007199254740993,,',
  ',106.5,29.5,3,,empty id',
  'b17,106.5,,3,,',
  'b18,106.50000000000000001,29.5,3,,more than 15 digits',
];

describe('readBuildingColumns: buildings.csv into columns, rows rejected exactly as before', () => {
  for (const eol of ['\r\n', '\n']) {
    const text = TRICKY.join(eol) + eol;
    it(`hand-written tricky rows (${eol === '\n' ? 'LF' : 'CRLF'}): the exact rejected entries`, () => {
      const { rows, rejected, header } = columns(text);
      expect(header).toEqual(['id', 'lon', 'lat', 'households', 'community_id', 'note']);
      expect(rejected.map((r) => `${r.file}:${r.row}:${r.id}:${r.field}:${r.code}`)).toEqual([
        'buildings.csv:3:b3:lon:R_NOT_NUMBER',
        'buildings.csv:4:b4:households:R_EMPTY',
        'buildings.csv:7:b1:id:R_DUPLICATE_ID',
        'buildings.csv:9:b7:households:R_NOT_INTEGER',
        'buildings.csv:10:b8:households:R_TOO_LARGE',
        'buildings.csv:12:b10:lon:R_OUT_OF_RANGE',
        'buildings.csv:13:b11:community_id:R_UNKNOWN_COMMUNITY',
        'buildings.csv:15:b\u001b[31m:households:R_NOT_NUMBER',
        'buildings.csv:16:b13:households:R_NOT_NUMBER',
        'buildings.csv:18:b15:households:R_TOO_LARGE',
        'buildings.csv:19::id:R_EMPTY',
        'buildings.csv:20:b17:lat:R_EMPTY',
      ]);
      // reasons name the value, hostile characters escaped
      expect(rejected[0].reason).toBe("lon '106,5' is not a number");
      expect(rejected[7].reason).toBe("households 'abc' is not a number");
      expect(rejected[5].reason).toBe('lon 200 is outside −180…180');
      expect(rejected[9].reason).toBe('households 9007199254740993 is beyond 2^53 − 1 and cannot be held exactly');
      expect(rows).toEqual([
        { id: 'b1', lon: 106.5, lat: 29.5, households: 3, community: -2 },
        { id: 'b2', lon: 106.5, lat: 29.5, households: 3, community: 0 },
        { id: 'b6', lon: 106.5, lat: 29.5, households: 3, community: -2 },
        { id: 'b9', lon: 100, lat: 29.5, households: 3, community: -2 },
        { id: "=cmd|' /C calc'!A0", lon: 106.5, lat: 29.5, households: 3, community: -2 },
        { id: 'b14', lon: -0, lat: 29.5, households: 3, community: 0 },
        { id: 'b18', lon: 106.5, lat: 29.5, households: 3, community: -2 },
      ]);
      expect(Object.is(rows[5].lon, -0)).toBe(true);
      // and all of it, reasons included, as the general path reads it, and as the loader before issue 13 (papaparse, row objects)
      expect({ rows, rejected }).toEqual(general(text));
      const before: Rejection[] = [];
      const old = readBuildingRowObjects(text, 'WGS84', communities, before);
      expect(before).toEqual(rejected);
      expect(old.ids).toEqual(rows.map((r) => r.id));
      expect(Array.from(old.lon)).toEqual(rows.map((r) => r.lon));
      expect(Array.from(old.households)).toEqual(rows.map((r) => r.households));
      expect(Array.from(old.community)).toEqual(rows.map((r) => r.community));
    });
  }

  it('a text that is not plain RFC 4180 (a quote that never closes) is read whole by the tolerant parser: that row cut and rejected, the rest kept', () => {
    const text = 'id,lon,lat,households\nb1,106.5,29.5,3\nb2,"106.5,29.5,3\nb3,106.6,29.6,4\n';
    const { rows, rejected } = columns(text);
    expect(rejected.map((r) => `${r.row}:${r.id}:${r.field}:${r.code}`)).toEqual(['2:b2::R_PARSE']);
    expect(rows.map((r) => r.id)).toEqual(['b1', 'b3']);
    expect({ rows, rejected }).toEqual(general(text));
  });

  it('a missing column and an empty file stop the load as before', () => {
    expect(() => columns('id,lon,households\nb1,106.5,3\n')).toThrow(
      expect.objectContaining({ code: 'E_MISSING_COLUMN', place: expect.objectContaining({ field: 'lat' }) }),
    );
    expect(() => columns('\n\n')).toThrow(expect.objectContaining({ code: 'E_MISSING_COLUMN', place: expect.objectContaining({ detail: 'empty file' }) }));
    expect(() => columns('ID,Lon,Lat,Households\n')).toThrow(
      expect.objectContaining({ place: expect.objectContaining({ field: 'id', detail: "found 'ID' (column names are lower case)" }) }),
    );
  });

  it('a repeated column: the first one is read', () => {
    const { rows } = columns('id,lon,lat,households,lon\nb1,106.5,29.5,3,999\n');
    expect(rows[0].lon).toBe(106.5);
  });
});

/**
 * buildings.csv read from its bytes in parts (the CLI's two threads) against the text reader
 * (readBuildingColumns on the decoded text): the same columns, ids, rejections (file, row,
 * field, reason) and errors, for 1 to 5 parts, on tricky inputs.
 */
import { describe, expect, it } from 'vitest';
import { decodeText, EngineError, planBuildingBytes, readBuildingBytes, readBuildingColumns, type Rejection } from '../../src/engine/index';

const COMMUNITIES = new Map([
  ['C1', 0],
  ['C2', 1],
]);
const enc = new TextEncoder();

/** The text reader's result (or its error) as plain data. */
function viaText(bytes: Uint8Array) {
  const rejected: Rejection[] = [];
  try {
    const b = readBuildingColumns(decodeText(bytes, 'buildings.csv').text, 'WGS84', COMMUNITIES, rejected);
    return { ...columns(b), rejected };
  } catch (e) {
    return { error: (e as EngineError).code + ' ' + JSON.stringify((e as EngineError).place) };
  }
}

function columns(b: NonNullable<ReturnType<typeof readBuildingBytes>>) {
  return {
    header: b.header,
    count: b.count,
    ids: b.ids,
    lon: Array.from(b.lon),
    lat: Array.from(b.lat),
    households: Array.from(b.households),
    community: Array.from(b.community),
  };
}

/** The byte reader in `parts` parts, or null when it leaves the bytes to the text reader. */
function viaBytes(bytes: Uint8Array, parts: number) {
  const rejected: Rejection[] = [];
  const b = readBuildingBytes(bytes, 'WGS84', COMMUNITIES, rejected, parts);
  return b ? { ...columns(b), rejected } : null;
}

/** Every part count gives the text reader's result; returns it (to check it is not vacuous). */
function same(input: string | Uint8Array) {
  const bytes = typeof input === 'string' ? enc.encode(input) : input;
  const want = viaText(bytes);
  for (const parts of [1, 2, 3, 5]) {
    const got = viaBytes(bytes, parts);
    expect(got, `${parts} parts`).not.toBeNull();
    expect(got, `${parts} parts`).toEqual(want);
  }
  return want as { count: number; ids: string[]; rejected: Rejection[]; community: number[]; lon: number[] };
}

const HEADER = 'id,lon,lat,households,community_id,name';
const rows = (n: number, end = '\n') =>
  Array.from({ length: n }, (_, k) => `B${k},106.5${k % 10},29.5${k % 7},${k % 40},${k % 3 === 0 ? 'C1' : ''},n${k}`).join(end);

describe('readBuildingBytes: the text reader’s columns and rejections, in any number of parts', () => {
  it('plain rows, with and without a final line end; LF, CRLF and lone CR', () => {
    const a = same(`${HEADER}\n${rows(40)}\n`);
    expect(a.count).toBe(40);
    expect(a.community.slice(0, 4)).toEqual([0, -2, -2, 0]);
    expect(a.lon[3]).toBe(106.53);
    same(`${HEADER}\n${rows(40)}`);
    expect(same(`${HEADER}\r\n${rows(40, '\r\n')}\r\n`).count).toBe(40);
    expect(same(`${HEADER}\r${rows(40, '\r')}\r`).count).toBe(40);
    same(`${HEADER}\n${rows(10)}\r\n${rows(5, '\r')}\n`);
  });

  it('a UTF-8 BOM; Chinese ids and names; community_id with spaces around it', () => {
    const a = same(`\uFEFF${HEADER}\n${rows(20)}\n楼一,106.5,29.5,3,C2,名字\nX1,106.5,29.5,3, C2 ,名\n`);
    expect(a.ids.slice(-2)).toEqual(['楼一', 'X1']);
    expect(a.community.slice(-2)).toEqual([1, 1]);
  });

  it('quoted cells holding commas, line breaks (LF and CRLF) and doubled quotes, in the name and in the id', () => {
    const text = `${HEADER}\n${rows(10)}\nQ1,106.5,29.5,2,,"a, b\nc"\n"Q2",106.5,29.5,2,,"say ""hi"""\n"Q""3",106.5,29.5,2,C1,"x\r\ny"\n${rows(10)}\n`;
    const a = same(text);
    expect(a.ids).toContain('Q2');
    expect(a.ids).toContain('Q"3');
  });

  it('rejected rows keep their file, row, field and reason: bad numbers, empty and repeated ids (across parts too), unknown community, too few cells; blank rows are skipped', () => {
    const bad = [
      'E1,abc,29.5,1,,', // lon not a number
      ',106.5,29.5,1,,', // empty id
      'B3,106.5,29.5,1,,', // repeats B3 (an earlier row)
      'E4,106.5,95,1,,', // lat out of range
      'E5,106.5,29.5,999999,,', // beyond the plausible households
      'E6,106.5,29.5,2.5,,', // not whole
      'E7,106.5,29.5,1,NOPE,', // unknown community
      'E8,106.5', // too few cells
      '',
      ',,,,,',
      'E9,+106.5,29.5,1,,', // a sign: the general reader takes it
      'E10,1.06e2,29.5,1,,', // an exponent
      'E11,106.1234567890123456,29.5,1,,', // more than 15 digits
      'B0,106.5,29.5,1,,', // repeats the first row, in a later part
    ];
    const a = same(`${HEADER}\n${rows(30)}\n${bad.join('\n')}\n${rows(30).replace(/B(\d+)/g, 'Z$1')}\n`);
    expect(a.rejected.map((r) => [r.row, r.field, r.code])).toEqual([
      [31, 'lon', 'R_NOT_NUMBER'],
      [32, 'id', 'R_EMPTY'],
      [33, 'id', 'R_DUPLICATE_ID'],
      [34, 'lat', 'R_OUT_OF_RANGE'],
      [35, 'households', 'R_TOO_LARGE'],
      [36, 'households', 'R_NOT_INTEGER'],
      [37, 'community_id', 'R_UNKNOWN_COMMUNITY'],
      [38, 'lat', 'R_EMPTY'],
      [44, 'id', 'R_DUPLICATE_ID'],
    ]);
    expect(a.ids).toContain('E9');
    expect(a.ids).toContain('E11');
  });

  it('ids in sorted order (the duplicate check left untouched until they stop): a repeat, an unknown community and a bad row found after them, CRLF rows too', () => {
    const sortedRows = (n: number, end: string) =>
      Array.from({ length: n }, (_, k) => `P${String(k).padStart(4, '0')},106.5${k % 10},29.5,${k % 9},${k % 4 === 0 ? 'C2' : ''},n`).join(end);
    for (const end of ['\n', '\r\n']) {
      const tail = ['P0007,106.5,29.5,1,,n', 'P9998,106.5,29.5,1,NOPE,n', 'P9999,106.5,29.5,x,,n', 'P0003,106.5,29.5,1,,n', 'Q1,106.5,29.5,1,C1,n'];
      const a = same(`${HEADER}${end}${sortedRows(60, end)}${end}${tail.join(end)}${end}`);
      expect(a.count).toBe(61);
      expect(a.ids.slice(-1)).toEqual(['Q1']);
      expect(a.community[4]).toBe(1);
      expect(a.rejected.map((r) => [r.row, r.id, r.field, r.code])).toEqual([
        [61, 'P0007', 'id', 'R_DUPLICATE_ID'],
        [62, 'P9998', 'community_id', 'R_UNKNOWN_COMMUNITY'],
        [63, 'P9999', 'households', 'R_NOT_NUMBER'],
        [64, 'P0003', 'id', 'R_DUPLICATE_ID'],
      ]);
    }
    // sorted throughout, one repeat at the very end (in the last part)
    const b = same(`${HEADER}\n${sortedRows(50, '\n')}\nP0049,106.5,29.5,1,,n\n`);
    expect(b.count).toBe(50);
    expect(b.rejected.map((r) => [r.row, r.code])).toEqual([[51, 'R_DUPLICATE_ID']]);
  });

  it('a cut that would fall inside a quoted value moves past it', () => {
    // one long quoted name with many line breaks straddling the middle of the bytes
    const long = Array.from({ length: 400 }, (_, k) => `line ${k}`).join('\n');
    const text = `${HEADER}\n${rows(5)}\nL1,106.5,29.5,1,,"${long}"\n${rows(5).replace(/B/g, 'M')}\n`;
    const bytes = enc.encode(text);
    const plan = planBuildingBytes(bytes, 2)!;
    const quoteOpen = text.indexOf('"');
    const quoteClose = text.lastIndexOf('"');
    expect(quoteOpen).toBeLessThan(bytes.length / 2); // the middle is inside the quotes
    expect(quoteClose).toBeGreaterThan(bytes.length / 2);
    expect(plan.bounds).toHaveLength(3);
    expect(plan.bounds[1]).toBeGreaterThan(quoteClose); // the cut is after the value
    const a = same(bytes);
    expect(a.ids).toContain('L1');
    expect(a.count).toBe(11);
  });

  it('bytes the byte reader leaves to the text reader: GBK, unclosed or stray quotes, a header without a column, an empty file', () => {
    const gbk = new Uint8Array([...enc.encode(`${HEADER}\nG1,106.5,29.5,1,,`), 0xc9, 0xe7, 0xc7, 0xf8, 0x0a]); // 社区 in GBK (not UTF-8)
    expect(readBuildingBytes(gbk, 'WGS84', COMMUNITIES, [], 2)).toBeNull();
    expect(viaText(gbk)).toMatchObject({ count: 1 });
    for (const text of [
      `${HEADER}\n${rows(5)}\nU1,106.5,29.5,1,,"never closes\n${rows(5)}\n`,
      `${HEADER}\n${rows(5)}\nS1,106.5,29.5,1,,a"b\n${rows(5)}\n`,
      `${HEADER}\n${rows(5)}\n"S2"x,106.5,29.5,1,,\n`,
      `id,lon,households\nB1,1,2\n`,
      ``,
      `\n\n`,
    ]) {
      const rejected: Rejection[] = [];
      expect(readBuildingBytes(enc.encode(text), 'WGS84', COMMUNITIES, rejected, 2), JSON.stringify(text)).toBeNull();
      expect(rejected).toEqual([]); // nothing reported before leaving it
    }
  });
});

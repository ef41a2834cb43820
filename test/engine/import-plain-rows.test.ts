/**
 * The importer's columnar fast path for buildings CSVs (plainBuildingRow) against its general
 * per-row path: on seeded random hostile files (quoted cells, blank lines, 合计 rows, bad
 * numbers, duplicate ids, odd spaces, GBK) both give the same buildings, rejections, report
 * and raw points; buildings.csv written to bytes equals the text the earlier writer joined.
 */
import { describe, expect, it } from 'vitest';
import { csvCell, UTF8_BOM } from '../../src/engine/report/csv';
import { BuildingList } from '../../src/engine/import/BuildingList';
import { convertTable, type ConvertOptions } from '../../src/engine/import/convertTable';
import { degreesText } from '../../src/engine/import/degreesText';
import { isTrimmedSpace, plainBuildingColumns, plainBuildingRow } from '../../src/engine/import/plainBuildingRow';
import { PointList } from '../../src/engine/import/PointList';
import { ScannedLine, splitCommaSeparated } from '../../src/engine/import/readDelimited';
import { tableFromGrid } from '../../src/engine/import/locateHeader';
import { readSources } from '../../src/engine/import/readSources';
import { resolveCrs } from '../../src/engine/import/resolveCrs';
import { buildingsCsv } from '../../src/engine/import/writePackage';
import { mapColumns } from '../../src/engine/import/mapColumns';
import { IdSet } from '../../src/engine/package/IdSet';
import type { Rejection } from '../../src/engine/errors';
import { mulberry32 } from '../../src/engine/random';
import { encodeGbk } from '../helpers/gbk';

/** A hostile office buildings CSV of `rows` data lines, its text. */
function hostileCsv(rng: () => number, rows: number): string {
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rng() * a.length)];
  const often = <T>(good: T, bad: readonly T[]): T => (rng() < 0.75 ? good : pick(bad));
  const lines: string[] = [];
  if (rng() < 0.3) lines.push('某某街道楼栋台账,,,');
  lines.push(
    pick([
      '楼栋编号,楼栋名称,经度,纬度,户数（户）,层数,所属社区代码',
      '名称,楼栋编号,X,Y,户数,所属社区代码',
      'id,lon,lat,households',
      '楼栋编号,经度,纬度,户数,所属社区代码,备注',
    ]),
  );
  const header = lines[lines.length - 1].split(',');
  for (let k = 0; k < rows; k++) {
    if (rng() < 0.03) {
      lines.push(pick(['', ',,,,', ' , ,\u3000,', '合计,,,,1234', '小计：,,,', ',总计,,,', 'Total,,,', ' TOTAL ,1,2,3', '"合计",,,']));
      continue;
    }
    const cell = (h: string): string => {
      switch (h) {
        case '楼栋编号':
        case 'id':
          return often(`B${k}`, [`B${Math.floor(rng() * 40)}`, ` B${k} `, `"B${k}"`, '', `\u3000B${k}`, `B${k}total`, `t${k}otal`, `楼${k}`, `"B,${k}"`, 'B7']);
        case '楼栋名称':
        case '名称':
          return often(`${k % 50}号楼`, ['"a,b"', '"q""x"', '"two\nlines"', '', '合计', '汇总楼', 'Totality', '"x\r\ny"']);
        case '经度':
        case 'X':
        case 'lon':
          return often((106.4 + rng() * 0.3).toFixed(Math.floor(rng() * 9)), [
            'abc',
            '',
            '"106.55"',
            '190',
            '-190',
            '106°33′12″',
            '１０６.５',
            ' 106.51 ',
            '+106.5',
            '106.',
            '.5',
            '-0',
            '1066666666666666666',
            '1e2',
          ]);
        case '纬度':
        case 'Y':
        case 'lat':
          return often((29.4 + rng() * 0.2).toFixed(Math.floor(rng() * 9)), ['95', '-91', '', 'x', '29.5N', ' 29.51\t']);
        case '户数（户）':
        case '户数':
        case 'households':
          return often(String(Math.floor(rng() * 300)), ['12.5', '-3', '', '"1,234"', '7户', ' 8 ', '"9"', '0012', '1e3', '１２', '9999999999999999']);
        case '层数':
          return String(1 + Math.floor(rng() * 30));
        case '所属社区代码':
          return often(pick(['', '', 'C1', 'C2']), ['C9', '"C1"', ' C2 ', '\u3000C1', 'c1']);
        default:
          return pick(['', '备注', '"备,注"']);
      }
    };
    let cells = header.map(cell);
    if (rng() < 0.02) cells = cells.slice(0, Math.floor(rng() * cells.length));
    if (rng() < 0.02) cells.push('extra');
    lines.push(cells.join(','));
  }
  const eol = pick(['\r\n', '\n', '\r']);
  return lines.join(eol) + (rng() < 0.8 ? eol : '');
}

function convert(text: string, gbk: boolean, crsName: string, communities: boolean, plainRows: boolean, dwellingM2?: number) {
  const [table] = readSources([{ name: '楼栋.csv', bytes: gbk ? encodeGbk(text) : new TextEncoder().encode(text) }], 'buildings');
  const seenIds = new IdSet();
  seenIds.add('B7'); // taken by an earlier file
  const rejected: Rejection[] = [];
  const o: ConvertOptions = {
    role: 'buildings',
    crs: resolveCrs(crsName, '楼栋.csv'),
    crsFrom: 'option',
    mapping: {},
    dwellingM2,
    communityIds: communities ? new Set(['C1', 'C2']) : undefined,
    seenIds,
    rejected,
    plainRows,
  };
  const r = convertTable(table, o);
  const buildings = Array.from({ length: r.buildings.count }, (_, k) => r.buildings.get(k));
  return { table, buildings, rejected, report: r.report, raw: r.rawPoints.pairs(), bytes: buildingsCsv(r.buildings, dwellingM2 !== undefined) };
}

/** Rows of a table the fast path takes and leaves, counted on its own state. */
function plainCount(table: ReturnType<typeof convert>['table'], crsName: string): { fast: number; slow: number } {
  const at = plainBuildingColumns(mapColumns(table.header, 'buildings', table.file).fields);
  let fast = 0;
  let slow = 0;
  const seen = new IdSet();
  for (const r of table.rows) {
    if (
      at &&
      r instanceof ScannedLine &&
      plainBuildingRow(r.scan, r.k, at, resolveCrs(crsName, 'f'), new Set(['C1', 'C2']), seen, new BuildingList(), new PointList())
    )
      fast++;
    else slow++;
  }
  return { fast, slow };
}

describe('plainBuildingRow: the columnar fast path of a buildings CSV', () => {
  it('imports exactly as the general per-row path on random hostile files (UTF-8 and GBK, several CRSs)', () => {
    const rng = mulberry32(20261130);
    let fast = 0;
    let slow = 0;
    for (let t = 0; t < 60; t++) {
      const text = hostileCsv(rng, 40 + Math.floor(rng() * 400));
      const gbk = t % 3 === 0;
      const crsName = ['wgs84', 'gcj02', 'bd09', 'EPSG:4545'][t % 4];
      const communities = t % 2 === 0;
      const dwellingM2 = t % 5 === 0 ? 90 : undefined;
      let general;
      try {
        general = convert(text, gbk, crsName, communities, false, dwellingM2);
      } catch (e) {
        // a file-level error (no households column, …) must be the same either way
        expect(() => convert(text, gbk, crsName, communities, true, dwellingM2), JSON.stringify(text.slice(0, 80))).toThrow((e as Error).message);
        continue;
      }
      const plain = convert(text, gbk, crsName, communities, true, dwellingM2);
      const what = `case ${t}: ${JSON.stringify(text.slice(0, 120))}`;
      expect(plain.buildings, what).toEqual(general.buildings);
      expect(plain.rejected, what).toEqual(general.rejected);
      expect(plain.report, what).toEqual(general.report);
      expect(plain.raw, what).toEqual(general.raw);
      expect(plain.bytes, what).toEqual(general.bytes);
      const c = plainCount(plain.table, crsName);
      fast += c.fast;
      slow += c.slow;
    }
    // both paths were taken many times (the comparison is not vacuous)
    expect(fast).toBeGreaterThan(1000);
    expect(slow).toBeGreaterThan(1000);
  });

  it('takes a plain row and leaves quoted, summary, duplicate and unreadable ones to the general path', () => {
    const [table] = readSources(
      [
        {
          name: 'b.csv',
          bytes: new TextEncoder().encode(
            '楼栋编号,经度,纬度,户数,所属社区代码\n B1 ,106.5,29.5, 3 ,C1\n"B2",106.5,29.5,3,\nB3,106.5,29.5,3,C9\n合计,,,6,\nB1,106.5,29.5,3,\nB4,106.5,29.5,3.0,\nB5,+106.5,29.5,3,\nBtotal,1,2,3,\n',
          ),
        },
      ],
      'buildings',
    );
    const at = plainBuildingColumns(mapColumns(table.header, 'buildings', 'b.csv').fields)!;
    expect(at).toEqual({ id: 0, lon: 1, lat: 2, households: 3, communityId: 4 });
    const seen = new IdSet();
    const out = new BuildingList();
    const raw = new PointList();
    const taken = table.rows.map((r) =>
      plainBuildingRow((r as ScannedLine).scan, (r as ScannedLine).k, at, resolveCrs('wgs84', 'b'), new Set(['C1']), seen, out, raw),
    );
    expect(taken).toEqual([true, false, false, false, false, false, true, false]);
    expect([out.get(0), out.get(1)]).toEqual([
      { id: 'B1', lon: 106.5, lat: 29.5, households: 3, communityId: 'C1', estimated: false },
      { id: 'B5', lon: 106.5, lat: 29.5, households: 3, estimated: false },
    ]);
    expect(raw.pairs()).toEqual([
      [106.5, 29.5],
      [106.5, 29.5],
    ]);
  });

  it('reads a scanned table as tableFromGrid reads every record: header, numbering, rows made on first read', () => {
    const rng = mulberry32(99);
    let scanned = 0;
    for (let t = 0; t < 40; t++) {
      // blank and title lines above the header, sometimes more than the first look-ahead of 64 records
      const above = t % 4 === 0 ? '\n'.repeat(Math.floor(rng() * 150)) + (t % 8 === 0 ? ',,\n标题\n' : '') : '';
      const text = above + hostileCsv(rng, 20 + Math.floor(rng() * 100));
      const headerLine = t % 5 === 1 ? 1 + Math.floor(rng() * 3) : undefined;
      const [table] = readSources([{ name: 'b.csv', bytes: new TextEncoder().encode(text) }], 'buildings', { headerLine });
      const records = splitCommaSeparated(text);
      while (records.length && records[records.length - 1].cells.length === 1 && records[records.length - 1].cells[0].trim() === '') records.pop();
      const ref = tableFromGrid({ file: 'b.csv', format: 'csv', notes: [] }, records, 'buildings', headerLine, 'record');
      const view = (rows: readonly { row: number; cells: string[]; malformed?: boolean }[]) => rows.map((r) => [r.row, r.cells, !!r.malformed]);
      const what = JSON.stringify(text.slice(0, 200));
      expect([table.header, table.headerLine, table.notes.slice(1)], what).toEqual([ref.header, ref.headerLine, ref.notes]);
      if (table.scanned) {
        scanned++;
        const s = table.scanned;
        expect(view(Array.from({ length: s.count }, (_, k) => s.row(k))), what).toEqual(view(ref.rows));
      }
      expect(view(table.rows), what).toEqual(view(ref.rows));
    }
    expect(scanned).toBeGreaterThan(20);
  });

  it('trims the code units String.prototype.trim trims, and only those', () => {
    for (let c = 0; c < 0x10000; c++) expect(isTrimmedSpace(c), c.toString(16)).toBe(String.fromCharCode(c).trim() === '');
  });
});

describe('buildingsCsv written to bytes', () => {
  it('equals the joined text of csvCell, degreesText and String on random buildings', () => {
    const rng = mulberry32(7);
    const pick = <T>(a: readonly T[]): T => a[Math.floor(rng() * a.length)];
    const ids = ['B1', 'a,b', ' x', 'y ', 'q"q', '楼栋1', '=1', 'tab\there', 'line\nbreak', '\u3000全角', 'é', '😀', ''];
    for (const estimates of [false, true]) {
      const list = new BuildingList(4);
      for (let k = 0; k < 3000; k++) {
        const deg = pick([
          () => Math.round((rng() * 360 - 180) * 1e7) / 1e7,
          () => pick([0, -0, 1e-7, -1e-7, 1e-6, 180, -180, 0.5, -0.5, 106.5, 1e-8, 12.345678912]),
        ]);
        const hh = pick([() => Math.floor(rng() * 500), () => pick([0, -0, 2 ** 53, 2 ** 53 - 1, 1e21, 123456789012345])]);
        list.push(pick([`B${k}`, pick(ids)]), deg(), deg(), hh(), pick([undefined, 'C1', 'a,b', '社区"1"']), rng() < 0.5);
      }
      const header = ['id', 'lon', 'lat', 'households', 'community_id', ...(estimates ? ['households_estimated'] : [])];
      const lines = [header.map(csvCell).join(',')];
      for (let k = 0; k < list.count; k++) {
        const b = list.get(k);
        const line = `${csvCell(b.id)},${degreesText(b.lon)},${degreesText(b.lat)},${String(b.households)},${b.communityId === undefined ? '' : csvCell(b.communityId)}`;
        lines.push(estimates ? `${line},${String(b.estimated)}` : line);
      }
      expect(new TextDecoder().decode(buildingsCsv(list, estimates))).toBe(
        new TextDecoder().decode(new TextEncoder().encode(UTF8_BOM + lines.join('\r\n') + '\r\n')),
      );
      expect(buildingsCsv(list, estimates)).toEqual(new TextEncoder().encode(UTF8_BOM + lines.join('\r\n') + '\r\n'));
    }
  });
});

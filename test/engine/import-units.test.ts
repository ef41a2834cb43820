/** The import's parts, on tiny hand-made inputs with hand-computed answers. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { EngineError, fromWgs84, importPackage, type ImportRequest } from '../../src/engine/index';
import { square } from '../helpers/square';
import {
  crsFromPrj,
  crsHint,
  epsgDefinition,
  inspectSource,
  mapColumns,
  normaliseWord,
  parseCoordinateCell,
  parseNumberCell,
  pointInside,
  polygonAreaM2,
  readSources,
  resolveCrs,
} from '../../src/engine/import/index';
import { epsgOfEsriName } from '../../src/engine/import/epsgDefinitions';
import { detectDelimiter, splitDelimited } from '../../src/engine/import/readDelimited';
import { encodeGbk } from '../helpers/gbk';

const utf8 = (s: string) => new TextEncoder().encode(s);
const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof EngineError ? `${e.code}: ${e.message}` : String(e);
  }
  return 'no error';
};
const codeOfAsync = async (f: () => Promise<unknown>) => {
  try {
    await f();
  } catch (e) {
    return e instanceof EngineError ? `${e.code}: ${e.message}` : String(e);
  }
  return 'no error';
};
const communitiesGeoJson = (props: Record<string, unknown>) =>
  utf8(JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: props, geometry: square(106.5, 29.5, 0.01) }] }));

describe('vocabulary and column mapping', () => {
  it('normalises headers: full-width, units in brackets, spaces, case, a leading *', () => {
    expect(normaliseWord('建筑面积（㎡）')).toBe('建筑面积');
    expect(normaliseWord(' Longitude ')).toBe('longitude');
    expect(normaliseWord('*户数(户)')).toBe('户数');
    expect(normaliseWord('ＩＤ')).toBe('id');
  });

  it('maps synonyms per role, reports unmapped headers and a second header of one field', () => {
    const m = mapColumns(['楼栋编号', '楼名', 'X', 'Y', '住户数', '户数', '所属社区代码'], 'buildings', 'b.csv');
    expect(m.fields).toEqual({
      id: { column: 0, header: '楼栋编号' },
      lon: { column: 2, header: 'X' },
      lat: { column: 3, header: 'Y' },
      households: { column: 4, header: '住户数' },
      community_id: { column: 6, header: '所属社区代码' },
    });
    expect(m.unmapped).toEqual(['楼名', '户数']);
    expect(m.notes).toEqual(["column '户数' also looks like households (already '住户数'): ignored"]);
    // 社区代码 is the id of a community but the community_id of a facility
    expect(mapColumns(['社区代码'], 'communities', 'c').fields.id).toEqual({ column: 0, header: '社区代码' });
    expect(mapColumns(['社区代码'], 'facilities', 'f').fields.community_id).toEqual({ column: 0, header: '社区代码' });
  });

  it('applies a mapping: a header, null to leave a field out, =TEXT for a constant; a wrong header is E_MISSING_COLUMN', () => {
    const m = mapColumns(['编号', '楼号', '户数'], 'buildings', 'b.csv', { id: '楼号', households: null, community_id: '=C1' });
    expect(m.fields).toEqual({ id: { column: 1, header: '楼号' }, community_id: { constant: 'C1' } });
    expect(m.unmapped).toEqual(['编号', '户数']);
    expect(codeOf(() => mapColumns(['编号'], 'buildings', 'b.csv', { households: '总户数' }))).toBe(
      "E_MISSING_COLUMN: Required column is missing: b.csv, 总户数, named by the mapping for 'households'",
    );
    expect(codeOf(() => mapColumns(['编号'], 'buildings', 'b.csv', { colour: '编号' }))).toMatch(/^E_ARGUMENT: .*b\.csv, colour/);
  });
});

describe('cells', () => {
  it('reads numbers as offices write them', () => {
    expect(parseNumberCell('1,234.5')).toBe(1234.5);
    expect(parseNumberCell('１２０㎡')).toBe(120);
    expect(parseNumberCell(' 86 户 ')).toBe(86);
    expect(parseNumberCell('45.5万元')).toBe(45.5);
    for (const bad of ['约50', '0x10', '12-15', '', '1,23']) expect(parseNumberCell(bad), bad).toBeNull();
  });

  it('reads degrees-minutes-seconds', () => {
    expect(parseCoordinateCell('106°33′36″')).toBeCloseTo(106.56, 12);
    expect(parseCoordinateCell('北纬29度33分')).toBeCloseTo(29.55, 12);
    expect(parseCoordinateCell(`106°33'36"E`)).toBeCloseTo(106.56, 12);
    expect(parseCoordinateCell('106°61′')).toBeNull();
  });
});

describe('delimited text', () => {
  it('detects , ; and tab', () => {
    expect(detectDelimiter('a,b,c\n1,2,3\n')).toBe(',');
    expect(detectDelimiter('a;b;c\n1,5;2;3\n')).toBe(';');
    expect(detectDelimiter('台账\na\tb\tc\n1\t2\t3\n')).toBe('\t');
  });

  it('splits quoted cells with delimiters, doubled quotes and line breaks; an unclosed quote costs one line', () => {
    expect(splitDelimited('a,"b,""c""\nd",e\r\nf,g', ',').map((r) => [r.line, r.cells, r.malformed])).toEqual([
      [1, ['a', 'b,"c"\nd', 'e'], false],
      [3, ['f', 'g'], false],
    ]);
    expect(splitDelimited('a,"b\nc,d\ne,f', ',').map((r) => [r.cells, r.malformed])).toEqual([
      [['a', 'b'], true],
      [['c', 'd'], false],
      [['e', 'f'], false],
    ]);
  });

  it('reads UTF-16 and GBK text files, skipping a title line', () => {
    const text = '渝中区楼栋表\r\n楼栋编号\t经度\t纬度\t户数\r\nB1\t106.5\t29.5\t12\r\n';
    const le = new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array([...text].map((c) => c.charCodeAt(0))).buffer)]);
    const [t16] = readSources([{ name: 'b.txt', bytes: le }], 'buildings');
    expect([t16.encoding, t16.delimiter, t16.headerLine, t16.header, t16.rows[0].cells]).toEqual([
      'utf-16le',
      '\t',
      2,
      ['楼栋编号', '经度', '纬度', '户数'],
      ['B1', '106.5', '29.5', '12'],
    ]);
    const [gbk] = readSources([{ name: 'b.csv', bytes: encodeGbk('楼栋编号,户数\r\n一号楼,12\r\n') }], 'buildings');
    expect([gbk.encoding, gbk.rows[0].cells]).toEqual(['gb18030', ['一号楼', '12']]);
  });
});

describe('coordinate systems', () => {
  it('inverts CGCS2000 Gauss-Krüger: on the central meridian x is the false easting', () => {
    // GRS80 meridian arc from the equator to 30°N: 3 320 113.398 m
    const [lon, lat] = resolveCrs('EPSG:4545', 'f').toWgs84(500000, 3320113.398);
    expect(lon).toBeCloseTo(108, 9);
    expect(lat).toBeCloseTo(30, 7);
    expect(resolveCrs('epsg:4524', 'f').toWgs84(36500000, 3320113.398)[0]).toBeCloseTo(108, 9); // 3° zone 36, with the zone in x
    expect(resolveCrs('EPSG:4491', 'f').toWgs84(13500000, 0)).toEqual([75, 0]);
    expect(epsgDefinition(4554)).toBe('+proj=tmerc +lat_0=0 +lon_0=135 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs');
    expect(['WGS84', 'cgcs2000', 'gcj-02', 'BD09', 'EPSG:4490'].map((s) => resolveCrs(s, 'f').label)).toEqual(['WGS84', 'WGS84', 'GCJ02', 'BD09', 'EPSG:4490']);
  });

  it('names CGCS2000 ESRI projections and reads .prj WKT', () => {
    expect(epsgOfEsriName('CGCS2000_3_Degree_GK_CM_108E')).toBe(4545);
    expect(epsgOfEsriName('CGCS2000_3_Degree_GK_Zone_36')).toBe(4524);
    expect(epsgOfEsriName('CGCS2000_GK_CM_105E')).toBe(4507);
    expect(epsgOfEsriName('CGCS2000_3_Degree_GK_CM_107E')).toBeUndefined();
    expect(
      crsFromPrj(
        'GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]',
        'x.prj',
      ).kind,
    ).toBe('geographic');
    const utm = crsFromPrj(
      'PROJCS["WGS 84 / UTM zone 48N",GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",105],PARAMETER["scale_factor",0.9996],PARAMETER["false_easting",500000],PARAMETER["false_northing",0],UNIT["metre",1],AUTHORITY["EPSG","32648"]]',
      'u.prj',
    );
    expect(utm.label).toBe('EPSG:32648');
    expect(utm.toWgs84(500000, 0)[0]).toBeCloseTo(105, 12);
  });

  it('stops on an unknown CRS naming the file', () => {
    expect(codeOf(() => resolveCrs('EPSG:2385', 'a.csv'))).toMatch(/^E_UNKNOWN_CRS: .*a\.csv, EPSG:2385 is not in the built-in table/);
    expect(codeOf(() => resolveCrs('北京54', 'a.csv'))).toMatch(/^E_UNKNOWN_CRS: .*a\.csv, '北京54'/);
    expect(codeOf(() => crsFromPrj('hello', 'a.prj'))).toMatch(/^E_UNKNOWN_CRS: .*a\.prj, the \.prj holds no WKT/);
  });

  it('hints GCJ-02 when points fit the communities only once corrected', () => {
    const comm = [square(106.5, 29.5, 0.004)];
    const wgs: [number, number][] = [
      [106.5005, 29.5035],
      [106.501, 29.503],
      [106.502, 29.5035],
      [106.5015, 29.5038],
    ];
    const gcj = wgs.map(([x, y]) => fromWgs84(x, y, 'GCJ02'));
    const h = crsHint('f.csv', 'facilities', gcj, 'WGS84', comm)!;
    expect([h.insideCurrent, h.suggested, h.insideSuggested, h.points]).toEqual([0, 'GCJ02', 4, 4]);
    expect(crsHint('f.csv', 'facilities', wgs, 'WGS84', comm)).toBeNull();
  });
});

describe('geometry', () => {
  it('puts a point inside a U-shaped footprint whose centroid is outside', () => {
    // U: 3×3 square without x 1…2, y 1…3; centroid (1.5, 9.5/7) lies in the gap
    const u = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [0, 0],
          [3, 0],
          [3, 3],
          [2, 3],
          [2, 1],
          [1, 1],
          [1, 3],
          [0, 3],
          [0, 0],
        ],
      ],
    };
    const [x, y] = pointInside(u);
    expect(x).toBeCloseTo(0.5, 12);
    expect(y).toBeCloseTo(9.5 / 7, 12);
    expect(pointInside(square(1, 1, 2))).toEqual([2, 2]);
  });

  it('measures footprint areas on the sphere (m²), holes subtracted', () => {
    const R = 6371008.8;
    const rad = Math.PI / 180;
    const cell = R * R * 0.001 * rad * (Math.sin(29.501 * rad) - Math.sin(29.5 * rad));
    expect(polygonAreaM2(square(106.5, 29.5, 0.001))).toBeCloseTo(cell, 3);
    const holed = {
      type: 'Polygon' as const,
      coordinates: [square(106.5, 29.5, 0.002).coordinates[0], square(106.5005, 29.5005, 0.001).coordinates[0].slice().reverse()],
    };
    const outer = R * R * 0.002 * rad * (Math.sin(29.502 * rad) - Math.sin(29.5 * rad));
    const hole = R * R * 0.001 * rad * (Math.sin(29.5015 * rad) - Math.sin(29.5005 * rad));
    expect(polygonAreaM2(holed)).toBeCloseTo(outer - hole, 3);
  });
});

describe('importPackage on small inputs', () => {
  const comms = {
    role: 'communities' as const,
    files: [{ name: 'c.geojson', bytes: communitiesGeoJson({ 社区编码: 'C1', 名称: '甲社区', 街道: '甲街道', 区县: '渝中区', 户数: 100 }) }],
  };

  it('stops naming the file and the column when a required column is missing', async () => {
    const req: ImportRequest = { sources: [comms, { role: 'buildings', files: [{ name: '楼栋.csv', bytes: utf8('楼栋编号,经度,户数\nB1,106.5,3\n') }] }] };
    expect(await codeOfAsync(() => importPackage(req))).toMatch(
      /^E_MISSING_COLUMN: Required column is missing: 楼栋.csv, lat, no column for lat; columns: 楼栋编号, 经度, 户数$/,
    );
    const noHh: ImportRequest = { sources: [{ role: 'buildings', files: [{ name: 'b.csv', bytes: utf8('编号,经度,纬度\nB1,106.5,29.5\n') }] }] };
    expect(await codeOfAsync(() => importPackage(noHh))).toMatch(/b\.csv, households, no column for households \(or use --estimate-households/);
    const noDistrict: ImportRequest = {
      sources: [{ role: 'communities', files: [{ name: 'c.geojson', bytes: communitiesGeoJson({ id: 'C1', name: 'a', street: 's', households: 1 }) }] }],
    };
    expect(await codeOfAsync(() => importPackage(noDistrict))).toMatch(/c\.geojson, district/);
    // … and a constant in the mapping fills it
    noDistrict.sources[0].mapping = { columns: { district: '=渝中区' } };
    const ok = await importPackage(noDistrict);
    expect(JSON.parse(new TextDecoder().decode(ok.files['communities.geojson'])).features[0].properties.district).toBe('渝中区');
  });

  it('stops when coordinates in metres come without a projected CRS', async () => {
    const req: ImportRequest = {
      sources: [{ role: 'buildings', files: [{ name: 'proj.csv', bytes: utf8('编号,X,Y,户数\nB1,359474.1,3272217.3,5\nB2,359480,3272220,6\n') }] }],
    };
    expect(await codeOfAsync(() => importPackage(req))).toMatch(
      /^E_UNKNOWN_CRS: .*proj\.csv, coordinates look like metres, not degrees \(CRS taken: WGS84\); give the projected CRS, e\.g\. --crs buildings=EPSG:4545/,
    );
    req.sources[0].crs = 'EPSG:4545';
    const r = await importPackage(req);
    // (359474.1, 3272217.3) in EPSG:4545 is (106.55, 29.56) to a centimetre
    expect(new TextDecoder().decode(r.files['buildings.csv'])).toContain('B1,106.5500001,29.56,5,');
  });

  it('rejects garbage rows with file, row, id, field and reason; good rows still load; hostile text stays text', async () => {
    const csv = [
      '编号,经度,纬度,户数,所属社区代码',
      'B1,106.505,29.505,10,C1',
      'B2,106.505,29.505,-3,',
      'B1,106.506,29.506,4,',
      `B4,<img src=x onerror=alert(1)>${'x'.repeat(80)},29.5,4,`,
      'B5,106.505,95,4,',
      'B6,106.505,29.505,4,ZZ',
      'B7,"106.505,29.505,4,',
      'B8,106.507,29.507,12.5,',
      '小计,,,14,',
    ].join('\n');
    const r = await importPackage({ sources: [comms, { role: 'buildings', files: [{ name: 'b.csv', bytes: utf8(csv) }] }] });
    expect(r.rejected.map((x) => [x.row, x.id, x.field, x.code, x.reason])).toEqual([
      [2, 'B2', '户数 (households)', 'R_OUT_OF_RANGE', 'households -3 must be ≥ 0'],
      [3, 'B1', '编号 (id)', 'R_DUPLICATE_ID', "id 'B1' repeats an earlier row"],
      [4, 'B4', '经度 (lon)', 'R_NOT_NUMBER', "lon '<img src=x onerror=alert(1)>xxxxxxxxxxxx…' is not a number"],
      [5, 'B5', '纬度 (lat)', 'R_OUT_OF_RANGE', 'lat 95 is outside −90…90'],
      [6, 'B6', '所属社区代码 (community_id)', 'R_UNKNOWN_COMMUNITY', "community_id 'ZZ' names no imported community"],
      [7, 'B7', '', 'R_PARSE', 'a quoted value does not close: the row is cut at its line end'],
      [8, 'B8', '户数 (households)', 'R_NOT_INTEGER', "households '12.5' is not a whole number"],
    ]);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(r.files['buildings.csv'])).toBe(
      '\uFEFFid,lon,lat,households,community_id\r\nB1,106.505,29.505,10,C1\r\n',
    );
    expect(r.report.files[1].summaryRowsSkipped).toEqual([9]);
  });

  it('reads the sheet a mapping names, with services, status and level words', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('说明').addRow(['本表为示例']);
    const ws = wb.addWorksheet('设施');
    ws.addRow(['编号', '名称', 'lng', 'lat', '面积', '服务类型', '状态', '层级']);
    ws.addRow(['F1', '一站', 106.505, 29.505, '1,200', '养老服务；托育、游憩', '已建成', '街道级']);
    ws.addRow(['F2', '二站', 106.506, 29.506, 80, '助老', '筹建', '']);
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const preview = inspectSource([{ name: '台账.xlsx', bytes }], { mapping: { sheet: '设施' } });
    expect([preview[0].role, preview[0].sheet, preview[0].header.length]).toEqual(['facilities', '设施', 8]);
    const r = await importPackage({
      sources: [{ role: 'facilities', files: [{ name: '台账.xlsx', bytes }], mapping: { sheet: '设施', values: { services: { 助老: 'elderly_care' } } } }],
    });
    expect(new TextDecoder().decode(r.files['facilities.csv']).split('\r\n').slice(1, 3)).toEqual([
      'F1,一站,106.505,29.505,1200,elderly_care;childcare;play,,street,,open',
      'F2,二站,106.506,29.506,80,elderly_care,,,,planned',
    ]);
    expect(
      await codeOfAsync(() => importPackage({ sources: [{ role: 'facilities', files: [{ name: '台账.xlsx', bytes }], mapping: { sheet: 'Sheet9' } }] })),
    ).toMatch(/^E_BAD_FILE: .*台账\.xlsx, no sheet named 'Sheet9' \(sheets: 说明, 设施\)/);
  });

  it('imports 150 000 rows (regression: push(...rows) overflowed the call stack below 130 000)', async () => {
    const lines = ['id,lon,lat,households'];
    for (let i = 0; i < 150000; i++) lines.push(`B${i},106.5,29.5,${i % 7}`);
    const r = await importPackage({ sources: [{ role: 'buildings', files: [{ name: 'big.csv', bytes: utf8(lines.join('\n')) }] }] });
    expect(r.report.files[0]).toMatchObject({ rowsRead: 150000, imported: 150000, rejected: 0 });
  });

  it('names unreadable files', async () => {
    const one = (name: string, bytes: Uint8Array) => codeOfAsync(() => importPackage({ sources: [{ role: 'buildings', files: [{ name, bytes }] }] }));
    expect(await one('old.xls', utf8('x'))).toMatch(/^E_BAD_FILE: .*old\.xls, old Excel \.xls: save it as \.xlsx or \.csv/);
    expect(await one('a.zip', utf8('not a zip'))).toMatch(/^E_BAD_FILE: .*a\.zip, not a readable zip/);
    expect(await one('a.xlsx', utf8('PK nope'))).toMatch(/^E_BAD_FILE: .*a\.xlsx, not an XLSX workbook/);
    expect(await one('a.shp', new Uint8Array(120))).toMatch(/^E_BAD_FILE: .*a\.shp, not a \.shp file/);
    expect(await one('a.geojson', utf8('{"type":'))).toMatch(/^E_BAD_JSON: .*a\.geojson/);
    expect(await one('b.csv', new Uint8Array([0x41, 0xff, 0xff, 0xff]))).toMatch(/^E_BAD_ENCODING: .*b\.csv/);
  });
});

describe('docs/IMPORT.md', () => {
  it('lists every header synonym and value word of vocabulary.ts', async () => {
    const { readFileSync } = await import('node:fs');
    const doc = readFileSync(new URL('../../docs/IMPORT.md', import.meta.url), 'utf8');
    const v = await import('../../src/engine/import/vocabulary');
    const rows = doc.split('\n');
    for (const [role, table] of Object.entries(v.HEADER_SYNONYMS)) {
      const section = doc.slice(doc.indexOf(`#### ${role}`));
      for (const [field, syns] of Object.entries(table)) {
        const row = section.split('\n').find((l) => l.startsWith(`| \`${field}\` |`));
        expect(row, `${role}.${field}`).toBeDefined();
        for (const s of syns)
          expect(
            row!
              .split('|')[3]
              .split(',')
              .map((x) => x.trim()),
            `${role}.${field}: ${s}`,
          ).toContain(s);
      }
    }
    for (const table of [v.SERVICE_WORDS, v.STATUS_WORDS, v.LEVEL_WORDS, v.SOURCE_WORDS, v.OWNERSHIP_WORDS]) {
      for (const [code, words] of Object.entries(table)) {
        const row = rows.find((l) => l.startsWith(`| \`${code}\` |`) && words.every((w) => l.includes(w)));
        expect(row, code).toBeDefined();
      }
    }
  });
});

/**
 * Notes are data (issue 8 item 4) and nothing is lost without a word (issue 9 item 8):
 * facilities outside every community, self-crossing boundaries, repeated distance pairs each
 * leave a coded note; unclosed rings and holes outside their outer ring are rejected; a
 * UTF-8 file with a stray byte is refused naming its line, not re-read as GB18030.
 */
import { describe, expect, it } from 'vitest';
import { EngineError, NOTE_MESSAGES, decodeText, loadPackage, noteJson, noteText, type PackageFiles } from '../../src/engine/index';
import { encodeGbk } from '../helpers/gbk';
import { fixtureFiles, text, utf8 } from '../helpers/fixtures';

function tinyWith(files: Record<string, string | Uint8Array>): PackageFiles {
  const out = { ...fixtureFiles('tiny') };
  for (const [k, v] of Object.entries(files)) out[k] = typeof v === 'string' ? utf8(v) : v;
  return out;
}
const tinyText = (file: string) => text(fixtureFiles('tiny')[file]);
const square = (x: number, y: number, d: number) => [
  [x, y],
  [x + d, y],
  [x + d, y + d],
  [x, y + d],
  [x, y],
];

/** tiny's communities with community C's geometry replaced. */
function withC(coordinates: unknown): string {
  const geo = JSON.parse(tinyText('communities.geojson'));
  geo.features[2].geometry = { type: 'Polygon', coordinates };
  return JSON.stringify(geo);
}

describe('coded notes', () => {
  it('every code has a message in both languages, and noteText fills and escapes its parameters', () => {
    for (const m of Object.values(NOTE_MESSAGES)) expect([m.zh.length > 0, m.en.length > 0]).toEqual([true, true]);
    const n = { code: 'N_COLUMN_LIKE', params: { file: 'x.csv', column: 'St\u001b[2Jatus', like: 'status' } } as const;
    expect(noteText(n, 'en')).toBe("x.csv: column 'St\\x1b[2Jatus' is not 'status' (names are exact) and is ignored");
    expect(noteText(n, 'zh')).toBe("x.csv：列 'St\\x1b[2Jatus' 不是 'status'（列名须完全一致），已忽略");
    expect(noteJson({ code: 'N_CRS', params: { from: 'GCJ02' } })).toEqual({
      code: 'N_CRS',
      params: { from: 'GCJ02' },
      zh: '坐标已从 GCJ02 转换为 WGS84',
      en: 'coordinates converted from GCJ02 to WGS84',
    });
  });

  it('the loader emits codes with parameters: GBK, crs, unknown-looking and repeated columns', () => {
    const files = tinyWith({
      'facilities.csv': encodeGbk('id,name,lon,lat,area_m2,services,Status,name\nf1,设施,106.505,29.555,100,meals,planned,G\n'),
      'manifest.json': JSON.stringify({ name: 't', crs: 'GCJ02' }),
    });
    expect(loadPackage(files).notes).toEqual([
      { code: 'N_CRS', params: { from: 'GCJ02' } },
      { code: 'N_GBK', params: { file: 'facilities.csv' } },
      { code: 'N_COLUMN_LIKE', params: { file: 'facilities.csv', column: 'Status', like: 'status' } },
      { code: 'N_REPEATED_COLUMN', params: { file: 'facilities.csv', column: 'name' } },
    ]);
  });
});

describe('facilities outside every community', () => {
  it('are noted with their count and the open area that counts for no community', () => {
    // tiny's four facilities lie in A or B; add one open (250.5 m²) and one planned (999 m²) far away
    const fac = `${tinyText('facilities.csv').trimEnd()}\nfar1,远郊站,106.7,29.7,250.5,meals,,,,open\nfar2,远郊规划,106.7,29.7,999,meals,,,,planned\n`;
    const pkg = loadPackage(tinyWith({ 'facilities.csv': fac }));
    expect(pkg.notes).toEqual([{ code: 'N_FACILITIES_OUTSIDE', params: { count: 2, areaM2: 250.5 } }]);
    expect(noteText(pkg.notes[0], 'zh')).toBe('2 处设施不在任何社区范围内，其中开放设施的 250.5 m² 面积不计入任何社区');
    expect(loadPackage(fixtureFiles('tiny')).notes).toEqual([]);
  });
});

describe('invalid community polygons', () => {
  it('a bow-tie (a ring crossing itself) loads and is noted', () => {
    const bowTie = [
      [
        [106.5, 29.54],
        [106.51, 29.55],
        [106.51, 29.54],
        [106.5, 29.55],
        [106.5, 29.54],
      ],
    ];
    const pkg = loadPackage(tinyWith({ 'communities.geojson': withC(bowTie) }));
    expect(pkg.communities.map((c) => c.id)).toEqual(['A', 'B', 'C']);
    expect(pkg.notes).toEqual([{ code: 'N_SELF_INTERSECTING', params: { count: 1, ids: 'C' } }]);
  });

  it('a ring that only touches itself, or the fixture squares, is not noted', () => {
    // a square with a spike back along one edge touches itself without crossing
    const touching = [
      [
        [106.5, 29.54],
        [106.51, 29.54],
        [106.51, 29.55],
        [106.505, 29.55],
        [106.505, 29.545],
        [106.505, 29.55],
        [106.5, 29.55],
        [106.5, 29.54],
      ],
    ];
    expect(loadPackage(tinyWith({ 'communities.geojson': withC(touching) })).notes).toEqual([]);
  });

  it('an unclosed ring and a hole outside its outer ring are rejected (R_BAD_GEOMETRY), the others load', () => {
    const open = [
      square(106.5, 29.54, 0.01)
        .slice(0, 4)
        .concat([[106.5, 29.541]]),
    ];
    let pkg = loadPackage(tinyWith({ 'communities.geojson': withC(open) }));
    expect(pkg.communities.map((c) => c.id)).toEqual(['A', 'B']);
    expect(pkg.rejected.find((r) => r.file === 'communities.geojson')).toMatchObject({
      row: 3,
      id: 'C',
      field: 'geometry',
      code: 'R_BAD_GEOMETRY',
      reason: 'the outer ring is not closed (its first and last positions differ)',
    });
    const holeOutside = [square(106.5, 29.54, 0.01), square(106.6, 29.6, 0.001)];
    pkg = loadPackage(tinyWith({ 'communities.geojson': withC(holeOutside) }));
    expect(pkg.rejected.find((r) => r.file === 'communities.geojson')).toMatchObject({
      id: 'C',
      code: 'R_BAD_GEOMETRY',
      reason: 'hole 1 is not inside the outer ring',
    });
    const holeInside = [square(106.5, 29.54, 0.01), square(106.502, 29.542, 0.001)];
    expect(loadPackage(tinyWith({ 'communities.geojson': withC(holeInside) })).communities).toHaveLength(3);
  });
});

describe('distances.csv', () => {
  it('repeated from_id / to_id pairs are noted with their count; the shortest distance stands', () => {
    const files = fixtureFiles('peer-spopt-sf');
    const rows = text(files['distances.csv']).trimEnd().split('\n');
    const [from, to, d] = rows[1].split(',');
    files['distances.csv'] = utf8([...rows, `${from},${to},${Number(d) + 5}`, `${from},${to},0.5`, `${from},${to},7`].join('\n') + '\n');
    const pkg = loadPackage(files);
    expect(pkg.notes).toEqual([{ code: 'N_DUPLICATE_PAIRS', params: { count: 3 } }]);
    const t = pkg.distances!.byTarget.get(to)!;
    const b = pkg.buildings.ids.indexOf(from);
    expect(t.distanceM[Array.from(t.building).indexOf(b)]).toBe(0.5);
    expect(loadPackage(fixtureFiles('peer-spopt-sf')).notes).toEqual([]);
  });
});

describe('mixed encodings are refused, not guessed', () => {
  const utf8Csv = 'id,name,lon,lat,area_m2,services\nf1,甲社区养老服务站,106.505,29.5555,400,meals\nf2,乙社区服务综合体,106.515,29.5552,700,meals\n';

  it('UTF-8 with one stray Latin-1 byte on line 3 is E_MIXED_ENCODING naming line 3', () => {
    // 'Café' typed in a Latin-1 editor into a UTF-8 file: the é is the single byte 0xE9
    const [head, line2, line3] = utf8Csv.split('\n');
    const bad = new Uint8Array([...utf8(`${head}\n${line2}\nf2,乙社区Caf`), 0xe9, ...utf8(line3.slice(6) + '\n')]);
    let e: unknown;
    try {
      decodeText(bad, 'facilities.csv');
    } catch (err) {
      e = err;
    }
    expect(e).toBeInstanceOf(EngineError);
    expect((e as EngineError).code).toBe('E_MIXED_ENCODING');
    expect((e as EngineError).place).toEqual({ file: 'facilities.csv', line: 3, detail: 'byte 0xE9' });
    expect((e as EngineError).messageIn('zh')).toBe('文件混用了编码（UTF-8 中夹有无效字节），请整体另存为 UTF-8: facilities.csv, 文件第 3 行, byte 0xE9');
    expect(() => loadPackage(tinyWith({ 'facilities.csv': bad }))).toThrow(/line 3/);
  });

  it('a whole GBK file still decodes as GBK, a clean UTF-8 file as UTF-8', () => {
    expect(decodeText(encodeGbk(utf8Csv), 'f.csv')).toEqual({ text: utf8Csv, encoding: 'gbk' });
    expect(decodeText(utf8(utf8Csv), 'f.csv')).toEqual({ text: utf8Csv, encoding: 'utf-8' });
  });

  it('a UTF-8 file with a BOM and a GBK row appended is refused too', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(utf8Csv), ...encodeGbk('f3,丙站,106.5,29.55,1,meals\n')]);
    expect(() => decodeText(bytes, 'f.csv')).toThrow(/line 4/);
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, EngineError, fromWgs84, haversineM, loadPackage, noteText, resolvePolicy, type Crs, type PackageFiles } from '../../src/engine/index';
import { encodeGbk } from '../helpers/gbk';
import { fixtureFiles, run, text, utf8 } from '../helpers/fixtures';

const tiny = () => fixtureFiles('tiny');

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof EngineError) return `${e.code} ${e.place.file ?? ''} ${e.place.field ?? ''}`.trim();
    throw e;
  }
  return undefined;
}

describe('missing files and columns stop the load with a code naming them', () => {
  for (const f of ['manifest.json', 'communities.geojson', 'buildings.csv', 'facilities.csv']) {
    it(`without ${f}`, () => {
      const files = tiny();
      delete files[f];
      expect(codeOf(() => loadPackage(files))).toBe(`E_MISSING_FILE ${f}`);
    });
  }
  it('a required column', () => {
    const files = tiny();
    files['buildings.csv'] = utf8('id,lon,households\nb1,106.5,3\n');
    expect(codeOf(() => loadPackage(files))).toBe('E_MISSING_COLUMN buildings.csv lat');
  });
  it('bad JSON, bad crs, not a FeatureCollection', () => {
    const files = tiny();
    files['manifest.json'] = utf8('{"name": "x", "crs": ');
    expect(codeOf(() => loadPackage(files))).toBe('E_BAD_JSON manifest.json');
    files['manifest.json'] = utf8('{"name": "x", "crs": "EPSG:3857"}');
    expect(codeOf(() => loadPackage(files))).toBe('E_BAD_CRS manifest.json crs');
    files['manifest.json'] = utf8('{"name": "x", "crs": "CGCS2000"}');
    files['communities.geojson'] = utf8('[1,2]');
    expect(codeOf(() => loadPackage(files))).toBe('E_BAD_GEOJSON communities.geojson');
  });
  it('messages come in Chinese and English', () => {
    const files = tiny();
    delete files['buildings.csv'];
    try {
      loadPackage(files);
    } catch (e) {
      expect((e as EngineError).messageIn('zh')).toBe('缺少必需文件: buildings.csv');
      expect((e as EngineError).messageIn('en')).toBe('Required file is missing: buildings.csv');
    }
  });
});

describe('bad rows are rejected with file, row, field; good rows load', () => {
  const { pkg, a } = run(fixtureFiles('bad-rows'));
  const rej = (file: string) => pkg.rejected.filter((r) => r.file === file).map((r) => `${r.row}:${r.field}:${r.code}`);
  it('communities', () => {
    expect(rej('communities.geojson')).toEqual(['4:id:R_DUPLICATE_ID', '5:households:R_OUT_OF_RANGE', '6:geometry:R_BAD_GEOMETRY', '7:name:R_EMPTY']);
    expect(pkg.communities.map((c) => c.id)).toEqual(['A', 'B', 'C']);
  });
  it('buildings', () => {
    expect(rej('buildings.csv')).toEqual([
      '2:id:R_DUPLICATE_ID',
      '3:lon:R_EMPTY',
      '4:households:R_OUT_OF_RANGE',
      '5:households:R_NOT_INTEGER',
      '6:lon:R_NOT_NUMBER',
      '7:lat:R_OUT_OF_RANGE',
      '8:lon:R_OUT_OF_RANGE',
      '9:community_id:R_UNKNOWN_COMMUNITY',
      '10:id:R_EMPTY',
      '13:lon:R_NOT_NUMBER',
    ]);
    // b1, the hostile id (kept as text) and b9 (a short row: community_id absent) load
    expect(pkg.buildings.ids).toEqual(['b1', '<img src=x onerror=alert(1)>', 'b9']);
    expect(pkg.rejected.find((r) => r.row === 7 && r.file === 'buildings.csv')!.reason).toContain('swapped');
    expect(pkg.rejected.find((r) => r.row === 8 && r.file === 'buildings.csv')!.reason).toContain('projected');
  });
  it('facilities and candidates', () => {
    expect(rej('facilities.csv')).toEqual([
      '2:services:R_UNKNOWN_CODE',
      '3:services:R_EMPTY',
      '4:area_m2:R_OUT_OF_RANGE',
      '5:status:R_UNKNOWN_CODE',
      '6:level:R_UNKNOWN_CODE',
      '7:name:R_EMPTY',
    ]);
    expect(pkg.facilities.map((f) => f.id)).toEqual(['f1', 'f8']);
    expect(rej('candidates.csv')).toEqual(['2:source:R_UNKNOWN_CODE', '3:ownership:R_UNKNOWN_CODE', '4:cost_wan:R_OUT_OF_RANGE']);
  });
  it('counts every rejection in the summary', () => {
    expect(a.summary.rejectedRows).toBe(23);
    expect(a.summary.buildings).toBe(3);
    expect(a.summary.households).toBe(20); // 10 + 4 + 6
  });
});

describe('encodings', () => {
  it('reads UTF-8 with BOM and GBK (as Chinese Excel writes) the same as plain UTF-8', () => {
    const base = run(tiny()).a;
    const bom = tiny();
    bom['facilities.csv'] = new Uint8Array([0xef, 0xbb, 0xbf, ...bom['facilities.csv']!]);
    const gbk = tiny();
    gbk['facilities.csv'] = encodeGbk(text(gbk['facilities.csv']));
    gbk['candidates.csv'] = encodeGbk(text(gbk['candidates.csv']));
    expect(gbk['facilities.csv']!.length).toBeLessThan(tiny()['facilities.csv']!.length); // 2 bytes per 汉字, not 3
    for (const files of [bom, gbk]) {
      const { pkg, a } = run(files);
      expect(pkg.facilities.map((f) => f.name)).toEqual(['甲社区养老服务站', '乙社区服务综合体', '乙社区规划养老中心', '甲社区健身点']);
      expect(a.communities).toEqual(base.communities);
    }
    expect(run(gbk).pkg.notes.map((n) => noteText(n, 'en'))).toContain('facilities.csv: GBK encoding detected');
  });
  it('rejects bytes that are neither UTF-8 nor GBK with a code', () => {
    const files = tiny();
    files['buildings.csv'] = new Uint8Array([0x69, 0x64, 0x0a, 0xff, 0xff, 0xff]);
    expect(codeOf(() => loadPackage(files))).toBe('E_BAD_ENCODING buildings.csv');
  });
});

/** The tiny package rewritten in another coordinate system. */
function twin(crs: Crs): PackageFiles {
  const files = tiny();
  const conv = (lon: number, lat: number) => fromWgs84(lon, lat, crs).map((v) => v.toFixed(9));
  files['manifest.json'] = utf8(JSON.stringify({ name: `tiny ${crs}`, crs }));
  const fc = JSON.parse(text(files['communities.geojson']));
  const walk = (x: unknown): unknown =>
    Array.isArray(x) && typeof x[0] === 'number' ? conv(x[0], x[1] as number).map(Number) : Array.isArray(x) ? x.map(walk) : x;
  for (const f of fc.features) f.geometry.coordinates = walk(f.geometry.coordinates);
  files['communities.geojson'] = utf8(JSON.stringify(fc));
  for (const name of ['buildings.csv', 'facilities.csv', 'candidates.csv']) {
    const lines = text(files[name]).trim().split('\n');
    const h = lines[0].split(',');
    const [ix, iy] = [h.indexOf('lon'), h.indexOf('lat')];
    const out = lines.slice(1).map((l) => {
      const c = l.split(',');
      [c[ix], c[iy]] = conv(Number(c[ix]), Number(c[iy]));
      return c.join(',');
    });
    files[name] = utf8([lines[0], ...out].join('\n'));
  }
  return files;
}

describe('coordinate systems', () => {
  const base = run(tiny());
  for (const crs of ['GCJ02', 'BD09'] as const) {
    it(`${crs} package gives the WGS84 twin's results within a metre`, () => {
      const files = twin(crs);
      // the shift is real: hundreds of metres in Chongqing
      const raw = text(files['buildings.csv']).split('\n')[1].split(',');
      expect(haversineM(Number(raw[1]), Number(raw[2]), 106.505, 29.555)).toBeGreaterThan(crs === 'GCJ02' ? 300 : 700);
      const { pkg, a } = run(files);
      for (let i = 0; i < pkg.buildings.count; i++) {
        expect(haversineM(pkg.buildings.lon[i], pkg.buildings.lat[i], base.pkg.buildings.lon[i], base.pkg.buildings.lat[i])).toBeLessThan(1);
      }
      expect(a.communities.map((c) => [c.facilityAreaM2, c.coverage, c.functions])).toEqual(
        base.a.communities.map((c) => [c.facilityAreaM2, c.coverage, c.functions]),
      );
      expect(pkg.notes.map((n) => noteText(n, 'en'))).toContain(`coordinates converted from ${crs} to WGS84`);
    });
  }
});

describe('policy overrides', () => {
  it('package policy.json overrides one threshold, a CLI file overrides it again', () => {
    const files = tiny();
    files['policy.json'] = utf8('{"thresholdsM": {"childcare": 2000}, "areaPer100Households": {"base": 60}}');
    const pkg = loadPackage(files);
    const p = resolvePolicy(pkg);
    expect(p.thresholdsM.childcare).toBe(2000);
    expect(p.thresholdsM.elderly_care).toBe(DEFAULT_POLICY.thresholdsM.elderly_care);
    expect(p.areaPer100Households).toEqual({ base: 60, enhanced: 80 });
    expect(resolvePolicy(pkg, { thresholdsM: { childcare: 100 } }).thresholdsM.childcare).toBe(100);
    // with 60 m² per 100 households community A (1000 hh, 500 m²) falls 100 m² short
    const { a } = run(files);
    expect(a.communities[0].shortfallBaseM2).toBe(100);
    // childcare 2000 m: b1 is now 968 m from f2 → covered
    expect(a.communities[0].coverage[1]).toBe(1);
  });
  it('a typo in policy.json is an error, not a silent default', () => {
    const files = tiny();
    files['policy.json'] = utf8('{"thresholdsM": {"elderly": 500}}');
    expect(codeOf(() => loadPackage(files))).toBe('E_POLICY policy.json thresholdsM.elderly');
  });
});

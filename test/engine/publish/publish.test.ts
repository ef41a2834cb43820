/** Publishing, piece by piece: approved sites, facility public columns, demand rounding, the site's own distances and links. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { latLngToCell } from 'h3-js';
import { EngineError, type Buildings } from '../../../src/engine/index';
import { publicDemand, publishSite, readApprovedSites, readFacilityExtras } from '../../../src/engine/publish/index';
import { nearby, nearbyIndex } from '../../../src/public/nearby';
import { formatHash, parseHash } from '../../../src/public/hashState';
import { search, type SearchHit } from '../../../src/public/searchIndex';
import { fixtureFiles, FIXTURES, run, utf8 } from '../../helpers/fixtures';

const ROOT = join(import.meta.dirname, '../../..');

function buildings(rows: [number, number, number][]): Buildings {
  return {
    count: rows.length,
    ids: rows.map((_, i) => `b${i}`),
    lon: Float64Array.from(rows, (r) => r[0]),
    lat: Float64Array.from(rows, (r) => r[1]),
    households: Float64Array.from(rows, (r) => r[2]),
    community: new Int32Array(rows.length),
  };
}

const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof EngineError ? [e.code, e.place.row, e.place.field].filter((x) => x !== undefined).join(' ') : String(e);
  }
  return 'no error';
};

describe('readApprovedSites', () => {
  const { pkg } = run(fixtureFiles('tiny'));
  const fc = (props: Record<string, unknown>[]) =>
    utf8(JSON.stringify({ type: 'FeatureCollection', features: props.map((properties) => ({ type: 'Feature', geometry: null, properties })) }));

  it('reads only features marked approved, with services in canonical order and the candidate location', () => {
    const sites = readApprovedSites(
      fc([
        { id: 'c1', approved: true, services: 'play;elderly_care', level: 'enhanced', public_name: '  新区综合体 ' },
        { id: 'c2', services: ['health'] },
      ]),
      'bp.geojson',
      pkg,
    );
    expect(sites).toHaveLength(1);
    expect(sites[0]).toMatchObject({ services: ['elderly_care', 'play'], level: 'enhanced', publicName: '新区综合体' });
    expect([sites[0].candidate.id, sites[0].candidate.lon, sites[0].candidate.lat]).toEqual(['c1', 106.532, 29.5525]);
  });

  it('names the file, feature and field of a bad approved site', () => {
    expect(
      code(() =>
        readApprovedSites(
          fc([
            { id: 'c1', services: 'x' },
            { id: 'zz', approved: true, services: 'play' },
          ]),
          'bp.geojson',
          pkg,
        ),
      ),
    ).toBe('E_ARGUMENT 2 id');
    expect(code(() => readApprovedSites(fc([{ id: 'c1', approved: true, services: 'play;teleport' }]), 'bp.geojson', pkg))).toBe('E_ARGUMENT 1 services');
    expect(code(() => readApprovedSites(fc([{ id: 'c1', approved: true, services: 'play', level: 'huge' }]), 'bp.geojson', pkg))).toBe('E_ARGUMENT 1 level');
    expect(code(() => readApprovedSites(utf8('{"type":"Feature"}'), 'bp.geojson', pkg))).toBe('E_BAD_GEOJSON');
    expect(code(() => readApprovedSites(utf8('{oops'), 'bp.geojson', pkg))).toBe('E_BAD_JSON');
  });
});

describe('readFacilityExtras', () => {
  it('reads accessibility codes and Chinese words, address, phone, hours; strips control characters', () => {
    const csv = 'id,name,accessibility,address,phone,hours\nf1,A,盲道；lift;ramp;moat,"1号\u0007路",023-1,早8点\nf2,B,,,,\n';
    const { byId, notes } = readFacilityExtras(utf8(csv));
    expect(byId.get('f1')).toEqual({ access: ['ramp', 'lift', 'tactile'], address: '1号 路', phone: '023-1', hours: '早8点' });
    expect(byId.get('f2')).toEqual({});
    expect(notes).toEqual(["facilities.csv: row 1, accessibility: 'moat' is not one of entrance|ramp|lift|toilet|parking|tactile; left out"]);
    expect(readFacilityExtras(utf8('id,name\nf1,A\n')).byId.size).toBe(0);
  });
});

describe('publicDemand', () => {
  it('rounds to 10, keeps cells of ≥ 20 households, merges smaller ones into their parent or leaves them out', () => {
    // 24 → 20 and 26 → 30 alone; 19 alone is too few and its parent holds nothing else: left out
    const r = publicDemand(
      buildings([
        [106.5, 29.5, 24],
        [106.55, 29.55, 13],
        [106.55, 29.55, 13],
        [106.6, 29.6, 19],
        [106.7, 29.7, 0],
      ]),
    );
    expect(r.cells.map((c) => [c.h3, c.res, c.households])).toEqual(
      [
        [latLngToCell(29.5, 106.5, 9), 9, 20],
        [latLngToCell(29.55, 106.55, 9), 9, 30],
      ].sort((a, b) => (a[0] < b[0] ? -1 : 1)),
    );
    expect(r.leftOutHouseholds).toBe(19);
    expect(r.cells[0].km2).toBeGreaterThan(0.09);
    expect(r.cells[0].km2).toBeLessThan(0.12);
  });
});

describe('publishSite', () => {
  it('refuses matrix mode and writes network.json only in network mode', () => {
    const files = fixtureFiles('tiny-network');
    const e = run(files, 'euclidean');
    expect([...publishSite({ pkg: e.pkg, analysis: e.a }, { published: '2025-01-02' }).files.keys()].sort()).toEqual([
      'data/communities.json',
      'data/demand.json',
      'data/facilities.json',
      'data/planned.json',
      'data/site.json',
    ]);
    const meta = JSON.parse(publishSite({ pkg: e.pkg, analysis: e.a }, { published: '2025-01-02', dataDate: 'yesterday' }).files.get('data/site.json')!);
    expect(meta).toMatchObject({ published: '2025-01-02', title: '渝邻图 · 社区服务地图', walk: { metresPerMinute: 60, minutes: [5, 10, 15] } });
    expect(meta.dataDate).toBeUndefined();
    const n = run(files, 'network');
    expect(publishSite({ pkg: n.pkg, analysis: n.a }).files.has('data/network.json')).toBe(true);
    const m = run(fixtureFiles('peer-spopt-sf'), 'matrix');
    expect(code(() => publishSite({ pkg: m.pkg, analysis: m.a }))).toBe('E_MODE --mode');
  });
});

describe('the public site: nearby, share links, search', () => {
  const f = (id: string, lon: number, lat: number, services: string[]) => ({ id, name: id, lon, lat, services }) as never;

  it('nearby: straight-line metres and minutes, bands, nearest open facility per service', () => {
    // 0.001° of latitude = 111.195 m on the contract's sphere
    const idx = nearbyIndex([f('fa', 106.5, 29.501, ['meals']), f('fb', 106.5, 29.506, ['meals', 'health'])], [f('pa', 106.5, 29.502, ['meals'])]);
    const r = nearby(idx, 106.5, 29.5, 'meals', [300, 600, 900], 60, Infinity);
    expect(r.within.map((w) => [w.facility.id, Math.round(w.metres * 10) / 10, w.planned])).toEqual([
      ['fa', 111.2, false],
      ['pa', 222.4, true],
      ['fb', 667.2, false],
    ]);
    expect(r.within[0].minutes).toBeCloseTo(111.195 / 60, 3);
    // nearest meals is fa (open); planned sites never count as nearest; health is fb
    expect(r.nearest[3]?.facility.id).toBe('fa');
    expect(r.nearest[5]?.facility.id).toBe('fb');
    expect(r.nearest[0]).toBeNull();
    expect(nearby(idx, 106.5, 29.5, 'health', [300, 600, 900], 60, Infinity).within.map((w) => w.facility.id)).toEqual(['fb']);
  });

  it('share links: hash round trip; bad values fall back to defaults', () => {
    const s = { service: 'health' as const, lang: 'en' as const, place: { kind: 'point' as const, lon: 106.5612346, lat: 29.55 } };
    expect(formatHash(s)).toBe('#s=health&p=106.561235%2C29.550000&lang=en');
    expect(parseHash(formatHash(s))).toEqual({ ...s, place: { kind: 'point', lon: 106.561235, lat: 29.55 } });
    expect(parseHash('#f=fabc')).toEqual({ service: 'all', lang: 'zh', place: { kind: 'facility', id: 'fabc' } });
    expect(parseHash('#s=<script>&p=999,1&lang=xx')).toEqual({ service: 'all', lang: 'zh', place: null });
  });

  it('search: every word must match, names starting with the query first', () => {
    const hit = (label: string): SearchHit => ({ kind: 'community', id: label, label, detail: '', lon: 0, lat: 0 });
    const hits = [hit('大坪正街社区'), hit('正街社区'), hit('七星岗街道')];
    expect(search(hits, '正街').map((h) => h.label)).toEqual(['正街社区', '大坪正街社区']);
    expect(search(hits, '大坪 社区').map((h) => h.label)).toEqual(['大坪正街社区']);
    expect(search(hits, '  ')).toEqual([]);
  });
});

describe('the public site never injects data as HTML', () => {
  it('src/public builds the page with text nodes only (no innerHTML, outerHTML, insertAdjacentHTML, setHTML, document.write)', () => {
    for (const name of readdirSync(join(ROOT, 'src/public')).filter((n) => n.endsWith('.ts'))) {
      const src = readFileSync(join(ROOT, 'src/public', name), 'utf8');
      expect(src, name).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|setHTML|document\.write/);
    }
  });
});

describe('npm run cli -- publish: bad arguments exit 2', () => {
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/cli.ts'), 'publish', ...args], { cwd: ROOT, encoding: 'utf8' });

  it('names a bad mode, a missing blueprint file and a folder that is not a site', () => {
    const work = mkdtempSync(join(tmpdir(), 'yl-pub-cli-'));
    let r = cli('--data', join(FIXTURES, 'tiny'), '--out', join(work, 's'), '--mode', 'matrix');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--mode');
    r = cli('--data', join(FIXTURES, 'tiny'), '--out', join(work, 's'), '--blueprint', join(work, 'nope.geojson'));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('缺少必需文件');
    expect(r.stderr).toContain('nope.geojson');
    mkdirSync(join(work, 'mine'));
    writeFileSync(join(work, 'mine', 'thesis.docx'), 'x');
    r = cli('--data', join(FIXTURES, 'tiny'), '--out', join(work, 'mine'));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('not a published site');
  });
});

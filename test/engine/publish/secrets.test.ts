/**
 * A published site holds public data only (issue 11, docs/PUBLISHING.md). A copy of the tiny
 * network package gets a planted secret in every internal field; the site built from it by the
 * CLI's runPublish is searched byte by byte for each secret, and must hold none of them, while
 * the public values (computed by hand below) are there.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellToLatLng, cellToParent, gridDisk, latLngToCell } from 'h3-js';
import { runPublish } from '../../../scripts/commands/publish';
import type { PublicCommunity, PublicDemandCell, PublicFacility, PublicPlannedSite, PublicSiteMeta } from '../../../src/engine/publish/index';

const FIXTURE = join(import.meta.dirname, '../../fixtures/tiny-network');
const PKG_FOLDER = 'SECRET-PKG-FOLDER-q7zk';

/** Every secret planted in the package, with where it went. Strings searched in every file of SITE. */
const SECRETS = {
  folder: PKG_FOLDER,
  manifestName: 'SECRET-MANIFEST-NAME-x1',
  manifestExtra: 'SECRET-MANIFEST-CONTACT',
  communityNote: 'SECRET-COMMUNITY-NOTE',
  population: '987651', // communities' population, elderly, children are not published
  elderly: '876541',
  children: '765431',
  buildingId: 'SECRETBLDG',
  buildingOwner: 'SECRET-OWNER-WANG',
  buildingNote: 'SECRET-BUILDING-NOTE',
  facilityId: 'SECRET-FID',
  facilityNote: 'SECRET-FACILITY-NOTE',
  plannedFacilityName: 'SECRET-PLANNED-FACILITY-NAME',
  plannedFacilityOperator: 'SECRET-PLANNED-OPERATOR',
  candidateId: 'SECRET-CID',
  candidateName: 'SECRET-CAND-NAME',
  candidateNote: 'SECRET-CAND-NOTE',
  candidateCost: '123457',
  rejectedBuilding: 'SECRET-REJECTED-BLDG',
  rejectedFacility: 'SECRET-REJECTED-FACILITY',
  rejectedCandidate: 'SECRET-REJECTED-CAND',
  roadName: 'SECRET-ROAD-NAME',
  roadElevation: '777.7',
  blueprintFolder: 'SECRET-BLUEPRINT-DIR',
  blueprintWhy: 'SECRET-BLUEPRINT-WHY',
  blueprintCost: '654329',
};
/** Values of closed lists (ownership, source): they may be words of the bundle's code, so the data files alone are searched for them. */
const DATA_ONLY_SECRETS = ['idle_state_property', 'commercial_vacancy', 'collective', 'ownership', 'cost_wan', 'buildings', 'candidate'];

let work: string;
let site: string;
/** Two res-9 cells with one res-8 parent, for the merge rule. */
let p3: [number, number];
let p4: [number, number];

function csv(rows: (string | number)[][]): string {
  return rows.map((r) => r.join(',')).join('\n') + '\n';
}

function writePackage(dir: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({ name: SECRETS.manifestName, crs: 'WGS84', synthetic: true, contact: SECRETS.manifestExtra, date: '2024-11-25' }),
  );
  const communities = JSON.parse(readFileSync(join(FIXTURE, 'communities.geojson'), 'utf8'));
  for (const f of communities.features) {
    f.properties.note = SECRETS.communityNote;
    f.properties.population = Number(SECRETS.population);
    f.properties.elderly = Number(SECRETS.elderly);
    f.properties.children = Number(SECRETS.children);
  }
  writeFileSync(join(dir, 'communities.geojson'), JSON.stringify(communities));
  // p3 in 丙社区; p4 the centre of a neighbouring res-9 cell with the same res-8 parent
  const c3 = latLngToCell(29.546, 106.503, 9);
  const c4 = gridDisk(c3, 1).find((c) => c !== c3 && cellToParent(c, 8) === cellToParent(c3, 8))!;
  p3 = [106.503, 29.546];
  const [lat4, lon4] = cellToLatLng(c4);
  p4 = [lon4, lat4];
  const b = (k: number) => `${SECRETS.buildingId}-${k}`;
  writeFileSync(
    join(dir, 'buildings.csv'),
    csv([
      ['id', 'lon', 'lat', 'households', 'community_id', 'owner', 'note'],
      [b(1), 106.505, 29.555, 10, '', SECRETS.buildingOwner, SECRETS.buildingNote],
      [b(11), 106.505, 29.555, 15, '', SECRETS.buildingOwner, SECRETS.buildingNote],
      [b(2), 106.5085, 29.5585, 5, '', SECRETS.buildingOwner, ''],
      [b(3), 106.515, 29.555, 20, '', '', ''],
      [b(4), 106.532, 29.552, 30, '', '', ''],
      [b(5), p3[0], p3[1], 8, '', '', ''],
      [b(51), p4[0].toFixed(7), p4[1].toFixed(7), 14, '', '', ''],
      [b(6), 106.6, 29.6, 7, '', '', ''],
      [b(7), 106.506, 29.545, 0, '', '', ''],
      [SECRETS.rejectedBuilding, 106.5, 29.55, -5, '', SECRETS.buildingOwner, ''],
    ]),
  );
  const fid = (k: number) => `${SECRETS.facilityId}-${k}`;
  writeFileSync(
    join(dir, 'facilities.csv'),
    csv([
      ['id', 'name', 'lon', 'lat', 'area_m2', 'services', 'community_id', 'level', 'operator', 'status', 'accessibility', 'address', 'phone', 'hours', 'note'],
      [
        fid(1),
        '甲社区养老服务站',
        106.505,
        29.5555,
        400,
        'elderly_care;meals',
        '',
        'community',
        '甲街道社工站',
        'open',
        'ramp;无障碍卫生间;teleporter',
        '渝中区测试路1号',
        '023-12345678',
        '周一至周日 8:00-20:00',
        SECRETS.facilityNote,
      ],
      [
        fid(2),
        '乙社区服务综合体',
        106.515,
        29.5552,
        700,
        'childcare;after_school;health;culture',
        '',
        'community',
        '',
        'open',
        '',
        '',
        '',
        '',
        SECRETS.facilityNote,
      ],
      [
        fid(3),
        SECRETS.plannedFacilityName,
        106.532,
        29.552,
        1000,
        'elderly_care',
        '',
        'street',
        SECRETS.plannedFacilityOperator,
        'planned',
        '',
        '',
        '',
        '',
        '',
      ],
      [fid(4), '甲社区健身点', 106.515, 29.555, 100, 'fitness', 'A', 'compound', '', '', '', '', '', '', ''],
      [fid(5), SECRETS.rejectedFacility, 106.5, 29.55, 10, 'teleport', '', '', '', '', '', '', '', '', ''],
    ]),
  );
  const cid = (k: number) => `${SECRETS.candidateId}-${k}`;
  writeFileSync(
    join(dir, 'candidates.csv'),
    csv([
      ['id', 'name', 'lon', 'lat', 'area_m2', 'source', 'ownership', 'cost_wan', 'community_id', 'note'],
      [
        cid(1),
        `${SECRETS.candidateName}-1`,
        106.532,
        29.5525,
        900,
        'idle_state_property',
        'state',
        `${SECRETS.candidateCost}.5`,
        '',
        `${SECRETS.candidateNote}-1`,
      ],
      [cid(2), `${SECRETS.candidateName}-2`, 106.5055, 29.5545, 200, 'commercial_vacancy', 'collective', 80, '', `${SECRETS.candidateNote}-2`],
      [cid(3), SECRETS.rejectedCandidate, 106.5055, 29.5545, 200, 'nowhere', 'private', 80, '', ''],
    ]),
  );
  const roads = JSON.parse(readFileSync(join(FIXTURE, 'roads.geojson'), 'utf8'));
  for (const f of roads.features) {
    f.properties.name = SECRETS.roadName;
    for (const p of f.geometry.coordinates) p[2] = Number(SECRETS.roadElevation);
  }
  writeFileSync(join(dir, 'roads.geojson'), JSON.stringify(roads));
}

function writeBlueprint(file: string): void {
  mkdirSync(join(file, '..'), { recursive: true });
  const site = (id: string, approved: boolean, extra: Record<string, unknown>) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [106.532, 29.5525] },
    properties: {
      id,
      candidateId: id,
      name: `${SECRETS.candidateName}-x`,
      source: 'idle_state_property',
      ownership: 'state',
      costWan: Number(SECRETS.blueprintCost),
      whySource: { zh: SECRETS.blueprintWhy, en: SECRETS.blueprintWhy },
      services: ['elderly_care', 'meals', 'play'],
      level: 'complex',
      ...(approved ? { approved: true } : {}),
      ...extra,
    },
  });
  const fc = {
    type: 'FeatureCollection',
    features: [site(`${SECRETS.candidateId}-1`, true, { public_name: '乙社区嵌入式服务综合体' }), site(`${SECRETS.candidateId}-2`, false, {})],
  };
  writeFileSync(file, JSON.stringify(fc));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? filesUnder(join(dir, n)) : [join(dir, n)]));
}

const readJson = <T>(name: string): T => JSON.parse(readFileSync(join(site, name), 'utf8')) as T;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'yl-publish-'));
  const pkg = join(work, PKG_FOLDER);
  writePackage(pkg);
  const blueprint = join(work, SECRETS.blueprintFolder, 'blueprint.geojson');
  writeBlueprint(blueprint);
  site = join(work, 'site');
  await runPublish(['--data', pkg, '--out', site, '--mode', 'network', '--blueprint', blueprint, '--title', '测试区社区服务地图']);
}, 180_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a published site holds no secret', () => {
  it('has the site files: index.html, assets, data, sw.js', () => {
    const names = filesUnder(site).map((f) => relative(site, f).split('\\').join('/'));
    expect(names).toContain('index.html');
    expect(names).toContain('sw.js');
    expect(names.filter((n) => n.startsWith('data/')).sort()).toEqual([
      'data/communities.json',
      'data/demand.json',
      'data/facilities.json',
      'data/network.json',
      'data/planned.json',
      'data/site.json',
    ]);
    expect(names.some((n) => /^assets\/.+\.js$/.test(n))).toBe(true);
    expect(names.filter((n) => !/^(index\.html|sw\.js|data\/[a-z]+\.json|assets\/[\w.-]+\.(js|mjs|css))$/.test(n))).toEqual([]);
  });

  it('no file holds any planted secret, in any byte', () => {
    const files = filesUnder(site);
    for (const f of files) {
      const bytes = readFileSync(f);
      for (const [what, secret] of Object.entries(SECRETS)) {
        // UTF-8 bytes, and the same text as JSON would escape it
        expect(bytes.includes(Buffer.from(secret, 'utf8')), `${what} in ${relative(site, f)}`).toBe(false);
        expect(bytes.includes(Buffer.from(secret.toLowerCase(), 'utf8')), `${what} (lower case) in ${relative(site, f)}`).toBe(false);
      }
      expect(bytes.includes(Buffer.from(work, 'utf8')), `the work path in ${relative(site, f)}`).toBe(false);
    }
  });

  it('the data files hold no closed-list value of internal fields (ownership, source) nor their names', () => {
    for (const f of filesUnder(join(site, 'data'))) {
      const text = readFileSync(f, 'utf8');
      for (const s of DATA_ONLY_SECRETS) expect(text.includes(s), `${s} in ${relative(site, f)}`).toBe(false);
    }
  });

  it('its code holds none of the planner tools (not in the bundle, rather than hidden)', () => {
    // words of the planner's blueprint, scenario and data panels (src/ui) and libraries only they use
    const planner = ['一张蓝图', '方案推演', '数据检查', '打开数据文件夹', 'comlink', 'zustand', 'papaparse', 'highs.wasm', 'react-dom'];
    for (const f of filesUnder(join(site, 'assets'))) {
      const text = readFileSync(f, 'utf8');
      for (const w of planner) expect(text.includes(w), `${w} in ${relative(site, f)}`).toBe(false);
    }
  });

  it('holds the public values, computed by hand', () => {
    const meta = readJson<PublicSiteMeta>('data/site.json');
    expect(meta.title).toBe('测试区社区服务地图');
    expect(meta.mode).toBe('network');
    expect(meta.synthetic).toBe(true);
    expect(meta.dataDate).toBe('2024-11-25');
    expect(meta.policy.areaPer100Households).toEqual({ base: 30, enhanced: 80 });
    expect(meta.counts).toEqual({ communities: 3, facilities: 3, planned: 1, demandCells: 4 });

    const communities = readJson<{ features: { properties: PublicCommunity }[] }>('data/communities.json').features.map((f) => f.properties);
    const a = communities.find((c) => c.id === 'A')!;
    const b = communities.find((c) => c.id === 'B')!;
    // exactly the whitelisted keys
    expect(Object.keys(a).sort()).toEqual([
      'areaPer100hh',
      'coverage',
      'district',
      'households',
      'id',
      'meetsArea',
      'meetsBasicRule',
      'meetsComplexRule',
      'name',
      'street',
    ]);
    // 甲社区: open f1 400 m² + f4 100 m² over 1000 households = 50 m² per 100; elderly care, meals, fitness
    expect(a).toMatchObject({
      name: '甲社区',
      street: 'S1街道',
      district: 'D区',
      households: 1000,
      areaPer100hh: 50,
      meetsArea: true,
      meetsBasicRule: true,
      meetsComplexRule: true,
    });
    // its buildings (10 + 15 households at 106.505, 29.555) walk 55.6 m to f1 → elderly care 100 %
    expect(a.coverage[0]).toBe(100);
    // 乙社区: f2 700 m² / 200 households = 350; childcare reaches b3 (20 hh, 22 m), not b4 (30 hh, off the network) → 40 %
    expect(b).toMatchObject({ name: '乙社区', households: 200, areaPer100hh: 350, meetsArea: true });
    expect(b.coverage[1]).toBe(40);
    expect(b.coverage[0]).toBe(0);

    const facilities = readJson<PublicFacility[]>('data/facilities.json');
    expect(facilities.map((f) => f.name).sort()).toEqual(['乙社区服务综合体', '甲社区健身点', '甲社区养老服务站']);
    const f1 = facilities.find((f) => f.name === '甲社区养老服务站')!;
    expect(f1).toEqual({
      id: f1.id,
      name: '甲社区养老服务站',
      services: ['elderly_care', 'meals'],
      level: 'community',
      operator: '甲街道社工站',
      access: ['ramp', 'toilet'],
      address: '渝中区测试路1号',
      phone: '023-12345678',
      hours: '周一至周日 8:00-20:00',
      lon: 106.505,
      lat: 29.5555,
    });
    expect(f1.id).toMatch(/^f[0-9a-z]+$/);

    const planned = readJson<PublicPlannedSite[]>('data/planned.json');
    expect(planned).toEqual([
      { id: planned[0].id, name: '乙社区嵌入式服务综合体', services: ['elderly_care', 'meals', 'play'], level: 'complex', lon: 106.532, lat: 29.5525 },
    ]);

    // demand: 25 hh at P1 → 30; 20 at P2 → 20; 30 at b4 → 30; 8 + 14 = 22 in two small cells → their res-8 parent, 20;
    // 5 (the hole) and 7 (far east) stay under 20 even in their parents → left out
    const demand = readJson<PublicDemandCell[]>('data/demand.json');
    const cell = (lon: number, lat: number, res = 9) => latLngToCell(lat, lon, res);
    expect(demand.map((d) => [d.h3, d.res, d.households])).toEqual([
      [cellToParent(cell(p3[0], p3[1]), 8), 8, 20],
      ...[
        [cell(106.505, 29.555), 9, 30],
        [cell(106.515, 29.555), 9, 20],
        [cell(106.532, 29.552), 9, 30],
      ].sort((x, y) => ((x[0] as string) < (y[0] as string) ? -1 : 1)),
    ]);
    expect(demand.every((d) => d.ring.length === 7)).toBe(true);

    const net = readJson<{ lines: number[][] }>('data/network.json');
    expect(net.lines).toEqual([
      [106.5, 29.555, 106.505, 29.555],
      [106.505, 29.555, 106.51, 29.558, 106.515, 29.555],
      [106.515, 29.555, 106.52, 29.555],
    ]);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { initI18n } from '../../src/i18n';
import {
  analyze,
  createScenarioContext,
  EuclideanProvider,
  evaluateScenario,
  loadPackage,
  resolvePolicy,
  type DataPackage,
  type Scenario,
  type ScenarioSummary,
} from '../../src/engine/index';
import { scenarioEffectTable, scenarioSiteRows, scenarioSitesTable } from '../../src/export/scenarioTables';
import { tableCsv } from '../../src/export/rankingExport';
import { tablesXlsx } from '../../src/export/xlsx';

const DIR = join(import.meta.dirname, '../../data/sample');
const FILES = ['manifest.json', 'communities.geojson', 'buildings.csv', 'facilities.csv', 'candidates.csv'];

// The blueprint (3 candidates of the sample) and an edited scenario: C00001 kept, C00002 with
// another bundle, C00003 dropped, C00005 and a map point added, F00003 closed, F00010 moved.
const BLUEPRINT: Scenario = {
  added: [
    { id: 'C00001', candidateId: 'C00001', services: ['elderly_care', 'meals'], areaM2: 270 },
    { id: 'C00002', candidateId: 'C00002', services: ['childcare'], areaM2: 90 },
    { id: 'C00003', candidateId: 'C00003', services: ['elderly_care'], areaM2: 800 },
  ],
  removed: [],
  moved: [],
};
const SCENARIO: Scenario = {
  added: [
    { id: 'C00001', candidateId: 'C00001', services: ['meals', 'elderly_care'], areaM2: 270 },
    { id: 'C00002', candidateId: 'C00002', services: ['childcare', 'play'], areaM2: 90 },
    { id: 'C00005', candidateId: 'C00005', services: ['elderly_care', 'health'], areaM2: 1000 },
    { id: 'new-1', lon: 106.56, lat: 29.56, services: ['fitness'], areaM2: 300, name: '=新点位 1' },
  ],
  removed: ['F00003'],
  moved: [{ facilityId: 'F00010', lon: 106.5725, lat: 29.56 }],
};

let pkg: DataPackage;
let summary: ScenarioSummary;

beforeAll(() => {
  initI18n('zh');
  const files: Record<string, Uint8Array> = {};
  for (const f of FILES) files[f] = new Uint8Array(readFileSync(join(DIR, f)));
  pkg = loadPackage(files);
  const analysis = analyze(pkg, { mode: 'euclidean', policy: resolvePolicy(pkg) });
  summary = evaluateScenario(createScenarioContext(pkg, analysis, new EuclideanProvider(pkg.buildings)), SCENARIO).summary;
});

describe('an edited scenario as a table, without the solver (issue 9 item 17)', () => {
  it('one row per site, compared with the blueprint (values from candidates.csv and facilities.csv)', () => {
    const rows = scenarioSiteRows(SCENARIO, BLUEPRINT, pkg);
    expect(rows.map((r) => [r.id, r.change])).toEqual([
      ['C00001', 'unchanged'], // same bundle in another order
      ['C00002', 'edited'],
      ['C00005', 'added'],
      ['new-1', 'added'],
      ['C00003', 'dropped'],
      ['F00003', 'closed'],
      ['F00010', 'moved'],
    ]);
    const t = scenarioSitesTable(rows, 'zh');
    expect(t.name).toBe('方案点位');
    expect(t.header).toEqual(['编号', '名称', '类型', '功能配置', '建筑面积 (m²)', '估算投资 (万元)', '经度', '纬度', '与蓝图相比']);
    expect(t.rows).toEqual([
      ['C00001', '新华路125号国有闲置门面', '国有闲置房产', '社区助餐、养老服务', 270, 57.3, 106.576078, 29.56394, '蓝图点位（未改动）'],
      ['C00002', '棉花街公租房底层空置用房', '空置公租房', '托育服务、儿童游憩', 90, 14.6, 106.584286, 29.561523, '蓝图点位（已修改）'],
      ['C00005', '原重庆捍卫路机械厂老厂房', '老旧厂区', '养老服务、健康服务', 1000, 716.2, 106.551204, 29.563087, '新增'],
      ['new-1', '=新点位 1', '地图上新增点位', '体育健身', 300, null, 106.56, 29.56, '新增'],
      ['C00003', '原渝中区档案馆闲置办公楼', '闲置办公用房', '养老服务', 800, 174.1, 106.502572, 29.558463, '从蓝图中删去'],
      ['F00003', '兴隆街社区养老服务站', '现有设施', '养老服务、社区助餐', 192, null, 106.564498, 29.562131, '关闭现有设施'],
      ['F00010', '莲花池社区四点半课堂', '现有设施', '儿童托管', 67, null, 106.5725, 29.56, '迁移现有设施'],
    ]);
  });

  it('English headers, labels and service names; without a blueprint every site is "added"', () => {
    const t = scenarioSitesTable(scenarioSiteRows(SCENARIO, null, pkg), 'en');
    expect(t.name).toBe('Scenario sites');
    expect(t.header[0]).toBe('Id');
    expect(t.header[8]).toBe('Compared with the blueprint');
    expect(t.rows[1]).toEqual([
      'C00002',
      '棉花街公租房底层空置用房',
      'Vacant public rental housing',
      "Childcare (0-3), Children's play",
      90,
      14.6,
      106.584286,
      29.561523,
      'Added',
    ]);
    expect(t.rows.map((r) => r[8])).toEqual(['Added', 'Added', 'Added', 'Added', 'Existing facility closed', 'Existing facility moved']);
  });

  it('CSV: BOM, headers in the language, formula-like names guarded', () => {
    const csv = tableCsv(scenarioSitesTable(scenarioSiteRows(SCENARIO, BLUEPRINT, pkg), 'zh'));
    const lines = csv.slice(1).split('\r\n');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(lines[0]).toBe('编号,名称,类型,功能配置,建筑面积 (m²),估算投资 (万元),经度,纬度,与蓝图相比');
    expect(lines[4]).toBe("new-1,'=新点位 1,地图上新增点位,体育健身,300,,106.56,29.56,新增");
  });

  it('the effect table is what the dock shows: coverage before/after per service, rules, shortfalls', () => {
    const t = scenarioEffectTable(summary, 'zh');
    expect(t.name).toBe('方案效果');
    expect(t.header).toEqual(['指标', '实施前', '实施后', '变化']);
    expect(t.rows).toHaveLength(9 + 9 + 5);
    const pct = (v: number | null) => Math.round(v! * 1000) / 10;
    // 养老服务: C00005 adds elderly care, F00003 (elderly care + meals) closes
    expect(t.rows[0]).toEqual([
      '养老服务步行覆盖率 (%)',
      pct(summary.before.coverage[0]),
      pct(summary.after.coverage[0]),
      Math.round((pct(summary.after.coverage[0]) - pct(summary.before.coverage[0])) * 10) / 10,
    ]);
    expect(t.rows[9]).toEqual([
      '养老服务覆盖户数',
      summary.coveredHouseholds[0].before,
      summary.coveredHouseholds[0].after,
      summary.coveredHouseholds[0].delta,
    ]);
    expect(t.rows[18][0]).toBe('每百户 30 m² 达标社区');
    expect(t.rows[18].slice(1)).toEqual([summary.meetingArea.before, summary.meetingArea.after, summary.meetingArea.delta]);
    // the sample's whole-package coverage before the edits: elderly care 213,950 households in all
    expect(summary.before.households).toBe(pkg.buildings.households.reduce((a, b) => a + b, 0));
    // fitness: the new point adds coverage, nothing offering fitness closes
    expect(summary.coveredHouseholds[6].delta).toBeGreaterThan(0);
    expect(t.rows[15][3]).toBe(summary.coveredHouseholds[6].delta);
    const en = scenarioEffectTable(summary, 'en');
    expect(en.header).toEqual(['Measure', 'Before', 'After', 'Change']);
    expect(en.rows[0][0]).toBe('Elderly care walking coverage (%)');
  });

  it('XLSX: two sheets named in the language, the same cells', async () => {
    const rows = scenarioSiteRows(SCENARIO, BLUEPRINT, pkg);
    const bytes = await tablesXlsx([scenarioSitesTable(rows, 'en'), scenarioEffectTable(summary, 'en')], 'en');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Scenario sites', 'Scenario effect']);
    expect(wb.worksheets[0].getRow(1).values).toEqual([
      undefined,
      'Id',
      'Name',
      'Type',
      'Bundle',
      'Floor area (m²)',
      'Estimated cost (10k yuan)',
      'Longitude',
      'Latitude',
      'Compared with the blueprint',
    ]);
    expect(wb.worksheets[0].getCell('B5').value).toBe('=新点位 1'); // text, not a formula
    expect(wb.worksheets[0].getCell('F4').value).toBe(716.2);
    expect(wb.worksheets[1].rowCount).toBe(24);
  });
});

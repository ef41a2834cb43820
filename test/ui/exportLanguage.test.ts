import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { initI18n, tFor } from '../../src/i18n';
import {
  analyze,
  blueprint,
  createScenarioContext,
  EuclideanProvider,
  loadPackage,
  rejectedCsv,
  resolvePolicy,
  type BlueprintResult,
  type Rejection,
} from '../../src/engine/index';
import { datedName } from '../../src/export/fileName';
import { communitiesTable, sitesTable } from '../../src/export/blueprintTables';
import { tablesXlsx } from '../../src/export/xlsx';
import { rejectedCsvIn } from '../../src/ui/data/downloadRejected';

let RESULT: BlueprintResult;

// A one-site blueprint of the tiny fixture.
beforeAll(async () => {
  initI18n('zh');
  const dir = join(import.meta.dirname, '../fixtures/tiny');
  const files: Record<string, Uint8Array> = {};
  for (const f of readdirSync(dir)) if (statSync(join(dir, f)).isFile()) files[f] = new Uint8Array(readFileSync(join(dir, f)));
  const pkg = loadPackage(files);
  const analysis = analyze(pkg, { mode: 'euclidean', policy: resolvePolicy(pkg) });
  RESULT = await blueprint(createScenarioContext(pkg, analysis, new EuclideanProvider(pkg.buildings)), { maxSites: 1, timeLimitS: 10 });
}, 120_000);

const REJECTED: Rejection[] = [
  { file: 'buildings.csv', row: 9, id: '=cmd', field: 'households', code: 'R_NOT_NUMBER', reason: 'households 不是数字 / not a number' },
  { file: 'facilities.csv', row: 3, id: 'F1', field: 'services', code: 'R_EMPTY', reason: '未知服务 / unknown service' },
];

describe('exports in the UI language (issue 9)', () => {
  it('file names: the base name in the language, then the local date', () => {
    const d = new Date(2026, 10, 30);
    expect(datedName(tFor('zh')('report:file.map'), 'png', d)).toBe('渝邻图_地图_2026-11-30.png');
    expect(datedName(tFor('en')('report:file.map'), 'png', d)).toBe('Yulintu_map_2026-11-30.png');
    expect(datedName(tFor('en')('report:file.blueprint', { scope: 'All communities' }), 'xlsx', d)).toBe('Blueprint_All communities_2026-11-30.xlsx');
    expect(datedName(tFor('zh')('dataCheck:rejectedFile'), 'csv', d)).toBe('渝邻图_被剔除的行_2026-11-30.csv');
    expect(datedName(tFor('en')('dataCheck:rejectedFile'), 'csv', d)).toBe('Yulintu_rejected_rows_2026-11-30.csv');
  });

  it("rejected rows: the header in the language, every other line the command line's", () => {
    const cli = rejectedCsv(REJECTED).split('\r\n');
    for (const [lang, header] of [
      ['zh', '\ufeff文件,行号,id,字段,原因'],
      ['en', '\ufeffFile,Row,id,Field,Reason'],
    ] as const) {
      const lines = rejectedCsvIn(REJECTED, lang).split('\r\n');
      expect(lines[0]).toBe(header);
      expect(lines.slice(1)).toEqual(cli.slice(1));
      expect(lines[1]).toBe("buildings.csv,9,'=cmd,households,households 不是数字 / not a number"); // still guarded
    }
    expect(rejectedCsvIn([], 'en')).toBe('\ufeffFile,Row,id,Field,Reason\r\n');
  });

  it('blueprint workbook: sheet names, headers, levels and services in the language', async () => {
    const labels = { source: (c: string) => tFor('en')(`source.${c}` as 'source.other'), ownership: (c: string) => c };
    const en = [sitesTable(RESULT, labels, 'en'), communitiesTable(RESULT, 'en')];
    expect(en.map((t) => t.name)).toEqual(['Sites', 'Communities']);
    expect(en[0].header.slice(0, 3)).toEqual(['Candidate id', 'Name', 'Source']);
    expect(en[1].header.slice(0, 2)).toEqual(['Community id', 'Community']);
    const zh = [sitesTable(RESULT, labels, 'zh'), communitiesTable(RESULT, 'zh')];
    expect(zh.map((t) => t.name)).toEqual(['点位表', '社区表']);
    expect(zh[0].header.slice(0, 3)).toEqual(['候选点编号', '名称', '来源类型']);
    const lvl = en[0].header.indexOf('Level');
    const svc = en[0].header.indexOf('Bundle');
    expect(['Complex', 'Enhanced complex', 'Scattered']).toContain(en[0].rows[0][lvl]);
    expect(String(en[0].rows[0][svc])).not.toMatch(/[\u4e00-\u9fff]/);
    expect(['综合体', '增强型综合体', '插花式']).toContain(zh[0].rows[0][lvl]);
    const bytes = await tablesXlsx(en, 'en');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Sites', 'Communities']);
    expect(wb.worksheets[0].getCell('A1').value).toBe('Candidate id');
    expect(wb.creator).toBe(tFor('en')('app.title'));
  });
});

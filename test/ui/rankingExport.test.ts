import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { initI18n } from '../../src/i18n';
import { analyze, loadPackage, resolvePolicy, type Analysis } from '../../src/engine/index';
import { rankingTable, tableCsv } from '../../src/export/rankingExport';
import { tablesXlsx } from '../../src/export/xlsx';

const DIR = join(import.meta.dirname, '../fixtures/tiny');
let analysis: Analysis;

beforeAll(() => {
  initI18n('zh');
  const files: Record<string, Uint8Array> = {};
  for (const f of readdirSync(DIR)) if (statSync(join(DIR, f)).isFile()) files[f] = new Uint8Array(readFileSync(join(DIR, f)));
  const pkg = loadPackage(files);
  analysis = analyze(pkg, { mode: 'euclidean', policy: resolvePolicy(pkg) });
});

// The tiny fixture's hand-computed values (test/fixtures/tiny/expected/communities.csv), coverage in percent.
const A = ['A', '甲社区', 'S1街道', 'D区', 1000, 50, 0, 300, 100, 0, 0, 100, 0, 100, 0, 100, 0, '养老服务、社区助餐、体育健身'];
const B = ['B', '乙社区', 'S1街道', 'D区', 200, 350, 0, 0, 0, 40, 40, 0, 0, 40, 40, 40, 0, '托育服务、儿童托管、健康服务、文化休闲'];
const C = ['C', '丙社区', 'S2街道', 'D区', 0, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, ''];

describe('community analysis / ranking export without the solver (issue 9 item 17)', () => {
  it('exact cells of the tiny fixture, coverage in percent', () => {
    const t = rankingTable(analysis.communities, 'zh');
    expect(t.header.slice(0, 9)).toEqual(['排名', '社区代码', '社区', '街道', '区县', '统计户数', '每百户 m²', '30 m² 缺口 (m²)', '80 m² 缺口 (m²)']);
    expect(t.header[9]).toBe('养老服务覆盖率 (%)');
    expect(t.header).toHaveLength(19);
    const byId = new Map(t.rows.map((r) => [r[1], r]));
    expect(byId.get('A')!.slice(1)).toEqual(A);
    expect(byId.get('B')!.slice(1)).toEqual(B);
    expect(byId.get('C')!.slice(1)).toEqual(C);
    expect(t.rows.map((r) => r[0]).sort()).toEqual(analysis.communities.map((c) => c.needRank).sort());
  });

  it('CSV: BOM, CRLF, one line per community in the order given, formula-like text guarded', () => {
    const order = [...analysis.communities].sort((a, b) => a.needRank - b.needRank);
    const csv = tableCsv(rankingTable(order, 'zh'));
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(order.length + 2); // header, rows, trailing empty
    const a = order.find((c) => c.id === 'A')!;
    expect(lines).toContain(`${a.needRank},A,甲社区,S1街道,D区,1000,50,0,300,100,0,0,100,0,100,0,100,0,养老服务、社区助餐、体育健身`);
    const c = order.find((x) => x.id === 'C')!;
    expect(lines).toContain(`${c.needRank},C,丙社区,S2街道,D区,0,,0,0,0,0,0,0,0,0,0,0,0,`);
    const hostile = tableCsv(rankingTable([{ ...a, name: '=HYPERLINK("x")' }], 'zh'));
    expect(hostile).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('English headers and service names when the UI is English', () => {
    const t = rankingTable(analysis.communities, 'en');
    expect(t.header.slice(0, 6)).toEqual(['Rank', 'Community id', 'Community', 'Street', 'District', 'Households (official count)']);
    expect(t.header[9]).toBe('Elderly care coverage (%)');
    expect(t.rows.find((r) => r[1] === 'A')![18]).toBe('Elderly care; Community meals; Fitness');
  });

  it('XLSX reads back with the same cells', async () => {
    const t = rankingTable(analysis.communities, 'zh');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await tablesXlsx([t])).buffer as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('社区需求排名');
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(t.header);
    t.rows.forEach((row, r) => {
      const got = (ws.getRow(r + 2).values as unknown[]).slice(1);
      row.forEach((v, k) => expect(got[k] ?? null).toEqual(v));
    });
  });
});

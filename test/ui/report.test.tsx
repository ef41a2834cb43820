// @vitest-environment jsdom
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../../src/i18n';
import { analyze, blueprint, createScenarioContext, EuclideanProvider, loadPackage, resolvePolicy, type BlueprintResult } from '../../src/engine/index';
import { reportHtml, printableWidthMm } from '../../src/export/reportHtml';
import { percent, reportCommunitiesTable, reportSitesTable } from '../../src/export/reportTables';

const DIR = join(import.meta.dirname, '../fixtures/tiny');
const labels = { source: (c: string) => c, ownership: (c: string) => c };
let result: BlueprintResult;

beforeAll(async () => {
  initI18n('zh');
  const files: Record<string, Uint8Array> = {};
  for (const f of readdirSync(DIR)) if (statSync(join(DIR, f)).isFile()) files[f] = new Uint8Array(readFileSync(join(DIR, f)));
  const pkg = loadPackage(files);
  const analysis = analyze(pkg, { mode: 'euclidean', policy: resolvePolicy(pkg) });
  const ctx = createScenarioContext(pkg, analysis, new EuclideanProvider(pkg.buildings));
  result = await blueprint(ctx, { maxSites: 1, timeLimitS: 10 });
}, 120_000);

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const base = () => ({ result, title: 'T', scopeLabel: 'S', packageName: 'P', date: new Date(2025, 0, 2), synthetic: true, mapImage: null });

describe('the printable report fits paper (issue 9 item 17)', () => {
  it('percentages with one decimal, never a raw share', () => {
    expect(percent(0.0261)).toBe('2.6%');
    expect(percent(1)).toBe('100.0%');
    expect(percent(0)).toBe('0.0%');
    expect(percent(null)).toBe('—');
    expect(percent(Number.NaN)).toBe('—');
  });

  it('communities: nine columns (name, households, area/100 hh, shortfall, 一老一小 coverage %, new sites) with the result’s values', () => {
    const t = reportCommunitiesTable(result, 'zh');
    expect(t.header).toEqual([
      '社区',
      '户数',
      '每百户面积 (m²，后)',
      '30 m² 缺口 (m²，后)',
      '养老服务覆盖率',
      '托育服务覆盖率',
      '儿童托管覆盖率',
      '社区助餐覆盖率',
      '新增点位',
    ]);
    expect(t.rows).toHaveLength(result.communities.length);
    expect(result.communities.length).toBeGreaterThan(0);
    result.communities.forEach((c, i) => {
      const row = t.rows[i];
      expect(row[0]).toBe(c.name);
      expect(row[1]).toBe(c.households);
      expect(row[2]).toBe(c.households > 0 ? Math.round((c.after.facilityAreaM2 / c.households) * 1000) / 10 : null);
      expect(row[3]).toBe(Math.round(c.after.shortfallBaseM2));
      // coverage of elderly care, childcare, after-school, meals: SERVICES indices 0…3
      for (let k = 0; k < 4; k++) expect(row[4 + k]).toBe(`${(c.after.coverage[k]! * 100).toFixed(1)}%`);
      expect(row[8]).toBe(c.newSites.join('、'));
    });
  });

  it('sites: six columns for paper, rounded', () => {
    const t = reportSitesTable(result, labels, 'zh');
    expect(t.header).toEqual(['名称', '所在社区', '类型', '建筑面积(m²)', '估算投资(万元)', '功能配置']);
    expect(t.rows).toHaveLength(result.sites.length);
    expect(t.rows[0][0]).toBe(result.sites[0].name);
    expect(t.rows[0][3]).toBe(Math.round(result.sites[0].areaM2 * 10) / 10);
  });

  it('A4/A3 × portrait/landscape set the CSS @page size and the page width', () => {
    expect(printableWidthMm('A4', 'portrait')).toBe(186);
    expect(printableWidthMm('A4', 'landscape')).toBe(273);
    expect(printableWidthMm('A3', 'portrait')).toBe(273);
    expect(printableWidthMm('A3', 'landscape')).toBe(396);
    for (const [paper, orientation, mm] of [
      ['A4', 'portrait', 186],
      ['A4', 'landscape', 273],
      ['A3', 'portrait', 273],
      ['A3', 'landscape', 396],
    ] as const) {
      const html = reportHtml({ ...base(), tables: [], paper, orientation });
      expect(html).toContain(`@page { size: ${paper} ${orientation}; margin: 14mm 12mm; }`);
      expect(html).toContain(`max-width: ${mm}mm;`);
    }
    expect(reportHtml({ ...base(), tables: [] })).toContain('@page { size: A4 portrait;');
  });

  it('the report’s communities table has no raw shares and at most nine columns', () => {
    const doc = parse(reportHtml({ ...base(), tables: [reportSitesTable(result, labels), reportCommunitiesTable(result)] }));
    const tables = [...doc.querySelectorAll('table')];
    const comm = tables[tables.length - 1];
    expect(comm.querySelectorAll('thead th')).toHaveLength(9);
    const cells = [...comm.querySelectorAll('tbody td')].map((td) => td.textContent ?? '');
    expect(cells.some((c) => /^0\.\d{3,}$/.test(c))).toBe(false);
    expect(cells.filter((c) => /^\d+\.\d%$/.test(c)).length).toBe(4 * result.communities.length);
  });

  it('English when the UI is English: lang, title, headers and service names', () => {
    const html = reportHtml({
      ...base(),
      title: 'Blueprint',
      lang: 'en',
      tables: [reportSitesTable(result, labels, 'en'), reportCommunitiesTable(result, 'en')],
    });
    const doc = parse(html);
    expect(doc.documentElement.lang).toBe('en');
    expect(doc.querySelector('.print')!.textContent).toBe('Print / save as PDF');
    expect(doc.querySelector('.synthetic')!.textContent).toMatch(/^Sample data: synthetic geometry/);
    expect(doc.querySelector('.meta')!.textContent).toBe('Package: P\u2003Scope: S\u2003Date: 2025-01-02');
    const heads = [...doc.querySelectorAll('th, h2, .bars span:nth-child(3n+1)')].map((e) => e.textContent ?? '');
    expect(heads.filter((h) => /[\u4e00-\u9fff]/.test(h))).toEqual([]);
    const tables = [...doc.querySelectorAll('table')];
    expect([...tables[tables.length - 1].querySelectorAll('thead th')].map((th) => th.textContent)).toEqual([
      'Community',
      'Households',
      'm² per 100 hh (after)',
      'Shortfall at 30 m² (m², after)',
      'Elderly care coverage',
      'Childcare (0-3) coverage',
      'After-school care coverage',
      'Community meals coverage',
      'New sites',
    ]);
  });
});

// @vitest-environment jsdom
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import ExcelJS from 'exceljs';
import { initI18n } from '../../src/i18n';
import {
  analyze,
  blueprint,
  blueprintGeoJson,
  blueprintSitesCsv,
  communitiesBeforeAfterCsv,
  createScenarioContext,
  EuclideanProvider,
  evaluateScenario,
  loadPackage,
  resolvePolicy,
  SERVICES,
  type Analysis,
  type BlueprintResult,
  type DataPackage,
} from '../../src/engine/index';
import { mapDataFor } from '../helpers/mapDataFor';
import { BlueprintSession, defaultBundle } from '../../src/worker/blueprintCore';
import { useApp } from '../../src/state/appStore';
import { setBpEngine } from '../../src/client/bpEngine';
import { useBlueprint, EMPTY_SCENARIO } from '../../src/state/blueprintStore';
import { BlueprintPanel } from '../../src/ui/blueprint/BlueprintPanel';
import { ComparePanel } from '../../src/ui/blueprint/ComparePanel';
import { ScenarioPanel } from '../../src/ui/blueprint/ScenarioPanel';
import { compareCandidates, toggleCompare } from '../../src/state/blueprintActions';
import { addCandidate, undo, parseScenarioJson, scenarioJson } from '../../src/state/scenarioActions';
import { communitiesTable, sitesTable } from '../../src/export/blueprintTables';
import { tablesXlsx } from '../../src/export/xlsx';
import { reportHtml } from '../../src/export/reportHtml';
import { datedName } from '../../src/export/fileName';
import { fmtHh, fmtM2, fmtNum, fmtPct } from '../../src/ui/format';

const DIR = join(import.meta.dirname, '../../data/sample');
const FILES = ['manifest.json', 'communities.geojson', 'buildings.csv', 'facilities.csv', 'candidates.csv'];
let pkg: DataPackage;
let analysis: Analysis;
let session: BlueprintSession;
let street: { district: string; name: string };
let expected: BlueprintResult;

beforeAll(async () => {
  initI18n('zh');
  const files: Record<string, Uint8Array> = {};
  for (const f of FILES) if (existsSync(join(DIR, f))) files[f] = new Uint8Array(readFileSync(join(DIR, f)));
  pkg = loadPackage(files);
  analysis = analyze(pkg, { mode: 'euclidean', policy: resolvePolicy(pkg) });
  session = new BlueprintSession(pkg, analysis);
  setBpEngine({
    blueprint: async (r) => session.blueprint(r),
    scenario: async (s, sc) => session.scenario(s, sc),
    compareCandidates: async (ids, sc) => session.compareCandidates(ids, sc),
  });
  useApp.setState({ data: mapDataFor(pkg, analysis) });
  // The street with the most candidates: a blueprint of 3 sites there.
  const counts = new Map<string, number>();
  for (const c of pkg.candidates)
    if (c.community >= 0) {
      const k = `${pkg.communities[c.community].district}\u0000${pkg.communities[c.community].street}`;
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0].split('\u0000');
  street = { district: best[0], name: best[1] };
  const ctx = createScenarioContext(pkg, analysis, new EuclideanProvider(pkg.buildings));
  expected = await blueprint(ctx, { scope: { district: street.district, street: street.name }, maxSites: 3, timeLimitS: 10 });
}, 120_000);

afterEach(() => {
  cleanup();
  useBlueprint.setState({
    scopeKind: 'all',
    run: null,
    scenario: EMPTY_SCENARIO,
    history: [],
    scenarioRun: null,
    compareIds: [],
    comparison: null,
    error: null,
    running: false,
  });
});

describe('the blueprint panel shows the engine’s result', () => {
  it('runs a 3-site street blueprint and prints its totals, before/after and sites', async () => {
    render(<BlueprintPanel />);
    fireEvent.click(screen.getByText('街道'));
    fireEvent.change(screen.getByTestId('bp-street'), { target: { value: `${street.district}\u0000${street.name}` } });
    fireEvent.change(screen.getByTestId('bp-max-sites'), { target: { value: '3' } });
    fireEvent.click(screen.getByTestId('bp-run'));
    expect(screen.getByTestId('bp-solving').textContent).toBe('求解中…');
    await waitFor(() => expect(screen.getByTestId('bp-total-sites')).toBeTruthy(), { timeout: 60_000 });
    const r = expected;
    expect(r.sites.length).toBeGreaterThan(0);
    expect(r.sites.length).toBeLessThanOrEqual(3);
    expect(screen.getByTestId('bp-total-sites').textContent).toBe(fmtNum(r.totals.sites, 'zh'));
    expect(screen.getByTestId('bp-total-area').textContent).toBe(fmtM2(r.totals.areaM2, 'zh'));
    expect(screen.getByTestId('bp-total-cost').textContent).toBe(`${fmtNum(r.totals.costWan, 'zh', 1)} 万元`);
    expect(screen.getByTestId('bp-total-subsidy').textContent).toBe(`${fmtNum(r.totals.subsidyYuan / 10000, 'zh', 1)} 万元`);
    expect(screen.getByTestId('bp-optimal').textContent).toBe(r.solution.optimal ? '已证明最优' : `未证明最优，差距 ${fmtPct(r.solution.gap, 'zh', 2)}`);
    SERVICES.forEach((s, k) => {
      expect(screen.getByTestId(`cov-${s}`).textContent).toBe(`${fmtPct(r.before.coverage[k], 'zh')} → ${fmtPct(r.after.coverage[k], 'zh')}`);
      const row = screen.getByTestId(`ba-beyond-${s}`);
      expect(row.querySelectorAll('td')[1].textContent).toBe(fmtHh(r.after.uncoveredHouseholds[k], 'zh'));
    });
    const sf = screen.getByTestId('ba-shortfall30').querySelectorAll('td');
    expect(sf[0].textContent).toBe(fmtM2(r.before.shortfallBaseM2, 'zh'));
    expect(sf[1].textContent).toBe(fmtM2(r.after.shortfallBaseM2, 'zh'));
    expect(screen.getByTestId('ba-meeting-basic').querySelectorAll('td')[1].textContent).toBe(fmtNum(r.after.meetingBasicRule, 'zh'));
    const names = [...screen.getByTestId('bp-sites').querySelectorAll('button')].map((b) => b.textContent);
    expect(names).toEqual(r.sites.map((s) => s.name));
    // The explanation of the first site.
    fireEvent.click(screen.getByText(r.sites[0].name));
    const ex = screen.getByTestId('site-explanation');
    const s0 = r.sites[0];
    for (const s of s0.services) {
      expect(within(ex).getByTestId('site-newly').querySelector(`[data-service="${s}"] b`)!.textContent).toBe(fmtHh(s0.newlyCoveredHouseholds[s] ?? 0, 'zh'));
    }
    expect(within(ex).getByTestId('site-shortfall').textContent).toBe(fmtM2(s0.shortfallClosedM2, 'zh'));
    expect(within(ex).getByTestId('site-subsidy').textContent).toBe(`${fmtNum(s0.subsidyYuan / 10000, 'zh', 1)} 万元`);
    expect(within(ex).getByTestId('site-level').textContent).toContain({ complex: '综合体', enhanced: '增强型综合体', scattered: '插花式' }[s0.level]);
  });
});

describe('what-if editing', () => {
  it('adds a candidate with a bundle and shows exactly evaluateScenario’s numbers; undo goes back', async () => {
    const c = pkg.candidates[0];
    const services = ['elderly_care', 'meals'] as const;
    await act(() => addCandidate(c.id, [...services], 250));
    const direct = evaluateScenario(createScenarioContext(pkg, analysis, new EuclideanProvider(pkg.buildings)), {
      added: [{ id: c.id, candidateId: c.id, services: [...services], areaM2: 250 }],
    });
    const run = useBlueprint.getState().scenarioRun!;
    expect(run.summary.coveredHouseholds.map((d) => d.after)).toEqual(direct.summary.coveredHouseholds.map((d) => d.after));
    // timing is reported, not asserted (benchmarks measure speed): a positive number of ms
    expect(run.wallMs).toBeGreaterThan(0);
    render(<ScenarioPanel />);
    SERVICES.forEach((s, k) => expect(screen.getByTestId(`sc-cov-after-${s}`).textContent).toBe(fmtPct(direct.summary.after.coverage[k], 'zh')));
    // No map in jsdom: the round trip (edit → repainted map) is pending; the worker's answer is timed.
    expect(screen.getByTestId('sc-ms').textContent).toMatch(/^引擎 [\d.]+ ms · 往返 … ms（编辑至地图重绘）$/);
    expect(useBlueprint.getState().workerRoundTripMs).toBeGreaterThan(0);
    await act(() => undo());
    expect(useBlueprint.getState().scenarioRun).toBeNull();
    // JSON round trip keeps the scenario.
    const sc = { added: [{ id: c.id, candidateId: c.id, services: ['elderly_care' as const], areaM2: 250 }], removed: [pkg.facilities[0].id], moved: [] };
    expect(parseScenarioJson(scenarioJson('甲', sc))).toEqual({ name: '甲', scenario: sc });
    expect(() => parseScenarioJson('{"format":"other"}')).toThrow();
  });
});

describe('candidate comparison', () => {
  it('puts 3 candidates side by side with the numbers of each opened alone', async () => {
    const ids = pkg.candidates.slice(0, 3).map((c) => c.id);
    for (const id of ids) toggleCompare(id);
    await act(() => compareCandidates());
    render(<ComparePanel />);
    const table = screen.getByTestId('candidate-compare');
    const ctx = createScenarioContext(pkg, analysis, new EuclideanProvider(pkg.buildings));
    const rows = useBlueprint.getState().comparison!;
    expect(rows.map((r) => r.candidateId)).toEqual(ids);
    expect([...rows].map((r) => r.rank).sort()).toEqual([1, 2, 3]);
    ids.forEach((id, j) => {
      const c = pkg.candidates[j];
      const bundle = defaultBundle(c.areaM2);
      const direct = evaluateScenario(ctx, { added: [{ candidateId: id, services: bundle }] });
      const s = bundle[0];
      const k = SERVICES.indexOf(s);
      const cells = within(table).getByTestId(`cmp-newly-${s}`).querySelectorAll('td');
      expect(cells[j].textContent).toBe(fmtHh(direct.summary.coveredHouseholds[k].delta, 'zh'));
      expect(within(table).getByTestId('cmp-shortfall').querySelectorAll('td')[j].textContent).toBe(fmtM2(-direct.summary.shortfallBaseM2.delta, 'zh'));
      expect(within(table).getByTestId('cmp-area').querySelectorAll('td')[j].textContent).toBe(fmtM2(c.areaM2, 'zh'));
    });
    const best = rows.reduce((a, b) => (b.objective > a.objective ? b : a));
    expect(best.rank).toBe(1);
  });
});

describe('export builders', () => {
  it('CSV has a BOM and the engine header; GeoJSON one feature per site', () => {
    const csv = blueprintSitesCsv(expected);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).split('\r\n')[0].split(',')[0]).toBe('candidate_id');
    expect(communitiesBeforeAfterCsv(expected).startsWith('\ufeffid,name,street,district,households')).toBe(true);
    expect(blueprintGeoJson(expected).features).toHaveLength(expected.sites.length);
    expect(datedName('一张蓝图_点位表', 'csv', new Date(2025, 2, 1))).toBe('一张蓝图_点位表_2025-03-01.csv');
  });

  it('XLSX reads back in exceljs with the same cells, one sheet per table', async () => {
    const labels = { source: (c: string) => c, ownership: (c: string) => c };
    const tables = [sitesTable(expected, labels), communitiesTable(expected)];
    const bytes = await tablesXlsx(tables);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['点位表', '社区表']);
    tables.forEach((t, i) => {
      const ws = wb.worksheets[i];
      expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(t.header);
      t.rows.forEach((row, r) => {
        const got = (ws.getRow(r + 2).values as unknown[]).slice(1);
        row.forEach((v, k) => expect(got[k] ?? null).toEqual(v));
      });
    });
  });

  it('report HTML keeps a hostile name as text', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const r: BlueprintResult = { ...expected, sites: expected.sites.map((s, i) => (i === 0 ? { ...s, name: hostile } : s)) };
    const labels = { source: (c: string) => c, ownership: (c: string) => c };
    const html = reportHtml({
      result: r,
      title: `蓝图 ${hostile}`,
      scopeLabel: hostile,
      packageName: hostile,
      date: new Date(2025, 0, 2),
      synthetic: true,
      mapImage: 'data:image/png;base64,AAAA',
      tables: [sitesTable(r, labels), communitiesTable(r)],
      paper: 'A4',
    });
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<img src="x"');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('@page { size: A4 portrait');
    expect(html).toContain('示例数据');
    expect(html).toContain('2025-01-02');
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect(doc.querySelectorAll('img')).toHaveLength(1);
    expect(doc.querySelector('img')!.getAttribute('src')).toBe('data:image/png;base64,AAAA');
    expect(doc.querySelectorAll('[onerror]')).toHaveLength(0);
  });
});

// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { initI18n } from '../../src/i18n';
import { analyze, defaultBundle, loadPackage, resolvePolicy, SERVICES, type DataPackage } from '../../src/engine/index';
import { mapDataFor } from '../helpers/mapDataFor';
import { BlueprintSession } from '../../src/worker/blueprintCore';
import { useApp } from '../../src/state/appStore';
import { setBpEngine } from '../../src/client/bpEngine';
import { EMPTY_SCENARIO, useBlueprint } from '../../src/state/blueprintStore';
import { addCandidate, undo } from '../../src/state/scenarioActions';
import { ScenarioPanel } from '../../src/ui/blueprint/ScenarioPanel';
import { SidePanel } from '../../src/ui/SidePanel';
import { parseAreaInput } from '../../src/ui/blueprint/parseAreaInput';
import { HoverTooltip } from '../../src/ui/HoverTooltip';
import type { HoverInfo } from '../../src/map/hoverInfo';

const DIR = join(import.meta.dirname, '../../data/sample');
const FILES = ['manifest.json', 'communities.geojson', 'buildings.csv', 'facilities.csv', 'candidates.csv'];
let pkg: DataPackage;

beforeAll(() => {
  initI18n('zh');
  const files: Record<string, Uint8Array> = {};
  for (const f of FILES) files[f] = new Uint8Array(readFileSync(join(DIR, f)));
  pkg = loadPackage(files);
  const analysis = analyze(pkg, { mode: 'euclidean', policy: resolvePolicy(pkg) });
  const session = new BlueprintSession(pkg, analysis);
  setBpEngine({
    blueprint: async (r) => session.blueprint(r),
    scenario: async (s, sc) => session.scenario(s, sc),
    compareCandidates: async (ids, sc) => session.compareCandidates(ids, sc),
  });
  useApp.setState({ data: mapDataFor(pkg, analysis), view: 'planner', selection: null });
}, 120_000);

afterEach(() => {
  cleanup();
  useBlueprint.setState({ scenario: EMPTY_SCENARIO, history: [], scenarioRun: null, error: null, slots: { A: null, B: null }, slotRuns: {} });
  useApp.setState({ selection: null });
});

const added = (id: string) => useBlueprint.getState().scenario.added?.find((a) => a.id === id);

describe('parseAreaInput (floor area typed into a bundle editor)', () => {
  it('accepts positive numbers up to 1,000,000 m², with thousands separators; refuses the rest', () => {
    expect(parseAreaInput('1200')).toEqual({ ok: true, areaM2: 1200 });
    expect(parseAreaInput(' 1,200 ')).toEqual({ ok: true, areaM2: 1200 });
    expect(parseAreaInput('1000000')).toEqual({ ok: true, areaM2: 1_000_000 });
    expect(parseAreaInput('0.5')).toEqual({ ok: true, areaM2: 0.5 });
    expect(parseAreaInput('')).toEqual({ ok: false, reason: 'empty' });
    expect(parseAreaInput('   ')).toEqual({ ok: false, reason: 'empty' });
    expect(parseAreaInput('12a')).toEqual({ ok: false, reason: 'notNumber' });
    expect(parseAreaInput('Infinity')).toEqual({ ok: false, reason: 'notNumber' });
    expect(parseAreaInput('0')).toEqual({ ok: false, reason: 'notPositive' });
    expect(parseAreaInput('-5')).toEqual({ ok: false, reason: 'notPositive' });
    expect(parseAreaInput('1000001')).toEqual({ ok: false, reason: 'tooLarge' });
    expect(parseAreaInput('1e308')).toEqual({ ok: false, reason: 'tooLarge' });
  });
});

describe('an area field is one edit, committed on blur or Enter (issue 9 item 3)', () => {
  it('typing 1200 then leaving the field is one undo step; one undo restores 90', async () => {
    await act(() => addCandidate('C00002', ['elderly_care'], 90));
    render(<ScenarioPanel />);
    const input = screen.getByTestId('bundle-C00002-area') as HTMLInputElement;
    expect(input.value).toBe('90');
    for (const v of ['1', '12', '120', '1200']) fireEvent.change(input, { target: { value: v } });
    // nothing is committed while typing
    expect(useBlueprint.getState().history).toHaveLength(1);
    expect(added('C00002')?.areaM2).toBe(90);
    await act(async () => {
      fireEvent.blur(input);
    });
    expect(useBlueprint.getState().history).toHaveLength(2);
    expect(added('C00002')?.areaM2).toBe(1200);
    await act(() => undo());
    expect(added('C00002')?.areaM2).toBe(90);
    await waitFor(() => expect((screen.getByTestId('bundle-C00002-area') as HTMLInputElement).value).toBe('90'));
  });

  it('Enter commits; Escape restores the saved value', async () => {
    await act(() => addCandidate('C00002', ['elderly_care'], 90));
    render(<ScenarioPanel />);
    const input = screen.getByTestId('bundle-C00002-area') as HTMLInputElement;
    fireEvent.change(input, { target: { value: '450' } });
    await act(async () => {
      fireEvent.keyDown(input, { key: 'Enter' });
    });
    expect(added('C00002')?.areaM2).toBe(450);
    expect(useBlueprint.getState().history).toHaveLength(2);
    fireEvent.change(input, { target: { value: '7' } });
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(input.value).toBe('450');
    fireEvent.blur(input);
    expect(useBlueprint.getState().history).toHaveLength(2);
  });

  it('an empty, non-numeric, zero or implausible area is refused with a message and never saved', async () => {
    await act(() => addCandidate('C00002', ['elderly_care'], 90));
    render(<ScenarioPanel />);
    const input = screen.getByTestId('bundle-C00002-area') as HTMLInputElement;
    const cases: [string, string][] = [
      ['', '请输入面积'],
      ['abc', '面积须为数字'],
      ['0', '面积须大于 0'],
      ['-20', '面积须大于 0'],
      ['2000000', '面积超过合理上限 1,000,000 m²'],
    ];
    for (const [typed, msg] of cases) {
      fireEvent.change(input, { target: { value: typed } });
      fireEvent.blur(input);
      expect(screen.getByTestId('bundle-C00002-area-error').textContent).toBe(msg);
      expect(input.getAttribute('aria-invalid')).toBe('true');
      expect(added('C00002')?.areaM2).toBe(90);
      expect(useBlueprint.getState().history).toHaveLength(1);
    }
    // a valid value clears the message
    fireEvent.change(input, { target: { value: '300' } });
    expect(screen.queryByTestId('bundle-C00002-area-error')).toBeNull();
    await act(async () => {
      fireEvent.blur(input);
    });
    expect(added('C00002')?.areaM2).toBe(300);
  });

  it('in English the refusal is worded in English', async () => {
    await act(() => addCandidate('C00002', ['elderly_care'], 90));
    useApp.setState({ lang: 'en' });
    initI18n('en');
    try {
      render(<ScenarioPanel />);
      const input = screen.getByTestId('bundle-C00002-area');
      fireEvent.change(input, { target: { value: '0' } });
      fireEvent.blur(input);
      expect(screen.getByTestId('bundle-C00002-area-error').textContent).toBe('The area must be more than 0');
    } finally {
      useApp.setState({ lang: 'zh' });
      initI18n('zh');
    }
  });
});

describe('the candidate panel shows and saves the clicked candidate’s own values (issue 9 item 4)', () => {
  it('C00005 (2,335 m²) then C00002 (90 m²): the editor shows 90 m² and C00002’s default bundle; 加入方案 adds those', async () => {
    const c5 = pkg.candidates.find((c) => c.id === 'C00005')!;
    const c2 = pkg.candidates.find((c) => c.id === 'C00002')!;
    expect(c5.areaM2).toBe(2335);
    expect(c2.areaM2).toBe(90);
    const checked = () =>
      SERVICES.filter(
        (s) =>
          (within(screen.getByTestId('candidate-bundle')).getByRole('checkbox', { name: (_, el) => el.getAttribute('data-service') === s }) as HTMLInputElement)
            .checked,
      );
    act(() => useApp.setState({ selection: { kind: 'candidate', id: 'C00005' } }));
    render(<SidePanel />);
    expect((screen.getByTestId('candidate-bundle-area') as HTMLInputElement).value).toBe('2335');
    expect(checked()).toEqual(defaultBundle(2335));
    act(() => useApp.setState({ selection: { kind: 'candidate', id: 'C00002' } }));
    expect(screen.getByTestId('panel-title').textContent).toBe(c2.name);
    expect((screen.getByTestId('candidate-bundle-area') as HTMLInputElement).value).toBe('90');
    expect(checked()).toEqual(defaultBundle(90));
    expect(defaultBundle(90)).not.toEqual(defaultBundle(2335));
    await act(async () => {
      fireEvent.click(screen.getByTestId('add-to-scenario'));
    });
    expect(useBlueprint.getState().scenario.added).toEqual([{ id: 'C00002', candidateId: 'C00002', services: defaultBundle(90), areaM2: 90 }]);
  });
});

describe('the hover tooltip follows the what-if scenario, as the map colours it (not in the public view)', () => {
  it('a building the added site reaches reads 已覆盖 (未覆盖 before), and its community the scenario coverage', async () => {
    const data = useApp.getState().data!;
    const at = (layer: string, index: number): HoverInfo => ({ layer, index, object: undefined, x: 0, y: 0 });
    await act(() => addCandidate('C00003', ['elderly_care'], 900));
    const run = useBlueprint.getState().scenarioRun!;
    expect(run.newlyReached.length).toBeGreaterThan(0);
    const k = run.newlyReached[0];
    const si = SERVICES.indexOf('elderly_care');
    expect(data.buildings.covered[si * data.buildings.count + k]).toBe(0); // not covered in the analysis
    const c = data.buildings.community[k];
    const base = data.analysis.communities[c].coverage[si]!;
    const after = run.communities[c].coverage[si]!;
    expect(after).toBeGreaterThan(base);
    const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

    const { rerender } = render(<HoverTooltip hover={at('buildings', k)} data={data} service="elderly_care" />);
    let tip = screen.getByTestId('tooltip').textContent!;
    expect(tip).toContain('养老服务: 已覆盖');
    expect(tip).toContain('按当前方案推演');
    rerender(<HoverTooltip hover={at('communities-fill', c)} data={data} service="elderly_care" />);
    tip = screen.getByTestId('tooltip').textContent!;
    expect(tip).toContain(`养老服务 ${pct(after)}`);
    expect(tip).toContain('按当前方案推演');

    act(() => useApp.setState({ view: 'public' })); // the public view: residents see the analysis, never a planner's what-if
    tip = screen.getByTestId('tooltip').textContent!;
    expect(tip).toContain(`养老服务 ${pct(base)}`);
    expect(tip).not.toContain('按当前方案推演');
    act(() => useApp.setState({ view: 'planner' }));
    expect(screen.getByTestId('tooltip').textContent).toContain(`养老服务 ${pct(after)}`);

    act(() => useBlueprint.setState({ scenarioRun: null })); // no scenario: the analysis as it was
    tip = screen.getByTestId('tooltip').textContent!;
    expect(tip).toContain(`养老服务 ${pct(base)}`);
    expect(tip).not.toContain('按当前方案推演');
    rerender(<HoverTooltip hover={at('buildings', k)} data={data} service="elderly_care" />);
    expect(screen.getByTestId('tooltip').textContent).toContain('养老服务: 未覆盖');
  });

  it('the street and district panels show their figures now and with the scenario, from the scenario’s communities (not in the public view)', async () => {
    const data = useApp.getState().data!;
    await act(() => addCandidate('C00003', ['elderly_care'], 900));
    const run = useBlueprint.getState().scenarioRun!;
    const si = SERVICES.indexOf('elderly_care');
    const c = data.analysis.communities[data.buildings.community[run.newlyReached[0]]];
    const pct = (v: number) => `${+(v * 100).toFixed(1)}%`; // one decimal at most (43% / 44.7%)
    const m2 = (v: number) => `${Math.round(v).toLocaleString('zh-CN')} m²`;
    for (const [kind, inGroup] of [
      ['street', (x: typeof c) => x.district === c.district && x.street === c.street],
      ['district', (x: typeof c) => x.district === c.district],
    ] as const) {
      // by hand: households-weighted coverage and summed shortfalls over the group's communities, before and after
      const before = data.analysis.communities.filter(inGroup);
      const after = run.communities.filter(inGroup);
      expect(after.map((x) => x.id)).toEqual(before.map((x) => x.id));
      const coverage = (xs: typeof before) =>
        xs.reduce((t, x) => t + (x.coverage[si] ?? 0) * x.buildingHouseholds, 0) / xs.reduce((t, x) => t + x.buildingHouseholds, 0);
      const shortfall = (xs: typeof before) => xs.reduce((t, x) => t + x.shortfallBaseM2, 0);
      expect(coverage(after)).toBeGreaterThan(coverage(before)); // the site reaches homes of this group
      act(() => useApp.setState({ selection: { kind, id: kind === 'street' ? c.street : c.district }, service: 'elderly_care' }));
      const { unmount } = render(<SidePanel />);
      expect(screen.getByTestId('rollup-panel').getAttribute('data-level')).toBe(kind);
      const cells = (id: string) => [...screen.getByTestId(`rollup-scenario-${id}`).querySelectorAll('th, td')].map((x) => x.textContent);
      expect(cells('coverage')).toEqual(['养老服务', pct(coverage(before)), pct(coverage(after))]);
      expect(cells('shortfall30').slice(1)).toEqual([m2(shortfall(before)), m2(shortfall(after))]);
      const failing = (xs: typeof before) => `${xs.filter((x) => x.shortfallBaseM2 > 0).length} / ${xs.length}`;
      expect(cells('failingArea').slice(1)).toEqual([failing(before), failing(after)]);
      act(() => useApp.setState({ view: 'public' }));
      expect(screen.queryByTestId('rollup-scenario')).toBeNull();
      act(() => useApp.setState({ view: 'planner' }));
      expect(screen.getByTestId('rollup-scenario')).toBeTruthy();
      unmount();
    }
    act(() => useBlueprint.setState({ scenarioRun: null }));
    render(<SidePanel />);
    expect(screen.getByTestId('rollup-panel')).toBeTruthy();
    expect(screen.queryByTestId('rollup-scenario')).toBeNull();
  });

  it('the community panel shows the community now and with the scenario (not in the public view)', async () => {
    const data = useApp.getState().data!;
    await act(() => addCandidate('C00003', ['elderly_care'], 900));
    const run = useBlueprint.getState().scenarioRun!;
    const si = SERVICES.indexOf('elderly_care');
    const c = data.buildings.community[run.newlyReached[0]];
    const r = data.analysis.communities[c];
    const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
    act(() => useApp.setState({ selection: { kind: 'community', id: r.id }, service: 'elderly_care' }));
    render(<SidePanel />);
    const row = screen.getByTestId('community-scenario-coverage');
    expect([...row.querySelectorAll('th, td')].map((x) => x.textContent)).toEqual(['养老服务', pct(r.coverage[si]!), pct(run.communities[c].coverage[si]!)]);
    expect(screen.getByTestId('community-scenario-shortfall30').querySelectorAll('td')).toHaveLength(2);
    act(() => useApp.setState({ view: 'public' }));
    expect(screen.queryByTestId('community-scenario')).toBeNull();
    act(() => useApp.setState({ view: 'planner' }));
    expect(screen.getByTestId('community-scenario')).toBeTruthy();
    act(() => useBlueprint.setState({ scenarioRun: null }));
    expect(screen.queryByTestId('community-scenario')).toBeNull();
  });
});

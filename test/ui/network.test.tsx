// @vitest-environment jsdom
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { analyze, haversineM, loadPackage, resolvePolicy } from '../../src/engine/index';
import { initI18n } from '../../src/i18n';
import { useApp } from '../../src/state/appStore';
import { DEFAULT_LAYERS, DEFAULT_VIEW, formatView, parseView } from '../../src/state/viewState';
import { DistanceModeSwitch } from '../../src/ui/DistanceModeSwitch';
import { NetworkSummary } from '../../src/ui/network/NetworkSummary';
import { ReachPanelView } from '../../src/ui/network/ReachPanel';
import { WalkLegendBlocks } from '../../src/ui/network/WalkLegend';
import { mapPictureText } from '../../src/export/mapPictureText';
import type { MapData } from '../../src/worker/protocol';
import { mapDataFor } from '../helpers/mapDataFor';
import { facilityWalkshed, METRES_PER_MINUTE, walkFromPoint } from '../../src/worker/networkApi';
import { openPackage, providerFor } from '../../src/worker/packageSession';
import { tinyMapData } from './tinyPackage';

/** test/fixtures/tiny-network read from disk, as the worker would get it. */
const DIR = join(import.meta.dirname, '../fixtures/tiny-network');
const files: Record<string, Uint8Array> = {};
for (const f of readdirSync(DIR)) if (f.includes('.')) files[f] = new Uint8Array(readFileSync(join(DIR, f)));
const pkg = loadPackage(files);
const policy = resolvePolicy(pkg);

function mapData(mode: 'euclidean' | 'network', effort = false) {
  const analysis = analyze(pkg, { mode, policy, effort });
  const d = mapDataFor(pkg, analysis);
  d.effort = effort;
  return { analysis, data: d };
}

beforeAll(() => {
  initI18n('zh');
});

/** The walking-network legend rows, written out by hand from networkLayers.ts (zoom 10, 13, 14). */
const NETWORK_ZH = [
  '道路 · 地图 10 级起显示',
  '人行道 / 小径 · 地图 13 级起显示',
  '梯坎（台阶） · 地图 14 级起显示',
  '电梯 / 扶梯 · 地图 14 级起显示',
  '桥梁 · 地图 10 级起显示',
];
const NETWORK_EN = [
  'Street · drawn from zoom 10',
  'Footway / path · drawn from zoom 13',
  'Stairs (梯坎) · drawn from zoom 14',
  'Lift / escalator · drawn from zoom 14',
  'Bridge · drawn from zoom 10',
];
afterEach(() => {
  cleanup();
  useApp.setState({ ...DEFAULT_VIEW, data: null, status: 'idle' });
});

describe('DistanceModeSwitch', () => {
  it('enables the walking modes when the package has roads, and sets mode + effort', () => {
    useApp.setState({ data: mapData('euclidean').data, status: 'ready' });
    render(<DistanceModeSwitch />);
    const btn = (k: string) => screen.getByTestId('distance-mode').querySelector(`[data-mode="${k}"]`) as HTMLButtonElement;
    expect([btn('euclidean').disabled, btn('network').disabled, btn('effort').disabled]).toEqual([false, false, false]);
    expect(btn('euclidean').getAttribute('aria-checked')).toBe('true');
    expect(screen.getByTestId('mode-note').textContent).toContain('球面直线距离');
    act(() => void fireEvent.click(btn('network')));
    expect([useApp.getState().mode, useApp.getState().effort]).toEqual(['network', false]);
    expect(formatView({ ...DEFAULT_VIEW, mode: 'network', effort: false })).toBe('?mode=network');
    act(() => void fireEvent.click(btn('effort')));
    expect([useApp.getState().mode, useApp.getState().effort]).toEqual(['network', true]);
    expect(btn('effort').getAttribute('aria-checked')).toBe('true');
    // The note explains effort mode: flat-equivalent metres, ≈ 84 m a minute, Tobler, stairs, lifts 60 s.
    const note = screen.getByTestId('mode-note').textContent!;
    for (const s of ['平地等效米', '84 米/分钟', 'Tobler', '梯坎', '60 秒']) expect(note).toContain(s);
    act(() => void fireEvent.click(btn('euclidean')));
    expect([useApp.getState().mode, useApp.getState().effort]).toEqual(['euclidean', false]);
  });

  it('keeps the mode in the URL: mode=effort is network mode with effort', () => {
    const v = parseView('?mode=effort');
    expect([v.mode, v.effort]).toEqual(['network', true]);
    expect(formatView(v)).toBe('?mode=effort');
    expect(parseView('?mode=network').effort).toBe(false);
    expect(parseView('').mode).toBe('euclidean');
  });

  it('disables the walking modes for a package without roads', () => {
    useApp.setState({ data: tinyMapData().data, status: 'ready' });
    render(<DistanceModeSwitch />);
    const q = (k: string) => screen.getByTestId('distance-mode').querySelector(`[data-mode="${k}"]`) as HTMLButtonElement;
    expect(q('network').disabled).toBe(true);
    expect(q('effort').disabled).toBe(true);
    expect(q('network').title).toBe('数据包中没有步行网络（roads.geojson）');
  });

  it('shows progress while a mode switch recomputes', () => {
    useApp.setState({ data: mapData('euclidean').data, status: 'loading', progress: { stage: 'coverage', fraction: 0.5 } });
    render(<DistanceModeSwitch />);
    expect(screen.getByTestId('mode-progress').textContent).toContain('计算覆盖');
  });
});

describe('NetworkSummary', () => {
  it('shows the buildings beyond maxSnapM as the engine counted them (3 in tiny-network)', () => {
    const { analysis, data } = mapData('network');
    expect(analysis.summary.unsnappedBuildings).toBe(3);
    render(<NetworkSummary analysis={data.analysis} />);
    expect(screen.getByTestId('unsnapped-buildings').textContent).toContain('3');
    expect(screen.getByTestId('summary-mode').textContent).toBe('步行距离');
  });
});

describe('walksheds from the worker functions, legend and reach panel', () => {
  const session = openPackage('test:tiny-network', files);
  providerFor(session, 'network', false);

  it('walks from a point: rings of 5/10/15 minutes and the nearest facility first', () => {
    const r = walkFromPoint(106.505, 29.555);
    expect(r.onNetwork).toBe(true);
    expect(r.snapM).toBeCloseTo(0, 6);
    expect(r.walksheds.features.map((f) => f.properties.minutes)).toEqual([5, 10, 15]);
    expect(r.walksheds.features.map((f) => f.properties.thresholdM)).toEqual([5, 10, 15].map((m) => m * METRES_PER_MINUTE));
    expect(r.walksheds.features.every((f) => f.properties.cells > 0)).toBe(true);
    // f1 is 0.0005° north of the node: the straight snap leg is the whole walk.
    expect(r.facilities[0].id).toBe('f1');
    expect(r.facilities[0].metres).toBeCloseTo(haversineM(106.505, 29.555, 106.505, 29.5555), 0);
    expect(r.facilities.map((f) => f.id)).not.toContain('f3'); // planned, not open
    for (let k = 1; k < r.facilities.length; k++) expect(r.facilities[k].metres).toBeGreaterThanOrEqual(r.facilities[k - 1].metres);

    const { data } = mapData('network');
    render(<WalkLegendBlocks data={data} layers={{ ...DEFAULT_LAYERS, roads: true }} selection={null} point={r} facility={null} />);
    const rows = [...document.querySelectorAll('[data-legend="walkshed-point"] li')].map((li) => li.textContent);
    expect(rows).toEqual(['5 分钟（420 米）', '10 分钟（839 米）', '15 分钟（1,259 米）']);
    const net = [...document.querySelectorAll('[data-legend="network"] li')].map((li) => li.textContent);
    // level of detail (networkLayers.ts): streets and bridges from zoom 10, footways from 13, stairs and lifts from 14
    expect(net).toEqual(NETWORK_ZH);
    cleanup();
    initI18n('en');
    render(<WalkLegendBlocks data={data} layers={{ ...DEFAULT_LAYERS, roads: true }} selection={null} point={r} facility={null} />);
    const netEn = [...document.querySelectorAll('[data-legend="network"] li')].map((li) => li.textContent);
    expect(netEn).toEqual(NETWORK_EN);
    cleanup();
    initI18n('zh');

    render(<ReachPanelView reach={r} policy={policy} />);
    const panel = screen.getByTestId('reach-panel');
    expect(panel.getAttribute('data-facilities')).toBe(String(r.facilities.length));
    expect(panel.querySelector('[data-service="elderly_care"] [data-facility="f1"]')!.textContent).toContain('甲社区养老服务站');
    expect(panel.querySelector('[data-service="elderly_care"] [data-facility="f1"]')!.textContent).toContain('在养老服务步行阈值（300 米）内');
  });

  it('a point far from the network reaches nothing', () => {
    const r = walkFromPoint(106.6, 29.6);
    expect(r.onNetwork).toBe(false);
    expect(r.facilities).toEqual([]);
    render(<ReachPanelView reach={r} policy={policy} />);
    expect(screen.getByTestId('reach-off-network').textContent).toContain('超过 500 米');
  });

  it("draws a facility's network walkshed with the service threshold in the legend, instead of the circle", () => {
    const w = facilityWalkshed('f1', 'elderly_care');
    expect(w.thresholdM).toBe(policy.thresholdsM.elderly_care);
    expect(w.walksheds.features.map((f) => f.properties.thresholdM)).toEqual([300, ...[5, 10, 15].map((m) => m * METRES_PER_MINUTE)]);
    expect(w.walksheds.features[0].properties.cells).toBeGreaterThan(0);
    const { data } = mapData('network');
    render(<WalkLegendBlocks data={data} layers={DEFAULT_LAYERS} selection={{ kind: 'facility', id: 'f1' }} point={null} facility={w} />);
    const rows = [...document.querySelectorAll('[data-legend="walkshed-facility"] li')].map((li) => li.textContent);
    expect(rows[0]).toBe('养老服务阈值 300 米');
    expect(rows.slice(1)).toEqual(['5 分钟（420 米）', '10 分钟（839 米）', '15 分钟（1,259 米）']);
  });

  it('in effort mode the walk uses effort costs and says so', () => {
    providerFor(session, 'network', true);
    const r = walkFromPoint(106.505, 29.555);
    expect(r.effort).toBe(true);
    const { data } = mapData('network', true);
    render(<WalkLegendBlocks data={data} layers={DEFAULT_LAYERS} selection={null} point={r} facility={null} />);
    expect(document.querySelector('[data-legend="walkshed-point"] .legend-block-title')!.textContent).toContain('平地等效米');
    providerFor(session, 'network', false);
  });
});

describe('the exported map picture names the walking network as the screen does', () => {
  const inp = (data: MapData) => ({
    data,
    layers: { ...DEFAULT_LAYERS, roads: true },
    measure: 'coverage' as const,
    service: 'elderly_care' as const,
    selection: null,
    publicView: false,
    basemap: 'none' as const,
    tk: '',
    manifest: data.manifest,
  });
  const day = new Date(2026, 10, 30);

  it('the legend rows say from which zoom the map draws streets, footways, stairs and lifts (zh and en)', () => {
    const { data } = mapData('network');
    for (const [lang, want] of [
      ['zh', NETWORK_ZH],
      ['en', NETWORK_EN],
    ] as const) {
      initI18n(lang);
      const block = mapPictureText(inp(data), lang, day).legend.find((b) => b.id === 'network');
      expect(block?.title, lang).toBe(lang === 'zh' ? '步行网络' : 'Walking network');
      expect(
        block?.rows.map((r) => r.label),
        lang,
      ).toEqual(want);
      expect(block?.rows.map((r) => r.key)).toEqual(['street', 'footway', 'steps', 'elevator', 'bridge']);
      // the same words as the on-screen legend, row for row
      render(<WalkLegendBlocks data={data} layers={{ ...DEFAULT_LAYERS, roads: true }} selection={null} point={null} facility={null} />);
      expect(
        [...document.querySelectorAll('[data-legend="network"] li')].map((li) => li.textContent),
        lang,
      ).toEqual(block?.rows.map((r) => r.label));
      cleanup();
    }
    initI18n('zh');
  });

  it('no network block when the walking network layer is off', () => {
    const { data } = mapData('network');
    const t = mapPictureText({ ...inp(data), layers: { ...DEFAULT_LAYERS, roads: false } }, 'zh', day);
    expect(t.legend.map((b) => b.id)).not.toContain('network');
  });
});

// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { initI18n } from '../../src/i18n';
import { LegendView } from '../../src/ui/Legend';
import { LayerSwitches } from '../../src/ui/LayerSwitches';
import { useApp } from '../../src/state/appStore';
import { useMapZoom } from '../../src/state/zoomState';
import { DEFAULT_LAYERS, LAYERS, type LayerKey } from '../../src/state/viewState';
import { colorCommunities } from '../../src/map/communityMeasure';
import { RYG5 } from '../../src/map/colors';
import { tinyMapData } from './tinyPackage';

const { analysis, data } = tinyMapData();
const ALL = Object.fromEntries(LAYERS.map((k) => [k, true])) as Record<LayerKey, boolean>;

beforeAll(() => {
  initI18n('zh');
});
afterEach(cleanup);

const blocks = () => [...screen.getByTestId('legend').querySelectorAll('[data-legend]')].map((b) => b.getAttribute('data-legend'));

describe('LegendView', () => {
  it('has a legend for every visible layer, and only those', () => {
    render(<LegendView data={data} layers={ALL} measure="coverage" service="elderly_care" selection={null} publicView={false} />);
    expect(blocks()).toEqual(['communities', 'outlines', 'h3', 'buildings', 'facilities', 'candidates']);
    cleanup();
    render(<LegendView data={data} layers={DEFAULT_LAYERS} measure="coverage" service="elderly_care" selection={null} publicView={false} />);
    expect(blocks()).toEqual(['communities', 'outlines', 'facilities']);
  });

  it('says building dots appear from zoom 14 (hexagons of households further out)', () => {
    render(<LegendView data={data} layers={ALL} measure="coverage" service="elderly_care" selection={null} publicView={false} />);
    const rows = [...screen.getByTestId('legend').querySelectorAll('[data-legend="buildings"] li')].map((li) => li.textContent);
    expect(rows).toContain('缩放级别 14 起显示楼栋点；更远时以户数六边形显示');
  });

  it('gives the classes of the hexagon level drawn at the zoom and says the size changes with zoom', () => {
    // Elderly care, uncovered households per hexagon: res 9 max 111 → breaks 25, 50, 75, 100;
    // res 8 (the worker's sums of the res-9 children) max 323 → 100, 200, 300, 400.
    const rows = (hexResolution?: number) => {
      render(
        <LegendView data={data} layers={ALL} measure="coverage" service="elderly_care" selection={null} publicView={false} hexResolution={hexResolution} />,
      );
      const out = [...screen.getByTestId('legend').querySelectorAll('[data-legend="h3"] li')].map((li) => li.textContent);
      cleanup();
      return out;
    };
    const fine = rows();
    expect(fine[0]).toMatch(/^1 – 25\b/);
    expect(fine[4]).toMatch(/^≥ 100\b/);
    expect(fine[5]).toBe('六边形大小随缩放变化：当前每格约 0.11 km²，户数为格内合计');
    const coarse = rows(8);
    expect(coarse[0]).toMatch(/^1 – 100\b/);
    expect(coarse[4]).toMatch(/^≥ 400\b/);
    expect(coarse[5]).toBe('六边形大小随缩放变化：当前每格约 0.74 km²，户数为格内合计');
  });

  it('says facility shapes appear from zoom 12 (dots further out)', () => {
    render(<LegendView data={data} layers={DEFAULT_LAYERS} measure="coverage" service="elderly_care" selection={null} publicView={false} />);
    const rows = [...screen.getByTestId('legend').querySelectorAll('[data-legend="facilities"] li')].map((li) => li.textContent);
    expect(rows[rows.length - 1]).toBe('缩放级别 12 起按服务等级显示形状；更远时设施显示为圆点');
  });

  it('hides candidate sites in the public view', () => {
    render(<LegendView data={data} layers={ALL} measure="coverage" service="elderly_care" selection={null} publicView />);
    expect(blocks()).not.toContain('candidates');
  });

  it('shows the 30 / 80 m² classes for area per 100 households, and no-data when a community has no households', () => {
    render(<LegendView data={data} layers={DEFAULT_LAYERS} measure="areaPer100" service="elderly_care" selection={null} publicView={false} />);
    const text = screen.getByTestId('legend').querySelector('[data-legend="communities"]')!.textContent!;
    expect(text).toContain('< 30 m²/百户');
    expect(text).toContain('30 – 80 m²/百户');
    expect(text).toContain('≥ 80 m²/百户');
    // 七星岗社区 has 0 households: the engine gives areaPer100hh = null.
    expect(analysis.communities.find((c) => c.id === '500103002001')!.areaPer100hh).toBeNull();
    expect(text).toContain('无数据');
  });

  it('classes the communities as the map colours them: a what-if scenario’s own shortfall classes when one is evaluated', () => {
    const text = (communities?: typeof analysis.communities) => {
      render(
        <LegendView
          data={data}
          layers={DEFAULT_LAYERS}
          measure="shortfall"
          service="elderly_care"
          selection={null}
          publicView={false}
          communities={communities}
        />,
      );
      const out = screen.getByTestId('legend').querySelector('[data-legend="communities"]')!.textContent!;
      cleanup();
      return out;
    };
    // the analysis: no shortfall anywhere (max 0 → breaks 1, 2, 3, 4); a scenario with 0, 450, 2,000 m² (max 2,000 → step 500)
    expect(analysis.communities.map((c) => c.shortfallBaseM2)).toEqual([0, 0, 0]);
    const scenario = analysis.communities.map((c, i) => ({ ...c, shortfallBaseM2: [0, 450, 2000][i] }));
    expect(text()).toContain('≥ 4 m²');
    const own = text(scenario);
    expect(own).toContain('500 – 1,000 m²');
    expect(own).toContain('≥ 2,000 m²');
    expect(own).not.toContain('≥ 4 m²');
  });

  it('adds the walking circle of a selected facility with the policy threshold', () => {
    render(
      <LegendView data={data} layers={DEFAULT_LAYERS} measure="rule" service="elderly_care" selection={{ kind: 'facility', id: 'f1' }} publicView={false} />,
    );
    const t = screen.getByTestId('legend').querySelector('[data-legend="walk-circle"] li')!.textContent!;
    expect(t).toBe(`养老服务步行圈 ${analysis.policy.thresholdsM.elderly_care} 米`);
  });
});

describe('colorCommunities', () => {
  it('colours by the rules the engine evaluated', () => {
    const c = colorCommunities(analysis.communities, 'rule', 'elderly_care', analysis.policy.areaPer100Households);
    for (const r of analysis.communities) {
      const expected = r.meetsComplexRule ? RYG5[4] : r.meetsBasicRule ? RYG5[2] : RYG5[0];
      expect(c.colors[r.index]).toEqual(expected);
    }
  });
});

describe('LayerSwitches: 住宅楼栋 far out', () => {
  it('says by the switch that the hexagons stand in for the buildings until zoom 14, only while that is so', () => {
    useApp.setState({ layers: { ...DEFAULT_LAYERS, buildings: true }, view: 'planner' });
    useMapZoom.setState({ buildingsZoom: false });
    render(<LayerSwitches />);
    expect(screen.getByTestId('buildings-far-hint').textContent).toBe('当前缩放以六边形显示未覆盖户数；放大至 14 级显示楼栋点');
    // right under its switch
    expect(screen.getByTestId('buildings-far-hint').previousElementSibling?.querySelector('input')?.getAttribute('data-layer')).toBe('buildings');
    act(() => useMapZoom.setState({ buildingsZoom: true })); // near: the dots themselves
    expect(screen.queryByTestId('buildings-far-hint')).toBeNull();
    act(() => {
      useMapZoom.setState({ buildingsZoom: false });
      useApp.setState({ layers: { ...DEFAULT_LAYERS, buildings: false } });
    });
    expect(screen.queryByTestId('buildings-far-hint')).toBeNull();
  });
});

// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { initI18n, i18next } from '../../src/i18n';
import { CommunityPanel } from '../../src/ui/CommunityPanel';
import { RollupPanel } from '../../src/ui/RollupPanel';
import { FacilityPanel } from '../../src/ui/FacilityPanel';
import { CandidatePanel } from '../../src/ui/CandidatePanel';
import { CoverageChart } from '../../src/ui/CoverageChart';
import { RankingTable } from '../../src/ui/RankingTable';
import { fmtHh, fmtM2, fmtNum } from '../../src/ui/format';
import { SERVICES, SERVICE_NAMES } from '../../src/engine/index';
import { tinyMapData } from './tinyPackage';

const { analysis, data } = tinyMapData();

beforeAll(() => {
  initI18n('zh');
});
afterEach(async () => {
  cleanup();
  await i18next.changeLanguage('zh');
});

function panelFor(id: string) {
  const r = analysis.communities.find((c) => c.id === id)!;
  return render(
    <CommunityPanel
      result={r}
      policy={analysis.policy}
      totalCommunities={analysis.communities.length}
      street={analysis.streets.find((s) => s.name === r.street)}
      district={analysis.districts.find((d) => d.name === r.district)}
      service="elderly_care"
    />,
  );
}

describe('CommunityPanel shows the engine’s numbers', () => {
  it('lists households, area, area per 100 households and shortfalls as computed', () => {
    for (const r of analysis.communities) {
      panelFor(r.id);
      expect(screen.getByTestId('panel-title').textContent).toBe(r.name);
      expect(screen.getByTestId('households').textContent).toBe(fmtHh(r.households, 'zh'));
      expect(screen.getByTestId('facility-area').textContent).toContain(fmtM2(r.facilityAreaM2, 'zh'));
      expect(screen.getByTestId('shortfall-base').textContent).toBe(fmtM2(r.shortfallBaseM2, 'zh'));
      expect(screen.getByTestId('shortfall-enhanced').textContent).toBe(fmtM2(r.shortfallEnhancedM2, 'zh'));
      const per100 = screen.getByTestId('area-per-100').textContent!;
      if (r.areaPer100hh === null) expect(per100).toContain('—');
      else expect(per100).toContain(fmtNum(r.areaPer100hh, 'zh', 1));
      cleanup();
    }
  });

  it('the first community: 360 m² for 1,200 households is 30 m² per 100, no base shortfall, 600 m² enhanced', () => {
    // Hand check of the tiny package: f1 (300) + f2 (60) lie in 较场口社区.
    const r = analysis.communities.find((c) => c.id === '500103001001')!;
    expect(r.facilityAreaM2).toBe(360);
    expect(r.areaPer100hh).toBeCloseTo(30, 9);
    expect(r.shortfallBaseM2).toBe(0);
    expect(r.shortfallEnhancedM2).toBe(600);
    panelFor(r.id);
    expect(screen.getByTestId('area-per-100').textContent).toContain('30 m²/百户');
    expect(screen.getByTestId('shortfall-enhanced').textContent).toBe('600 m²');
  });

  it('shows present and missing functions and the rules with their state', () => {
    const r = analysis.communities.find((c) => c.id === '500103001001')!;
    panelFor(r.id);
    const present = screen.getByTestId('functions-present');
    for (const s of r.functions) expect(present.textContent).toContain(SERVICE_NAMES[s].zh);
    const missing = screen.getByTestId('functions-missing');
    for (const s of r.missingFunctions) expect(missing.textContent).toContain(SERVICE_NAMES[s].zh);
    const rules = screen.getByTestId('rules');
    expect(rules.querySelector('[data-rule="complex"]')!.getAttribute('data-met')).toBe(String(r.meetsComplexRule));
    expect(rules.querySelector('[data-rule="basic"]')!.getAttribute('data-met')).toBe(String(r.meetsBasicRule));
    expect(rules.querySelector('[data-rule="area30"]')!.getAttribute('data-met')).toBe('true');
    expect(rules.querySelector('[data-rule="area80"]')!.getAttribute('data-met')).toBe('false');
  });

  it('draws one coverage bar per service with the engine’s fraction', () => {
    const r = analysis.communities.find((c) => c.id === '500103001002')!;
    panelFor(r.id);
    const chart = screen.getByTestId('coverage-chart');
    SERVICES.forEach((s, i) => {
      const g = chart.querySelector(`[data-service="${s}"]`)!;
      expect(g.getAttribute('data-value')).toBe(r.coverage[i] === null ? '' : String(r.coverage[i]));
    });
  });

  it('gives the rank by need among all, in its street and in its district', () => {
    const r = analysis.communities.find((c) => c.id === '500103001002')!;
    panelFor(r.id);
    expect(screen.getByTestId('rank-all').textContent).toBe(`全部社区中第 ${r.needRank} / 3`);
    expect(screen.getByTestId('rank-street').textContent).toBe(`所在街道中第 ${r.needRankInStreet} / 2`);
    expect(screen.getByTestId('rank-district').textContent).toBe(`所在区县中第 ${r.needRankInDistrict} / 3`);
  });

  it('switches to English', async () => {
    await i18next.changeLanguage('en');
    panelFor('500103001001');
    expect(screen.getByText('Functions present')).toBeTruthy();
    expect(screen.getByTestId('households').textContent).toBe('1,200 hh');
  });
});

describe('other panels', () => {
  it('RollupPanel shows the street totals from the engine', () => {
    const s = analysis.streets.find((x) => x.name === '解放碑街道')!;
    render(<RollupPanel rollup={s} communities={analysis.communities} policy={analysis.policy} service="childcare" />);
    expect(screen.getByTestId('households').textContent).toBe(fmtHh(s.households, 'zh'));
    expect(screen.getByTestId('households').textContent).toBe('2,000 户');
    expect(screen.getByTestId('shortfall-base').textContent).toBe(fmtM2(s.shortfallBaseM2, 'zh'));
  });

  it('FacilityPanel and CandidatePanel show attributes', () => {
    const f = data.facilities.find((x) => x.id === 'f3')!;
    render(<FacilityPanel facility={f} policy={analysis.policy} communityName="民生路社区" />);
    expect(screen.getByTestId('facility-area').textContent).toBe('900 m²');
    expect(screen.getByText('街道级')).toBeTruthy();
    expect(screen.getByText(/托育服务/)).toBeTruthy();
    cleanup();
    render(<CandidatePanel candidate={data.candidates[0]} />);
    expect(screen.getByText('闲置办公用房')).toBeTruthy();
    expect(screen.getByText('120 万元')).toBeTruthy();
  });

  it('CoverageChart marks null coverage with a dash', () => {
    const r = analysis.communities.find((c) => c.id === '500103002001')!;
    render(<CoverageChart coverage={[null, ...r.coverage.slice(1)]} thresholdsM={analysis.policy.thresholdsM} />);
    expect(screen.getByTestId('coverage-chart').querySelector('[data-service="elderly_care"] .chart-value')!.textContent).toBe('—');
  });
});

describe('RankingTable', () => {
  it('orders by need rank, sorts by a column, filters by street and selects on click', () => {
    const onSelect = vi.fn();
    render(<RankingTable communities={analysis.communities} service="elderly_care" onSelect={onSelect} />);
    const table = screen.getByTestId('ranking');
    const ids = () => [...table.querySelectorAll('tbody tr')].map((tr) => tr.getAttribute('data-id'));
    const byRank = [...analysis.communities].sort((a, b) => a.needRank - b.needRank).map((c) => c.id);
    expect(ids()).toEqual(byRank);
    fireEvent.click(within(table).getByText('户数'));
    const byHh = [...analysis.communities].sort((a, b) => b.households - a.households).map((c) => c.id);
    expect(ids()).toEqual(byHh);
    fireEvent.change(screen.getByTestId('ranking-street'), { target: { value: '七星岗街道' } });
    expect(ids()).toEqual(['500103002001']);
    fireEvent.click(table.querySelector('tbody tr')!);
    expect(onSelect).toHaveBeenCalledWith('500103002001');
  });
});

// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { initI18n } from '../../src/i18n';
import { analyze, loadPackage, resolvePolicy, SERVICES } from '../../src/engine/index';
import { mapDataFor } from '../helpers/mapDataFor';
import type { MapData } from '../../src/worker/protocol';
import { SummaryPanel } from '../../src/ui/SummaryPanel';
import { RollupPanel } from '../../src/ui/RollupPanel';
import { packageRollup } from '../../src/ui/packageRollup';
import { fmtHh } from '../../src/ui/format';

const DIR = join(import.meta.dirname, '../../data/sample');
let data: MapData;

beforeAll(() => {
  initI18n('zh');
  const files: Record<string, Uint8Array> = {};
  for (const f of ['manifest.json', 'communities.geojson', 'buildings.csv', 'facilities.csv', 'candidates.csv'])
    files[f] = new Uint8Array(readFileSync(join(DIR, f)));
  const pkg = loadPackage(files);
  const analysis = analyze(pkg, { mode: 'euclidean', policy: resolvePolicy(pkg) });
  data = mapDataFor(pkg, analysis);
}, 120_000);

afterEach(cleanup);

const chart = () => SERVICES.map((s) => Number(document.querySelector(`[data-testid="coverage-chart"] [data-service="${s}"]`)!.getAttribute('data-value')));

describe('two household totals, named, and the districts add up to the package (issue 9 item 5)', () => {
  it('the sample: the districts’ official households and households in buildings sum to the package figures; coverage agrees', () => {
    const a = data.analysis;
    const all = packageRollup(a);
    const sum = (f: (d: (typeof a.districts)[number]) => number) => a.districts.reduce((t, d) => t + f(d), 0);
    expect(all.households).toBe(sum((d) => d.households));
    expect(all.buildingHouseholds).toBe(sum((d) => d.buildingHouseholds));
    // the two totals really differ in the sample: that is why both are named
    expect(all.households).not.toBe(all.buildingHouseholds);
    SERVICES.forEach((_, k) => {
      const weighted = sum((d) => (d.coverage[k] ?? 0) * d.buildingHouseholds) / sum((d) => d.buildingHouseholds);
      expect(all.coverage[k]).toBeCloseTo(weighted, 12);
    });
    // one district covering every community: its panel and the overview show the same figures
    if (a.districts.length === 1) expect(a.districts[0].households).toBe(all.households);
  });

  it('the overview names 统计户数 and 楼栋户数合计, says which figure uses which, and draws the districts’ coverage definition', () => {
    const a = data.analysis;
    const all = packageRollup(a);
    render(<SummaryPanel analysis={a} service="elderly_care" />);
    expect(screen.getByText('统计户数')).toBeTruthy();
    expect(screen.getByText('楼栋户数合计')).toBeTruthy();
    expect(screen.queryByText('户数')).toBeNull();
    expect(screen.getByTestId('households-official').textContent).toBe(fmtHh(all.households, 'zh'));
    expect(screen.getByTestId('households-buildings').textContent).toBe(fmtHh(all.buildingHouseholds, 'zh'));
    expect(screen.getByText('统计户数').getAttribute('title')).toContain('communities.geojson');
    expect(screen.getByText('楼栋户数合计').getAttribute('title')).toContain('覆盖率');
    expect(screen.getByTestId('households-which').textContent).toContain('楼栋户数合计用于覆盖率');
    chart().forEach((v, k) => expect(v).toBeCloseTo(all.coverage[k]!, 12));
  });

  it('a district panel names both totals the same way', () => {
    const a = data.analysis;
    const d = a.districts[0];
    render(<RollupPanel rollup={d} communities={a.communities} policy={a.policy} service="elderly_care" />);
    expect(screen.getByText('统计户数')).toBeTruthy();
    expect(screen.getByText('楼栋户数合计')).toBeTruthy();
    expect(screen.getByTestId('households').textContent).toBe(fmtHh(d.households, 'zh'));
    expect(screen.getByTestId('households-buildings').textContent).toBe(fmtHh(d.buildingHouseholds, 'zh'));
  });

  it('in English: “official households” and “households in buildings”', () => {
    initI18n('en');
    try {
      render(<SummaryPanel analysis={data.analysis} service="elderly_care" />);
      expect(screen.getByText('Official households')).toBeTruthy();
      expect(screen.getByText('Households in buildings')).toBeTruthy();
    } finally {
      initI18n('zh');
    }
  });
});

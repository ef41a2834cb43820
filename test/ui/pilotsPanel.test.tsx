// @vitest-environment jsdom
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { analyze, resolvePolicy, type DataPackage, type RollupResult } from '../../src/engine';
import { initI18n, i18next } from '../../src/i18n';
import { openPackage } from '../../src/worker/packageSession';
import { pilotsApi, rememberPilotAnalysis } from '../../src/worker/pilotsApi';
import type { MapData } from '../../src/worker/protocol';

vi.mock('../../src/client/pilotClient', () => ({
  pilotBase: () => pilotsApi.pilotBase(),
  pilotProgrammeOf: (edits: Parameters<typeof pilotsApi.pilotProgramme>[0], asOf: string) => pilotsApi.pilotProgramme(structuredClone(edits), asOf),
  proposePilotsOf: (count: number, perDistrict: number | null, pilots: Parameters<typeof pilotsApi.proposePilots>[2]) =>
    pilotsApi.proposePilots(count, perDistrict, pilots),
}));

const { usePilots } = await import('../../src/state/pilotStore');
const { pilotsFollowData } = await import('../../src/state/pilotActions');
const { PilotsPanel } = await import('../../src/ui/pilots/PilotsPanel');
const { CentreFlagsCell } = await import('../../src/ui/pilots/CentreFlags');
const { FacilityPanel } = await import('../../src/ui/FacilityPanel');
const { RollupPlanFlags } = await import('../../src/ui/pilots/RollupPlanFlags');

// test/fixtures/pilots-tiny: communities A and B in S1街道, C in S2街道, D in T镇. Accepted pilots: A stage 9,
// B stage 7, C stage 5 removed, D stage 4. Open facilities: f1 (A, community level), f2 (B,
// community level), f4 (A, compound), f5 (D, street level); f3 (B, street level) is only planned.
const DIR = join(import.meta.dirname, '../fixtures/pilots-tiny');
const CJK = /[\u4e00-\u9fff]/;
let pkg: DataPackage;

beforeAll(async () => {
  initI18n('zh');
  const files: Record<string, Uint8Array> = {};
  for (const f of readdirSync(DIR)) files[f] = new Uint8Array(readFileSync(join(DIR, f)));
  const session = openPackage('test:pilots-tiny', files);
  pkg = session.pkg;
  rememberPilotAnalysis(analyze(pkg, { mode: 'euclidean', policy: session.policy }));
  usePilots.getState().set({ open: true, edits: { ...usePilots.getState().edits, asOf: '2026-06-30' } });
  await pilotsFollowData({ packageId: 7, manifest: { name: 'tiny' } } as MapData);
});

afterEach(async () => {
  cleanup();
  await act(() => i18next.changeLanguage('zh'));
});

describe('试点 panel and the plan’s layers in the panels (pilots-tiny)', () => {
  it('dashboard: pilots by stage, removed apart, in Chinese and English', async () => {
    render(<PilotsPanel />);
    expect(screen.getByTestId('pilots-count-pilots').textContent).toBe('4');
    expect(screen.getByTestId('pilots-count-removed').textContent).toBe('1');
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => screen.getByTestId(`stage-count-${n}`).textContent)).toEqual(['0', '0', '0', '1', '0', '0', '1', '0', '1']);
    expect(screen.getByRole('tab', { name: '概览' }).getAttribute('aria-selected')).toBe('true');
    await act(() => i18next.changeLanguage('en'));
    const panel = screen.getByTestId('pilots-panel');
    expect(screen.getByRole('tab', { name: 'Overview' })).toBeTruthy();
    // every heading, tab, label and button of the panel is English (data names may be Chinese)
    for (const el of panel.querySelectorAll(
      'h3, [role=tab], dt, button:not(.link), [data-testid=stage-count] .pl-bar-label, [data-testid=rating-count] .pl-bar-label',
    ))
      expect(el.textContent).not.toMatch(CJK);
    expect(within(panel).getByTestId('stage-count').textContent).toContain('Construction');
  });

  it('levels and landing tab: streets and communities without a centre, communities no point reaches', () => {
    render(<PilotsPanel />);
    fireEvent.click(screen.getByRole('tab', { name: '服务层级与低空+' }));
    expect(screen.getByTestId('streets-without-centre').textContent).toBe('D区 S1街道、D区 S2街道'); // A and B in S1, C in S2; T镇 has f5
    expect(screen.getByTestId('communities-without-centre').textContent).toBe('C、D');
    expect(screen.getByTestId('landing-not-reached').textContent).toBe('B、D');
    expect(screen.getByTestId('landing-table').querySelectorAll('tbody tr')).toHaveLength(3);
  });

  it('ranking cell: 街 for a street without a street-level centre, 社 without a community-level centre', () => {
    const flags = (index: number) => {
      const { container } = render(<CentreFlagsCell index={index} />);
      const out = [...container.querySelectorAll('[data-flag]')].map((e) => e.getAttribute('data-flag'));
      cleanup();
      return out;
    };
    expect([0, 1, 2, 3].map(flags)).toEqual([['street'], ['street'], ['street', 'community'], ['community']]);
  });

  it('street and district panels: a street without a street-level centre is flagged', () => {
    const flags = (level: 'street' | 'district', name: string) => {
      const { container } = render(<RollupPlanFlags rollup={{ level, name, district: 'D区' } as RollupResult} />);
      const out = [...container.querySelectorAll('[data-flag]')].map((e) => `${e.getAttribute('data-flag')}: ${e.textContent}`);
      cleanup();
      return out;
    };
    expect(flags('street', 'S1街道')).toEqual(['street: 本街道无街道级服务中心']);
    expect(flags('street', 'T镇')).toEqual([]);
    expect(flags('district', 'D区')).toEqual(['streets: 无街道级中心的街道（2）: S1街道、S2街道']);
  });

  it('facility panel: accessibility yes / no / not given', () => {
    const policy = resolvePolicy(pkg);
    const read = (id: string) => {
      render(<FacilityPanel facility={pkg.facilities.find((f) => f.id === id)!} policy={policy} />);
      const out = ['barrierFree', 'elderFriendly', 'childFriendly'].map((k) => screen.getByTestId(`access-${k}`).textContent);
      cleanup();
      return out;
    };
    expect(read('f2')).toEqual(['是', '否', '是']);
    expect(read('f3')).toEqual(['未注明', '未注明', '未注明']);
    expect(read('f4')).toEqual(['否', '未注明', '未注明']);
  });
});

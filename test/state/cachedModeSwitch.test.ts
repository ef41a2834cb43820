// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MapData } from '../../src/worker/protocol';

/** The engine worker, mocked: analyses are tagged objects; reuseRun answers what `holds` says. */
const calls = { analyze: [] as string[], reuse: [] as string[] };
let holds = true;
vi.mock('../../src/client/engineClient', () => ({
  analyzeUrl: vi.fn(async (base: string, mode: string, _p: unknown, effort = false) => {
    calls.analyze.push(`${base} ${mode} ${effort}`);
    return { tag: `${base} ${mode} ${effort}`, packageId: 1 } as unknown as MapData;
  }),
  engineRemote: () => ({
    reuseRun: vi.fn(async (url: string, mode: string, effort: boolean) => {
      calls.reuse.push(`${new URL(url).pathname} ${mode} ${effort}`);
      return holds;
    }),
  }),
}));

const { analyzeUrlCached, takeCachedRun } = await import('../../src/client/modeRunCache');
const { followCachedModes, switchToCachedMode } = await import('../../src/state/cachedModeSwitch');
const { useApp } = await import('../../src/state/appStore');

const tag = (d: MapData | null) => (d as unknown as { tag: string } | null)?.tag;

describe('a switch back to a distance mode computed before', () => {
  let straight: MapData;
  let walking: MapData;
  beforeEach(async () => {
    holds = true;
    calls.analyze.length = 0;
    calls.reuse.length = 0;
    // the package's first two modes, each analysed once
    straight = await analyzeUrlCached('data/city/', 'euclidean');
    walking = await analyzeUrlCached('data/city/', 'network');
    useApp.getState().set({ data: walking, status: 'ready', error: null, pkgData: null, dataset: 'city', mode: 'network', effort: false });
    calls.analyze.length = 0;
    calls.reuse.length = 0;
  });

  it('puts the kept data in the store at once, never setting the status to loading, and the worker makes that analysis current', async () => {
    const statuses: string[] = [];
    const unsub = useApp.subscribe((s) => statuses.push(s.status));
    const stale = vi.fn();
    expect(switchToCachedMode('city', 'euclidean', false, stale)).toBe(true);
    // synchronously: the straight-line data is on the store, in one update, still 'ready'
    expect(useApp.getState().data).toBe(straight);
    expect(statuses).toEqual(['ready']);
    expect(calls.reuse).toEqual(['/data/city/ euclidean false']); // posted before returning
    await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));
    unsub();
    expect(stale).not.toHaveBeenCalled();
    expect(calls.analyze).toEqual([]); // nothing analysed again
    expect(tag(useApp.getState().data)).toBe('data/city/ euclidean false');
  });

  it('does nothing for a mode not computed for this package, or another package', () => {
    const stale = vi.fn();
    expect(switchToCachedMode('city', 'network', true, stale)).toBe(false); // walking effort never analysed
    expect(switchToCachedMode('other', 'euclidean', false, stale)).toBe(false);
    expect(useApp.getState().data).toBe(walking);
    expect(calls.reuse).toEqual([]);
  });

  it('asks for a fresh analysis when the worker no longer holds that mode, and drops the entry', async () => {
    holds = false;
    const stale = vi.fn();
    expect(switchToCachedMode('city', 'euclidean', false, stale)).toBe(true);
    await new Promise((r) => setTimeout(r, 0));
    expect(stale).toHaveBeenCalledTimes(1);
    expect(takeCachedRun('data/city/', 'euclidean', false)).toBeNull();
    expect(takeCachedRun('data/city/', 'network', false)?.data).toBe(walking); // the other mode stays
  });

  it('swaps the data in within the same store update as the mode change (the app renders once), and only for the package on the map', () => {
    const stale = vi.fn();
    const stop = followCachedModes(stale);
    const seen: [string, string | undefined][] = [];
    const unsub = useApp.subscribe((s) => seen.push([s.mode, tag(s.data)]));
    useApp.getState().set({ mode: 'euclidean' });
    // by the time set() returns, the straight-line data is in; React reads only the final state
    expect(tag(useApp.getState().data)).toBe('data/city/ euclidean false');
    expect(seen.at(-1)).toEqual(['euclidean', 'data/city/ euclidean false']);
    expect(calls.reuse).toEqual(['/data/city/ euclidean false']);
    // another package on the map (an opened folder, packageId 2): its mode switch is not answered from this cache
    const other = { tag: 'folder', packageId: 2 } as unknown as MapData;
    useApp.getState().set({ data: other });
    useApp.getState().set({ mode: 'network' });
    expect(useApp.getState().data).toBe(other);
    expect(calls.reuse).toHaveLength(1);
    unsub();
    stop();
  });
});

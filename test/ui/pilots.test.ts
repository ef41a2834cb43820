import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { analyze, loadPackage, type Analysis, type DataPackage, type Evaluation } from '../../src/engine';
import { openPackage } from '../../src/worker/packageSession';
import { pilotsApi, rememberPilotAnalysis } from '../../src/worker/pilotsApi';
import type { MapData } from '../../src/worker/protocol';

// The client calls the worker through comlink; here the same worker module runs in-process.
vi.mock('../../src/client/pilotClient', () => ({
  pilotBase: () => pilotsApi.pilotBase(),
  pilotProgrammeOf: (edits: Parameters<typeof pilotsApi.pilotProgramme>[0], asOf: string) => pilotsApi.pilotProgramme(structuredClone(edits), asOf),
  proposePilotsOf: (count: number, perDistrict: number | null, pilots: Parameters<typeof pilotsApi.proposePilots>[2]) =>
    pilotsApi.proposePilots(count, perDistrict, pilots),
}));

const { usePilots } = await import('../../src/state/pilotStore');
const A = await import('../../src/state/pilotActions');

const DIR = join(import.meta.dirname, '../../data/sample');
const hasSample = existsSync(join(DIR, 'pilots.csv'));
let files: Record<string, Uint8Array>;
let pkg: DataPackage;
let analysis: Analysis;
let beforeProgramme: { pilots: number; view: unknown; busy: boolean };

const stageCount = (stage: number) => usePilots.getState().view!.summary.byStage[stage - 1].active;
const withoutOrder = (es: Evaluation[]) => es.map(({ order: _order, ...e }) => e);

describe.skipIf(!hasSample)('pilot edits: store, worker rules, export round trip (sample package)', () => {
  beforeAll(async () => {
    files = {};
    for (const f of readdirSync(DIR)) if (/\.(csv|json|geojson)$/.test(f)) files[f] = new Uint8Array(readFileSync(join(DIR, f)));
    const session = openPackage('test:sample', files);
    pkg = session.pkg;
    analysis = analyze(pkg, { mode: 'euclidean', policy: session.policy });
    rememberPilotAnalysis(analysis);
    usePilots.getState().set({ edits: { ...usePilots.getState().edits, asOf: '2026-06-30' } });
    // The programme waits for `before` (the app: the first map shown); the package's rows do not.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const run = A.pilotsFollowData({ packageId: 1, manifest: { name: 'sample' } } as MapData, () => gate);
    await vi.waitFor(() => expect(usePilots.getState().base).not.toBeNull());
    await new Promise((r) => setTimeout(r, 300)); // time enough for the programme, were it not waiting
    beforeProgramme = { pilots: usePilots.getState().edits.pilots.length, view: usePilots.getState().view, busy: usePilots.getState().busy };
    release();
    await run;
  });

  it('has the package’s rows before the programme, which waits for its turn', () => {
    expect(pkg.pilots?.length).toBeGreaterThan(0);
    expect(beforeProgramme).toEqual({ pilots: pkg.pilots?.length, view: null, busy: true });
    expect(usePilots.getState().view).not.toBeNull();
  });

  it('starts from the package’s own rows, the programme computed on the as-of date', () => {
    const s = usePilots.getState();
    expect(s.edits.pilots).toEqual(pkg.pilots);
    expect(s.edits.evaluations).toEqual(pkg.evaluations);
    expect(s.edits.changed).toBe(false);
    expect(s.view!.asOf).toBe('2026-06-30');
    // golden programme.json of the sample at 2026-06-30 (test/fixtures/pilots-sample/expected)
    const golden = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/pilots-sample/expected/programme.json'), 'utf8')) as {
      byStage: { active: number }[];
      started: number;
    };
    expect(s.view!.summary.byStage.map((b) => b.active)).toEqual(golden.byStage.map((b) => b.active));
    expect(s.view!.summary.started).toBe(golden.started);
  });

  it('moving a pilot one stage on changes the stage counts by exactly one', async () => {
    const id = '500103005010'; // stage 7, construction started 2025-08-01
    const before = [stageCount(7), stageCount(8), usePilots.getState().view!.summary.started];
    expect(A.advanceStage(id)).toBeNull();
    await A.recomputePilots();
    expect([stageCount(7), stageCount(8), usePilots.getState().view!.summary.started]).toEqual([before[0] - 1, before[1] + 1, before[2]]);
    expect(usePilots.getState().edits.changed).toBe(true);
  });

  it('a change the loader would reject is refused with its reason and the row kept', () => {
    const id = '500103005010';
    const row = usePilots.getState().edits.pilots.find((p) => p.communityId === id)!;
    expect(A.updatePilot(id, { trialStartDate: '2025-07-01' })).toEqual({ code: 'dateOrder', field: 'trial_start_date', before: 'construction_start_date' });
    expect(A.updatePilot(id, { stage: 5 })).toEqual({ code: 'stageBeforeDates', field: 'construction_start_date', min: 7 });
    expect(usePilots.getState().edits.pilots.find((p) => p.communityId === id)).toBe(row);
    // a stage-4 pilot reached from stage 3 gets the as-of date as its approved date
    expect(A.advanceStage('500103013008')).toBeNull();
    expect(usePilots.getState().edits.pilots.find((p) => p.communityId === '500103013008')).toMatchObject({ stage: 4, approvedDate: '2026-06-30' });
  });

  it('an added evaluation is rated by the engine: a fail starts the rectification', async () => {
    const id = '500103001015'; // stage 8, trial operation since 2026-02-01
    const scores = { facilities: 50, operation: 50, staffing: 50, service_quality: 50, finance: 50, satisfaction: 50, reputation: 50 };
    expect(A.addEvaluation({ communityId: id, date: '2026-01-15', kind: 'annual', scores })).toEqual({ code: 'beforeTrial' });
    expect(A.addEvaluation({ communityId: id, date: '2026-05-01', kind: 'trial', scores: { ...scores, finance: 101 } })).toEqual({
      code: 'scoreRange',
      field: 'finance',
    });
    expect(A.addEvaluation({ communityId: id, date: '2026-05-01', kind: 'trial', scores })).toBeNull();
    await A.recomputePilots();
    const st = usePilots.getState().view!.statuses.find((s) => s.pilot.communityId === id)!;
    expect(st.latestRating).toBe('fail');
    expect(st.rectification.deadline).toBe('2026-08-01');
    expect(st.flags).not.toContain('evaluation_due');
  });

  it('proposal: N by need, removed and added by hand, adopted as stage-4 pilots of a new batch', async () => {
    await A.proposeNow(3, null);
    const proposal = usePilots.getState().proposal;
    expect(proposal.map((r) => r.rank)).toEqual([1, 2, 3]);
    const active = new Set(
      usePilots
        .getState()
        .edits.pilots.filter((p) => p.status === 'active')
        .map((p) => p.communityId),
    );
    for (const r of proposal) expect(active.has(r.community.id)).toBe(false);
    A.dropProposal(proposal[1].community.id);
    const extra = analysis.communities.find((c) => !active.has(c.id) && !proposal.some((r) => r.community.id === c.id))!;
    expect(A.addProposal(extra)).toBe(true);
    expect(A.addProposal(extra)).toBe(false); // listed already
    expect(A.addProposal(analysis.communities.find((c) => active.has(c.id))!)).toBe(false); // an active pilot cannot be proposed
    const ids = usePilots.getState().proposal.map((r) => r.community.id);
    expect(ids).toEqual([proposal[0].community.id, proposal[2].community.id, extra.id]);
    const before = usePilots.getState().edits.pilots.length;
    const lastBatch = Math.max(...usePilots.getState().edits.pilots.map((p) => p.batch));
    expect(A.adoptProposal()).toBe(3);
    const pilots = usePilots.getState().edits.pilots;
    expect(pilots.length).toBe(before + 3);
    for (const id of ids)
      expect(pilots.find((p) => p.communityId === id)).toMatchObject({ stage: 4, status: 'active', batch: lastBatch + 1, approvedDate: '2026-06-30' });
    expect(usePilots.getState().proposal).toEqual([]);
  });

  it('exported pilots.csv and evaluations.csv read back by the engine equal the edits', () => {
    const edits = usePilots.getState().edits;
    const out = A.pilotFilesOf(edits);
    const enc = new TextEncoder();
    const back = loadPackage({ ...files, 'pilots.csv': enc.encode(out['pilots.csv']), 'evaluations.csv': enc.encode(out['evaluations.csv']) });
    expect(back.rejected.filter((r) => r.file === 'pilots.csv' || r.file === 'evaluations.csv')).toEqual([]);
    expect(back.pilots).toEqual(edits.pilots);
    expect(withoutOrder(back.evaluations!)).toEqual(withoutOrder(edits.evaluations));
    expect(back.pilots!.find((p) => p.communityId === '500103005010')!.stage).toBe(8);
  });
});

describe('afterFirstMap: the pilot programme waits for the first picture of the analysed data', () => {
  it('runs at once unless the map is drawing it, then once when that stage ends; a cancel stops it', async () => {
    const { useApp } = await import('../../src/state/appStore');
    const set = (stage: 'draw' | 'done') => useApp.getState().set({ firstMapPending: stage === 'draw' });
    const calls: string[] = [];
    set('done');
    A.afterFirstMap(() => calls.push('now'));
    expect(calls).toEqual(['now']);

    set('draw');
    A.afterFirstMap(() => calls.push('later'));
    const cancel = A.afterFirstMap(() => calls.push('cancelled'));
    useApp.getState().set({ lang: useApp.getState().lang === 'en' ? 'zh' : 'en' }); // another change: still drawing
    expect(calls).toEqual(['now']);
    cancel();
    set('done');
    expect(calls).toEqual(['now', 'later']);
    set('draw');
    set('done');
    expect(calls).toEqual(['now', 'later']); // once
  });
});

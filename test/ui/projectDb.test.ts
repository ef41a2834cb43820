import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { emptyProject } from '../../src/state/projects/projectFormat';
import { deleteProject, getCurrentId, getProject, listProjects, putProject, setCurrentId } from '../../src/state/projects/projectDb';
import { captureProject, applyProject, useProjectSession } from '../../src/state/projects/projectSession';
import { useBlueprint } from '../../src/state/blueprintStore';
import { useApp } from '../../src/state/appStore';

describe('projects kept in IndexedDB', () => {
  it('put, list newest first, get (bytes kept), current pointer, delete', async () => {
    const a = emptyProject('aaa', '甲', 1000);
    const b = { ...emptyProject('bbb', '乙', 2000), package: { kind: 'files' as const, files: [{ name: 'buildings.csv', bytes: new Uint8Array([9, 8, 7]) }] } };
    await putProject(a);
    await putProject(b);
    expect(await listProjects()).toEqual([
      { id: 'bbb', name: '乙', modified: 2000 },
      { id: 'aaa', name: '甲', modified: 1000 },
    ]);
    const got = await getProject('bbb');
    expect(got?.package.kind === 'files' && [...got.package.files[0].bytes]).toEqual([9, 8, 7]);
    await setCurrentId('bbb');
    expect(await getCurrentId()).toBe('bbb');
    await deleteProject('bbb');
    expect(await getCurrentId()).toBeNull();
    expect(await getProject('bbb')).toBeNull();
    expect((await listProjects()).map((p) => p.id)).toEqual(['aaa']);
  });

  it('the working state: scenario with undo history, slots, scope and view come back as they were', async () => {
    useProjectSession.getState().set({ id: 'work1', name: '工作' });
    useApp.getState().set({ service: 'childcare', selection: { kind: 'community', id: 'X1' }, selectLevel: 'street', rankingOpen: true });
    const first = { added: [{ id: 'C1', candidateId: 'C1', services: ['meals' as const], areaM2: 90 }], removed: [], moved: [] };
    useBlueprint.getState().set({
      scopeKind: 'district',
      district: '渝中区',
      scenario: first,
      history: [{ added: [], removed: [], moved: [] }],
      slots: { A: { name: 'A', scenario: first }, B: null },
      nextPointId: 3,
    });
    const p = captureProject(5000);
    await putProject(p);
    // Everything changes …
    useApp.getState().set({ service: 'meals', selection: null, selectLevel: 'community', rankingOpen: false });
    useBlueprint.getState().set({ scopeKind: 'all', district: '', scenario: { added: [] }, history: [], slots: { A: null, B: null }, nextPointId: 1 });
    // … and comes back from the database.
    applyProject((await getProject('work1'))!);
    const bp = useBlueprint.getState();
    expect(bp.scenario).toEqual(first);
    expect(bp.history).toEqual([{ added: [], removed: [], moved: [] }]);
    expect(bp.slots.A).toEqual({ name: 'A', scenario: first });
    expect([bp.scopeKind, bp.district, bp.nextPointId]).toEqual(['district', '渝中区', 3]);
    const app = useApp.getState();
    expect([app.service, app.selection, app.selectLevel, app.rankingOpen, app.project]).toEqual([
      'childcare',
      { kind: 'community', id: 'X1' },
      'street',
      true,
      'work1',
    ]);
    expect(useProjectSession.getState().name).toBe('工作');
  });
});

/* eslint-disable @typescript-eslint/no-explicit-any -- hostile JSON is patched field by field */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  PROJECT_VERSION,
  ProjectFileError,
  deserialiseProject,
  emptyProject,
  migrateProject,
  projectErrorMessage,
  serialiseProject,
  type Project,
} from '../../src/state/projects/projectFormat';
import type { BlueprintRun } from '../../src/worker/protocol';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/projects/${name}`, import.meta.url), 'utf8');

function fullProject(): Project {
  const p = emptyProject('p1abc', '沙坪坝 试点', 1_700_000_000_000);
  p.package = { kind: 'files', files: [{ name: 'communities.geojson', bytes: new Uint8Array([0, 1, 2, 250, 255]) }] };
  p.packageIdentity = '示例~0a1b2c3d';
  p.view = '?service=childcare&lvl=s';
  p.blueprint = {
    ...p.blueprint,
    scopeKind: 'street',
    district: '渝中区',
    street: '渝中区\u0000解放碑街道',
    run: {
      result: { sites: [{ candidateId: 'C00002', services: ['meals'], areaM2: 90 }] },
      newlyReached: new Int32Array([3, -1, 70000]),
      ms: 12,
    } as unknown as BlueprintRun,
  };
  p.scenario = {
    current: {
      added: [{ id: 'C00002', candidateId: 'C00002', services: ['meals'], areaM2: 90 }],
      removed: ['F1'],
      moved: [{ facilityId: 'F2', lon: 106.5, lat: 29.5 }],
    },
    history: [{ added: [], removed: [], moved: [] }],
    nextPointId: 4,
  };
  p.slots = { A: { name: '方案 A', scenario: { added: [], removed: ['F1'], moved: [] } }, B: null };
  p.slices = { pilot: { sites: ['C00002'], year: 2027 } };
  return p;
}

describe('project file: write and read back', () => {
  it('round-trips every part, typed arrays and unknown slices included', () => {
    const p = fullProject();
    const text = serialiseProject(p);
    const o = JSON.parse(text) as { format: string; version: number };
    expect([o.format, o.version]).toEqual(['yulintu-project', 2]);
    const back = deserialiseProject(text);
    expect(back).toEqual(p);
    const files = back.package.kind === 'files' ? back.package.files : [];
    expect(files[0].bytes).toBeInstanceOf(Uint8Array);
    expect([...files[0].bytes]).toEqual([0, 1, 2, 250, 255]);
    expect(back.blueprint.run?.newlyReached).toBeInstanceOf(Int32Array);
    expect([...back.blueprint.run!.newlyReached]).toEqual([3, -1, 70000]);
    expect(back.blueprint.scopeKind).toBe('street'); // a saved project keeps its blueprint scope
    expect(back.blueprint.street).toBe('渝中区\u0000解放碑街道');
  });
});

describe('project file: migration of older versions', () => {
  it('v0 (a 导出方案 scenario file) becomes a project on the sample with that scenario', () => {
    const p = deserialiseProject(fixture('v0-scenario.json'), 42);
    expect(p.version).toBe(PROJECT_VERSION);
    expect(p.name).toBe('方案甲');
    expect(p.package).toEqual({ kind: 'url', dataset: 'sample' });
    expect(p.scenario.current.added?.map((a) => a.id)).toEqual(['C00005', 'new-3']);
    expect(p.scenario.current.removed).toEqual(['F00001']);
    expect(p.scenario.nextPointId).toBe(4); // after new-3
    expect(p.created).toBe(42);
    expect(p.id).toMatch(/^[a-z0-9]{16}$/);
  });

  it('v1 keeps id, name, dataset, view, scenario, history, slots and its scope', () => {
    const p = deserialiseProject(fixture('v1-project.json'));
    expect([p.id, p.name, p.created, p.modified]).toEqual(['oldproj01', '渝中区试点', 1700000000000, 1700000100000]);
    expect(p.view).toBe('?service=childcare&map=14.00/29.55000/106.57000');
    expect(p.scenario.current).toEqual({ added: [{ id: 'new-7', lon: 106.56, lat: 29.56, services: ['meals'], areaM2: 120 }], removed: [], moved: [] });
    expect(p.scenario.history).toEqual([{ added: [], removed: [], moved: [] }]);
    expect(p.scenario.nextPointId).toBe(8);
    expect(p.slots.A).toEqual({ name: 'A 方案', scenario: { added: [], removed: ['F00002'], moved: [] } });
    expect([p.blueprint.scopeKind, p.blueprint.district]).toEqual(['district', '渝中区']);
    expect(p.blueprint.run).toBeNull();
    expect(p.slices).toEqual({});
  });

  it('migrateProject steps v1 to the current version', () => {
    const o = migrateProject(JSON.parse(fixture('v1-project.json')) as Record<string, unknown>);
    expect(o.version).toBe(PROJECT_VERSION);
  });
});

describe('a bad project file gives a clear error in the current language', () => {
  const code = (text: string) => {
    try {
      deserialiseProject(text);
    } catch (e) {
      expect(e).toBeInstanceOf(ProjectFileError);
      return (e as ProjectFileError).code;
    }
    return 'accepted';
  };

  it('not JSON, wrong format, newer or missing version', () => {
    expect(code('{"format": "yulintu-project", ')).toBe('notJson');
    expect(code('[1,2]')).toBe('wrongFormat');
    expect(code('{"type": "FeatureCollection"}')).toBe('wrongFormat');
    expect(code('{"format": "yulintu-project", "version": 99}')).toBe('newerVersion');
    expect(code('{"format": "yulintu-project", "version": "2"}')).toBe('badVersion');
    expect(code('{"format": "yulintu-project"}')).toBe('badVersion');
  });

  it('messages in zh and en, with the numbers', () => {
    let err: unknown;
    try {
      deserialiseProject('{"format": "yulintu-project", "version": 99}');
    } catch (e) {
      err = e;
    }
    expect(projectErrorMessage(err, 'zh')).toBe('项目文件版本 99 比本程序支持的 2 新，请更新渝邻图。');
    expect(projectErrorMessage(err, 'en')).toBe('Project file version 99 is newer than the supported 2; update Yulintu.');
    expect(projectErrorMessage(new ProjectFileError('notJson'), 'en')).toBe('The project file is not valid JSON.');
  });

  it('hostile values: named by field, never accepted', () => {
    const good = JSON.parse(serialiseProject(fullProject())) as Record<string, any>;
    const bad = (patch: (o: Record<string, any>) => void) => {
      const o = structuredClone(good);
      patch(o);
      try {
        deserialiseProject(JSON.stringify(o));
        return 'accepted';
      } catch (e) {
        return (e as ProjectFileError).params.field;
      }
    };
    expect(bad((o) => (o.id = '../../etc'))).toBe('id');
    expect(bad((o) => (o.package = { kind: 'url', dataset: '../secret' }))).toBe('package.dataset');
    expect(bad((o) => (o.package.files[0].name = '../x.json'))).toBe('package.files[0].name');
    expect(bad((o) => (o.package.files[0].bytes = { $typed: 'Function', base64: '' }))).toBe('$typed');
    expect(bad((o) => (o.scenario.current.added[0].areaM2 = 1e308))).toBe('scenario.current.added[0].areaM2');
    expect(bad((o) => (o.scenario.current.added[0].services = ['<script>']))).toBe('scenario.current.added[0].services');
    expect(bad((o) => (o.scenario.current.moved[0].lat = 'NaN'))).toBe('scenario.current.moved[0].lat');
    expect(bad((o) => (o.scenario.history = 'x'))).toBe('scenario.history');
    expect(bad((o) => (o.blueprint.scopeKind = '__proto__'))).toBe('blueprint.scopeKind');
    expect(bad((o) => (o.blueprint.run = { result: { sites: [{}] } }))).toBe('blueprint.run');
    expect(bad((o) => (o.view = 'x'.repeat(5000)))).toBe('view');
  });

  it('names lose control and bidi characters and are cut to 120', () => {
    const o = JSON.parse(serialiseProject(fullProject())) as Record<string, any>;
    o.name = `a\u001b[31mb\u202ec${'长'.repeat(300)}`;
    const p = deserialiseProject(JSON.stringify(o));
    expect(p.name.startsWith('a [31mb c长')).toBe(true);
    expect(p.name).toHaveLength(120);
  });
});

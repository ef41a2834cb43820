import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import * as Comlink from 'comlink';
import { runPackage, sendRoadsAhead } from '../../src/worker/mapRun';
import { fetchPackage } from '../../src/worker/fetchPackage';
import { currentPackage } from '../../src/worker/packageSession';
import { snapshotApi } from '../../src/worker/packageSnapshotApi';
import { holdPackage, mapDataOf } from '../../src/client/joinMapData';
import type { MapRun, PackageCallback, PackageMapData, RoadsAhead } from '../../src/worker/protocol';
import { loadPackage } from '../../src/engine/index';

const DIR = join(import.meta.dirname, '../fixtures/tiny-network');
const read = (): Record<string, Uint8Array> => {
  const files: Record<string, Uint8Array> = {};
  for (const f of readdirSync(DIR)) if (f.includes('.')) files[f] = new Uint8Array(readFileSync(join(DIR, f)));
  return files;
};

/**
 * The run as the engine worker exposes it, across a real MessageChannel (structured clone and
 * transfer as between a worker and the page). `sent` and `answered` keep the worker's own
 * objects, to see what a transfer left behind.
 */
const worker: { sent: PackageMapData | null; ahead: RoadsAhead | null; answered: MapRun | null } = { sent: null, ahead: null, answered: null };
const api = {
  async run(key: string, mode: 'euclidean' | 'network', held: number | undefined, onPackage?: PackageCallback): Promise<MapRun> {
    const wrapped = onPackage
      ? async (p: PackageMapData | RoadsAhead) => {
          if ('kind' in p) worker.ahead = p;
          else worker.sent = p;
          await onPackage(p);
        }
      : undefined;
    const out = await runPackage(key, read(), mode, undefined, false, held, wrapped);
    worker.answered = out;
    return out;
  },
};
const { port1, port2 } = new MessageChannel();
Comlink.expose(api, port1 as unknown as Comlink.Endpoint);
const remote = Comlink.wrap<typeof api>(port2 as unknown as Comlink.Endpoint);
afterAll(() => {
  port1.close();
  port2.close();
});

describe('a map run sends the package part ahead of the analysis', () => {
  it('posts the package part first, transferred (the worker keeps no copy), then the analysis part without it', async () => {
    const events: string[] = [];
    let part: PackageMapData | null = null;
    let ahead: RoadsAhead | null = null;
    const onPackage = Comlink.proxy((p: PackageMapData | RoadsAhead) => {
      if ('kind' in p) {
        events.push('roads');
        ahead = p;
        return;
      }
      events.push('package');
      part = p;
      holdPackage(p);
    });
    const run = await remote.run('run-test-1', 'euclidean', undefined, onPackage);
    events.push('analysis');
    expect(events).toEqual(['roads', 'package', 'analysis']);
    const p = part as unknown as PackageMapData;
    // the roads went first, as the map's JSON of the package's roads, and not again with the part
    const roads = JSON.parse(new TextDecoder().decode((ahead as unknown as RoadsAhead).sourceJson.roads)) as { features: unknown[] };
    expect(roads).toEqual(JSON.parse(JSON.stringify(currentPackage()!.pkg.roads)));
    expect(roads.features.length).toBe(loadPackage(read()).roads!.features.length);
    expect(p.sourceJson!.roads).toBeUndefined();
    expect(worker.ahead!.sourceJson.roads.byteLength).toBe(0); // transferred
    expect(run.package).toBeUndefined(); // it went ahead
    expect(run.packageId).toBe(p.packageId);
    // on the page: whole arrays; in the worker: detached buffers (transferred, not copied)
    expect(p.buildings.count).toBe(7);
    expect(p.buildings.position.length).toBe(14);
    expect(p.sourceJson!.communities!.byteLength).toBeGreaterThan(0);
    const sent = worker.sent!;
    expect(sent.buildings.position.byteLength).toBe(0);
    expect(sent.buildings.households.byteLength).toBe(0);
    expect(sent.communityMesh.triangles.byteLength).toBe(0);
    expect(sent.sourceJson!.communities!.byteLength).toBe(0);
    // the analysis part's arrays are transferred too
    expect(run.run.covered.length).toBe(7 * run.run.analysis.coverage.length);
    expect(worker.answered!.run.covered.byteLength).toBe(0);
    expect(worker.answered!.run.h3.uncovered.byteLength).toBe(0);
    // and the page joins them
    const d = mapDataOf(run);
    expect(d.buildings.position).toBe(p.buildings.position);
    expect(d.buildings.covered).toBe(run.run.covered);
    expect(d.analysis.mode).toBe('euclidean');
    expect(Object.keys(run.run.timings).sort()).toEqual(['analyze', 'h3', 'load', 'pack', 'packagePack']);
  });

  it('analyses without waiting for the page to take the package part; answers only once it has', async () => {
    const stages: string[] = [];
    let take: () => void = () => undefined;
    const taken = new Promise<void>((r) => (take = r));
    let settled = false;
    const run = runPackage(
      'run-test-4',
      read(),
      'euclidean',
      (stage) => stages.push(stage),
      false,
      undefined,
      (p) => {
        if ('kind' in p) return void stages.push('roads');
        stages.push('package part');
        return taken;
      },
    ).then((r) => {
      settled = true;
      return r;
    });
    await new Promise((r) => setTimeout(r, 20));
    // the whole analysis ran while the page had not answered the part
    expect(stages.slice(0, 2)).toEqual(['load', 'roads']);
    expect(stages.indexOf('package part')).toBeLessThan(stages.indexOf('h3'));
    expect(stages.at(-1)).toBe('transfer');
    expect(settled).toBe(false); // the answer waits for the page to hold the part
    take();
    const out = await run;
    expect(out.package).toBeUndefined();
    expect(out.run.covered.length).toBe(7 * out.run.analysis.coverage.length);
  });

  it('sends no package part again when the page holds it (a mode switch)', async () => {
    let calls = 0;
    const first = await remote.run(
      'run-test-2',
      'euclidean',
      undefined,
      Comlink.proxy((p: PackageMapData | RoadsAhead) => void (calls += 'kind' in p ? 0 : 1)),
    );
    const again = await remote.run(
      'run-test-2',
      'network',
      first.packageId,
      Comlink.proxy(() => void calls++), // nothing at all: not even roads
    );
    expect(calls).toBe(1);
    expect(again.package).toBeUndefined();
    expect(again.packageId).toBe(first.packageId);
    expect(again.run.analysis.mode).toBe('network');
  });

  it('roads read ahead leave the package as loadPackage reads it: the same roads, the same rejections in the same order', async () => {
    const files = read();
    const fc = JSON.parse(new TextDecoder().decode(files['roads.geojson'])) as { features: unknown[] };
    fc.features.splice(1, 0, { type: 'Feature', properties: { id: 'bad-road' }, geometry: { type: 'Point', coordinates: [106.5, 29.5] } });
    files['roads.geojson'] = new TextEncoder().encode(JSON.stringify(fc));
    const got: string[] = [];
    await runPackage('run-test-rejects', files, 'euclidean', undefined, false, undefined, (p) => void got.push('kind' in p ? p.kind : 'package'));
    expect(got).toEqual(['roads ahead', 'package']);
    const direct = loadPackage(files);
    const s = currentPackage()!;
    expect(s.pkg.rejected).toEqual(direct.rejected);
    expect(s.pkg.rejected.some((r) => r.id === 'bad-road' && r.file === 'roads.geojson')).toBe(true);
    expect(s.pkg.roads).toEqual(direct.roads);
  });

  it('roads sent while the package is fetched (fetchPackage onFile) are not read or sent again; the package loads as loadPackage reads it', async () => {
    const served = read();
    const base = 'http://test.invalid/data/tiny-ahead/';
    // index.json lists roads first; each file lands in turn (a fetch resolves when the one before has)
    const names = ['roads.geojson', 'manifest.json', ...Object.keys(served).filter((f) => f !== 'roads.geojson' && f !== 'manifest.json')];
    let landed = Promise.resolve();
    vi.stubGlobal('fetch', async (url: string) => {
      const name = url.slice(base.length);
      if (name === 'index.json') return new Response(JSON.stringify({ files: names }));
      const turn = landed.then(() => new Response(served[name] as BlobPart));
      landed = turn.then(() => undefined);
      return turn;
    });
    try {
      const got: string[] = [];
      const onPackage: PackageCallback = (p) => void got.push('kind' in p ? p.kind : 'package');
      const seen: string[][] = [];
      let roads: ReturnType<typeof sendRoadsAhead> | undefined;
      const files = await fetchPackage(base, undefined, (g) => {
        seen.push(Object.keys(g).sort());
        if (roads === undefined && g['manifest.json'] && g['roads.geojson']) {
          roads = sendRoadsAhead(g, onPackage);
          got.push(`read with ${Object.keys(g).length} of ${names.length} files`);
        }
      });
      expect(seen.map((k) => k.length)).toEqual(names.map((_, i) => i + 1)); // once per file, with those landed so far
      expect(got).toEqual(['roads ahead', `read with 2 of ${names.length} files`]);
      await runPackage(base, files, 'euclidean', undefined, false, undefined, onPackage, 1, false, roads);
      expect(got).toEqual(['roads ahead', `read with 2 of ${names.length} files`, 'package']); // the roads not sent again
      const direct = loadPackage(served);
      expect(currentPackage()!.pkg.roads).toEqual(direct.roads);
      expect(currentPackage()!.pkg.rejected).toEqual(direct.rejected);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('a package whose roads cannot be read sends none ahead; loading it fails as before', async () => {
    const files = read();
    files['roads.geojson'] = new TextEncoder().encode('{"type": "FeatureCollection", "features": [');
    const got: string[] = [];
    await expect(
      runPackage('run-test-bad-roads', files, 'euclidean', undefined, false, undefined, (p) => void got.push('kind' in p ? p.kind : 'package')),
    ).rejects.toMatchObject({
      code: 'E_BAD_JSON',
    });
    expect(got).toEqual([]);
  });

  it('without a callback the package part comes with the answer', async () => {
    const run = await remote.run('run-test-3', 'euclidean', undefined);
    expect(run.package?.packageId).toBe(run.packageId);
    expect(run.package?.buildings.count).toBe(7);
    expect(worker.answered!.package!.buildings.position.byteLength).toBe(0); // transferred with the answer
  });
});

describe('a served package’s bytes are not kept once parsed', () => {
  it('the session drops them; the solver snapshot and publishing fetch them again from the URL', async () => {
    const served = read();
    const base = 'http://test.invalid/data/tiny/';
    const fetched: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      fetched.push(url);
      const name = url.slice(base.length);
      if (name === 'index.json') return new Response(JSON.stringify({ files: Object.keys(served) }));
      return served[name] ? new Response(served[name] as BlobPart) : new Response('', { status: 404 });
    });
    try {
      await runPackage(base, await fetchPackage(base), 'euclidean', undefined, false, undefined, undefined, undefined, false);
      const s = currentPackage()!;
      expect(s.key).toBe(base);
      expect(s.files).toBeUndefined();
      fetched.length = 0;
      const snap = await snapshotApi.packageSnapshot(true);
      expect(fetched).toContain(`${base}index.json`);
      expect(Object.keys(snap.files!).sort()).toEqual(Object.keys(served).sort());
      expect([...snap.files!['buildings.csv']]).toEqual([...served['buildings.csv']]);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('opened files are kept (they cannot be fetched again)', async () => {
    await remote.run('run-test-kept', 'euclidean', undefined);
    expect(currentPackage()!.files!['buildings.csv'].length).toBe(read()['buildings.csv'].length);
  });
});

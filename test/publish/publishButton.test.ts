/**
 * The planner's 发布公众地图 button makes the same site as `npm run cli -- publish`: the engine
 * worker's publishSession (on a package session, as the worker holds it) plus the main thread's
 * assembleSite + zip give, unzipped, the same files byte for byte as the CLI writes for the same
 * inputs (title, mode, the same approved sites given as a blueprint file).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { runPublish } from '../../scripts/commands/publish';
import { ensurePublicBundle, listFiles } from '../../scripts/lib/publicBundle';
import { readPackageDir } from '../../scripts/lib/readPackageDir';
import { assembleSite } from '../../src/engine/index';
import { zipSite } from '../../src/state/publishActions';
import { openPackage } from '../../src/worker/packageSession';
import { publishSession } from '../../src/worker/publishApi';

const ROOT = join(import.meta.dirname, '../..');
const SAMPLE = join(ROOT, 'data/sample');
const work = mkdtempSync(join(tmpdir(), 'yl-pubbtn-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function cliSite(dir: string): Map<string, Uint8Array> {
  return new Map(listFiles(dir).map((f) => [f, new Uint8Array(readFileSync(join(dir, f)))]));
}

describe('发布公众地图 (header) = npm run cli -- publish', () => {
  const [c1, c2] = readFileSync(join(SAMPLE, 'candidates.csv'), 'utf8')
    .split('\n')
    .slice(1, 3)
    .map((l) => l.split(',')[0]);

  for (const mode of ['euclidean', 'network'] as const) {
    it(`${mode}: same file list and bytes, approved sites with a public name`, async () => {
      const bundleDir = await ensurePublicBundle();
      const bundle = new Map(listFiles(bundleDir).map((f) => [f, new Uint8Array(readFileSync(join(bundleDir, f)))]));
      // the app's path: the worker's session and publish call, then assemble and zip
      const session = openPackage(`sample-${mode}`, readPackageDir(SAMPLE) as Record<string, Uint8Array>);
      const approved = [
        { candidateId: c1, services: ['meals', 'elderly_care'] as const, level: 'scattered' as const, publicName: '新华路长者食堂' },
        { candidateId: c2, services: ['health'] as const },
      ].map((a) => ({ ...a, services: [...a.services] }));
      const data = publishSession(session, { title: '测试区社区服务地图', mode, approved });
      const zipped = unzipSync(zipSite(assembleSite(bundle, new Map(Object.entries(data.files)))));

      // the CLI's path, with the same sites in a blueprint file
      const bp = join(work, `bp-${mode}.geojson`);
      const features = approved.map((a) => ({
        type: 'Feature',
        geometry: null,
        properties: { id: a.candidateId, approved: true, services: a.services, level: a.level, public_name: a.publicName },
      }));
      writeFileSync(bp, JSON.stringify({ type: 'FeatureCollection', features }));
      const out = join(work, `site-${mode}`);
      await runPublish(['--data', SAMPLE, '--out', out, '--mode', mode, '--title', '测试区社区服务地图', '--blueprint', bp]);
      const cli = cliSite(out);

      expect(Object.keys(zipped).sort()).toEqual([...cli.keys()].sort());
      expect([...cli.keys()]).toEqual(expect.arrayContaining(['index.html', 'sw.js', 'data/site.json', 'data/planned.json', 'data/communities.json']));
      expect(cli.has('data/network.json')).toBe(mode === 'network');
      for (const [f, bytes] of cli) expect(Buffer.from(zipped[f]).equals(Buffer.from(bytes)), f).toBe(true);
      // the approved sites are there, under their public names
      const planned = JSON.parse(new TextDecoder().decode(zipped['data/planned.json'])) as { name: string; services: string[] }[];
      expect(planned.map((p) => p.name)).toContain('新华路长者食堂');
      expect(planned).toHaveLength(2);
    }, 180_000);
  }

  it('refuses an approved site that names no candidate of the package', () => {
    const session = openPackage('sample-bad', readPackageDir(SAMPLE) as Record<string, Uint8Array>);
    expect(() => publishSession(session, { mode: 'euclidean', approved: [{ candidateId: 'NOPE', services: ['meals'] }] })).toThrow(
      expect.objectContaining({ code: 'E_ARGUMENT' }),
    );
  });
});

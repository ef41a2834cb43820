/** `npm run cli -- blueprint` as a user runs it: the four files, their formats, exit codes. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from './helpers/fixtures';

const ROOT = join(import.meta.dirname, '..');
function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/cli.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, stderr: r.stderr };
}

describe('npm run cli -- blueprint', () => {
  it('writes blueprint.geojson, sites.csv, communities-before-after.csv and blueprint.json for a street of the sample', () => {
    const out = mkdtempSync(join(tmpdir(), 'yl-bp-'));
    const r = cli(
      'blueprint',
      '--data',
      join(ROOT, 'data', 'sample'),
      '--out',
      out,
      '--street',
      '七星岗街道',
      '--sites',
      '3',
      '--budget',
      '800',
      '--time-limit',
      '20',
    );
    expect(r.stderr).toContain('blueprint');
    expect(r.status).toBe(0);
    const json = JSON.parse(readFileSync(join(out, 'blueprint.json'), 'utf8'));
    const geo = JSON.parse(readFileSync(join(out, 'blueprint.geojson'), 'utf8'));
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.features).toHaveLength(json.sites.length);
    expect(json.sites.length).toBeGreaterThan(0);
    expect(json.sites.length).toBeLessThanOrEqual(3);
    expect(json.totals.costWan).toBeLessThanOrEqual(800);
    expect(geo.features[0].geometry.coordinates).toEqual([json.sites[0].lon, json.sites[0].lat]);
    const sites = readFileSync(join(out, 'sites.csv'));
    expect([...sites.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(sites.toString('utf8').trim().split(/\r\n/)).toHaveLength(json.sites.length + 1);
    const rows = readFileSync(join(out, 'communities-before-after.csv'), 'utf8').slice(1).trim().split(/\r\n/);
    expect(rows).toHaveLength(json.scope.communities.length + 1);
    expect(rows.slice(1).every((l) => l.split(',')[2] === '七星岗街道')).toBe(true);
  });

  it('exits 2 for a bad --sites, an unknown street, a package without candidates', () => {
    const out = mkdtempSync(join(tmpdir(), 'yl-bp-'));
    expect(cli('blueprint', '--data', join(ROOT, 'data', 'sample'), '--out', out, '--sites', 'x').status).toBe(2);
    const r = cli('blueprint', '--data', join(ROOT, 'data', 'sample'), '--out', out, '--street', '无此街道');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('E_ARGUMENT');
    const noCandidates = mkdtempSync(join(tmpdir(), 'yl-bp-pkg-'));
    cpSync(join(FIXTURES, 'tiny'), noCandidates, { recursive: true });
    rmSync(join(noCandidates, 'candidates.csv'));
    const n = cli('blueprint', '--data', noCandidates, '--out', out);
    expect(n.status).toBe(2);
    expect(n.stderr).toContain('candidates.csv');
  });
});

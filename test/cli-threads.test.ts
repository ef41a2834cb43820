/** `analyze --threads 1|2`: the second thread (roads.geojson, straight-line coverage) changes no output byte. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from './helpers/fixtures';

const ROOT = join(import.meta.dirname, '..');
function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/cli.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, stderr: r.stderr };
}

/** bad-rows with a roads.geojson of one good line, a Point, a one-vertex line and a coordinate out of range. */
function packageWithRoads(roads: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'yl-threads-'));
  cpSync(join(FIXTURES, 'bad-rows'), dir, { recursive: true });
  writeFileSync(join(dir, 'roads.geojson'), roads);
  return dir;
}

const line = (coords: number[][], id: string) => ({ type: 'Feature', properties: { id }, geometry: { type: 'LineString', coordinates: coords } });
const ROADS = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    line(
      [
        [106.5, 29.5],
        [106.501, 29.5],
      ],
      'r1',
    ),
    { type: 'Feature', properties: { id: 'r2' }, geometry: { type: 'Point', coordinates: [106.5, 29.5] } },
    line([[106.5, 29.5]], 'r3'),
    line(
      [
        [106.5, 29.5],
        [186.5, 29.5],
      ],
      'r4',
    ),
  ],
});

const files = ['communities.csv', 'summary.json', 'rejected.csv'];
const read = (out: string) => files.map((f) => readFileSync(join(out, f), 'utf8'));

describe('analyze --threads', () => {
  it('one thread and two give the same bytes; the roads rejections keep their place between candidates and the end', () => {
    const data = packageWithRoads(ROADS);
    const outs = ['1', '2'].map((t) => {
      const out = mkdtempSync(join(tmpdir(), 'yl-'));
      const r = cli('analyze', '--data', data, '--out', out, '--threads', t);
      expect(r.status).toBe(0);
      return read(out);
    });
    expect(outs[1]).toEqual(outs[0]);
    const rejected = outs[0][2].slice(1).trim().split(/\r?\n/);
    // 23 rows of bad-rows (test/cli.test.ts), then the three bad roads in feature order
    expect(rejected).toHaveLength(1 + 23 + 3);
    expect(rejected.slice(-3).map((l) => l.split(',').slice(0, 3).join(','))).toEqual(['roads.geojson,2,r2', 'roads.geojson,3,r3', 'roads.geojson,4,r4']);
    expect(JSON.parse(outs[0][1])).toMatchObject({ rejectedRows: 26 });
  });

  it('a roads.geojson that is not JSON: the same exit status 2 and message either way', () => {
    const data = packageWithRoads('{"type": "FeatureCollection", "features": [');
    const rs = ['1', '2'].map((t) => cli('analyze', '--data', data, '--out', mkdtempSync(join(tmpdir(), 'yl-')), '--threads', t));
    expect(rs.map((r) => r.status)).toEqual([2, 2]);
    const message = (s: string) => s.split('\n').filter((l) => l.includes('roads.geojson'));
    expect(message(rs[0].stderr).length).toBeGreaterThan(0);
    expect(message(rs[1].stderr)).toEqual(message(rs[0].stderr));
  });

  it('--threads 3 is a usage error (exit 2) naming the flag', () => {
    const r = cli('analyze', '--data', join(FIXTURES, 'bad-rows'), '--out', mkdtempSync(join(tmpdir(), 'yl-')), '--threads', '3');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--threads 3');
  });
});

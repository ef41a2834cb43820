/**
 * The import's byte-identical promise, checked one way everywhere: `npm run cli -- import` run on
 * the office fixtures (through tsx, as the other CLI tests do) into a fresh directory, and a
 * package given as name → bytes (the engine's result, the wizard's request imported, the saved
 * zip unpacked) compared with that directory file by file, byte for byte.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { FIXTURES } from './fixtures';

const ROOT = join(import.meta.dirname, '..', '..');

/** The office fixtures' directory (test/fixtures/import-office/office). */
export const OFFICE = join(FIXTURES, 'import-office', 'office');

/**
 * The CLI arguments of the full office import: every fixture file, facilities in GCJ-02 and
 * candidates in BD-09, mapping.json, the households estimate, the OSM roads with the DEM.
 */
export function officeCliArgs(dir = OFFICE, o2: { /** another mapping file (default the fixtures' mapping.json) */ mapping?: string } = {}): string[] {
  const o = (n: string) => join(dir, n);
  return [
    '--communities',
    o('社区边界.zip'),
    '--buildings',
    o('楼栋.csv'),
    '--buildings',
    o('楼栋轮廓.shp'),
    '--facilities',
    o('设施台账.xlsx'),
    '--candidates',
    o('候选点.csv'),
    '--crs',
    'facilities=gcj02',
    '--crs',
    'candidates=bd09',
    '--mapping',
    o2.mapping ?? o('mapping.json'),
    '--estimate-households',
    '--roads',
    o('blocks.osm'),
    '--dem',
    o('dem.tif'),
  ];
}

/** Run `cli import --out DIR ARGS…` into a fresh temporary directory: the directory, exit status and stderr. */
export function cliImport(args: string[]): { out: string; status: number | null; stderr: string } {
  const out = mkdtempSync(join(tmpdir(), 'yl-cli-import-'));
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/cli.ts'), 'import', '--out', out, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { out, status: r.status, stderr: r.stderr };
}

/** Expect `files` to be the package in directory `dir`: the same file names, each file the same bytes. */
export function expectSamePackage(files: Readonly<Record<string, Uint8Array>>, dir: string): void {
  const names = readdirSync(dir).sort();
  expect(Object.keys(files).sort()).toEqual(names);
  for (const k of names) expect(Buffer.from(files[k]).equals(readFileSync(join(dir, k))), `${k} differs from ${join(dir, k)}`).toBe(true);
}

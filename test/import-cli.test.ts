/** `npm run cli -- import` as a user runs it: bad input stops with exit status 2 and a bilingual message naming it. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from './helpers/fixtures';

const ROOT = join(import.meta.dirname, '..');
const OFFICE = join(FIXTURES, 'import-office', 'office');
function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/cli.ts'), 'import', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, stderr: r.stderr };
}

describe('npm run cli -- import: bad input', () => {
  it('exits 2 naming the file and the unknown CRS, in Chinese and English', () => {
    const out = mkdtempSync(join(tmpdir(), 'yl-import-'));
    const r = cli('--out', out, '--facilities', join(OFFICE, '设施台账.xlsx'), '--crs', 'facilities=gcj2');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("错误 E_UNKNOWN_CRS: 未知或缺失的坐标系（可用 wgs84、cgcs2000、gcj02、bd09 或 EPSG:代码）: 设施台账.xlsx, 'gcj2'");
    expect(r.stderr).toContain("error E_UNKNOWN_CRS: Unknown or missing coordinate system (wgs84, cgcs2000, gcj02, bd09 or EPSG:code): 设施台账.xlsx, 'gcj2'");
  });

  it('exits 2 naming the file and the missing column; 2 for a missing file or a bad flag', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yl-import-'));
    const csv = join(dir, '楼栋.csv');
    writeFileSync(csv, '楼栋编号,经度,户数\nB1,106.5,3\n');
    let r = cli('--out', join(dir, 'pkg'), '--buildings', csv);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('错误 E_MISSING_COLUMN: 缺少必需列: 楼栋.csv, lat');
    expect(r.stderr).toContain('error E_MISSING_COLUMN: Required column is missing: 楼栋.csv, lat');
    r = cli('--out', join(dir, 'pkg'), '--buildings', join(dir, 'nope.csv'));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`error E_MISSING_FILE: Required file is missing: ${join(dir, 'nope.csv')}`);
    r = cli('--out', join(dir, 'pkg'), '--crs', 'roofs=wgs84', '--buildings', csv);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(
      "error E_ARGUMENT: Invalid argument: --crs, --crs takes ROLE=CRS with ROLE one of communities, buildings, facilities, candidates, roads; not 'roofs=wgs84'",
    );
  });

  it('writes the rejected rows, and the package analyze reads', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yl-import-'));
    const r = cli(
      '--out',
      dir,
      '--communities',
      join(OFFICE, '社区边界.zip'),
      '--buildings',
      join(OFFICE, '楼栋.csv'),
      '--facilities',
      join(OFFICE, '设施台账.xlsx'),
      '--crs',
      'facilities=gcj02',
    );
    expect(r.status).toBe(0);
    expect(readFileSync(join(dir, 'import-rejected.csv'), 'utf8').slice(1).trim().split('\r\n')).toEqual([
      'file,row,id,field,reason',
      "楼栋.csv,6,LD900,户数（户） (households),households '约50' is not a number",
      '楼栋.csv,12,LD901,经度 (lon),lon is empty',
      "设施台账.xlsx,7,SS99,服务功能 (services),service word '理发' is not known (see docs/IMPORT.md)",
    ]);
    expect(r.stderr).toContain('unmapped columns / 未对应的列: 楼栋名称, 所属街道');
    // without mapping.json the ledger's 建设情况 column is not guessed to be the status: it is reported
    expect(r.stderr).toContain('unmapped columns / 未对应的列: 序号, 建设情况');
    const a = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/cli.ts'), 'analyze', '--data', dir, '--out', join(dir, 'out')], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(a.status).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'out', 'summary.json'), 'utf8'))).toMatchObject({ communities: 4, buildings: 33, rejectedRows: 0 });
  });
});

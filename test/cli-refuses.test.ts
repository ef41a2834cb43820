/**
 * The command line refuses mistakes (issue 9, items 9 and 10): unknown or misspelt flags and
 * stray arguments, data files that are folders, FIFOs or unreadable — exit 2 naming them,
 * never a stack trace, a hang or a silent default.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../scripts/lib/args';
import { closest, editDistance } from '../scripts/lib/closest';
import { readPackageDir } from '../scripts/lib/readPackageDir';
import { NODE_FS, readDataFile, type DataFileSystem } from '../scripts/lib/readDataFile';
import { UsageError } from '../scripts/lib/UsageError';
import { EngineError } from '../src/engine/index';
import { FIXTURES } from './helpers/fixtures';

const ROOT = join(import.meta.dirname, '..');
function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/cli.ts'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stderr: r.stderr, signal: r.signal };
}

/** The error a function throws (fails the test when it throws none). */
function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('nothing was thrown');
}

const SPEC = { data: 'value', out: 'value', mode: 'value', policy: 'value', effort: 'switch' } as const;

describe('the argument parser throws a typed usage error', () => {
  it('edit distance by hand: polcy→policy 1, mdoe→mode 2, kitten→sitting 3', () => {
    expect(editDistance('polcy', 'policy')).toBe(1);
    expect(editDistance('mdoe', 'mode')).toBe(2);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(closest('polcy', Object.keys(SPEC))).toBe('policy');
    expect(closest('zzzzzzzz', Object.keys(SPEC))).toBeUndefined();
  });

  it('an unknown flag names itself and the closest known flag', () => {
    const e = thrown(() => parseArgs(['--data', 'd', '--polcy', 'strict.json'], SPEC)) as UsageError;
    expect(e).toBeInstanceOf(UsageError);
    expect(e).toMatchObject({ code: 'U_UNKNOWN_FLAG', arg: '--polcy', hint: '--policy' });
    expect(e.messageIn('en')).toBe('unknown flag: --polcy (did you mean --policy?)');
    expect(e.messageIn('zh')).toBe('未知参数: --polcy（是否要写 --policy？）');
    expect(thrown(() => parseArgs(['--mdoe', 'network'], SPEC))).toMatchObject({ code: 'U_UNKNOWN_FLAG', arg: '--mdoe', hint: '--mode' });
  });

  it('a stray argument, a repeated flag, a missing value and a switch with a value are refused', () => {
    expect(thrown(() => parseArgs(['--data', 'd', 'extra'], SPEC))).toMatchObject({ code: 'U_STRAY_ARGUMENT', arg: 'extra' });
    expect(thrown(() => parseArgs(['--effort', 'yes'], SPEC))).toMatchObject({ code: 'U_STRAY_ARGUMENT', arg: 'yes' });
    expect(thrown(() => parseArgs(['--mode', 'a', '--mode=b'], SPEC))).toMatchObject({ code: 'U_REPEATED_FLAG', arg: '--mode' });
    expect(thrown(() => parseArgs(['--policy', '--effort'], SPEC))).toMatchObject({ code: 'U_MISSING_VALUE', arg: '--policy' });
    expect(thrown(() => parseArgs(['--policy='], SPEC))).toMatchObject({ code: 'U_MISSING_VALUE', arg: '--policy' });
    expect(thrown(() => parseArgs(['--effort=true'], SPEC))).toMatchObject({ code: 'U_SWITCH_VALUE' });
    expect(thrown(() => parseArgs([], SPEC).need('data'))).toMatchObject({ code: 'U_MISSING_FLAG', arg: '--data' });
  });

  it('good arguments parse: values, --k=v, switches', () => {
    const a = parseArgs(['--data', 'd', '--mode=network', '--effort'], SPEC);
    expect([a.get('data'), a.get('mode'), a.on('effort'), a.has('policy'), a.on('out')]).toEqual(['d', 'network', true, false, false]);
  });

  it("'repeat' flags keep every value in order; 'switch-or-value' flags take a value only when one follows", () => {
    const spec = { crs: 'repeat', est: 'switch-or-value', out: 'value' } as const;
    const a = parseArgs(['--crs', 'a=gcj02', '--est', '--crs=b=bd09', '--out', 'o'], spec);
    expect([a.all('crs'), a.on('est'), a.get('est'), a.all('out')]).toEqual([['a=gcj02', 'b=bd09'], true, undefined, []]);
    const b = parseArgs(['--est', '75', '--out', 'o'], spec);
    expect([b.on('est'), b.get('est'), b.all('crs')]).toEqual([false, '75', []]);
    expect(thrown(() => parseArgs(['--crs'], spec))).toMatchObject({ code: 'U_MISSING_VALUE', arg: '--crs' });
    expect(thrown(() => parseArgs(['--crs='], spec))).toMatchObject({ code: 'U_MISSING_VALUE', arg: '--crs' });
    expect(thrown(() => parseArgs(['--out', 'a', '--out', 'b'], spec))).toMatchObject({ code: 'U_REPEATED_FLAG', arg: '--out' });
  });
});

describe('data files are read only when they are regular files', () => {
  it('a folder or a FIFO in place of a package file is E_UNREADABLE_FILE naming it (stat first: no hang)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yl-pkg-'));
    cpSync(join(FIXTURES, 'tiny'), dir, { recursive: true });
    rmSync(join(dir, 'buildings.csv'));
    mkdirSync(join(dir, 'buildings.csv'));
    expect(thrown(() => readPackageDir(dir))).toMatchObject({
      code: 'E_UNREADABLE_FILE',
      place: { file: join(dir, 'buildings.csv'), detail: 'a folder, not a file' },
    });
    rmSync(join(dir, 'buildings.csv'), { recursive: true });
    execFileSync('mkfifo', [join(dir, 'buildings.csv')]);
    expect(thrown(() => readPackageDir(dir))).toMatchObject({ code: 'E_UNREADABLE_FILE', place: { detail: 'a FIFO (named pipe), not a regular file' } });
  });

  it('a file the user may not read is E_UNREADABLE_FILE naming it (injected: tests run as root, who reads anything)', () => {
    const denied: DataFileSystem = {
      stat: NODE_FS.stat,
      read: () => {
        throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      },
    };
    const file = join(FIXTURES, 'tiny', 'facilities.csv');
    const e = thrown(() => readDataFile(file, 'facilities.csv', denied)) as EngineError;
    expect(e).toBeInstanceOf(EngineError);
    expect(e.messageIn('en')).toBe('File cannot be read: facilities.csv, permission denied (EACCES)');
    expect(e.messageIn('zh')).toBe('文件无法读取: facilities.csv, permission denied (EACCES)');
    expect(readDataFile(join(FIXTURES, 'tiny', 'no-such.csv'))).toBeUndefined();
  });

  // the same through the real file system, where permissions apply (root reads a mode-000 file)
  it.skipIf(process.getuid?.() === 0)('a mode-000 file is E_UNREADABLE_FILE (not as root)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yl-'));
    const file = join(dir, 'buildings.csv');
    writeFileSync(file, 'id\n');
    chmodSync(file, 0o000);
    expect(thrown(() => readDataFile(file))).toMatchObject({ code: 'E_UNREADABLE_FILE', place: { detail: 'permission denied (EACCES)' } });
  });
});

describe('npm run cli refuses mistakes with exit status 2', () => {
  it('a misspelt flag, a stray argument and an unknown command exit 2 naming them, with a hint', () => {
    const out = mkdtempSync(join(tmpdir(), 'yl-'));
    let r = cli('analyze', '--data', join(FIXTURES, 'tiny'), '--out', out, '--polcy', 'strict.json');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown flag: --polcy (did you mean --policy?)');
    expect(r.stderr).toContain('未知参数: --polcy');
    r = cli('analyze', '--data', join(FIXTURES, 'tiny'), '--out', out, 'network');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unexpected argument: network');
    r = cli('analyse', '--data', join(FIXTURES, 'tiny'));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown command: analyse (did you mean analyze?)');
  });

  it('publish: a misspelt flag exits 2 naming it and the closest flag', () => {
    const out = mkdtempSync(join(tmpdir(), 'yl-'));
    const r = cli('publish', '--data', join(FIXTURES, 'tiny'), '--out', join(out, 'site'), '--blueprnt', 'bp.geojson');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown flag: --blueprnt (did you mean --blueprint?)');
    expect(r.stderr).toContain('未知参数: --blueprnt');
  });

  it('import: a misspelt flag or a stray word exits 2 naming it, with the closest flag', () => {
    const out = mkdtempSync(join(tmpdir(), 'yl-'));
    let r = cli('import', '--out', join(out, 'pkg'), '--buildngs', 'b.csv');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown flag: --buildngs (did you mean --buildings?)');
    expect(r.stderr).toContain('未知参数: --buildngs');
    r = cli('import', '--out', join(out, 'pkg'), 'stray.csv');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unexpected argument: stray.csv');
  });

  it('a FIFO as a data file exits 2 naming it instead of hanging; so does --policy naming a folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yl-pkg-'));
    cpSync(join(FIXTURES, 'tiny'), dir, { recursive: true });
    rmSync(join(dir, 'facilities.csv'));
    execFileSync('mkfifo', [join(dir, 'facilities.csv')]);
    let r = cli('analyze', '--data', dir, '--out', join(dir, 'out'));
    expect(r.signal).toBeNull(); // not killed by the timeout
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`E_UNREADABLE_FILE: File cannot be read: ${join(dir, 'facilities.csv')}`);
    expect(r.stderr).not.toContain('unexpected error');
    r = cli('analyze', '--data', join(FIXTURES, 'tiny'), '--out', join(dir, 'out'), '--policy', dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('a folder, not a file');
  });
});

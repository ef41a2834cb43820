/**
 * `npm run cli -- pilots`: golden outputs for the bundled sample on a fixed date
 * (test/fixtures/pilots-sample/expected; regenerate with `REGEN=1 npx vitest run test/pilots-cli`
 * and review the diff), the tiny fixture end to end, and exit status 2 for bad arguments.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PILOTS_FLAGS, runPilots, today } from '../scripts/commands/pilots';
import { parseArgs } from '../scripts/lib/args';

/** `--key value` pairs as the command line would give them. */
const cliFlags = (pairs: [string, string][]) =>
  parseArgs(
    pairs.flatMap(([k, v]) => [`--${k}`, v]),
    PILOTS_FLAGS,
  );
import { FIXTURES } from './helpers/fixtures';

const ROOT = join(import.meta.dirname, '..');
const SAMPLE = join(ROOT, 'data', 'sample');
const GOLDEN = join(FIXTURES, 'pilots-sample', 'expected');

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/cli.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, stderr: r.stderr };
}

function golden(name: string, body: string) {
  const file = join(GOLDEN, name);
  if (process.env.REGEN) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, body);
  }
  expect(existsSync(file), `missing golden ${file}: run with REGEN=1`).toBe(true);
  expect(body).toBe(readFileSync(file, 'utf8'));
}

const quiet = async (f: () => Promise<void>) => {
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = (() => true) as typeof process.stderr.write;
  try {
    await f();
  } finally {
    process.stderr.write = write;
  }
};

describe('pilots on the bundled sample (golden, --as-of 2026-06-30)', () => {
  it('writes pilot-status.csv and programme.json as expected', async () => {
    const out = mkdtempSync(join(tmpdir(), 'yl-pilots-'));
    await quiet(() =>
      runPilots(
        cliFlags([
          ['data', SAMPLE],
          ['out', out],
          ['as-of', '2026-06-30'],
        ]),
      ),
    );
    const status = readFileSync(join(out, 'pilot-status.csv'), 'utf8');
    golden('pilot-status.csv', status);
    golden('programme.json', readFileSync(join(out, 'programme.json'), 'utf8'));
    // every flag of the rules shows up in the invented sample
    const flags = new Set(
      status
        .split('\r\n')
        .slice(1)
        .flatMap((l) => (l ? l.split(',')[8].split(';') : [])),
    );
    expect([...flags].filter(Boolean).sort()).toEqual(['evaluation_due', 'rectification_due', 'removal_candidate', 'start_overdue', 'terminate_contract']);
  }, 120_000);

  it('--propose 10 writes proposal.csv as expected; --per-district 3 keeps the first three', async () => {
    const out = mkdtempSync(join(tmpdir(), 'yl-pilots-'));
    await quiet(() =>
      runPilots(
        cliFlags([
          ['data', SAMPLE],
          ['out', out],
          ['propose', '10'],
        ]),
      ),
    );
    const all = readFileSync(join(out, 'proposal.csv'), 'utf8');
    golden('proposal.csv', all);
    const pilots = readFileSync(join(SAMPLE, 'pilots.csv'), 'utf8');
    const rows = all.split('\r\n').slice(1, -1);
    expect(rows).toHaveLength(10);
    for (const r of rows) expect(pilots).not.toMatch(new RegExp(`^${r.split(',')[1]},.*,active,`, 'm'));
    await quiet(() =>
      runPilots(
        cliFlags([
          ['data', SAMPLE],
          ['out', out],
          ['propose', '10'],
          ['per-district', '3'],
        ]),
      ),
    );
    const capped = readFileSync(join(out, 'proposal.csv'), 'utf8').split('\r\n').slice(1, -1);
    expect(capped).toEqual(rows.slice(0, 3)); // one district in the sample
  }, 120_000);
});

describe('pilots end to end on the tiny fixture', () => {
  it('writes the three files, the rejected rows listed with file, row and reason', () => {
    const out = mkdtempSync(join(tmpdir(), 'yl-pilots-'));
    const r = cli('pilots', '--data', join(FIXTURES, 'pilots-tiny'), '--out', out, '--as-of', '2026-06-30');
    expect(r.status).toBe(0);
    const csv = readFileSync(join(out, 'pilot-status.csv'));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8')).toContain('\r\nD,丁社区,T镇,E县,2,4,确定试点建设名单,active,removal_candidate;start_overdue,,false,526\r\n');
    const rejected = readFileSync(join(out, 'rejected.csv'), 'utf8');
    expect(rejected).toContain('pilots.csv,5,C,completion_date,completion_date 2025-04-01 is before construction_start_date 2025-05-01');
    expect(rejected).toContain("evaluations.csv,9,A,rating,rating 'superb' is not one of excellent|good|pass|fail");
    const prog = JSON.parse(readFileSync(join(out, 'programme.json'), 'utf8'));
    expect(prog).toMatchObject({ asOf: '2026-06-30', pilots: 4, started: 2, rejectedRows: 22, ratingBands: { excellent: 90, good: 80, pass: 60 } });
  });

  it('exits 2 naming the problem: missing pilots.csv, bad --as-of, --propose or --per-district, missing --data', () => {
    const out = mkdtempSync(join(tmpdir(), 'yl-pilots-'));
    const tiny = join(FIXTURES, 'tiny');
    let r = cli('pilots', '--data', tiny, '--out', out);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('pilots.csv');
    expect(r.stderr).toContain('缺少必需文件');
    r = cli('pilots', '--data', join(FIXTURES, 'pilots-tiny'), '--out', out, '--as-of', '2026-02-30');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--as-of');
    r = cli('pilots', '--data', tiny, '--out', out, '--propose', 'three');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--propose');
    r = cli('pilots', '--data', tiny, '--out', out, '--per-district', '2');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--per-district');
    r = cli('pilots', '--out', out);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--data');
    r = cli('pilots', '--data', tiny, '--out', out, '--as_of', '2026-01-01');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--as_of');
  });

  it('--as-of defaults to the local calendar date', () => {
    expect(today(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});

/**
 * The command line tells what the loader noticed (issue 9 items 8 and 11, issue 8 item 4):
 * coded notes in summary.json and on stderr in both languages, mixed encodings refused with
 * exit status 2 naming the line, data text escaped on the terminal and guarded in rejected.csv.
 */
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

function tinyCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'yl-pkg-'));
  cpSync(join(FIXTURES, 'tiny'), dir, { recursive: true });
  return dir;
}

describe('npm run cli -- analyze: notes, encodings, hostile text', () => {
  it('writes the notes to summary.json and stderr; escapes an ANSI id on stderr and guards it in rejected.csv', () => {
    const dir = tinyCopy();
    const fac = readFileSync(join(dir, 'facilities.csv'), 'utf8').trimEnd();
    writeFileSync(join(dir, 'facilities.csv'), `${fac}\nfar,远郊站,106.7,29.7,250,meals,,,,open\n`);
    const b = readFileSync(join(dir, 'buildings.csv'), 'utf8').trimEnd();
    writeFileSync(join(dir, 'buildings.csv'), `${b}\n=cmd|' /C calc'!A0,106.5,29.55,x,\nred\u001b[31m,106.5,29.55,1,ZZ\u001b[2J\n`);
    const out = join(dir, 'out');
    const r = cli('analyze', '--data', dir, '--out', out);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('提示 N_FACILITIES_OUTSIDE: 1 处设施不在任何社区范围内，其中开放设施的 250 m² 面积不计入任何社区');
    expect(r.stderr).toContain('note N_FACILITIES_OUTSIDE: facilities in no community: 1; the 250 m² of the open ones counts for no community');
    expect(r.stderr).not.toContain('\u001b');
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.notes).toEqual([
      {
        code: 'N_FACILITIES_OUTSIDE',
        params: { count: 1, areaM2: 250 },
        zh: '1 处设施不在任何社区范围内，其中开放设施的 250 m² 面积不计入任何社区',
        en: 'facilities in no community: 1; the 250 m² of the open ones counts for no community',
      },
    ]);
    expect(summary).toMatchObject({ rejectedRows: 2, unassignedFacilities: 1 });
    const rejected = readFileSync(join(out, 'rejected.csv'), 'utf8').slice(1).trimEnd().split('\r\n');
    expect(rejected[1]).toBe("buildings.csv,8,'=cmd|' /C calc'!A0,households,households 'x' is not a number");
    expect(rejected[2]).toBe("buildings.csv,9,red\\x1b[31m,community_id,community_id 'ZZ\\x1b[2J' names no community");
  });

  it('a UTF-8 file with a stray Latin-1 byte exits 2 naming the file and line (E_MIXED_ENCODING)', () => {
    const dir = tinyCopy();
    const fac = readFileSync(join(dir, 'facilities.csv'));
    const line3 = fac.indexOf('\nf2,') + 4; // inside the name of f2, on line 3
    writeFileSync(join(dir, 'facilities.csv'), Buffer.concat([fac.subarray(0, line3), Buffer.from([0xe9]), fac.subarray(line3)]));
    const r = cli('analyze', '--data', dir, '--out', join(dir, 'out'));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('错误 E_MIXED_ENCODING: 文件混用了编码（UTF-8 中夹有无效字节），请整体另存为 UTF-8: facilities.csv, 文件第 3 行, byte 0xE9');
    expect(r.stderr).toContain(
      'error E_MIXED_ENCODING: File mixes encodings (UTF-8 with an invalid byte); save it all as UTF-8: facilities.csv, line 3, byte 0xE9',
    );
  });
});

/**
 * Issue 9 item 11: what the engine echoes from data files is safe. rejected.csv (written by
 * the CLI and by the map's download, both through rejectedCsv) guards cells that would start
 * a spreadsheet formula, caps echoed ids at 200 characters, and messages escape control
 * characters and ANSI escapes.
 */
import { describe, expect, it } from 'vitest';
import { EngineError, blueprintSolver, escapeControl, loadPackage, rejectedCsv, rejectionText, safeCell, type PackageFiles } from '../../src/engine/index';
import { fixtureFiles, utf8 } from '../helpers/fixtures';

function tinyWith(files: Record<string, string>): PackageFiles {
  const out = { ...fixtureFiles('tiny') };
  for (const [k, v] of Object.entries(files)) out[k] = utf8(v);
  return out;
}
const H = 'id,lon,lat,households\n';
const lines = (csv: string) => csv.slice(1).trimEnd().split('\r\n');

describe('rejected.csv', () => {
  it('guards ids and values starting with = + - @ with a leading quote (tab and CR are escaped first, and ids are trimmed)', () => {
    const csv = `${H}=HYPERLINK("http://x"),106.5,29.55,x\n+1,106.5,29.55,x\n-2,106.5,29.55,x\n@SUM(A1),106.5,29.55,x\nok,106.5,29.55,x\n`;
    const pkg = loadPackage(tinyWith({ 'buildings.csv': csv }));
    expect(lines(rejectedCsv(pkg.rejected)).map((l) => l.split(',')[2])).toEqual(['id', `"'=HYPERLINK(""http://x"")"`, "'+1", "'-2", "'@SUM(A1)", 'ok']);
  });

  it('caps an echoed id at 200 characters with an ellipsis and escapes control characters and ANSI escapes', () => {
    const long = 'x'.repeat(500);
    const pkg = loadPackage(tinyWith({ 'buildings.csv': `${H}${long},106.5,29.55,x\n"a\u001b[31mred",106.5,29.55,y\u001b[2J\n` }));
    const rows = lines(rejectedCsv(pkg.rejected));
    expect(rows[1]).toBe(`buildings.csv,1,${'x'.repeat(200)}…,households,households 'x' is not a number`);
    expect(rows[2]).toBe("buildings.csv,2,a\\x1b[31mred,households,households 'y\\x1b[2J' is not a number");
    expect(rows.join('')).not.toContain('\u001b');
  });

  it('is the one safeCell of the blueprint exports', () => {
    expect(blueprintSolver.safeCell).toBe(safeCell);
    expect([safeCell('=1'), safeCell('\r1'), safeCell('中')]).toEqual(["'=1", "'\r1", '中']);
  });
});

describe('messages escape text from data files', () => {
  it('control characters, ANSI escapes and bidi overrides are written as visible escapes', () => {
    expect(escapeControl('a\u001b[2Jb\nc\td\u0007\u009b\u202eé')).toBe('a\\x1b[2Jb\\nc\\td\\x07\\x9b\\u202eé');
  });

  it('in an EngineError and a rejection text', () => {
    const e = new EngineError('E_MISSING_COLUMN', { file: 'b.csv', field: 'lat', detail: "found 'L\u001b[2Jat'" });
    expect(e.messageIn('en')).toBe("Required column is missing: b.csv, lat, found 'L\\x1b[2Jat'");
    const pkg = loadPackage(tinyWith({ 'buildings.csv': `${H}b1,106.5,29.55,\u001b[31m\n` }));
    expect(pkg.rejected[0].reason).toBe("households '\\x1b[31m' is not a number");
    expect(rejectionText({ ...pkg.rejected[0], field: 'h\u001bx' }, 'zh')).toBe('buildings.csv 第 1 行 h\\x1bx: 不是数字');
  });
});

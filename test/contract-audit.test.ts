/**
 * Regression tests from an audit of the engine and the command line against the public
 * contract (DATA-FORMAT.md): each case is a way a user's file or command used to lose rows
 * silently, crash, or deviate from the contract.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPackage, noteText, pointInPolygon, PolygonIndex, type PackageFiles } from '../src/engine/index';
import type { Polygon } from 'geojson';
import { FIXTURES, fixtureFiles, run, utf8 } from './helpers/fixtures';

const ROOT = join(import.meta.dirname, '..');
function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/cli.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, stderr: r.stderr, stdout: r.stdout };
}

/** The tiny fixture with buildings.csv (and other files) replaced. */
function tinyWith(files: Record<string, string>): PackageFiles {
  const out = { ...fixtureFiles('tiny') };
  for (const [k, v] of Object.entries(files)) out[k] = utf8(v);
  return out;
}

const H = 'id,lon,lat,households\n';

describe('CSV reading never drops rows silently (section 1, section 4)', () => {
  it('mixed line endings: a CRLF header and LF rows (rows appended by another editor) all load', () => {
    const pkg = loadPackage(tinyWith({ 'buildings.csv': 'id,lon,lat,households\r\nb1,106.505,29.555,1\r\nb2,106.505,29.555,2\nb3,106.505,29.555,3\r\n' }));
    expect(pkg.buildings.ids).toEqual(['b1', 'b2', 'b3']);
    expect(Array.from(pkg.buildings.households)).toEqual([1, 2, 3]);
    expect(pkg.rejected).toEqual([]);
  });

  it('CR-only line endings (old Mac Excel) load', () => {
    const pkg = loadPackage(tinyWith({ 'buildings.csv': 'id,lon,lat,households\rb1,106.505,29.555,1\rb2,106.505,29.555,2\r' }));
    expect(pkg.buildings.ids).toEqual(['b1', 'b2']);
  });

  it('an unterminated quote rejects its own row (R_PARSE) and the rows after it still load', () => {
    const pkg = loadPackage(tinyWith({ 'buildings.csv': `${H}b1,106.505,29.555,1\n"b2,106.505,29.555,2\nb3,106.505,29.555,3\nb4,106.505,29.555,4\n` }));
    expect(pkg.buildings.ids).toEqual(['b1', 'b3', 'b4']);
    expect(pkg.rejected).toHaveLength(1);
    expect(pkg.rejected[0]).toMatchObject({ file: 'buildings.csv', row: 2, code: 'R_PARSE' });
  });

  it('a quoted field closed too early ("b"2) rejects only its row', () => {
    const pkg = loadPackage(tinyWith({ 'buildings.csv': `${H}b1,106.505,29.555,1\n"b"2,106.505,29.555,2\nb3,106.505,29.555,3\n` }));
    expect(pkg.buildings.ids).toEqual(['b1', 'b3']);
    expect(pkg.rejected.map((r) => [r.row, r.code])).toEqual([[2, 'R_PARSE']]);
  });

  it('quoted commas, line breaks and quotes stay one row each; row numbers count records', () => {
    const pkg = loadPackage(tinyWith({ 'buildings.csv': `${H}"b,1",106.505,29.555,1\n"b\n2",106.505,29.555,2\n"b""3",106.505,29.555,x\n` }));
    expect(pkg.buildings.ids).toEqual(['b,1', 'b\n2']);
    expect(pkg.rejected.map((r) => [r.row, r.id])).toEqual([[3, 'b"3']]);
  });

  it('rows whose every cell is empty (",,,", what Excel leaves of a cleared row) are blank lines: skipped, still counted', () => {
    const pkg = loadPackage(tinyWith({ 'buildings.csv': `${H}b1,106.505,29.555,1\n,,,\n\nb2,106.505,29.555,x\n,,,\n` }));
    expect(pkg.buildings.ids).toEqual(['b1']);
    expect(pkg.rejected.map((r) => [r.row, r.id, r.field])).toEqual([[4, 'b2', 'households']]);
  });

  it('an unknown `id` column in distances.csv is ignored like any unknown column', () => {
    const files = fixtureFiles('peer-spopt-sf');
    const text = new TextDecoder().decode(files['distances.csv']).replace(/\r/g, '');
    const lines = text.trim().split('\n');
    // an ObjectID-like column, empty in some rows and repeated in others
    files['distances.csv'] = utf8(['id,' + lines[0], ...lines.slice(1).map((l, k) => (k % 2 ? ',' : '1,') + l)].join('\n') + '\n');
    const pkg = loadPackage(files);
    expect(pkg.rejected.filter((r) => r.file === 'distances.csv')).toEqual([]);
    expect(pkg.distances!.rows).toBe(lines.length - 1);
  });

  it('a required column in another case is named in the message', () => {
    expect(() => loadPackage(tinyWith({ 'buildings.csv': 'id,Lon,lat,households\nb1,106.5,29.5,1\n' }))).toThrow(/lon.*'Lon'/);
  });
});

describe('community assignment (section 1, buildings.csv)', () => {
  // two neighbouring quadrilaterals of a tiling: they share the edge a–b and draw it in
  // opposite directions, as neighbours do; the building is a + (b − a)·0.5 on that border
  const a = [106.43916757490393, 29.572491404833272];
  const b = [106.43878134997097, 29.575342296981717];
  const west: Polygon = {
    type: 'Polygon',
    coordinates: [[[106.43661495864485, 29.571036987285595], a, b, [106.43608226484852, 29.574689523260574], [106.43661495864485, 29.571036987285595]]],
  };
  const east: Polygon = { type: 'Polygon', coordinates: [[a, [106.44122913673894, 29.572893908483906], [106.44274582450046, 29.57582318873005], b, a]] };
  const onEdge = [106.43897446243744, 29.573916850907494];

  it('a building on a border shared by two communities belongs to exactly one of them, in either order', () => {
    const inW = pointInPolygon(onEdge[0], onEdge[1], west);
    const inE = pointInPolygon(onEdge[0], onEdge[1], east);
    expect(inW !== inE).toBe(true);
    expect(new PolygonIndex([west, east]).locate(onEdge[0], onEdge[1])).toBeGreaterThanOrEqual(0);
    expect(new PolygonIndex([east, west]).locate(onEdge[0], onEdge[1])).toBeGreaterThanOrEqual(0);
  });

  it('a straight border: the community to the east / north takes it, whatever the file order', () => {
    const sq = (x0: number, y0: number, x1: number, y1: number): Polygon => ({
      type: 'Polygon',
      coordinates: [
        [
          [x0, y0],
          [x1, y0],
          [x1, y1],
          [x0, y1],
          [x0, y0],
        ],
      ],
    });
    const A = sq(106.5, 29.55, 106.51, 29.56);
    const B = sq(106.51, 29.55, 106.52, 29.56);
    const C = sq(106.5, 29.56, 106.51, 29.57);
    expect(new PolygonIndex([A, B, C]).locate(106.51, 29.555)).toBe(1);
    expect(new PolygonIndex([B, A, C]).locate(106.51, 29.555)).toBe(0);
    expect(new PolygonIndex([A, B, C]).locate(106.505, 29.56)).toBe(2);
  });
});

describe('command line (section 4)', () => {
  it('--policy FILE saved with a UTF-8 BOM (Windows Notepad) is read like the package policy.json', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yl-'));
    const policy = join(dir, 'policy.json');
    writeFileSync(policy, '\uFEFF' + readFileSync(join(FIXTURES, 'policy-childcare-2000.json'), 'utf8'));
    const r = cli('analyze', '--data', join(FIXTURES, 'tiny'), '--out', join(dir, 'out'), '--policy', policy);
    expect(r.stderr).not.toContain('E_BAD_JSON');
    expect(r.status).toBe(0);
  });

  it('an --out that cannot be written exits 2 naming it, without a stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yl-'));
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    let r = cli('analyze', '--data', join(FIXTURES, 'tiny'), '--out', file);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('a-file');
    expect(r.stderr).not.toContain('unexpected error');
    r = cli('optimize', '--data', join(FIXTURES, 'tiny'), '--service', 'elderly_care', '--sites', '1', '--out', dir);
    expect(r.status).toBe(2);
    expect(r.stderr).not.toContain('unexpected error');
  });

  it('a flag without its value, or a --time-limit that is not a number, exits 2 naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yl-'));
    let r = cli('analyze', '--data', join(FIXTURES, 'tiny'), '--out', join(dir, 'o'), '--policy');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--policy');
    r = cli('optimize', '--data', join(FIXTURES, 'tiny'), '--service', 'elderly_care', '--sites', '1', '--out', join(dir, 'p.json'), '--time-limit', 'abc');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--time-limit');
  });
});

describe('analysis outputs stay as they were for ordinary packages', () => {
  it('tiny fixture loads without rejections', () => {
    const { pkg } = run(fixtureFiles('tiny'));
    expect(pkg.rejected).toEqual([]);
  });
});

describe('unknown columns are ignored, but not without a word (section 1)', () => {
  it('a column that differs from a contract column only by case or spacing, or a repeated column, leaves a note', () => {
    const pkg = loadPackage(tinyWith({ 'facilities.csv': 'id,name,lon,lat,area_m2,services,Status,name\nf1,F,106.505,29.555,100,meals,planned,G\n' }));
    // per the contract `Status` is an unknown column: the facility stays open
    expect(pkg.facilities[0]).toMatchObject({ name: 'F', status: 'open' });
    expect(pkg.notes.map((n) => noteText(n, 'en')).join('\n')).toContain("column 'Status' is not 'status'");
    expect(pkg.notes.map((n) => noteText(n, 'en')).join('\n')).toContain("column 'name' appears more than once");
    expect(pkg.notes.map((n) => n.code)).toEqual(['N_COLUMN_LIKE', 'N_REPEATED_COLUMN']);
  });
});

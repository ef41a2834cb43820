/** The command line as a user runs it (DATA-FORMAT.md section 4), as a subprocess. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from './helpers/fixtures';

const ROOT = join(import.meta.dirname, '..');
function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/cli.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, stderr: r.stderr, stdout: r.stdout };
}

describe('npm run cli -- analyze', () => {
  it('writes communities.csv (UTF-8 BOM), summary.json and rejected.csv in the contract format', () => {
    const out = mkdtempSync(join(tmpdir(), 'yl-'));
    const r = cli('analyze', '--data', join(FIXTURES, 'bad-rows'), '--out', out);
    expect(r.status).toBe(0);
    const csv = readFileSync(join(out, 'communities.csv'));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.toString('utf8').slice(1).trim().split(/\r?\n/);
    expect(lines[0]).toBe(
      'id,name,street,district,households,facility_area_m2,area_per_100hh,shortfall_base_m2,shortfall_enhanced_m2,functions,meets_complex_rule,meets_basic_rule,coverage_elderly_care,coverage_childcare,coverage_after_school,coverage_meals,coverage_housekeeping,coverage_health,coverage_fitness,coverage_culture,coverage_play',
    );
    expect(lines[1]).toBe('A,甲社区,S1街道,D区,1000,400,40,0,400,elderly_care;meals,false,true,1,0,0,1,0,1,0,0,0');
    // C has no accepted building: coverage empty (null)
    expect(lines[3]).toBe('C,丙社区,S2街道,D区,0,0,,0,0,,false,false,,,,,,,,,');
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary).toMatchObject({ communities: 3, buildings: 3, unassignedBuildings: 0, households: 20, rejectedRows: 23 });
    const rejected = readFileSync(join(out, 'rejected.csv'), 'utf8').slice(1).trim().split(/\r?\n/);
    expect(rejected[0]).toBe('file,row,id,field,reason');
    expect(rejected).toHaveLength(24);
    expect(rejected).toContain("buildings.csv,9,b8,community_id,community_id 'ZZ' names no community");
  });

  it('exits 2 naming a missing file, a missing column, a missing roads or distances file', () => {
    const out = mkdtempSync(join(tmpdir(), 'yl-'));
    let r = cli('analyze', '--data', join(FIXTURES, 'nope'), '--out', out);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('nope');
    r = cli('analyze', '--data', join(FIXTURES, 'tiny'), '--out', out, '--mode', 'matrix');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('E_NO_DISTANCES');
    expect(r.stderr).toContain('distances.csv');
    r = cli('analyze', '--data', join(FIXTURES, 'tiny'), '--out', out, '--mode', 'network');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('roads.geojson');
    r = cli('analyze', '--data', join(FIXTURES, 'tiny'), '--out', out, '--mode', 'euclidean', '--effort');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--effort');
    r = cli('analyze', '--data', join(FIXTURES, 'tiny'), '--out', out, '--mode', 'walking');
    expect(r.status).toBe(2);
    r = cli('analyze', '--out', out);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--data');
  });

  it('--mode network writes the same files, measured along the network', () => {
    const out = mkdtempSync(join(tmpdir(), 'yl-'));
    const r = cli('analyze', '--data', join(FIXTURES, 'tiny-network'), '--out', out, '--mode', 'network');
    expect(r.status).toBe(0);
    const lines = readFileSync(join(out, 'communities.csv'), 'utf8').slice(1).trim().split(/\r?\n/);
    // A's health: covered in a straight line (968 m), not over the hill (1197 m)
    expect(lines[1]).toBe('A,甲社区,S1街道,D区,1000,500,50,0,300,elderly_care;meals;fitness,true,true,1,0,0,1,0,0,0,0,0');
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary).toMatchObject({ buildings: 7, unassignedBuildings: 2, households: 80, rejectedRows: 0, mode: 'network', unsnappedBuildings: 3 });
  });

  it('applies --policy FILE over the package policy', () => {
    const out = mkdtempSync(join(tmpdir(), 'yl-'));
    const r = cli('analyze', '--data', join(FIXTURES, 'tiny'), '--out', out, '--policy', join(FIXTURES, 'policy-childcare-2000.json'));
    expect(r.status).toBe(0);
    const a = readFileSync(join(out, 'communities.csv'), 'utf8').split(/\r?\n/)[1].split(',');
    expect(a[13]).toBe('1'); // coverage_childcare of A: b1 is 968 m from f2, within 2000 m
  });
});

describe('npm run cli -- optimize', () => {
  it('solves the published San Francisco instance (spopt): 4 sites at 5000 m cover 184 of 205 tracts', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'yl-')), 'plan.json');
    const r = cli('optimize', '--data', join(FIXTURES, 'peer-spopt-sf'), '--service', 'elderly_care', '--sites', '4', '--mode', 'matrix', '--out', out);
    expect(r.status).toBe(0);
    const plan = JSON.parse(readFileSync(out, 'utf8'));
    expect(plan).toMatchObject({
      service: 'elderly_care',
      sites: ['Store_2', 'Store_11', 'Store_12', 'Store_15'],
      newlyCoveredHouseholds: 875247,
      optimal: true,
    });
    // the tracts within 5000 m of the chosen stores, from distances.csv itself
    const rows = readFileSync(join(FIXTURES, 'peer-spopt-sf', 'distances.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
    const covered = new Set(rows.filter(([, to, d]) => plan.sites.includes(to) && Number(d) <= 5000).map(([from]) => from));
    expect(covered.size).toBe(184); // 21 uncovered, 89.756 % — spopt's published answer
  });

  it('counts only households not covered yet (tiny package, by hand)', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'yl-')), 'plan.json');
    const r = cli('optimize', '--data', join(FIXTURES, 'tiny'), '--service', 'elderly_care', '--sites', '1', '--out', out);
    expect(r.status).toBe(0);
    // c1 is 56 m from b4 (30 households, uncovered); c2 reaches no uncovered building within 300 m
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ sites: ['c1'], newlyCoveredHouseholds: 30, optimal: true });
  });

  it('exits 2 on an unknown service or a package without candidates.csv', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'yl-')), 'plan.json');
    let r = cli('optimize', '--data', join(FIXTURES, 'tiny'), '--service', 'karaoke', '--sites', '1', '--out', out);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('karaoke');
    r = cli('optimize', '--data', join(FIXTURES, 'bad-rows'), '--service', 'meals', '--sites', '0', '--out', out);
    expect(r.status).toBe(2);
    r = cli('optimize', '--data', join(FIXTURES, 'tiny-network'), '--service', 'meals', '--sites', '2', '--out', out, '--mode', 'matrix');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('distances.csv');
  });
});

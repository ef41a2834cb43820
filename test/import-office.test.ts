/**
 * The office-style fixtures (test/fixtures/import-office, written by its generate.ts)
 * imported as a district would: the package, analysed, equals the analysis of the twin
 * written directly in the contract format; import reports are golden files
 * (`REGEN=1 npx vitest run test/import-office` rewrites them after a deliberate change);
 * the CLI writes byte for byte what the engine returns.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, communitiesCsv, importPackage, inspectSource, loadPackage, resolvePolicy, type ImportRequest, type PackageFiles } from '../src/engine/index';
import { cliImport, expectSamePackage, officeCliArgs } from './helpers/comparePackages';
import { FIXTURES, fixtureFiles } from './helpers/fixtures';

const ROOT = join(import.meta.dirname, '..');
const DIR = join(FIXTURES, 'import-office');
const OFFICE = join(DIR, 'office');
const EXPECTED = join(DIR, 'expected');
const file = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(join(OFFICE, name))) });
const mapping = JSON.parse(readFileSync(join(OFFICE, 'mapping.json'), 'utf8'));

/** The request the CLI builds for the full office import (same names, same sidecar order). */
function officeRequest(): ImportRequest {
  return {
    sources: [
      { role: 'communities', files: [file('社区边界.zip')], mapping: mapping['社区边界.zip'] },
      { role: 'buildings', files: [file('楼栋.csv')] },
      { role: 'buildings', files: ['楼栋轮廓.shp', '楼栋轮廓.cpg', '楼栋轮廓.dbf', '楼栋轮廓.prj', '楼栋轮廓.shx'].map(file) },
      { role: 'facilities', files: [file('设施台账.xlsx')], crs: 'gcj02', mapping: mapping['设施台账.xlsx'] },
      { role: 'candidates', files: [file('候选点.csv')], crs: 'bd09' },
    ],
    roads: { file: file('blocks.osm') },
    dem: file('dem.tif'),
    estimateHouseholds: true,
  };
}

function analyse(files: PackageFiles) {
  const pkg = loadPackage(files);
  return { pkg, a: analyze(pkg, { mode: 'euclidean', policy: resolvePolicy(pkg) }) };
}

const text = (b: Uint8Array | undefined) => new TextDecoder().decode(b);

function golden(name: string, actual: string) {
  const path = join(EXPECTED, name);
  if (process.env.REGEN) {
    mkdirSync(EXPECTED, { recursive: true });
    writeFileSync(path, actual);
  }
  expect(existsSync(path), `missing golden ${path}: run with REGEN=1`).toBe(true);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

describe('import of office files (import-office fixture)', async () => {
  const result = await importPackage(officeRequest());

  it('gives a package whose analysis equals that of the twin contract package', () => {
    const imported = analyse(result.files);
    const twin = analyse(fixtureFiles('import-office/twin'));
    expect(imported.pkg.rejected).toEqual([]);
    expect(communitiesCsv(imported.a)).toBe(communitiesCsv(twin.a));
    expect(imported.a.summary).toMatchObject({
      communities: 4,
      buildings: 38,
      unassignedBuildings: twin.a.summary.unassignedBuildings,
      households: twin.a.summary.households,
    });
    // the hole of 解放碑社区 holds LD031, which belongs to no community
    expect(imported.pkg.buildings.community[imported.pkg.buildings.ids.indexOf('LD031')]).toBe(-1);
    // LD032 lies on the island part of the MultiPolygon 较场口社区
    expect(imported.pkg.communities[imported.pkg.buildings.community[imported.pkg.buildings.ids.indexOf('LD032')]].name).toBe('较场口社区');
  });

  it('brings the EPSG:4545 polygons (hole, MultiPolygon) back to the twin’s WGS84 coordinates to 7 decimals', () => {
    const mine = JSON.parse(text(result.files['communities.geojson']));
    const twin = JSON.parse(readFileSync(join(DIR, 'twin', 'communities.geojson'), 'utf8'));
    expect(mine.features.map((f: { geometry: unknown }) => f.geometry)).toEqual(twin.features.map((f: { geometry: unknown }) => f.geometry));
    expect(mine.features[0].properties).toEqual({
      id: '500103001001',
      name: '解放碑社区',
      street: '解放碑街道',
      district: '渝中区',
      households: 1200,
      population: 3100,
      elderly: 720,
    });
  });

  it('estimates footprint households as area × floors ÷ 90 m² and marks them', () => {
    const rows = text(result.files['buildings.csv'])
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(rows[0]).toBe('id,lon,lat,households,community_id,households_estimated');
    // 30 m × 12 m × 6 floors ÷ 90 = 24; 60 × 15 × 18 ÷ 90 = 180
    expect(rows).toContain('LK001,106.5425,29.5525,24,,true');
    expect(rows).toContain('LK004,106.5625,29.5535,180,,true');
    expect(rows).toContain('LD033,106.5412,29.5512,48,500103002001,false');
  });

  it('matches the golden import report and rejected rows', () => {
    golden('import-report.json', text(result.files['import-report.json']));
    golden('import-rejected.csv', text(result.files['import-rejected.csv']));
    golden('roads.geojson', text(result.files['roads.geojson']));
    expect(result.rejected.map((r) => `${r.file}:${r.row}:${r.code}`)).toEqual([
      '楼栋.csv:6:R_NOT_NUMBER',
      '楼栋.csv:12:R_EMPTY',
      '设施台账.xlsx:7:R_UNKNOWN_CODE',
      '候选点.csv:6:R_UNKNOWN_CODE',
    ]);
    const xlsx = result.report.files.find((f) => f.file === '设施台账.xlsx')!;
    expect(xlsx).toMatchObject({
      headerLine: 2,
      summaryRowsSkipped: [8],
      rowsRead: 7,
      imported: 6,
      rejected: 1,
      crs: 'GCJ02',
      crsFrom: 'option',
      unmapped: ['序号'],
    });
    expect(xlsx.columns.status).toBe('建设情况');
    const shp = result.report.files.find((f) => f.file === '社区边界.zip/社区边界.shp')!;
    expect(shp).toMatchObject({ crs: 'EPSG:4545', crsFrom: 'file', encoding: 'gb18030', unmapped: ['面积'] });
  });

  it('is deterministic: a second run gives the same bytes', async () => {
    const again = await importPackage(officeRequest());
    expect(Object.keys(again.files)).toEqual(Object.keys(result.files));
    for (const k of Object.keys(result.files)) expect(Buffer.from(again.files[k]).equals(Buffer.from(result.files[k])), k).toBe(true);
  });

  it('the CLI writes byte for byte the package the engine returns', () => {
    const cli = cliImport(officeCliArgs());
    expect(cli.stderr).toContain('楼栋.csv → buildings: 33 imported, 2 rejected');
    expect(cli.status).toBe(0);
    expectSamePackage(result.files, cli.out);
  });

  it('a browser ES-module bundle of the engine, without Node’s Buffer, writes the same bytes (the map’s worker)', async () => {
    const { build } = await import('esbuild');
    const dir = mkdtempSync(join(tmpdir(), 'yl-bundle-'));
    const bundle = join(dir, 'import.mjs');
    await build({
      entryPoints: [join(ROOT, 'src/engine/import/index.ts')],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      outfile: bundle,
      logLevel: 'warning',
    });
    const r = spawnSync(process.execPath, [join(ROOT, 'test/helpers/importInBundle.mjs'), bundle, join(dir, 'out')], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const req = officeRequest();
    req.roads = { file: file('blocks.osm.pbf') };
    const here = await importPackage(req);
    expectSamePackage(here.files, join(dir, 'out'));
  });

  it('guesses each office file’s role and mapping for the wizard', () => {
    const guess = (files: ReturnType<typeof file>[]) =>
      inspectSource(files).map((p) => [p.file, p.role, p.declaredCrs ?? '', p.header.length, p.preview.length]);
    expect([
      ...guess([file('社区边界.zip')]),
      ...guess([file('楼栋.csv')]),
      ...guess(['楼栋轮廓.shp', '楼栋轮廓.dbf', '楼栋轮廓.prj', '楼栋轮廓.cpg'].map(file)),
      ...guess([file('设施台账.xlsx')]),
      ...guess([file('候选点.csv')]),
    ]).toEqual([
      ['社区边界.zip/社区边界.shp', 'communities', 'EPSG:4545', 8, 4],
      ['楼栋.csv', 'buildings', '', 8, 10],
      ['楼栋轮廓.shp', 'buildings', 'EPSG:4490', 3, 5],
      ['设施台账.xlsx', 'facilities', '', 10, 8],
      ['候选点.csv', 'candidates', '', 9, 6],
    ]);
    const xlsx = inspectSource([file('设施台账.xlsx')])[0];
    expect(xlsx.mapping.unmapped).toEqual(['序号', '建设情况']);
    expect(xlsx.notes).toContain("title line(s) 1 above the header skipped ('渝中区社区嵌入式服务设施台账（2025年）')");
  });

  it('hints GCJ-02 and BD-09 when the files are read as WGS84', async () => {
    const req = officeRequest();
    for (const s of req.sources) delete s.crs;
    const r = await importPackage(req);
    expect(r.report.hints.map((h) => [h.file, h.current, h.insideCurrent, h.suggested, h.insideSuggested, h.points])).toEqual([
      ['设施台账.xlsx', 'WGS84', 3, 'GCJ02', 6, 6],
      ['候选点.csv', 'WGS84', 0, 'BD09', 5, 5],
    ]);
    expect(r.report.hints[1].en).toContain('--crs candidates=bd09');
    expect(r.report.hints[1].zh).toContain('BD-09');
    golden('hints.json', JSON.stringify(r.report.hints, null, 2) + '\n');
  });
});

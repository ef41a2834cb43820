/**
 * The map's import wizard builds the same request as the CLI: the office fixtures dropped into
 * the wizard (grouped, roles guessed by inspectSource as the worker does, the two CRSs chosen as
 * a user would), imported, give a package byte-identical to `npm run cli -- import` on the same
 * files. Also: the saved zip is deterministic and holds those bytes; remembered column choices.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { importer, importPackage, inspectSource, packageZip, type ImportRole, type NamedBytes } from '../src/engine/index';
import { SNIFF_BYTES, buildImportRequest, groupFiles, mappingOf, wizardMapping, type WizardSource } from '../src/state/importRequest';
import { recallColumns, recallValues, rememberColumns, rememberValues, rememberValuesKey } from '../src/state/rememberedMapping';
import { cliImport, expectSamePackage, officeCliArgs, OFFICE } from './helpers/comparePackages';

const DROPPED = [
  '楼栋轮廓.dbf',
  '候选点.csv',
  'blocks.osm',
  '楼栋.csv',
  '社区边界.zip',
  '楼栋轮廓.shp',
  'mapping.json',
  '设施台账.xlsx',
  '楼栋轮廓.prj',
  'dem.tif',
  '楼栋轮廓.cpg',
  '楼栋轮廓.shx',
];
const dropped: NamedBytes[] = DROPPED.map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(OFFICE, name))) }));

/** What the wizard holds after the drop: grouped files, table roles from inspectSource (as importActions does). */
function wizardSources(): WizardSource[] {
  const sources = groupFiles(dropped);
  const mapping = mappingOf(sources);
  return sources.map((s) => {
    if (!['communities', 'buildings', 'facilities', 'candidates'].includes(s.role)) return s;
    const [first] = inspectSource(s.files, { mapping: mapping[s.name], previewRows: 5 });
    return { ...s, role: first.role };
  });
}

describe('import wizard request (office fixtures)', () => {
  it('groups the drop: loose shapefile parts under their .shp in the CLI’s order, OSM as roads, the GeoTIFF as DEM, mapping.json as the mapping', () => {
    const s = wizardSources();
    expect(s.map((x) => [x.name, x.role, x.files.map((f) => f.name).join(' ')])).toEqual([
      ['候选点.csv', 'candidates', '候选点.csv'],
      ['blocks.osm', 'roads', 'blocks.osm'],
      ['楼栋.csv', 'buildings', '楼栋.csv'],
      ['社区边界.zip', 'communities', '社区边界.zip'],
      ['楼栋轮廓.shp', 'buildings', '楼栋轮廓.shp 楼栋轮廓.cpg 楼栋轮廓.dbf 楼栋轮廓.prj 楼栋轮廓.shx'],
      ['mapping.json', 'mapping', 'mapping.json'],
      ['设施台账.xlsx', 'facilities', '设施台账.xlsx'],
      ['dem.tif', 'dem', 'dem.tif'],
    ]);
  });

  it('imports to the bytes the CLI writes for the same files, CRSs and mapping', async () => {
    const sources = wizardSources().map((s) => (s.name === '设施台账.xlsx' ? { ...s, crs: 'gcj02' } : s.name === '候选点.csv' ? { ...s, crs: 'bd09' } : s));
    const req = buildImportRequest(sources, { estimateHouseholds: true });
    expect(req.sources.map((s) => `${s.role}:${s.files[0].name}:${s.crs ?? ''}`)).toEqual([
      'communities:社区边界.zip:',
      'buildings:楼栋.csv:',
      'buildings:楼栋轮廓.shp:',
      'facilities:设施台账.xlsx:gcj02',
      'candidates:候选点.csv:bd09',
    ]);
    const wizard = await importPackage(req);
    const cli = cliImport(officeCliArgs());
    expect(cli.status, cli.stderr).toBe(0);
    expectSamePackage(wizard.files, cli.out);
    expect(Object.keys(wizard.files).sort()).toEqual([
      'buildings.csv',
      'candidates.csv',
      'communities.geojson',
      'facilities.csv',
      'import-rejected.csv',
      'import-report.json',
      'manifest.json',
      'roads.geojson',
    ]);
    // the report the wizard shows: 33 of 35 rows of 楼栋.csv imported, 2 rejected
    const b = wizard.report.files.find((f) => f.file === '楼栋.csv');
    expect([b?.rowsRead, b?.imported, b?.rejected]).toEqual([35, 33, 2]);

    // 保存数据包: the zip holds exactly these bytes and is the same zip every time
    const zip = packageZip(wizard.files);
    expect(Buffer.from(packageZip(wizard.files)).equals(Buffer.from(zip))).toBe(true);
    const un = unzipSync(zip);
    expect(Object.keys(un)).toEqual(Object.keys(un).sort()); // entries in name order
    expectSamePackage(un, cli.out);
  }, 120_000);

  it('lists the unknown value words; those chosen import as the CLI with the wizard’s mapping.json does, byte for byte', async () => {
    const sources = wizardSources();
    const dropped = mappingOf(sources);
    // the words the wizard lists: what the preview read that neither the vocabulary nor mapping.json knows
    const unknown = sources.flatMap((s) => {
      if (!(s.role in importer.VALUE_FIELDS)) return [];
      const p = inspectSource(s.files, { role: s.role as ImportRole, mapping: dropped[s.name] })[0];
      return Object.keys(importer.VALUE_FIELDS[s.role as ImportRole]).flatMap((field) => {
        const src = p.mapping.fields[field];
        if (!src || !('column' in src)) return [];
        return importer
          .unknownWords(s.role as ImportRole, field, p.values[src.column], dropped[s.name]?.values?.[field])
          .map((u) => `${s.name} ${field} ${u.value} ×${u.rows}`);
      });
    });
    expect(unknown).toEqual(['候选点.csv ownership 不详 ×1', '设施台账.xlsx services 理发 ×1']); // in drop order
    const chosen = sources.map((s) =>
      s.name === '设施台账.xlsx'
        ? { ...s, crs: 'gcj02', values: { services: { 理发: 'housekeeping' } } }
        : s.name === '候选点.csv'
          ? { ...s, crs: 'bd09', values: { ownership: { 不详: 'state' } } }
          : s,
    );
    const wizard = await importPackage(buildImportRequest(chosen, { estimateHouseholds: true }));
    // the two rows the fixtures' own mapping rejects now import
    expect(wizard.rejected.map((r) => r.id)).toEqual(['LD900', 'LD901']);
    const m = wizardMapping(chosen, dropped);
    expect(m).toEqual({
      ...dropped,
      '设施台账.xlsx': { ...dropped['设施台账.xlsx'], values: { status: { 暂定: 'planned' }, services: { 理发: 'housekeeping' } } },
      '候选点.csv': { values: { ownership: { 不详: 'state' } } },
    });
    const path = join(mkdtempSync(join(tmpdir(), 'yl-wizard-mapping-')), 'mapping.json');
    writeFileSync(path, JSON.stringify(m, null, 2));
    const cli = cliImport(officeCliArgs(OFFICE, { mapping: path }));
    expect(cli.status, cli.stderr).toBe(0);
    expectSamePackage(wizard.files, cli.out);
  }, 120_000);

  it('guesses a large GeoJSON’s kind from its first 64 KB (what the wizard hands over), lines as the walking network', () => {
    const fc = (type: string, coords: unknown) =>
      JSON.stringify({
        type: 'FeatureCollection',
        features: Array.from({ length: 3000 }, (_, k) => ({ type: 'Feature', properties: { k }, geometry: { type, coordinates: coords } })),
      });
    const head = (s: string) => new TextEncoder().encode(s).subarray(0, SNIFF_BYTES);
    const lines = fc('LineString', [
      [106.5, 29.5],
      [106.51, 29.51],
    ]);
    expect(lines.length).toBeGreaterThan(SNIFF_BYTES); // cut: not parseable JSON
    const g = groupFiles([
      { name: 'roads.geojson', bytes: head(lines) },
      { name: 'blocks.geojson', bytes: head(fc('MultiLineString', [[[106.5, 29.5]]])) },
      { name: 'areas.geojson', bytes: head(fc('Polygon', [[[106.5, 29.5]]])) },
    ]);
    expect(g.map((x) => [x.name, x.role])).toEqual([
      ['roads.geojson', 'roads'],
      ['blocks.geojson', 'roads'],
      ['areas.geojson', 'buildings'], // a table: its role is guessed when read
    ]);
  });

  it('a column chosen in the wizard goes into the file’s mapping on top of the mapping file', () => {
    const sources = wizardSources().map((s) => (s.name === '社区边界.zip' ? { ...s, columns: { population: null } } : s));
    const req = buildImportRequest(sources);
    expect(req.sources[0].mapping).toEqual({ columns: { elderly: '60岁以上', population: null } });
    expect(req.estimateHouseholds).toBeUndefined();
  });
});

describe('remembered column choices', () => {
  afterEach(() => vi.unstubAllGlobals());
  it('are recalled for the same role and header set in any order, not for another header set', () => {
    const store = new Map<string, string>();
    vi.stubGlobal('localStorage', { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) });
    rememberColumns('facilities', ['编号', '名称', '建设情况'], { status: '建设情况', operator: null });
    expect(recallColumns('facilities', ['建设情况', '编号', '名称'])).toEqual({ status: '建设情况', operator: null });
    expect(recallColumns('candidates', ['编号', '名称', '建设情况'])).toBeUndefined();
    expect(recallColumns('facilities', ['编号', '名称'])).toBeUndefined();
    rememberValues('candidates', ['编号', '权属'], { ownership: { 不详: 'state' } });
    expect(recallValues('candidates', ['权属', '编号'])).toEqual({ ownership: { 不详: 'state' } });
    expect(recallValues('facilities', ['编号', '权属'])).toBeUndefined();
    store.set(rememberValuesKey('candidates', ['x']), '{"ownership":{"a":1,"b":"state"},"source":[]}'); // hand-edited storage: only word → code strings
    expect(recallValues('candidates', ['x'])).toEqual({ ownership: { b: 'state' } });
  });
});

/**
 * Runs the office import (test/fixtures/import-office) through a browser ES-module bundle of
 * src/engine/import with Node's Buffer removed, as the map's worker will, and writes the
 * package's files to OUTDIR. Usage: node importInBundle.mjs BUNDLE.mjs OUTDIR (from the repo root).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';
const [bundle, out] = process.argv.slice(2);
const O = 'test/fixtures/import-office/office';
const f = (name) => ({ name, bytes: new Uint8Array(readFileSync(join(O, name))) });
const mapping = JSON.parse(readFileSync(join(O, 'mapping.json'), 'utf8'));
const req = { sources: [
  { role: 'communities', files: [f('社区边界.zip')], mapping: mapping['社区边界.zip'] },
  { role: 'buildings', files: [f('楼栋.csv')] },
  { role: 'buildings', files: ['楼栋轮廓.shp', '楼栋轮廓.cpg', '楼栋轮廓.dbf', '楼栋轮廓.prj', '楼栋轮廓.shx'].map(f) },
  { role: 'facilities', files: [f('设施台账.xlsx')], crs: 'gcj02', mapping: mapping['设施台账.xlsx'] },
  { role: 'candidates', files: [f('候选点.csv')], crs: 'bd09' },
], roads: { file: f('blocks.osm.pbf') }, dem: f('dem.tif'), estimateHouseholds: true };
const m = await import(bundle);
const B = globalThis.Buffer;
delete globalThis.Buffer;
const r = await m.importPackage(req);
globalThis.Buffer = B;
mkdirSync(out, { recursive: true });
for (const [k, v] of Object.entries(r.files)) writeFileSync(join(out, k), v);
process.stdout.write(Object.keys(r.files).join(',') + '\n');

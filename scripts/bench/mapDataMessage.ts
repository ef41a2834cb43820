/**
 * What the engine worker posts to the page, measured in Node with V8's structured-clone
 * serializer (the same format postMessage uses): bytes, serialize and deserialize time of
 *  - the map data as one message as before issue 13's split (roads collection and a million id
 *    strings included, no mesh),
 *  - the package part (sent once per package) and the analysis part (sent per mode) now.
 * Typed arrays are counted as copied (postMessage transfers them, so the real cost is lower).
 *
 *   npx tsx scripts/bench/mapDataMessage.ts [--data data/generated/city1m]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { aggregateH3, analyze, loadPackage, resolvePolicy } from '../../src/engine/index';
import { analysisMapData, packageMapData, packSources } from '../../src/worker/buildMapData';
import { joinMapData } from '../../src/client/joinMapData';

const argv = process.argv.slice(2);
const di = argv.indexOf('--data');
const dir = resolve(di >= 0 ? argv[di + 1] : 'data/generated/city1m');
const files: Record<string, Uint8Array> = {};
for (const f of readdirSync(dir)) if (f.includes('.') && !f.endsWith('.md')) files[f] = new Uint8Array(readFileSync(join(dir, f)));

const pkg = loadPackage(files);
const analysis = analyze(pkg, { mode: 'euclidean', policy: resolvePolicy(pkg) });
const cells = aggregateH3(pkg, analysis, 9);
const t0 = performance.now();
const p = packageMapData(pkg, 1);
packSources(p, pkg.roads);
const packMs = performance.now() - t0;
const r = analysisMapData(pkg, analysis, cells, 9);
const joined = joinMapData(p, r);
const { communityMesh: _mesh, roadCount: _rc, ...rest } = joined;
const { idText: _t, idStart: _s, ...b } = joined.buildings;
const before = { ...rest, roads: pkg.roads, buildings: { ...b, ids: pkg.buildings.ids } };

/** Median of 3: bytes, serialize ms, deserialize ms. */
function measure(v: unknown): { MB: number; serializeMs: number; deserializeMs: number } {
  const runs: [number, number, number][] = [];
  for (let k = 0; k < 3; k++) {
    const a = performance.now();
    const buf = serialize(v);
    const m = performance.now();
    deserialize(buf);
    runs.push([buf.length, m - a, performance.now() - m]);
  }
  const med = (i: number) => runs.map((x) => x[i]).sort((x, y) => x - y)[1];
  return { MB: +(med(0) / 1e6).toFixed(1), serializeMs: Math.round(med(1)), deserializeMs: Math.round(med(2)) };
}

console.log(
  `${dir}: ${pkg.buildings.count} buildings, ${pkg.communities.length} communities, ${pkg.roads?.features.length ?? 0} road features; package part built in ${Math.round(packMs)} ms`,
);
console.table({
  'before: one message per run': measure(before),
  'package part (once per package)': measure(p),
  'analysis part (per mode)': measure(r),
});

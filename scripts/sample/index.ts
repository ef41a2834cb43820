/**
 * The seeded sample-data generator: real names, codes and census totals (data/reference),
 * synthetic geometry. `generateSample` returns the package's files as strings (small runs,
 * tests); `writeSample` streams them to a folder (city scale, a million buildings).
 */
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { planCity } from './city';
import { BUILDINGS_HEADER, buildingRows } from './buildings';
import { type CommunityCell, communityRings, layoutDistrict, type Ring } from './communities';
import { type CandidateRow, type FacilityRow, makeCandidates, makeFacilities } from './facilities';
import { type Domain, northBankY, peninsulaDomain, southBankY, lonToX, tileDomain, toLonLat } from './geometry';
import { type RefDistrict, loadDistricts } from './reference';
import { type DomainHandles, RoadNet, buildRoads, components } from './roads';
import { apportion, stream, uniform } from './rng';
import { renderReadme } from './readme';
import type { SamplePlan, SampleStats } from './sampleTypes';

export type { SamplePlan, SampleStats } from './sampleTypes';
import { landingPointsCsv, pilotFiles } from './pilots';
import { waterGeojson } from './water';

export interface SampleOptions {
  /** Seed of every random draw (default 20241125, the policy's date). */
  seed?: number;
  /** Residential buildings in total (default 30,000: the bundled 渝中 sample). */
  buildings?: number;
  /** Districts to tile, 渝中 first (default: as many as the building count needs at ~7 households a building). */
  districts?: number;
  /** Generate roads.geojson (default true). */
  roads?: boolean;
  /** The main-urban-area package instead (scripts/sample/city.ts): nine districts with real outlines; default false. */
  city?: boolean;
  /** City package only: lattice cells the city is cut into (default 250,000, about 500k walking edges). */
  cityCells?: number;
  /** Progress messages (the command line prints them on stderr). */
  onProgress?: (message: string) => void;
}

export const DEFAULT_SEED = 20241125;
export const DEFAULT_BUILDINGS = 30000;
/** 渝中's census households over the bundled building count: ~7.1 households a building. */
const HH_PER_BUILDING = 213950 / DEFAULT_BUILDINGS;
/** 渝中 first, then the main urban districts, then the rest by code. */
const DISTRICT_ORDER = ['500103', '500105', '500108', '500106', '500107', '500104', '500112', '500113', '500109'];
/** Households per km² of a synthetic district tile. */
const TILE_DENSITY = 5000;

function chooseDistricts(opts: SampleOptions, buildings: number): RefDistrict[] {
  const all = loadDistricts();
  const order = [...DISTRICT_ORDER, ...[...all.keys()].filter((c) => !DISTRICT_ORDER.includes(c)).sort()];
  const chosen: RefDistrict[] = [];
  let hh = 0;
  for (const code of order) {
    const d = all.get(code);
    if (!d) continue;
    if (opts.districts !== undefined ? chosen.length >= opts.districts : chosen.length > 0 && hh >= buildings * HH_PER_BUILDING * 0.95) break;
    chosen.push(d);
    hh += d.households;
  }
  return chosen;
}

/** Build every part of a package except the building rows. */
export function planSample(opts: SampleOptions = {}): SamplePlan {
  const seed = opts.seed ?? DEFAULT_SEED;
  const total = opts.buildings ?? DEFAULT_BUILDINGS;
  const log = opts.onProgress ?? (() => {});
  if (opts.city) {
    const c = planCity({ seed, buildings: total, cells: opts.cityCells, log });
    c.facilities.forEach((f, k) => (f.id = 'F' + String(k + 1).padStart(5, '0')));
    c.candidates.forEach((x, k) => (x.id = 'C' + String(k + 1).padStart(5, '0')));
    return {
      seed,
      districts: c.districts,
      cells: c.cells,
      facilities: c.facilities,
      candidates: c.candidates,
      roads: opts.roads === false ? undefined : c.roads,
      buildingPlan: { seed, cells: c.cells, counts: c.counts, unassigned: 0 },
    };
  }
  const districts = chooseDistricts(opts, total);
  const domains: Domain[] = [peninsulaDomain()];
  // Further districts: rectangular tiles west of 渝中 in a serpentine grid.
  const tiles = districts.slice(1);
  const rngT = stream(seed, 'tiles');
  const sizes = tiles.map((d) => {
    const area = (d.households / TILE_DENSITY) * 1e6;
    const aspect = uniform(rngT, 0.8, 1.25);
    return { area, w: Math.sqrt(area * aspect), h: Math.sqrt(area / aspect) };
  });
  const cell = Math.max(0, ...sizes.map((s) => Math.max(s.w, s.h))) + 800;
  const cols = Math.max(1, Math.ceil(Math.sqrt(tiles.length)));
  const xWest = lonToX(106.5);
  const yMid = (southBankY(0) + northBankY(0)) / 2;
  const place: { row: number; col: number }[] = [];
  tiles.forEach((d, t) => {
    const row = Math.floor(t / cols);
    const col = row % 2 === 0 ? t % cols : cols - 1 - (t % cols);
    place.push({ row, col });
    const s = sizes[t];
    const step = Math.max(12, Math.min(40, Math.sqrt(s.area / d.streets.reduce((a, x) => a + x.communities.length, 0)) / 9));
    const x0 = xWest - 800 - (col + 1) * cell + (cell - s.w) / 2;
    const y0 = yMid - row * cell - s.h / 2;
    domains.push(tileDomain(d.code, x0, y0, s.w, s.h, Math.round(s.w / step), Math.round(s.h / step), stream(seed, 'tile:' + d.code)));
  });
  const cells: CommunityCell[] = [];
  const facilities: FacilityRow[] = [];
  const candidates: CandidateRow[] = [];
  districts.forEach((d, k) => {
    const dc = layoutDistrict(domains[k], d, seed);
    const f = makeFacilities(dc, seed, d.code);
    cells.push(...dc);
    facilities.push(...f.rows);
    candidates.push(...makeCandidates(dc, f.classes, seed, d.code));
    log(`district ${d.code} ${d.name}: ${dc.length} communities, ${f.rows.length} facilities`);
  });
  facilities.forEach((f, k) => (f.id = 'F' + String(k + 1).padStart(5, '0')));
  candidates.forEach((c, k) => (c.id = 'C' + String(k + 1).padStart(5, '0')));
  let roads: RoadNet | undefined;
  if (opts.roads !== false) {
    roads = new RoadNet();
    const handles: DomainHandles[] = [];
    domains.forEach((dom, k) => {
      handles.push(buildRoads(roads!, dom, seed, districts[k].name));
      if (k === 0) return;
      const prev = handles[k - 1];
      const cur = handles[k];
      const p = k === 1 ? { row: 0, col: -1 } : place[k - 2];
      const q = place[k - 1];
      const [a, b] = p.row !== q.row ? [prev.south, cur.north] : k === 1 || q.col > p.col ? [prev.west, cur.east] : [prev.east, cur.west];
      roads!.straight(a, b, 60, 'road', '城市干道（连接线）');
    });
    log(`roads: ${roads.ways.length} ways, ${roads.xs.length} vertices`);
  }
  // Buildings per district ∝ its households; a few outside every community in 渝中.
  const perDistrict = apportion(
    total,
    districts.map((d) => d.households),
  );
  const unassigned = Math.min(10, Math.floor(total / 1000));
  const counts: number[] = [];
  districts.forEach((d, k) => {
    const dc = cells.filter((c) => c.districtCode === d.code);
    const n = perDistrict[k] - (k === 0 ? unassigned : 0);
    counts.push(
      ...apportion(
        n,
        dc.map((c) => c.households),
      ),
    );
  });
  return { seed, districts, cells, facilities, candidates, roads, buildingPlan: { seed, cells, counts, unassigned } };
}

// ---------------------------------------------------------------- formatting

const deg = (x: number) => String(Number(x.toFixed(7)));
const deg6 = (x: number) => String(Number(x.toFixed(6)));

/** One CSV field, quoted when needed. */
export function csvField(v: string | number | null | undefined): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

const ringJson = (ring: Ring) =>
  '[' +
  ring
    .map(([x, y]) => {
      const [lon, lat] = toLonLat(x, y);
      return `[${deg(lon)},${deg(lat)}]`;
    })
    .join(',') +
  ']';

export function communitiesGeojson(cells: CommunityCell[]): string {
  const feats = cells.map((c) => {
    const polys = communityRings(c);
    const geom =
      polys.length === 1
        ? `{"type":"Polygon","coordinates":[${polys[0].map(ringJson).join(',')}]}`
        : `{"type":"MultiPolygon","coordinates":[${polys.map((p) => '[' + p.map(ringJson).join(',') + ']').join(',')}]}`;
    const props = JSON.stringify({
      id: c.id,
      name: c.name,
      street: c.street,
      district: c.district,
      households: c.households,
      population: c.population,
      elderly: c.elderly,
      children: c.children,
    });
    return `{"type":"Feature","properties":${props},"geometry":${geom}}`;
  });
  return `{"type":"FeatureCollection","features":[\n${feats.join(',\n')}\n]}\n`;
}

export function facilitiesCsv(rows: FacilityRow[]): string {
  let out = 'id,name,lon,lat,area_m2,services,community_id,level,operator,status\n';
  for (const f of rows) {
    const [lon, lat] = toLonLat(f.x, f.y);
    out += [f.id, f.name, deg6(lon), deg6(lat), f.areaM2, f.services.join(';'), f.communityId, f.level, f.operator, f.status].map(csvField).join(',') + '\n';
  }
  return out;
}

export function candidatesCsv(rows: CandidateRow[]): string {
  let out = 'id,name,lon,lat,area_m2,source,ownership,cost_wan,community_id,note\n';
  for (const c of rows) {
    const [lon, lat] = toLonLat(c.x, c.y);
    out += [c.id, c.name, deg6(lon), deg6(lat), c.areaM2, c.source, c.ownership, c.costWan, c.communityId, c.note].map(csvField).join(',') + '\n';
  }
  return out;
}

export function roadsGeojson(net: RoadNet): string {
  const coord = (n: number) => {
    const [lon, lat] = toLonLat(net.xs[n], net.ys[n]);
    return `[${deg(lon)},${deg(lat)},${Number(net.zs[n].toFixed(1))}]`;
  };
  const feats = net.ways.map((w) => {
    const props = JSON.stringify(w.name ? { kind: w.kind, name: w.name } : { kind: w.kind });
    return `{"type":"Feature","properties":${props},"geometry":{"type":"LineString","coordinates":[${w.nodes.map(coord).join(',')}]}}`;
  });
  return `{"type":"FeatureCollection","features":[\n${feats.join(',\n')}\n]}\n`;
}

function roadStats(net: RoadNet | undefined): Pick<SampleStats, 'roadFeatures' | 'roadVertices' | 'roadComponents'> {
  if (!net) return { roadFeatures: 0, roadVertices: 0, roadComponents: [] };
  const ways = net.ways.map((w) => ({ coords: w.nodes.map((n) => toLonLat(net.xs[n], net.ys[n])) }));
  return { roadFeatures: net.ways.length, roadVertices: net.ways.reduce((a, w) => a + w.nodes.length, 0), roadComponents: components(ways).slice(0, 5) };
}

function baseStats(plan: SamplePlan): SampleStats {
  const buildings = plan.buildingPlan.counts.reduce((a, b) => a + b, 0) + plan.buildingPlan.unassigned;
  return {
    seed: plan.seed,
    districts: plan.districts.map((d) => {
      const idx = plan.cells.map((c, k) => (c.districtCode === d.code ? k : -1)).filter((k) => k >= 0);
      return { code: d.code, name: d.name, communities: idx.length, buildings: idx.reduce((a, k) => a + plan.buildingPlan.counts[k], 0) };
    }),
    communities: plan.cells.length,
    buildings,
    unassignedBuildings: plan.buildingPlan.unassigned,
    households: plan.cells.reduce((a, c) => a + c.households, 0),
    buildingHouseholds: 0,
    population: plan.cells.reduce((a, c) => a + c.population, 0),
    facilities: plan.facilities.length,
    plannedFacilities: plan.facilities.filter((f) => f.status === 'planned').length,
    candidates: plan.candidates.length,
    ...roadStats(plan.roads),
  };
}

export const SAMPLE_NAME = '渝中区示例数据（合成几何）/ Yuzhong sample (synthetic geometry)';

function manifestJson(plan: SamplePlan, stats: SampleStats): string {
  const single = plan.districts.length === 1;
  const city = plan.buildingPlan.unassigned === 0 && plan.cells.some((c) => c.rings);
  const name = single
    ? SAMPLE_NAME
    : city
      ? '重庆市主城中心城区示例数据（真实区界，合成社区与楼栋）/ Chongqing main urban area sample (real district outlines, synthetic communities and buildings)'
      : `重庆市${plan.districts.length}区县示例数据（合成几何）/ Chongqing ${plan.districts.length}-district sample (synthetic geometry)`;
  return (
    JSON.stringify(
      {
        name,
        crs: 'WGS84',
        synthetic: true,
        generator: 'scripts/generate-sample.ts',
        seed: plan.seed,
        districts: plan.districts.map((d) => ({ code: d.code, name: d.name })),
        counts: {
          communities: stats.communities,
          buildings: stats.buildings,
          households: stats.households,
          facilities: stats.facilities,
          candidates: stats.candidates,
          roadFeatures: stats.roadFeatures,
        },
        realData: 'names, codes and census totals: data/reference/SOURCE.md',
      },
      null,
      2,
    ) + '\n'
  );
}

const hhSum = (csvChunk: string) => {
  let s = 0;
  for (const line of csvChunk.split('\n')) if (line) s += Number(line.split(',')[3]);
  return s;
};

/** Generate a whole package in memory: file name → content. Deterministic for a seed. */
export function generateSample(opts: SampleOptions = {}): { files: Record<string, string>; stats: SampleStats } {
  const plan = planSample(opts);
  const stats = baseStats(plan);
  let buildings = BUILDINGS_HEADER;
  for (const chunk of buildingRows(plan.buildingPlan)) {
    buildings += chunk;
    stats.buildingHouseholds += hhSum(chunk);
  }
  const files: Record<string, string> = {
    'manifest.json': manifestJson(plan, stats),
    'communities.geojson': communitiesGeojson(plan.cells),
    'buildings.csv': buildings,
    'facilities.csv': facilitiesCsv(plan.facilities),
    'candidates.csv': candidatesCsv(plan.candidates),
  };
  if (plan.roads) files['roads.geojson'] = roadsGeojson(plan.roads);
  if (!opts.city) files['water.geojson'] = waterGeojson(); // optional extension the map draws; not in the data contract
  if (!opts.city) Object.assign(files, pilotFiles(plan.cells, plan.seed), { 'landing_points.csv': landingPointsCsv(plan.cells, plan.seed) }); // invented pilot programme (docs/PILOTS.md)
  files['README.md'] = renderReadme(plan, stats);
  return { files, stats };
}

/** Generate a package straight into `outDir`, streaming buildings.csv. */
export async function writeSample(opts: SampleOptions, outDir: string): Promise<SampleStats> {
  const log = opts.onProgress ?? (() => {});
  const plan = planSample(opts);
  const stats = baseStats(plan);
  mkdirSync(outDir, { recursive: true });
  const put = (name: string, text: string) => {
    writeFileSync(join(outDir, name), text);
    log(`wrote ${name} (${(Buffer.byteLength(text) / 1e6).toFixed(2)} MB)`);
  };
  put('communities.geojson', communitiesGeojson(plan.cells));
  put('facilities.csv', facilitiesCsv(plan.facilities));
  put('candidates.csv', candidatesCsv(plan.candidates));
  if (plan.roads) put('roads.geojson', roadsGeojson(plan.roads));
  if (!opts.city) put('water.geojson', waterGeojson()); // the 渝中 rivers of the synthetic peninsula: not for real outlines
  if (!opts.city) {
    for (const [name, text] of Object.entries(pilotFiles(plan.cells, plan.seed))) put(name, text); // invented pilot programme (docs/PILOTS.md)
    put('landing_points.csv', landingPointsCsv(plan.cells, plan.seed));
  }
  const out = createWriteStream(join(outDir, 'buildings.csv'));
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  await write(BUILDINGS_HEADER);
  let rows = 0;
  let nextReport = 100_000;
  let batch = '';
  for (const chunk of buildingRows(plan.buildingPlan)) {
    stats.buildingHouseholds += hhSum(chunk);
    batch += chunk;
    rows += chunk.split('\n').length - 1;
    if (batch.length > 1 << 20) {
      await write(batch);
      batch = '';
    }
    if (rows >= nextReport) {
      log(`buildings: ${rows.toLocaleString('en')} / ${stats.buildings.toLocaleString('en')}`);
      nextReport += 100_000;
    }
  }
  await write(batch);
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  log(`wrote buildings.csv (${rows} rows)`);
  put('manifest.json', manifestJson(plan, stats));
  put('README.md', renderReadme(plan, stats));
  return stats;
}

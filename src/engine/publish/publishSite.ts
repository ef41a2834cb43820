import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { Analysis } from '../analysisTypes';
import { EngineError } from '../errors';
import type { PackageFiles } from '../package/loadPackage';
import { SERVICES } from '../standards/services';
import type { DataPackage } from '../types';
import type { ApprovedSite } from './approvedSites';
import { cleanText, readFacilityExtras } from './facilityExtras';
import { publicDemand } from './publicDemand';
import type { PublicCommunity, PublicFacility, PublicMode, PublicPlannedSite, PublicSiteMeta } from './publicTypes';

/** What {@link publishSite} reads. */
export interface PublishInput {
  pkg: DataPackage;
  /** The analysis of `pkg` in the published mode (euclidean or network). */
  analysis: Analysis;
  /** The package's raw files; only `facilities.csv` is read, for its optional public columns. */
  files?: PackageFiles;
  /** Sites of a blueprint file marked approved ({@link readApprovedSites}). */
  approved?: ApprovedSite[];
}

/** Options of {@link publishSite}. */
export interface PublishOptions {
  /** Site title (default 渝邻图 · 社区服务地图). */
  title?: string;
  /** YYYY-MM-DD of the data; anything else is left out. */
  dataDate?: string;
  /** YYYY-MM-DD of publication (default: today, UTC). */
  published?: string;
  /** Walking speed turning minutes into metres, m/min (default 60: GB 50180's 5-minute circle of 300 m). */
  metresPerMinute?: number;
  /** Minute rings (default 5, 10, 15). */
  minutes?: number[];
  /** H3 resolution of the demand cells (default 9). */
  h3Resolution?: number;
}

/** The site's data files (path relative to the site root → JSON text) and notes for the publisher. */
export interface PublishedData {
  files: Map<string, string>;
  notes: string[];
}

export const DEFAULT_SITE_TITLE = '渝邻图 · 社区服务地图';
/** m/min: GB 50180-2018's 5-minute life circle is 300 m. */
export const PUBLIC_WALK_M_PER_MIN = 60;

const r6 = (x: number) => Math.round(x * 1e6) / 1e6;
/** Boundaries to 5 decimals (≈ 1 m): enough for a public map, a sixth smaller than 6. */
const r5 = (x: number) => Math.round(x * 1e5) / 1e5;
const r7 = (x: number) => Math.round(x * 1e7) / 1e7;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A stable public id: FNV-1a of the source id in base 36 (the source id itself is not published). */
function publicId(prefix: string, id: string, used: Set<string>): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  const base = prefix + h.toString(36);
  let out = base;
  for (let k = 2; used.has(out); k++) out = `${base}-${k}`;
  used.add(out);
  return out;
}

function roundGeometry(g: Polygon | MultiPolygon): Polygon | MultiPolygon {
  const ring = (r: Position[]) => r.map((p) => [r5(p[0]), r5(p[1])]);
  return g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: g.coordinates.map(ring) }
    : { type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => poly.map(ring)) };
}

function extend(b: [number, number, number, number], lon: number, lat: number): void {
  if (lon < b[0]) b[0] = lon;
  if (lat < b[1]) b[1] = lat;
  if (lon > b[2]) b[2] = lon;
  if (lat > b[3]) b[3] = lat;
}

/**
 * The public data of a service map for residents (docs/PUBLISHING.md). Pure: package and
 * analysis in, files out; the CLI writes them next to the public site's bundle and a worker
 * can zip them. Every published field is copied one by one (never a spread of a source
 * object): communities with their figures and boundaries, open facilities with their public
 * details, approved planned sites without operator or cost, demand as rounded H3 cells
 * ({@link publicDemand}), and the walking network as bare geometry in network mode. Never:
 * buildings, candidates that are not approved, costs, ownership, notes, rejected rows, the
 * package's name, file names or paths.
 */
export function publishSite(input: PublishInput, options: PublishOptions = {}): PublishedData {
  const { pkg, analysis } = input;
  if (analysis.mode !== 'euclidean' && analysis.mode !== 'network') {
    throw new EngineError('E_MODE', { field: '--mode', detail: `a public site is published in euclidean or network mode, not ${analysis.mode}` });
  }
  const mode: PublicMode = analysis.mode;
  if (mode === 'network' && !pkg.roads) throw new EngineError('E_NO_ROADS', { file: 'roads.geojson' });
  const notes: string[] = [];
  const policy = analysis.policy;
  const bounds: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];

  const communities: FeatureCollection<Polygon | MultiPolygon, PublicCommunity> = { type: 'FeatureCollection', features: [] };
  for (const r of analysis.communities) {
    const c = pkg.communities[r.index];
    const props: PublicCommunity = {
      id: cleanText(r.id, 40),
      name: cleanText(r.name, 80),
      street: cleanText(r.street, 80),
      district: cleanText(r.district, 80),
      households: r.households,
      areaPer100hh: r.areaPer100hh === null ? null : Math.round(r.areaPer100hh * 10) / 10,
      meetsArea: r.areaPer100hh !== null && r.areaPer100hh >= policy.areaPer100Households.base,
      meetsBasicRule: r.meetsBasicRule,
      meetsComplexRule: r.meetsComplexRule,
      coverage: r.coverage.map((x) => (x === null ? null : Math.round(x * 100))),
    };
    const geometry = roundGeometry(c.geometry);
    const rings = geometry.type === 'Polygon' ? [geometry.coordinates[0]] : geometry.coordinates.map((p) => p[0]);
    for (const ring of rings) for (const p of ring) extend(bounds, p[0], p[1]);
    const f: Feature<Polygon | MultiPolygon, PublicCommunity> = { type: 'Feature', geometry, properties: props };
    communities.features.push(f);
  }

  const { byId: extras, notes: extraNotes } = readFacilityExtras(input.files?.['facilities.csv']);
  notes.push(...extraNotes);
  const used = new Set<string>();
  const facilities: PublicFacility[] = [];
  for (const f of pkg.facilities) {
    if (f.status !== 'open') continue;
    const out: PublicFacility = { id: publicId('f', f.id, used), name: cleanText(f.name, 120), services: [...f.services], lon: r6(f.lon), lat: r6(f.lat) };
    if (f.level) out.level = f.level;
    if (f.operator) out.operator = cleanText(f.operator, 120);
    const e = extras.get(f.id);
    if (e?.access) out.access = [...e.access];
    if (e?.address) out.address = e.address;
    if (e?.phone) out.phone = e.phone;
    if (e?.hours) out.hours = e.hours;
    facilities.push(out);
    extend(bounds, out.lon, out.lat);
  }

  const planned: PublicPlannedSite[] = [];
  for (const a of input.approved ?? []) {
    const c = a.candidate;
    const community = c.community >= 0 ? pkg.communities[c.community] : undefined;
    const name = a.publicName ?? `${community ? cleanText(community.name, 80) : ''}嵌入式服务设施`;
    const out: PublicPlannedSite = {
      id: publicId('p', c.id, used),
      name,
      services: SERVICES.filter((s) => a.services.includes(s)),
      lon: r6(c.lon),
      lat: r6(c.lat),
    };
    if (a.level) out.level = a.level;
    planned.push(out);
  }

  const resolution = options.h3Resolution ?? 9;
  const demand = publicDemand(pkg.buildings, { resolution, roundTo: 10, minHouseholds: 20 });
  if (demand.leftOutHouseholds > 0)
    notes.push(`demand: ${demand.leftOutHouseholds} households in sparse cells are left out (fewer than 20 even in the parent cell)`);

  const files = new Map<string, string>();
  if (mode === 'network') {
    const lines: number[][] = [];
    for (const feat of pkg.roads!.features) {
      const g = feat?.geometry;
      if (!g) continue;
      const parts = g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : [];
      for (const part of parts) {
        const flat: number[] = [];
        for (const p of part) if (Number.isFinite(p[0]) && Number.isFinite(p[1])) flat.push(r7(p[0]), r7(p[1]));
        if (flat.length >= 4) lines.push(flat);
      }
    }
    files.set('data/network.json', JSON.stringify({ lines }));
  }
  files.set('data/communities.json', JSON.stringify(communities));
  files.set('data/facilities.json', JSON.stringify(facilities));
  files.set('data/planned.json', JSON.stringify(planned));
  files.set('data/demand.json', JSON.stringify(demand.cells));

  const title = cleanText(options.title ?? '', 80) || DEFAULT_SITE_TITLE;
  const published = options.published && ISO_DATE.test(options.published) ? options.published : new Date().toISOString().slice(0, 10);
  const meta: PublicSiteMeta = {
    format: 1,
    title,
    mode,
    synthetic: pkg.manifest.synthetic === true,
    published,
    bounds: Number.isFinite(bounds[0]) ? (bounds.map(r6) as PublicSiteMeta['bounds']) : [106.4, 29.4, 106.7, 29.7],
    policy: {
      thresholdsM: SERVICES.map((s) => policy.thresholdsM[s]),
      areaPer100Households: { base: policy.areaPer100Households.base, enhanced: policy.areaPer100Households.enhanced },
      maxSnapM: policy.maxSnapM,
    },
    walk: { metresPerMinute: options.metresPerMinute ?? PUBLIC_WALK_M_PER_MIN, minutes: [...(options.minutes ?? [5, 10, 15])] },
    demand: { resolution, roundTo: 10, minHouseholds: 20 },
    counts: { communities: communities.features.length, facilities: facilities.length, planned: planned.length, demandCells: demand.cells.length },
    files: ['data/site.json', ...files.keys()],
  };
  if (options.dataDate && ISO_DATE.test(options.dataDate)) meta.dataDate = options.dataDate;
  files.set('data/site.json', JSON.stringify(meta));
  return { files, notes };
}

import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { createProvider, loadPackage, network, NetworkProvider, resolvePolicy, walkGraphOf } from '../engine';
import { type DistanceProvider, EngineError, type Policy, type ServiceCode, type DataPackage, type DistanceMode, type WalkGraph, type GraphSnap } from '../engine/index';
import { readWater, type WaterCollection } from './readWater';

/** The minute rings of every walkshed, at Tobler's flat 5.04 km/h (≈ 83.94 m a minute). */
export const WALK_MINUTES = [5, 10, 15] as const;
export const METRES_PER_MINUTE = network.FLAT_SPEED_M_PER_MIN;

export type WalkshedCollection = FeatureCollection<Polygon | MultiPolygon, network.WalkshedProperties>;

/** One facility reachable from a clicked point. */
export interface ReachableFacility {
  id: string;
  name: string;
  services: ServiceCode[];
  /** Walk from the point, metres (flat-equivalent metres in effort mode). */
  metres: number;
  /** `metres` in minutes at the flat speed. */
  minutes: number;
}

/** "What can I reach from here": walksheds for 5/10/15 minutes and the open facilities within 15. */
export interface PointReach {
  lon: number;
  lat: number;
  /** Straight walk from the point to the nearest network node, metres. */
  snapM: number;
  /** False when the nearest node is farther than the policy's maxSnapM (nothing is reachable). */
  onNetwork: boolean;
  /** True when the walk is measured as effort (slope, stairs, lifts) rather than length. */
  effort: boolean;
  walksheds: WalkshedCollection;
  /** Open facilities within the largest ring, nearest first. */
  facilities: ReachableFacility[];
  /** Wall time in the worker, ms. */
  ms: number;
}

/** The catchment of one facility for one service in the current walking mode. */
export interface FacilityWalkshed {
  facilityId: string;
  service: ServiceCode;
  thresholdM: number;
  effort: boolean;
  /** First the service threshold (`thresholdM`), then the 5/10/15-minute rings. */
  walksheds: WalkshedCollection;
  onNetwork: boolean;
  ms: number;
}

/** The walking part of the engine worker's API. */
export interface NetworkWorkerApi {
  walkFromPoint(lon: number, lat: number): Promise<PointReach>;
  facilityWalkshed(facilityId: string, service: ServiceCode): Promise<FacilityWalkshed>;
}

/** A loaded package kept between runs: re-analysing it in another mode skips fetching and parsing. */
export interface PackageSession {
  key: string;
  /** Changes whenever another package is loaded (the map refits and refills its sources only then). */
  id: number;
  pkg: DataPackage;
  /** The package's files as loaded (the blueprint solver worker loads the same bytes). */
  files: Record<string, Uint8Array>;
  policy: Policy;
  water?: WaterCollection;
  /** Distance providers per mode ('euclidean', 'network', 'network+effort', 'matrix'), built once. */
  providers: Map<string, DistanceProvider>;
  /** The mode of the latest analysis (walksheds follow it). */
  mode: DistanceMode;
  effort: boolean;
  facilitySnap?: GraphSnap;
}

let session: PackageSession | null = null;
let nextId = 1;

/** FNV-1a over the file names and bytes: the cache key of a package the user opened. */
export function filesKey(files: Record<string, Uint8Array>): string {
  let h = 0x811c9dc5;
  for (const name of Object.keys(files).sort()) {
    for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
    const b = files[name];
    for (let i = 0; i < b.length; i++) h = Math.imul(h ^ b[i], 0x01000193);
  }
  return `files:${(h >>> 0).toString(16)}`;
}

/** True when the package under `key` is loaded already. */
export function hasPackage(key: string): boolean {
  return session?.key === key;
}

/** The session of `key`: the cached one, or a new one parsed from `files`. */
export function openPackage(key: string, files: Record<string, Uint8Array> | null): PackageSession {
  if (session?.key === key) return session;
  if (!files) throw new EngineError('E_MISSING_FILE', { file: 'manifest.json' });
  const pkg = loadPackage(files);
  session = {
    key,
    id: nextId++,
    pkg,
    files,
    policy: resolvePolicy(pkg),
    water: readWater(files['water.geojson'], pkg.manifest.crs),
    providers: new Map(),
    mode: 'euclidean',
    effort: false,
  };
  return session;
}

/** The provider of a mode, built on first use and kept (the walking graph and building snaps are reused). */
export function providerFor(s: PackageSession, mode: DistanceMode, effort: boolean): DistanceProvider {
  const key = mode === 'network' && effort ? 'network+effort' : mode;
  let p = s.providers.get(key);
  if (!p) {
    p = createProvider(s.pkg, mode, s.policy, mode === 'network' ? effort : undefined);
    s.providers.set(key, p);
  }
  s.mode = mode;
  s.effort = mode === 'network' && effort;
  return p;
}

/** The loaded package session, or null before the first run. */
export function currentPackage(): PackageSession | null {
  return session;
}

function current(): PackageSession {
  if (!session) throw new EngineError('E_ARGUMENT', { detail: 'no data loaded yet' });
  return session;
}

/** The walking graph and the cost of the current mode (effort costs in effort mode, else length). */
function walking(s: PackageSession): { g: WalkGraph; cost: Float64Array; effort: boolean } {
  if (!s.pkg.roads) throw new EngineError('E_NO_ROADS', { file: 'roads.geojson' });
  const p = s.providers.get(s.effort ? 'network+effort' : 'network');
  if (p instanceof NetworkProvider) return { g: p.graph, cost: p.cost, effort: s.effort };
  const g = walkGraphOf(s.pkg.roads);
  return { g, cost: g.lengthM, effort: false };
}

const minuteRings = () => WALK_MINUTES.map((m) => m * METRES_PER_MINUTE);
const round1 = (x: number) => Math.round(x * 10) / 10;

/** Walksheds and reachable facilities from a point (what one can reach walking away from it). */
export function walkFromPoint(lon: number, lat: number): PointReach {
  const t0 = performance.now();
  const s = current();
  const { g, cost, effort } = walking(s);
  const rings = minuteRings();
  const limit = Math.max(...rings);
  const snap = network.snapToGraph(g, Float64Array.of(lon), Float64Array.of(lat), s.policy.maxSnapM);
  const node = snap.node[0];
  const dist = node >= 0 ? network.multiSourceDijkstra(g, snap.node, snap.snapM, limit, cost) : new Float64Array(g.nodeCount).fill(Infinity);
  const walksheds = network.walkshed(g, dist, rings, { cost, origin: node >= 0 ? { lon, lat, node, snapM: snap.snapM[0] } : undefined });
  const fs = s.pkg.facilities;
  s.facilitySnap ??= network.snapToGraph(g, Float64Array.from(fs, (f) => f.lon), Float64Array.from(fs, (f) => f.lat), s.policy.maxSnapM);
  const facilities: ReachableFacility[] = [];
  fs.forEach((f, k) => {
    const fn = s.facilitySnap!.node[k];
    if (f.status !== 'open' || fn < 0) return;
    const d = dist[fn] + s.facilitySnap!.snapM[k];
    if (d <= limit) facilities.push({ id: f.id, name: f.name, services: f.services, metres: round1(d), minutes: round1(d / METRES_PER_MINUTE) });
  });
  facilities.sort((a, b) => a.metres - b.metres || (a.id < b.id ? -1 : 1));
  return { lon, lat, snapM: snap.snapM[0], onNetwork: node >= 0, effort, walksheds, facilities, ms: performance.now() - t0 };
}

/** A facility's catchment for one service (residents walking to it), plus the minute rings. */
export function facilityWalkshed(facilityId: string, service: ServiceCode): FacilityWalkshed {
  const t0 = performance.now();
  const s = current();
  const f = s.pkg.facilities.find((x) => x.id === facilityId);
  if (!f) throw new EngineError('E_ARGUMENT', { detail: `unknown facility ${facilityId}` });
  const { g, cost, effort } = walking(s);
  const thresholdM = s.policy.thresholdsM[service];
  const walksheds = network.walkshedFromPoint(g, f.lon, f.lat, [thresholdM, ...minuteRings()], {
    cost,
    direction: 'to',
    maxSnapM: s.policy.maxSnapM,
  });
  const onNetwork = walksheds.features.some((x) => x.properties.cells > 0);
  return { facilityId, service, thresholdM, effort, walksheds, onNetwork, ms: performance.now() - t0 };
}

function failure(err: unknown): { code: string; zh: string; en: string } {
  if (err instanceof EngineError) return { code: err.code, zh: err.messageIn('zh'), en: err.messageIn('en') };
  const msg = err instanceof Error ? err.message : String(err);
  return { code: 'E_INTERNAL', zh: `内部错误: ${msg}`, en: `Internal error: ${msg}` };
}

export const networkApi: NetworkWorkerApi = {
  async walkFromPoint(lon, lat) {
    try {
      return walkFromPoint(lon, lat);
    } catch (e) {
      throw failure(e);
    }
  },
  async facilityWalkshed(id, service) {
    try {
      return facilityWalkshed(id, service);
    } catch (e) {
      throw failure(e);
    }
  },
};

import { network, NetworkProvider, walkGraphOf } from '../engine/index';
import { EngineError } from '../engine/index';
import type { ServiceCode } from '../engine/index';
import type { WalkGraph } from '../engine/index';
import { asFailure } from './failure';
import { modeKey, requirePackage, type PackageSession } from './packageSession';
import type { FacilityWalkshed, NetworkWorkerApi, PointReach, ReachableFacility } from './protocol';

/** The minute rings of every walkshed, at Tobler's flat 5.04 km/h (≈ 83.94 m a minute). */
export const WALK_MINUTES = [5, 10, 15] as const;
export const METRES_PER_MINUTE = network.FLAT_SPEED_M_PER_MIN;

/** The walking graph and the cost of the current mode (effort costs in effort mode, else length). */
function walking(s: PackageSession): { g: WalkGraph; cost: Float64Array; effort: boolean } {
  if (!s.pkg.roads) throw new EngineError('E_NO_ROADS', { file: 'roads.geojson' });
  const p = s.providers.get(modeKey('network', s.effort));
  if (p instanceof NetworkProvider) return { g: p.graph, cost: p.cost, effort: s.effort };
  const g = walkGraphOf(s.pkg.roads);
  return { g, cost: g.lengthM, effort: false };
}

const minuteRings = () => WALK_MINUTES.map((m) => m * METRES_PER_MINUTE);
const round1 = (x: number) => Math.round(x * 10) / 10;

/** Walksheds and reachable facilities from a point (what one can reach walking away from it). */
export function walkFromPoint(lon: number, lat: number): PointReach {
  const t0 = performance.now();
  const s = requirePackage();
  const { g, cost, effort } = walking(s);
  const rings = minuteRings();
  const limit = Math.max(...rings);
  const snap = network.snapToGraph(g, Float64Array.of(lon), Float64Array.of(lat), s.policy.maxSnapM);
  const node = snap.node[0];
  const dist = node >= 0 ? network.multiSourceDijkstra(g, snap.node, snap.snapM, limit, cost) : new Float64Array(g.nodeCount).fill(Infinity);
  const walksheds = network.walkshed(g, dist, rings, { cost, origin: node >= 0 ? { lon, lat, node, snapM: snap.snapM[0] } : undefined });
  const fs = s.pkg.facilities;
  s.facilitySnap ??= network.snapToGraph(
    g,
    Float64Array.from(fs, (f) => f.lon),
    Float64Array.from(fs, (f) => f.lat),
    s.policy.maxSnapM,
  );
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
  const s = requirePackage();
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

/** The walking part of the engine worker's API. */
export const networkApi: NetworkWorkerApi = {
  walkFromPoint: (lon, lat) => asFailure(() => walkFromPoint(lon, lat)),
  facilityWalkshed: (id, service) => asFailure(() => facilityWalkshed(id, service)),
};

import { haversineM } from '../engine/public';
import { SERVICES, type ServiceCode } from '../engine/public';
import type { PublicFacility, PublicPlannedSite } from '../engine/public';
import type { WalkNetwork } from './walkNetwork';

/** A facility (open or planned) with its walk from the chosen place. */
export interface FacilityWalk {
  facility: PublicFacility | PublicPlannedSite;
  planned: boolean;
  /** Metres, straight line or along the network. */
  metres: number;
  /** At the site's walking speed. */
  minutes: number;
}

/** What is near a place. */
export interface Nearby {
  lon: number;
  lat: number;
  mode: 'euclidean' | 'network';
  /** Network mode: false when the place is too far from a footpath. */
  onNetwork: boolean;
  snapM: number;
  /** Open and planned facilities offering `service` (any, for 'all') within the largest ring, nearest first. */
  within: FacilityWalk[];
  /** Nearest open facility per service (SERVICES order); null when none within `searchM`. */
  nearest: (FacilityWalk | null)[];
  /** Network mode: node distances of the search (for drawing). */
  dist?: Float64Array;
}

/** The facilities of a site with their network snapping, prepared once. */
export interface NearbyIndex {
  open: PublicFacility[];
  planned: PublicPlannedSite[];
  network?: WalkNetwork;
  /** Network mode: nearest node and snap distance of open then planned facilities. */
  snap?: { node: Int32Array; snapM: Float64Array };
}

export function nearbyIndex(open: PublicFacility[], planned: PublicPlannedSite[], network?: WalkNetwork): NearbyIndex {
  const idx: NearbyIndex = { open, planned, network };
  if (network) {
    const all = [...open, ...planned];
    idx.snap = network.snap(
      all.map((f) => f.lon),
      all.map((f) => f.lat),
    );
  }
  return idx;
}

/**
 * What is near (lon, lat): facilities within the largest ring and the nearest open facility
 * of each service. Straight-line (haversine) distances, or along the walking network: snap
 * to the nearest node, shortest path, snap to the facility; a facility off the network is out
 * of reach. The network search stops at `searchM` metres.
 *
 * @param ringsM ring radii, metres, ascending
 * @param metresPerMinute walking speed, m/min
 * @param searchM farthest walk searched for the nearest facilities, metres
 */
export function nearby(idx: NearbyIndex, lon: number, lat: number, service: ServiceCode | 'all', ringsM: number[], metresPerMinute: number, searchM: number): Nearby {
  const all: { f: PublicFacility | PublicPlannedSite; planned: boolean }[] = [...idx.open.map((f) => ({ f, planned: false })), ...idx.planned.map((f) => ({ f, planned: true }))];
  const metres = new Float64Array(all.length);
  let onNetwork = true;
  let snapM = 0;
  let dist: Float64Array | undefined;
  if (idx.network && idx.snap) {
    const r = idx.network.reach(lon, lat, searchM);
    onNetwork = r.onNetwork;
    snapM = r.snapM;
    dist = r.dist;
    all.forEach((_, k) => {
      const node = idx.snap!.node[k];
      metres[k] = node >= 0 ? r.dist[node] + idx.snap!.snapM[k] : Infinity;
    });
  } else {
    all.forEach((x, k) => (metres[k] = haversineM(lon, lat, x.f.lon, x.f.lat)));
  }
  const walk = (k: number): FacilityWalk => ({ facility: all[k].f, planned: all[k].planned, metres: metres[k], minutes: metres[k] / metresPerMinute });
  const maxRing = ringsM[ringsM.length - 1];
  const within: FacilityWalk[] = [];
  const nearestK = new Array<number>(SERVICES.length).fill(-1);
  all.forEach((x, k) => {
    const d = metres[k];
    if (!(d <= searchM)) return;
    if (d <= maxRing && (service === 'all' || x.f.services.includes(service))) within.push(walk(k));
    if (x.planned) return;
    for (const s of x.f.services) {
      const i = SERVICES.indexOf(s);
      const prev = nearestK[i];
      if (prev < 0 || d < metres[prev] || (d === metres[prev] && x.f.id < all[prev].f.id)) nearestK[i] = k;
    }
  });
  within.sort((a, b) => a.metres - b.metres || (a.facility.id < b.facility.id ? -1 : 1));
  return {
    lon,
    lat,
    mode: idx.network ? 'network' : 'euclidean',
    onNetwork,
    snapM,
    within,
    nearest: nearestK.map((k) => (k < 0 ? null : walk(k))),
    dist,
  };
}

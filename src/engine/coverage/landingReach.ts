import { pointIndexOf } from '../spatial/pointIndex';
import { communityPolygons } from '../spatial/polygonIndex';
import type { DataPackage } from '../types';
import type { LandingPoint } from '../pilots/pilotTypes';

/** What one landing point reaches within its radius. */
export interface LandingPointReach {
  id: string;
  name: string;
  kind: LandingPoint['kind'];
  radiusM: number;
  /** Buildings within radius_m (great-circle), and their households. */
  buildings: number;
  households: number;
  /** Ids of the communities reached, sorted. */
  communities: string[];
}

/** The 低空+ layer: each point's reach and the communities no point reaches. */
export interface LandingReach {
  points: LandingPointReach[];
  /** Households of buildings within reach of at least one point (each building once). */
  householdsReached: number;
  /** Ids of communities that no point reaches, in package order. */
  communitiesNotReached: string[];
}

/**
 * Reach of the landing points (Annex 1, 低空+): a building is reached when it lies within
 * `radius_m` metres (haversine) of the point; a community is reached when one of its
 * buildings is, or when the point itself lies inside it (a community without buildings is
 * reached only that way).
 */
export function landingReach(pkg: Pick<DataPackage, 'communities' | 'buildings'>, points: readonly LandingPoint[]): LandingReach {
  const b = pkg.buildings;
  const index = pointIndexOf(b.lon, b.lat);
  const polygons = communityPolygons(pkg.communities);
  const reachedBuilding = new Uint8Array(b.count);
  const reachedCommunity = new Uint8Array(pkg.communities.length);
  const out: LandingPointReach[] = points.map((p) => {
    let buildings = 0;
    let households = 0;
    const comms = new Set<number>();
    index.forEachWithin(p.lon, p.lat, p.radiusM, (i) => {
      buildings++;
      households += b.households[i];
      reachedBuilding[i] = 1;
      if (b.community[i] >= 0) comms.add(b.community[i]);
    });
    const own = polygons.locate(p.lon, p.lat);
    if (own >= 0) comms.add(own);
    for (const c of comms) reachedCommunity[c] = 1;
    const ids = [...comms].map((c) => pkg.communities[c].id).sort();
    return { id: p.id, name: p.name, kind: p.kind, radiusM: p.radiusM, buildings, households, communities: ids };
  });
  let householdsReached = 0;
  for (let i = 0; i < b.count; i++) if (reachedBuilding[i]) householdsReached += b.households[i];
  return {
    points: out,
    householdsReached,
    communitiesNotReached: pkg.communities.filter((_, c) => !reachedCommunity[c]).map((c) => c.id),
  };
}

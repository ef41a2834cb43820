import type { DataPackage } from '../types';

/** Per community: the three service levels (街道—社区—小区) and accessibility of its open facilities. */
export interface CommunityLevels {
  /** Index into DataPackage.communities. */
  index: number;
  id: string;
  /** Open facilities in it at each `level` (unlevelled ones not counted). */
  streetLevel: number;
  communityLevel: number;
  compoundLevel: number;
  /** It has an open community-level facility (社区服务中心). */
  hasCommunityCentre: boolean;
  /** Its street has an open street-level facility in any of its communities (街道级中心). */
  streetHasCentre: boolean;
  /** Open facilities in it, and of those, how many are marked true for each flag; `unknown`: none of the three flags given. */
  accessibility: { facilities: number; barrierFree: number; elderFriendly: number; childFriendly: number; unknown: number };
}

/** A street (街道) without a street-level centre. */
export interface StreetRef {
  district: string;
  street: string;
}

/** The plan's three service levels across a package. */
export interface ServiceLevels {
  communities: CommunityLevels[];
  /** Streets with no open street-level facility in any of their communities, in order of first appearance. */
  streetsWithoutStreetCentre: StreetRef[];
  /** Ids of communities with no open community-level facility. */
  communitiesWithoutCommunityCentre: string[];
  /** Accessibility summed over all open facilities in a community. */
  accessibility: CommunityLevels['accessibility'];
}

/**
 * Service levels (Annex 1 task 5: 街道—社区—小区 three levels) and accessibility (无障碍, 适老化,
 * 儿童友好) per community, from the open facilities located in each community. A street is
 * keyed by district and name.
 */
export function serviceLevels(pkg: Pick<DataPackage, 'communities' | 'facilities'>): ServiceLevels {
  const rows: CommunityLevels[] = pkg.communities.map((c, index) => ({
    index,
    id: c.id,
    streetLevel: 0,
    communityLevel: 0,
    compoundLevel: 0,
    hasCommunityCentre: false,
    streetHasCentre: false,
    accessibility: { facilities: 0, barrierFree: 0, elderFriendly: 0, childFriendly: 0, unknown: 0 },
  }));
  for (const f of pkg.facilities) {
    if (f.status !== 'open' || f.community < 0) continue;
    const r = rows[f.community];
    if (f.level === 'street') r.streetLevel++;
    else if (f.level === 'community') r.communityLevel++;
    else if (f.level === 'compound') r.compoundLevel++;
    const a = r.accessibility;
    a.facilities++;
    if (f.barrierFree) a.barrierFree++;
    if (f.elderFriendly) a.elderFriendly++;
    if (f.childFriendly) a.childFriendly++;
    if (f.barrierFree === undefined && f.elderFriendly === undefined && f.childFriendly === undefined) a.unknown++;
  }
  const streetKey = (i: number) => `${pkg.communities[i].district}\u0000${pkg.communities[i].street}`;
  const streetsWithCentre = new Set<string>();
  rows.forEach((r) => {
    r.hasCommunityCentre = r.communityLevel > 0;
    if (r.streetLevel > 0) streetsWithCentre.add(streetKey(r.index));
  });
  const without: StreetRef[] = [];
  const listed = new Set<string>();
  const total = { facilities: 0, barrierFree: 0, elderFriendly: 0, childFriendly: 0, unknown: 0 };
  rows.forEach((r) => {
    const k = streetKey(r.index);
    r.streetHasCentre = streetsWithCentre.has(k);
    if (!r.streetHasCentre && !listed.has(k)) {
      listed.add(k);
      without.push({ district: pkg.communities[r.index].district, street: pkg.communities[r.index].street });
    }
    for (const key of Object.keys(total) as (keyof typeof total)[]) total[key] += r.accessibility[key];
  });
  return {
    communities: rows,
    streetsWithoutStreetCentre: without,
    communitiesWithoutCommunityCentre: rows.filter((r) => !r.hasCommunityCentre).map((r) => r.id),
    accessibility: total,
  };
}

import type { ScenarioContext } from '../scenario/createScenarioContext';
import { shortfallM2 } from '../standards/functionRules';
import { SERVICES, YILAO_YIXIAO_MASK, popcount, serviceIndex, type ServiceCode } from '../standards/services';
import type { DataPackage } from '../types';
import { siteCostWan } from './blueprintDefaults';
import { levelByArea, type SiteLevel } from './siteLevel';
import { DEFAULT_MIN_FUNCTION_AREA_M2, DEFAULT_SOURCE_PENALTY, TIE_EPS, type BlueprintOptions } from './blueprintOptions';

/** A candidate the blueprint may choose, with what the model needs of it. */
export interface BlueprintSite {
  /** Index into DataPackage.candidates. */
  candidate: number;
  areaM2: number;
  /** cost_wan, or the area-based estimate when absent, 万元. */
  costWan: number;
  costEstimated: boolean;
  /** Community it lies in (its area counts there), -1 for none. */
  community: number;
  /** complex (≥ complexMinAreaM2.base), enhanced (≥ .enhanced), else scattered. */
  kind: SiteLevel;
  /** Objective cost of choosing it: source penalty + tie-break, household-equivalents. */
  siteCost: number;
  /** Feasible bundles as service bit masks (area, function-count and 一老一小 rules), ascending. */
  masks: Int32Array;
  /** Union of `masks`: the functions it may get. */
  allowedMask: number;
  /** Scattered in a community with no open facility: when it is the only site there it needs ≥ 2 一老一小 functions. */
  soleRule: boolean;
  /** Index into BlueprintInstance.areaCommunities, or -1. */
  areaCommunity: number;
  /** Per service index (0…8): demand groups it covers. */
  groups: Int32Array[];
}

/** Demand points of one service merged by the set of sites that cover them. */
export interface DemandGroup {
  service: number;
  /** Objective weight: Σ households × demographic factor × service weight. */
  weight: number;
  /** Plain households. */
  households: number;
  /** Sites (indices into BlueprintInstance.sites) covering it, ascending. */
  sites: Int32Array;
}

/** A community whose base shortfall some site can close. */
export interface AreaCommunity {
  community: number;
  /** Base shortfall before, m². */
  shortfallM2: number;
  sites: Int32Array;
}

/**
 * The blueprint's model input, distances already thresholded: sites, merged demand groups
 * per service, shortfalls, weights and limits. Pure numbers; solvers never see a distance.
 */
export interface BlueprintInstance {
  sites: BlueprintSite[];
  groups: DemandGroup[];
  areaCommunities: AreaCommunity[];
  /** Minimum floor area per function (service index), m². */
  minAreaM2: Float64Array;
  /** Objective bonus per function (tie-break, earlier services first), household-equivalents. */
  functionBonus: Float64Array;
  areaWeight: number;
  budgetWan: number; // Infinity when none
  maxSites: number; // Infinity when none
  /** Demographic factor per community and service index (1 where unknown). */
  factor: Float64Array[];
  /** Scope community indices. */
  scope: number[];
  /** Buildings of the demand (scope, households > 0, uncovered for some service and reachable). */
  demandPoints: number;
}

/** Demographic factor per community: share / package share, 1 where the data lacks it. */
function shareFactors(pkg: DataPackage, key: 'elderly' | 'children'): Float64Array {
  let num = 0;
  let den = 0;
  for (const c of pkg.communities) {
    if (c[key] !== undefined && c.population !== undefined && c.population > 0) {
      num += c[key]!;
      den += c.population;
    }
  }
  const pkgShare = den > 0 ? num / den : 0;
  return Float64Array.from(pkg.communities, (c) =>
    pkgShare > 0 && c[key] !== undefined && c.population !== undefined && c.population > 0 ? c[key]! / c.population / pkgShare : 1,
  );
}

/** Feasible bundles of a site of `areaM2` (see {@link BlueprintSite.masks}). */
export function siteMasks(areaM2: number, complex: boolean, allowed: number, minArea: ArrayLike<number>): Int32Array {
  const out: number[] = [];
  for (let m = 1; m < 1 << SERVICES.length; m++) {
    if ((m & allowed) !== m) continue;
    let a = 0;
    for (let s = 0; s < SERVICES.length; s++) if (m & (1 << s)) a += minArea[s];
    if (a > areaM2) continue;
    const n = popcount(m);
    if (complex ? n >= 3 && popcount(m & YILAO_YIXIAO_MASK) >= 2 : n <= 2) out.push(m);
  }
  return Int32Array.from(out);
}

/**
 * Distances → blueprint model input. Demand: buildings of the scope communities with
 * households > 0 not covered for a service by any open facility, that some eligible site
 * reaches within the service's threshold (m); merged per service by their covering sites.
 * Eligible sites: candidates in scope communities or in none (others too with
 * `outsideCandidates`) that have a feasible bundle and cover demand or close a shortfall.
 */
export function buildBlueprintInstance(ctx: ScenarioContext, scope: number[], opts: BlueprintOptions): BlueprintInstance {
  const { pkg, analysis } = ctx;
  const policy = analysis.policy;
  const minArea = Float64Array.from(SERVICES, (s) => opts.minFunctionAreaM2?.[s] ?? DEFAULT_MIN_FUNCTION_AREA_M2[s]);
  const services = (opts.services ?? [...SERVICES]).map((s) => serviceIndex(s)).filter((s) => s >= 0);
  let allowedServices = 0;
  for (const s of services) allowedServices |= 1 << s;
  const inScope = new Uint8Array(pkg.communities.length);
  for (const c of scope) inScope[c] = 1;
  const factor = demographicFactors(pkg, opts.demographicWeights !== false);
  const weight = SERVICES.map((s) => opts.serviceWeight?.[s as ServiceCode] ?? 1);
  const penalty = { ...DEFAULT_SOURCE_PENALTY, ...opts.sourcePenalty };
  const J = pkg.candidates.length;
  const maxThr = Math.max(...services.map((s) => policy.thresholdsM[SERVICES[s]]), 0);
  const isDemand = (i: number, s: number) => {
    const c = pkg.buildings.community[i];
    return c >= 0 && inScope[c] === 1 && pkg.buildings.households[i] > 0 && !analysis.coverage[s].covered[i];
  };

  // per service: building → covering candidate list (in candidate order)
  const coverLists = SERVICES.map(() => new Map<number, number[]>());
  const sites: BlueprintSite[] = [];
  pkg.candidates.forEach((cand, j) => {
    const c = cand.community;
    if (c >= 0 && !inScope[c] && !opts.outsideCandidates) return;
    const kind = levelByArea(cand.areaM2, policy.complexMinAreaM2);
    let allowed = 0;
    for (const s of services) if (minArea[s] <= cand.areaM2) allowed |= 1 << s;
    const masks = siteMasks(cand.areaM2, kind !== 'scattered', allowed & allowedServices, minArea);
    if (masks.length === 0) return;
    let union = 0;
    for (const m of masks) union |= m;
    const r = ctx.reach(cand, maxThr);
    let reaches = false;
    const k = sites.length;
    for (const s of services) {
      if (!(union & (1 << s))) continue;
      const thr = policy.thresholdsM[SERVICES[s]];
      for (let q = 0; q < r.building.length; q++) {
        const i = r.building[q];
        if (r.distanceM[q] > thr || !isDemand(i, s)) continue;
        reaches = true;
        const m = coverLists[s];
        const l = m.get(i);
        if (l) l.push(k);
        else m.set(i, [k]);
      }
    }
    const closesShortfall = c >= 0 && inScope[c] === 1 && analysis.communities[c].shortfallBaseM2 > 0;
    if (!reaches && !closesShortfall) return; // nothing was listed for it
    const costKnown = cand.costWan !== undefined;
    sites.push({
      candidate: j,
      areaM2: cand.areaM2,
      costWan: costKnown ? cand.costWan! : siteCostWan(cand.areaM2, null, opts.defaultCostWanPerM2),
      costEstimated: !costKnown,
      community: c,
      kind,
      siteCost: penalty[cand.source] + TIE_EPS * (1 + j / Math.max(1, J)),
      masks,
      allowedMask: union,
      soleRule: kind === 'scattered' && c >= 0 && analysis.communities[c].facilities === 0,
      areaCommunity: -1,
      groups: SERVICES.map(() => new Int32Array(0)),
    });
  });

  // merge demand per service by covering-site set
  const groups: DemandGroup[] = [];
  const demandBuildings = new Set<number>();
  const siteGroups = sites.map(() => SERVICES.map(() => [] as number[]));
  for (const s of services) {
    const byKey = new Map<string, number>();
    const entries = [...coverLists[s].entries()].sort((a, b) => a[0] - b[0]);
    for (const [i, list] of entries) {
      demandBuildings.add(i);
      const key = list.join(',');
      let g = byKey.get(key);
      if (g === undefined) {
        byKey.set(key, (g = groups.length));
        groups.push({ service: s, weight: 0, households: 0, sites: Int32Array.from(list) });
        for (const k of list) siteGroups[k][s].push(g);
      }
      const h = pkg.buildings.households[i];
      groups[g].households += h;
      groups[g].weight += h * factor[pkg.buildings.community[i]][s] * weight[s];
    }
  }
  sites.forEach((site, k) => (site.groups = siteGroups[k].map((l) => Int32Array.from(l))));

  // communities whose base shortfall chosen sites can close
  const areaCommunities: AreaCommunity[] = [];
  const byCommunity = new Map<number, number>();
  sites.forEach((site) => {
    const c = site.community;
    if (c < 0 || !inScope[c]) return;
    const short = shortfallM2(policy.areaPer100Households.base, pkg.communities[c].households, analysis.communities[c].facilityAreaM2);
    if (short <= 0) return;
    let a = byCommunity.get(c);
    if (a === undefined) {
      byCommunity.set(c, (a = areaCommunities.length));
      areaCommunities.push({ community: c, shortfallM2: short, sites: new Int32Array(0) });
    }
    site.areaCommunity = a;
  });
  areaCommunities.forEach((a, k) => (a.sites = Int32Array.from(sites.flatMap((s, j) => (s.areaCommunity === k ? [j] : [])))));

  return {
    sites,
    groups,
    areaCommunities,
    minAreaM2: minArea,
    functionBonus: Float64Array.from(SERVICES, (_, s) => (0.1 * TIE_EPS * (SERVICES.length - s)) / SERVICES.length),
    areaWeight: opts.areaWeight ?? 1,
    budgetWan: opts.budgetWan ?? Infinity,
    maxSites: opts.maxSites ?? Infinity,
    factor,
    scope,
    demandPoints: demandBuildings.size,
  };
}

/** Per community, per service index: the demand weight factor (elderly / children share relative to the package's). */
export function demographicFactors(pkg: DataPackage, on: boolean): Float64Array[] {
  const elderly = on ? shareFactors(pkg, 'elderly') : null;
  const children = on ? shareFactors(pkg, 'children') : null;
  const E = serviceIndex('elderly_care');
  const C = new Set(['childcare', 'after_school', 'play'].map(serviceIndex));
  return pkg.communities.map((_, c) => Float64Array.from(SERVICES, (_s, s) => (s === E && elderly ? elderly[c] : C.has(s) && children ? children[c] : 1)));
}

import type { ScenarioContext } from '../scenario/createScenarioContext';
import { maskToServices, serviceIndex, type ServiceCode } from '../standards/services';
import type { BlueprintInstance } from './blueprintInstance';
import type { BlueprintSiteResult, ServedCommunity } from './blueprintTypes';
import { policyLevers, whySource } from './policyLevers';
import type { Choice } from './selection';

/**
 * Explain each chosen site: households newly covered per service (all buildings and scope
 * only), communities served with their share of the newly reached households and of the
 * area (a joint site splits its area in proportion; a community counts when its share ≥
 * jointMinShare, at least the largest), base shortfall closed in its own community (sites in candidate order),
 * source tier and policy levers.
 */
export function explainSites(ctx: ScenarioContext, inst: BlueprintInstance, choices: readonly Choice[], jointMinShare: number): BlueprintSiteResult[] {
  const { pkg, analysis } = ctx;
  const policy = analysis.policy;
  const b = pkg.buildings;
  const inScope = new Uint8Array(pkg.communities.length);
  for (const c of inst.scope) inScope[c] = 1;
  const remaining = Float64Array.from(analysis.communities, (c) => c.shortfallBaseM2);
  return choices.map(({ site, mask }) => {
    const s = inst.sites[site];
    const cand = pkg.candidates[s.candidate];
    const services = maskToServices(mask);
    const all: Partial<Record<ServiceCode, number>> = {};
    const scoped: Partial<Record<ServiceCode, number>> = {};
    const reached = new Set<number>();
    const maxThr = Math.max(...services.map((x) => policy.thresholdsM[x]));
    const r = ctx.reach(cand, maxThr);
    for (const code of services) {
      const k = serviceIndex(code);
      const thr = policy.thresholdsM[code];
      let h = 0;
      let hs = 0;
      for (let q = 0; q < r.building.length; q++) {
        const i = r.building[q];
        if (r.distanceM[q] > thr || analysis.coverage[k].covered[i]) continue;
        h += b.households[i];
        const c = b.community[i];
        if (c >= 0 && inScope[c]) hs += b.households[i];
        reached.add(i);
      }
      all[code] = h;
      scoped[code] = hs;
    }
    const perCommunity = new Map<number, number>();
    for (const i of reached) {
      const c = b.community[i];
      if (c >= 0 && b.households[i] > 0) perCommunity.set(c, (perCommunity.get(c) ?? 0) + b.households[i]);
    }
    let total = 0;
    for (const v of perCommunity.values()) total += v;
    const ranked = [...perCommunity.entries()].sort((x, y) => y[1] - x[1] || x[0] - y[0]);
    // communities with ≥ jointMinShare of the newly reached households; at least the largest
    const counted = ranked.filter(([, h], k) => k === 0 || h / total >= jointMinShare);
    const joint = counted.length >= 2;
    const countedHh = counted.reduce((a, [, h]) => a + h, 0);
    const served: ServedCommunity[] = counted.map(([c, h]) => ({
      id: pkg.communities[c].id,
      name: pkg.communities[c].name,
      households: h,
      share: h / total,
      sharedAreaM2: joint ? (s.areaM2 * h) / countedHh : c === s.community ? s.areaM2 : 0,
    }));
    let closed = 0;
    if (s.community >= 0) {
      closed = Math.min(s.areaM2, remaining[s.community]);
      remaining[s.community] -= closed;
    }
    const street = s.community >= 0 ? pkg.communities[s.community].street : '';
    const levers = policyLevers(cand, { level: s.kind, elderlyCare: services.includes('elderly_care'), street });
    const why = whySource(cand);
    return {
      candidateId: cand.id,
      name: cand.name,
      lon: cand.lon,
      lat: cand.lat,
      source: cand.source,
      ownership: cand.ownership,
      areaM2: s.areaM2,
      costWan: s.costWan,
      costEstimated: s.costEstimated,
      level: s.kind,
      joint,
      services,
      communityId: s.community >= 0 ? pkg.communities[s.community].id : null,
      communityName: s.community >= 0 ? pkg.communities[s.community].name : null,
      newlyCoveredHouseholds: all,
      newlyCoveredInScope: scoped,
      communitiesServed: served,
      shortfallClosedM2: closed,
      sourceTier: why.tier,
      whySource: { zh: why.zh, en: why.en },
      levers,
      subsidyYuan: levers.filter((l) => l.applicable && l.amountYuan).reduce((a, l) => a + l.amountYuan!, 0),
    };
  });
}

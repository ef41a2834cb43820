import { YILAO_YIXIAO_MASK, popcount } from '../standards/services';
import type { BlueprintInstance } from './blueprintInstance';

/** One chosen site and its bundle. */
export interface Choice {
  /** Index into BlueprintInstance.sites. */
  site: number;
  /** Service bit mask of its functions. */
  mask: number;
}

/**
 * The first rule a selection breaks, or null when feasible: each bundle one of the site's
 * feasible masks, no site twice, the sole-facility rule (a scattered site alone in a
 * community without open facilities has ≥ 2 一老一小 functions), the budget (万元) and the
 * site limit.
 */
export function selectionViolation(inst: BlueprintInstance, sel: readonly Choice[]): string | null {
  const seen = new Set<number>();
  let cost = 0;
  const perCommunity = new Map<number, number>();
  for (const { site, mask } of sel) {
    if (seen.has(site)) return `site ${site} chosen twice`;
    seen.add(site);
    const s = inst.sites[site];
    if (!s.masks.includes(mask)) return `site ${site}: bundle ${mask} breaks the area or function rules`;
    cost += s.costWan;
    if (s.community >= 0) perCommunity.set(s.community, (perCommunity.get(s.community) ?? 0) + 1);
  }
  for (const { site, mask } of sel) {
    const s = inst.sites[site];
    if (s.soleRule && perCommunity.get(s.community) === 1 && popcount(mask & YILAO_YIXIAO_MASK) < 2)
      return `site ${site}: the community's only facility needs ≥ 2 一老一小 functions`;
  }
  if (cost > inst.budgetWan + 1e-9) return `budget exceeded: ${cost} > ${inst.budgetWan}`;
  if (sel.length > inst.maxSites) return `more than ${inst.maxSites} sites`;
  return null;
}

/**
 * Objective of a selection (household-equivalents):
 *   Σ_g w_g·[g covered] + areaWeight·Σ_c min(shortfall_c, Σ_{chosen j in c} A_j)
 *   + Σ_{chosen j} (Σ_{s in bundle} bonus_s − siteCost_j).
 * Feasibility is not checked here (see {@link selectionViolation}).
 */
export function selectionObjective(inst: BlueprintInstance, sel: readonly Choice[]): number {
  const covered = new Uint8Array(inst.groups.length);
  const area = new Float64Array(inst.areaCommunities.length);
  let obj = 0;
  for (const { site, mask } of sel) {
    const s = inst.sites[site];
    obj -= s.siteCost;
    for (let k = 0; k < s.groups.length; k++) {
      if (!(mask & (1 << k))) continue;
      obj += inst.functionBonus[k];
      for (const g of s.groups[k]) covered[g] = 1;
    }
    if (s.areaCommunity >= 0) area[s.areaCommunity] += s.areaM2;
  }
  inst.groups.forEach((g, k) => {
    if (covered[k]) obj += g.weight;
  });
  inst.areaCommunities.forEach((a, k) => (obj += inst.areaWeight * Math.min(a.shortfallM2, area[k])));
  return obj;
}

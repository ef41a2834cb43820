import type { BlueprintInstance } from './blueprintInstance';
import type { Choice } from './selection';

/**
 * A proven upper bound on the blueprint optimum from any selection S (household-equivalents),
 * computed in one pass over the sites' demand groups — no solver, so it is there even when
 * the time limit leaves none for HiGHS.
 *
 * The objective is f = g − p, where g (demand weight covered + areaWeight × shortfall closed
 * + function bonuses) is monotone submodular over (site, bundle) elements and p (site costs)
 * is additive. For the optimum O: f(O) ≤ g(S ∪ O) − p(O) ≤ g(S) + Σ_{e∈O} (Δg(e | S) − p_e).
 * O holds at most one bundle per site, so with v_j = max over site j's bundles of
 * Δg((j, m) | S) − siteCost_j, the optimum is at most g(S) + the best sum of positive v_j
 * under a relaxation of the limits: the K largest (site limit K), the fractional knapsack by
 * v_j / cost_j (budget), the smaller of the two when both apply, all of them when neither.
 * The sole-facility rule only removes selections, so it is relaxed away.
 */
export function blueprintUpperBound(inst: BlueprintInstance, sel: readonly Choice[]): number {
  const covered = new Uint8Array(inst.groups.length);
  const areaUsed = new Float64Array(inst.areaCommunities.length);
  let g = 0;
  for (const { site, mask } of sel) {
    const s = inst.sites[site];
    for (let k = 0; k < s.groups.length; k++) {
      if (!(mask & (1 << k))) continue;
      g += inst.functionBonus[k];
      for (const q of s.groups[k]) covered[q] = 1;
    }
    if (s.areaCommunity >= 0) areaUsed[s.areaCommunity] += s.areaM2;
  }
  inst.groups.forEach((grp, q) => {
    if (covered[q]) g += grp.weight;
  });
  inst.areaCommunities.forEach((a, k) => (g += inst.areaWeight * Math.min(a.shortfallM2, areaUsed[k])));

  const gainOf = new Float64Array(32);
  const values: number[] = [];
  const costs: number[] = [];
  for (const s of inst.sites) {
    for (let k = 0; k < s.groups.length; k++) {
      let w = 0;
      if (s.allowedMask & (1 << k)) for (const q of s.groups[k]) if (!covered[q]) w += inst.groups[q].weight;
      gainOf[k] = w + inst.functionBonus[k];
    }
    let best = -Infinity;
    for (const m of s.masks) {
      let v = 0;
      for (let k = 0; k < s.groups.length; k++) if (m & (1 << k)) v += gainOf[k];
      if (v > best) best = v;
    }
    if (best === -Infinity) continue;
    if (s.areaCommunity >= 0) {
      const a = inst.areaCommunities[s.areaCommunity];
      best += inst.areaWeight * Math.max(0, Math.min(s.areaM2, a.shortfallM2 - areaUsed[s.areaCommunity]));
    }
    best -= s.siteCost;
    if (best > 0) {
      values.push(best);
      costs.push(s.costWan);
    }
  }
  let extra = values.reduce((a, v) => a + v, 0);
  if (Number.isFinite(inst.maxSites)) {
    const top = [...values].sort((a, b) => b - a).slice(0, Math.max(0, inst.maxSites));
    extra = Math.min(
      extra,
      top.reduce((a, v) => a + v, 0),
    );
  }
  if (Number.isFinite(inst.budgetWan)) {
    const order = values.map((_, i) => i).sort((a, b) => values[b] * costs[a] - values[a] * costs[b]); // by value per 万元, free sites first
    let left = inst.budgetWan;
    let knap = 0;
    for (const i of order) {
      if (costs[i] <= left) {
        knap += values[i];
        left -= costs[i];
      } else {
        knap += (values[i] * left) / costs[i];
        break;
      }
    }
    extra = Math.min(extra, knap);
  }
  return g + extra;
}

import { YILAO_YIXIAO_MASK, popcount } from '../standards/services';
import type { BlueprintInstance } from './blueprintInstance';
import { selectionObjective, type Choice } from './selection';

/**
 * Greedy blueprint: repeatedly add the site and bundle with the largest objective gain
 * (new demand weight of its functions + area weight × shortfall it closes + function bonus −
 * site cost) that keeps the selection feasible (budget, site limit, sole-facility rule),
 * until no addition gains; then one pass re-choosing each site's bundle with the others
 * fixed. Ties go to the lower site index (candidate order; source preference is in the cost).
 * Deterministic. Returns the choices in site order and their objective.
 */
export function greedyBlueprint(inst: BlueprintInstance): { choices: Choice[]; objective: number } {
  const n = inst.sites.length;
  const coverCount = new Int32Array(inst.groups.length);
  const areaUsed = new Float64Array(inst.areaCommunities.length);
  const chosenMask = new Int32Array(n).fill(-1);
  const inCommunity = new Map<number, number>();
  let spent = 0;
  let count = 0;
  const gainOf = new Float64Array(9);

  /** Best bundle of site j given the current state (j itself not counted), or null. */
  const best = (j: number): { mask: number; gain: number } | null => {
    const s = inst.sites[j];
    for (let k = 0; k < s.groups.length; k++) {
      let g = 0;
      if (s.allowedMask & (1 << k)) for (const q of s.groups[k]) if (coverCount[q] === 0) g += inst.groups[q].weight;
      gainOf[k] = g + inst.functionBonus[k];
    }
    const alone = s.soleRule && (inCommunity.get(s.community) ?? 0) === 0;
    let bestMask = -1;
    let bestGain = -Infinity;
    for (const m of s.masks) {
      if (alone && popcount(m & YILAO_YIXIAO_MASK) < 2) continue;
      let g = 0;
      for (let k = 0; k < 9; k++) if (m & (1 << k)) g += gainOf[k];
      if (g > bestGain + 1e-12) {
        bestGain = g;
        bestMask = m;
      }
    }
    if (bestMask < 0) return null;
    let area = 0;
    if (s.areaCommunity >= 0) {
      const a = inst.areaCommunities[s.areaCommunity];
      area = inst.areaWeight * Math.max(0, Math.min(s.areaM2, a.shortfallM2 - areaUsed[s.areaCommunity]));
    }
    return { mask: bestMask, gain: bestGain + area - s.siteCost };
  };
  const apply = (j: number, mask: number, sign: 1 | -1) => {
    const s = inst.sites[j];
    for (let k = 0; k < s.groups.length; k++) if (mask & (1 << k)) for (const q of s.groups[k]) coverCount[q] += sign;
    if (s.areaCommunity >= 0) areaUsed[s.areaCommunity] += sign * s.areaM2;
    if (s.community >= 0) inCommunity.set(s.community, (inCommunity.get(s.community) ?? 0) + sign);
    spent += sign * s.costWan;
    count += sign;
    chosenMask[j] = sign === 1 ? mask : -1;
  };

  while (count < inst.maxSites) {
    let bj = -1;
    let bm = 0;
    let bg = 1e-9;
    for (let j = 0; j < n; j++) {
      if (chosenMask[j] >= 0 || spent + inst.sites[j].costWan > inst.budgetWan + 1e-9) continue;
      const b = best(j);
      if (b && b.gain > bg + 1e-12) {
        bj = j;
        bm = b.mask;
        bg = b.gain;
      }
    }
    if (bj < 0) break;
    apply(bj, bm, 1);
  }
  // one pass: re-choose each bundle with the others fixed (the sole rule may now be looser)
  for (let j = 0; j < n; j++) {
    if (chosenMask[j] < 0) continue;
    const m = chosenMask[j];
    apply(j, m, -1);
    const b = best(j);
    apply(j, b ? b.mask : m, 1);
  }
  const choices: Choice[] = [];
  for (let j = 0; j < n; j++) if (chosenMask[j] >= 0) choices.push({ site: j, mask: chosenMask[j] });
  return { choices, objective: selectionObjective(inst, choices) };
}

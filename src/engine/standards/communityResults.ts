import type { CommunityResult, ComplexLevel, ServiceCoverage } from '../analysisTypes';
import type { DataPackage } from '../types';
import type { Policy } from './policy';
import { meetsBasicRule, meetsComplexRule, shortfallM2 } from './functionRules';
import { needScore, rankByNeed } from './need';
import { SERVICES, maskToServices } from './services';

/**
 * Per community: its buildings, their households, and the households of its covered buildings
 * per service (in SERVICES order). Households are whole numbers (DATA-FORMAT.md), so these sums
 * are exact in any order: a what-if edit updates a copy for the buildings it changes
 * (evaluateScenario) and gets what a full pass would.
 */
export interface CommunityTallies {
  buildings: Int32Array;
  households: Float64Array;
  covered: Float64Array[];
}

/** {@link CommunityTallies} of `coverage`, one pass over the buildings. */
export function communityTallies(pkg: DataPackage, coverage: readonly ServiceCoverage[]): CommunityTallies {
  const n = pkg.communities.length;
  const b = pkg.buildings;
  const nb = new Int32Array(n);
  const hh = new Float64Array(n);
  const covHh = coverage.map(() => new Float64Array(n));
  for (let i = 0; i < b.count; i++) {
    const c = b.community[i];
    if (c < 0) continue;
    nb[c]++;
    hh[c] += b.households[i];
    for (let s = 0; s < coverage.length; s++) if (coverage[s].covered[i]) covHh[s][c] += b.households[i];
  }
  return { buildings: nb, households: hh, covered: covHh };
}

/**
 * Per-community measures (DATA-FORMAT.md section 2): area per 100 households, shortfalls,
 * functions and rules, coverage per service, best complex facility, need score and ranks.
 * Only `open` facilities count. Coverage is households of covered buildings over households
 * of all its buildings (null when it has none). `tallies` may be given when already known.
 */
export function communityResults(
  pkg: DataPackage,
  coverage: readonly ServiceCoverage[],
  policy: Policy,
  tallies: CommunityTallies = communityTallies(pkg, coverage),
): CommunityResult[] {
  const n = pkg.communities.length;
  const area = new Float64Array(n);
  const count = new Int32Array(n);
  const mask = new Int32Array(n);
  const complex = new Int8Array(n); // 0 none, 1 base, 2 enhanced
  for (const f of pkg.facilities) {
    if (f.status !== 'open' || f.community < 0) continue;
    const c = f.community;
    area[c] += f.areaM2;
    count[c]++;
    mask[c] |= f.serviceMask;
    if (meetsComplexRule(f.serviceMask)) {
      const level = f.areaM2 >= policy.complexMinAreaM2.enhanced ? 2 : f.areaM2 >= policy.complexMinAreaM2.base ? 1 : 0;
      if (level > complex[c]) complex[c] = level;
    }
  }
  const { buildings: nb, households: hh, covered: covHh } = tallies;
  const levels: ComplexLevel[] = ['none', 'base', 'enhanced'];
  const results = pkg.communities.map((cm, c): CommunityResult => {
    const functions = maskToServices(mask[c]);
    const r: CommunityResult = {
      index: c,
      id: cm.id,
      name: cm.name,
      street: cm.street,
      district: cm.district,
      households: cm.households,
      buildings: nb[c],
      buildingHouseholds: hh[c],
      facilityAreaM2: area[c],
      facilities: count[c],
      areaPer100hh: cm.households > 0 ? (area[c] * 100) / cm.households : null,
      shortfallBaseM2: shortfallM2(policy.areaPer100Households.base, cm.households, area[c]),
      shortfallEnhancedM2: shortfallM2(policy.areaPer100Households.enhanced, cm.households, area[c]),
      functionsMask: mask[c],
      functions,
      missingFunctions: SERVICES.filter((s) => !functions.includes(s)),
      meetsComplexRule: meetsComplexRule(mask[c]),
      meetsBasicRule: meetsBasicRule(mask[c]),
      complexFacility: levels[complex[c]],
      // null where it has no buildings, or only buildings of 0 households (0/0)
      coverage: coverage.map((_, s) => (hh[c] > 0 ? covHh[s][c] / hh[c] : null)),
      needScore: 0,
      needRank: 0,
      needRankInStreet: 0,
      needRankInDistrict: 0,
    };
    r.needScore = needScore(r, policy.areaPer100Households.base);
    return r;
  });
  rankByNeed(results);
  return results;
}

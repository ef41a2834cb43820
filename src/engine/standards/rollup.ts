import type { CommunityResult, RollupResult } from '../analysisTypes';
import { byNeed } from './need';

/**
 * Roll communities up by street (街道) or district (区县): sums of households, area and
 * shortfalls, counts of communities failing each rule, and households-weighted coverage
 * per service (Σ covered households / Σ building households over the members that have
 * buildings). `members` lists community indices by need. Groups come in order of first
 * appearance. A street is keyed by district and name, since names repeat across districts.
 */
export function rollup(results: readonly CommunityResult[], level: 'street' | 'district'): RollupResult[] {
  const groups = new Map<string, CommunityResult[]>();
  for (const c of results) {
    const key = level === 'street' ? `${c.district}\u0000${c.street}` : c.district;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(c);
  }
  const out: RollupResult[] = [];
  for (const members of groups.values()) {
    const first = members[0];
    const services = first.coverage.length;
    const covHh = new Float64Array(services);
    let households = 0;
    let buildingHouseholds = 0;
    let facilityAreaM2 = 0;
    let shortfallBaseM2 = 0;
    let shortfallEnhancedM2 = 0;
    let failingArea = 0;
    let failingComplexRule = 0;
    let failingBasicRule = 0;
    for (const c of members) {
      households += c.households;
      buildingHouseholds += c.buildingHouseholds;
      facilityAreaM2 += c.facilityAreaM2;
      shortfallBaseM2 += c.shortfallBaseM2;
      shortfallEnhancedM2 += c.shortfallEnhancedM2;
      if (c.shortfallBaseM2 > 0) failingArea++;
      if (!c.meetsComplexRule) failingComplexRule++;
      if (!c.meetsBasicRule) failingBasicRule++;
      for (let s = 0; s < services; s++) covHh[s] += (c.coverage[s] ?? 0) * c.buildingHouseholds;
    }
    out.push({
      level,
      name: level === 'street' ? first.street : first.district,
      district: first.district,
      communities: members.length,
      households,
      buildingHouseholds,
      facilityAreaM2,
      areaPer100hh: households > 0 ? (facilityAreaM2 * 100) / households : null,
      shortfallBaseM2,
      shortfallEnhancedM2,
      failingArea,
      failingComplexRule,
      failingBasicRule,
      coverage: Array.from(covHh, (v) => (buildingHouseholds > 0 ? v / buildingHouseholds : null)),
      members: [...members].sort(byNeed).map((c) => c.index),
    });
  }
  return out;
}

import type { CommunityResult, ServiceCoverage } from '../analysisTypes';
import type { CommunityTallies } from '../standards/communityResults';
import type { Buildings } from '../types';
import type { ScopeMeasures } from './scenarioTypes';

/**
 * Scope-level measures: households covered and beyond walking range per service, communities
 * meeting the area (30 and 80 m² per 100 households), complex and basic rules, summed
 * shortfalls (m²). `scope` marks community indices (1 = in); null means the whole package,
 * where coverage counts every building, assigned to a community or not (as summary.json).
 */
export function summarizeScope(
  buildings: Buildings,
  communities: readonly CommunityResult[],
  coverage: readonly ServiceCoverage[],
  scope: Uint8Array | null,
): ScopeMeasures {
  const ns = coverage.length;
  const covered = new Float64Array(ns);
  let households = 0;
  for (let i = 0; i < buildings.count; i++) {
    const c = buildings.community[i];
    if (scope && (c < 0 || !scope[c])) continue;
    const h = buildings.households[i];
    households += h;
    for (let s = 0; s < ns; s++) if (coverage[s].covered[i]) covered[s] += h;
  }
  return scopeMeasures(households, covered, communities, scope);
}

/**
 * {@link summarizeScope} from per-community tallies, without a pass over the buildings:
 * `allHouseholds` and `coverage` give the whole package's households and covered households
 * (unassigned buildings included). Equal to summarizeScope: households are whole numbers, so
 * the sums do not depend on their order.
 */
export function summarizeTallies(
  tallies: CommunityTallies,
  allHouseholds: number,
  communities: readonly CommunityResult[],
  coverage: readonly Pick<ServiceCoverage, 'coveredHouseholds'>[],
  scope: Uint8Array | null,
): ScopeMeasures {
  if (!scope)
    return scopeMeasures(
      allHouseholds,
      Float64Array.from(coverage, (c) => c.coveredHouseholds),
      communities,
      null,
    );
  const covered = new Float64Array(coverage.length);
  let households = 0;
  for (let c = 0; c < scope.length; c++) {
    if (!scope[c]) continue;
    households += tallies.households[c];
    for (let s = 0; s < covered.length; s++) covered[s] += tallies.covered[s][c];
  }
  return scopeMeasures(households, covered, communities, scope);
}

function scopeMeasures(households: number, covered: Float64Array, communities: readonly CommunityResult[], scope: Uint8Array | null): ScopeMeasures {
  const m: ScopeMeasures = {
    communities: 0,
    households,
    coveredHouseholds: Array.from(covered),
    uncoveredHouseholds: Array.from(covered, (v) => households - v),
    coverage: Array.from(covered, (v) => (households > 0 ? v / households : null)),
    meetingArea: 0,
    meetingEnhancedArea: 0,
    meetingComplexRule: 0,
    meetingBasicRule: 0,
    shortfallBaseM2: 0,
    shortfallEnhancedM2: 0,
    facilityAreaM2: 0,
  };
  for (const c of communities) {
    if (scope && !scope[c.index]) continue;
    m.communities++;
    if (c.shortfallBaseM2 <= 0) m.meetingArea++;
    if (c.shortfallEnhancedM2 <= 0) m.meetingEnhancedArea++;
    if (c.meetsComplexRule) m.meetingComplexRule++;
    if (c.meetsBasicRule) m.meetingBasicRule++;
    m.shortfallBaseM2 += c.shortfallBaseM2;
    m.shortfallEnhancedM2 += c.shortfallEnhancedM2;
    m.facilityAreaM2 += c.facilityAreaM2;
  }
  return m;
}

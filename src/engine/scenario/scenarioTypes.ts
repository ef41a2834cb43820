import type { CommunityResult, ServiceCoverage } from '../analysisTypes';
import type { ServiceCode } from '../standards/services';
import type { Facility } from '../types';

/**
 * A new facility of a what-if scenario: a candidate site (by id) or any point on the map,
 * given a service bundle and a floor area.
 */
export interface ScenarioSite {
  /** Id of the new facility; default the candidate id, else `new-<k>` (k = its position in `added`). */
  id?: string;
  /** Take position, area, name and community from this candidate of candidates.csv. */
  candidateId?: string;
  /** WGS84 degrees; required without `candidateId`, and when given they override the candidate's. */
  lon?: number;
  lat?: number;
  /** Services it offers (at least one). */
  services: ServiceCode[];
  /** Building area, m²; default the candidate's area_m2, else 0. */
  areaM2?: number;
  name?: string;
  /**
   * Community it counts in (per-100-household area, functions): a community id, or null for
   * none. Default: the candidate's community when placed at the candidate, else the
   * community polygon holding the point (none when outside every polygon).
   */
  communityId?: string | null;
}

/** An existing facility moved to another point. */
export interface ScenarioMove {
  facilityId: string;
  /** New position, WGS84 degrees. */
  lon: number;
  lat: number;
  /** Community it counts in after the move; default the polygon holding the new point (none outside every polygon). */
  communityId?: string | null;
}

/** A what-if edit of the facilities: additions, removals (closures) and moves. */
export interface Scenario {
  added?: ScenarioSite[];
  /** Ids of existing facilities taken out. */
  removed?: string[];
  moved?: ScenarioMove[];
}

/** A before/after pair and its difference (after − before). */
export interface Delta {
  before: number;
  after: number;
  delta: number;
}

/** Scope-level measures of an analysis or a scenario (see {@link summarizeScope}). */
export interface ScopeMeasures {
  /** Communities in the scope. */
  communities: number;
  /** Households of the buildings counted (scope communities' buildings; all buildings when the scope is everything). */
  households: number;
  /** Per service (SERVICES order): households of covered buildings. */
  coveredHouseholds: number[];
  /** Per service: households of buildings beyond walking range of every facility offering it. */
  uncoveredHouseholds: number[];
  /** Per service: covered / households, null when there are no households. */
  coverage: (number | null)[];
  /** Communities with no base shortfall (area ≥ 30 m² per 100 households). */
  meetingArea: number;
  meetingEnhancedArea: number;
  meetingComplexRule: number;
  meetingBasicRule: number;
  /** Summed shortfalls, m². */
  shortfallBaseM2: number;
  shortfallEnhancedM2: number;
  /** Summed open facility area in the scope communities, m². */
  facilityAreaM2: number;
}

/** Before/after of every scope measure. */
export interface ScenarioSummary {
  before: ScopeMeasures;
  after: ScopeMeasures;
  /** Per service (SERVICES order): covered households, before → after. */
  coveredHouseholds: Delta[];
  meetingArea: Delta;
  meetingComplexRule: Delta;
  meetingBasicRule: Delta;
  shortfallBaseM2: Delta;
  shortfallEnhancedM2: Delta;
  /** Indices of communities whose area, functions or coverage changed. */
  changedCommunities: number[];
}

/** The result of {@link evaluateScenario}: the package's analysis with the scenario applied. */
export interface ScenarioResult {
  /** The edited facility list (removed ones out, moved ones at their new point, added ones last). */
  facilities: Facility[];
  /** One entry per service, SERVICES order, as analyze() computes it. */
  coverage: ServiceCoverage[];
  /** Per community, as analyze() computes it on the edited facilities. */
  communities: CommunityResult[];
  summary: ScenarioSummary;
  /** Wall time of the evaluation, ms. */
  ms: number;
}

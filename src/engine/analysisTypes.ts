import type { DistanceMode } from './types';
import type { Policy } from './standards/policy';
import type { ServiceCode } from './standards/services';

/** Coverage of every building for one service. Arrays are indexed by building. */
export interface ServiceCoverage {
  service: ServiceCode;
  /** Walking threshold used, metres. */
  thresholdM: number;
  /**
   * Distance in metres to the nearest open facility offering the service, where that
   * distance is within the threshold; Infinity where none is within it.
   */
  distanceM: Float64Array;
  /** 1 where the building is covered (distanceM ≤ thresholdM). */
  covered: Uint8Array;
  /** Households of covered buildings, all buildings (assigned or not). */
  coveredHouseholds: number;
}

/** Whether a community holds a facility that qualifies as a complex (综合体). */
export type ComplexLevel = 'none' | 'base' | 'enhanced';

/** Everything computed for one community. Areas m², distances m. */
export interface CommunityResult {
  /** Index into DataPackage.communities. */
  index: number;
  id: string;
  name: string;
  street: string;
  district: string;
  /** The community's official households property. */
  households: number;
  /** Number of accepted buildings assigned to it. */
  buildings: number;
  /** Households of those buildings. */
  buildingHouseholds: number;
  /** Summed area_m2 of the open facilities in it, m². */
  facilityAreaM2: number;
  /** Open facilities in it. */
  facilities: number;
  /** facilityAreaM2 × 100 / households, or null when households = 0. */
  areaPer100hh: number | null;
  /** max(0, base × households / 100 − area), m². */
  shortfallBaseM2: number;
  /** max(0, enhanced × households / 100 − area), m². */
  shortfallEnhancedM2: number;
  /** Union of the services of its open facilities, bit i = SERVICES[i]. */
  functionsMask: number;
  functions: ServiceCode[];
  /** Services it lacks, canonical order. */
  missingFunctions: ServiceCode[];
  /** ≥ 3 functions of which ≥ 2 一老一小. */
  meetsComplexRule: boolean;
  /** ≥ 2 一老一小 functions. */
  meetsBasicRule: boolean;
  /**
   * Best single facility in it: 'enhanced' when one open facility has ≥ 800 m² and itself
   * meets the complex function rule, 'base' for ≥ 600 m², else 'none'.
   */
  complexFacility: ComplexLevel;
  /** Coverage fraction 0…1 per service in SERVICES order; null where it has no buildings. */
  coverage: (number | null)[];
  /** Need score 0…1 (higher = more need); formula in standards/need.ts. */
  needScore: number;
  /** 1 = most need, among all communities of the package. */
  needRank: number;
  /** 1 = most need, within its street. */
  needRankInStreet: number;
  /** 1 = most need, within its district. */
  needRankInDistrict: number;
}

/** A roll-up of communities by street (街道) or district (区县). */
export interface RollupResult {
  level: 'street' | 'district';
  /** Street or district name. */
  name: string;
  /** District of a street; the district itself for a district. */
  district: string;
  communities: number;
  households: number;
  buildingHouseholds: number;
  facilityAreaM2: number;
  areaPer100hh: number | null;
  shortfallBaseM2: number;
  shortfallEnhancedM2: number;
  /** Communities failing each rule. */
  failingArea: number;
  failingComplexRule: number;
  failingBasicRule: number;
  /** Households-weighted coverage per service (buildings' households), null when none. */
  coverage: (number | null)[];
  /** Community indices, by need rank. */
  members: number[];
}

/** Counts for summary.json (DATA-FORMAT.md section 4) and more. */
export interface AnalysisSummary {
  communities: number;
  buildings: number;
  unassignedBuildings: number;
  households: number;
  rejectedRows: number;
  facilities: number;
  openFacilities: number;
  unassignedFacilities: number;
  candidates: number;
  mode: DistanceMode;
  /** Households-weighted coverage per service over all buildings. */
  coverage: Record<ServiceCode, number | null>;
  communitiesFailingArea: number;
  communitiesFailingComplexRule: number;
  communitiesFailingBasicRule: number;
  totalShortfallBaseM2: number;
  totalShortfallEnhancedM2: number;
  /** Buildings unreachable in network mode (no node within maxSnapM). */
  unsnappedBuildings?: number;
  /** Network mode: true when distances are walking effort (flat-equivalent metres). */
  effort?: boolean;
  /** Three service levels (Annex 1 task 5): streets with no open street-level facility, as "district/street". */
  streetsWithoutStreetCentre?: string[];
  /** Ids of communities with no open community-level facility (社区服务中心). */
  communitiesWithoutCommunityCentre?: string[];
}

/** The result of {@link analyze}. */
export interface Analysis {
  mode: DistanceMode;
  policy: Policy;
  /** One entry per service, SERVICES order. */
  coverage: ServiceCoverage[];
  communities: CommunityResult[];
  streets: RollupResult[];
  districts: RollupResult[];
  summary: AnalysisSummary;
}

/** One H3 cell of the aggregation. */
export interface H3Cell {
  h3: string;
  buildings: number;
  households: number;
  /** Households not covered, per service (SERVICES order). */
  uncoveredHouseholds: number[];
  /** Open facility area in the cell, m². */
  facilityAreaM2: number;
}

import type { ScenarioSummary, ScopeMeasures } from '../scenario/scenarioTypes';
import type { ServiceCode } from '../standards/services';
import type { CandidateSource, Ownership } from '../types';
import type { PolicyLever } from './policyLevers';
import type { BlueprintSolution } from './solveBlueprint';
import type { SiteLevel } from './siteLevel';

/** A community a recommended site serves. */
export interface ServedCommunity {
  id: string;
  name: string;
  /** Households of its buildings newly within range of the site for at least one of its functions. */
  households: number;
  /** Share of the site's newly reached households (assigned to communities). */
  share: number;
  /** The site's floor area attributed to it (joint sites: in proportion to households; else all to its own community), m². */
  sharedAreaM2: number;
}

/** One recommended site, explained. */
export interface BlueprintSiteResult {
  candidateId: string;
  name: string;
  lon: number;
  lat: number;
  source: CandidateSource;
  ownership: Ownership;
  /** Floor area, m² (the candidate's area_m2). */
  areaM2: number;
  /** 万元; estimated from the area where the candidate has no cost_wan. */
  costWan: number;
  costEstimated: boolean;
  /** complex: ≥ 600 m² with ≥ 3 functions (≥ 2 一老一小); enhanced: the same at ≥ 800 m²; scattered: 1-2 functions. */
  level: SiteLevel;
  /** 跨社区联合体: its range newly reaches households of ≥ 2 communities (each ≥ jointMinShare). */
  joint: boolean;
  services: ServiceCode[];
  /** Community it lies in (its area counts there by the contract), or null. */
  communityId: string | null;
  communityName: string | null;
  /** Per service of its bundle: households of buildings (any community or none) not covered before and within range of it. */
  newlyCoveredHouseholds: Partial<Record<ServiceCode, number>>;
  /** The same, counting only buildings of the scope (the objective's demand). */
  newlyCoveredInScope: Partial<Record<ServiceCode, number>>;
  communitiesServed: ServedCommunity[];
  /** Base shortfall (30 m²/100 households) of its community it closes, m² (sites in candidate order). */
  shortfallClosedM2: number;
  sourceTier: 1 | 2 | 3;
  whySource: { zh: string; en: string };
  levers: PolicyLever[];
  /** Sum of the subsidies it may apply for, yuan. */
  subsidyYuan: number;
}

/** One scope community before and after the blueprint. */
export interface CommunityBeforeAfter {
  id: string;
  name: string;
  street: string;
  district: string;
  households: number;
  before: CommunityState;
  after: CommunityState;
  /** Recommended sites lying in it. */
  newSites: string[];
}

export interface CommunityState {
  facilityAreaM2: number;
  shortfallBaseM2: number;
  shortfallEnhancedM2: number;
  functions: ServiceCode[];
  meetsComplexRule: boolean;
  meetsBasicRule: boolean;
  /** SERVICES order; null without buildings. */
  coverage: (number | null)[];
}

/** The result of {@link blueprint}. */
export interface BlueprintResult {
  scope: { description: string; communities: string[] };
  sites: BlueprintSiteResult[];
  solution: Omit<BlueprintSolution, 'choices'> & { eligibleSites: number; demandGroups: number; demandBuildings: number };
  totals: { sites: number; areaM2: number; costWan: number; subsidyYuan: number; complexes: number; scattered: number; joint: number };
  before: ScopeMeasures;
  after: ScopeMeasures;
  summary: ScenarioSummary;
  communities: CommunityBeforeAfter[];
  /** Numbers the run used: weights, minimum areas, limits. */
  parameters: Record<string, unknown>;
  /** Assumptions a reader should know. */
  assumptions: string[];
}

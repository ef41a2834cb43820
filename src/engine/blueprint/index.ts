/** 一张蓝图: the multi-service blueprint optimiser, its explanation and exports. */
export { blueprint } from './blueprint';
export type { BlueprintResult, BlueprintSiteResult, CommunityBeforeAfter, CommunityState, ServedCommunity } from './blueprintTypes';
export { DEFAULT_MIN_FUNCTION_AREA_M2, DEFAULT_SOURCE_PENALTY, SOURCE_TIER, TIE_EPS, type BlueprintOptions, type BlueprintScope } from './blueprintOptions';
export { scopeCommunities } from './blueprintScope';
export { SITE_LEVELS, SITE_LEVEL_NAMES, levelByArea, bundleLevel, defaultBundle, type SiteLevel, type ComplexMinArea } from './siteLevel';
export { BLUEPRINT_DEFAULTS, siteCostWan } from './blueprintDefaults';
export {
  SITES_COLUMNS,
  COMMUNITIES_COLUMNS,
  csvValue,
  cellValue,
  type TableColumn,
  type TableCell,
  type ColumnKind,
  type CodeLabels,
} from './blueprintColumns';
export {
  buildBlueprintInstance,
  siteMasks,
  demographicFactors,
  type BlueprintInstance,
  type BlueprintSite,
  type DemandGroup,
  type AreaCommunity,
} from './blueprintInstance';
export { selectionObjective, selectionViolation, type Choice } from './selection';
export { greedyBlueprint } from './greedyBlueprint';
export { buildBlueprintModel, modelStart, decodeModel, type BlueprintModel } from './blueprintModel';
export { bruteForceBlueprint, BRUTE_FORCE_BLUEPRINT_MAX } from './bruteForceBlueprint';
export { solveBlueprint, type SolveBlueprintOptions, type BlueprintSolution } from './solveBlueprint';
export { explainSites } from './explainSites';
export { blueprintUpperBound } from './blueprintUpperBound';
export { deadlineAfter, remainingS, type Deadline } from './deadline';
export { policyLevers, whySource, isTownship, LEVER_NUMBERS, type PolicyLever, type LeverCode } from './policyLevers';
export { blueprintGeoJson, blueprintSitesCsv, communitiesBeforeAfterCsv, safeCell } from './blueprintExports';

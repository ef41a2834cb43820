/**
 * The public API of the analysis engine. Pure TypeScript, no DOM: the same functions run
 * in the map's Web Worker, in the command line and in Node tests. Units: distances and
 * thresholds in metres, areas in m², coordinates WGS84 degrees (lon, lat).
 */
export * from './types';
export * from './analysisTypes';
export { EngineError, ERROR_MESSAGES, REJECT_REASONS, escapeControl, formatError, rejectionText } from './errors';
export type { ErrorCode, ErrorPlace, RejectCode, Rejection } from './errors';
export { NOTE_MESSAGES, noteJson, noteText } from './notes';
export type { EngineNote, NoteCode } from './notes';
export {
  SERVICES,
  SERVICE_COUNT,
  SERVICE_NAMES,
  YILAO_YIXIAO,
  YILAO_YIXIAO_MASK,
  isServiceCode,
  serviceIndex,
  servicesToMask,
  maskToServices,
  popcount,
} from './standards/services';
export type { ServiceCode } from './standards/services';
export { DEFAULT_POLICY, mergePolicy, parsePolicyOverride } from './standards/policy';
export type { Policy, PolicyOverride } from './standards/policy';
export { resolvePolicy } from './standards/resolvePolicy';
export { meetsBasicRule, meetsComplexRule, shortfallM2 } from './standards/functionRules';
export { NEED_WEIGHTS, needScore } from './standards/need';
export { rollup } from './standards/rollup';
export { loadPackage, normaliseCrs, readRoadsAhead, roadRejections } from './package/loadPackage';
export type { LoadPackageOptions } from './package/loadPackage';
export { CONTRACT_FILES, EXTRA_FILES, PACKAGE_FILE_NAMES } from './package/packageFiles';
export type { PackageFiles } from './package/loadPackage';
export { decodeText } from './package/decodeText';
export { readBuildingColumns, readBuildingRowObjects } from './package/readBuildingColumns';
export { buildingSlots, mergeBuildingParts, planBuildingBytes, readBuildingBytes, readBuildingPart } from './package/readBuildingBytes';
export type { BuildingBytesPlan, BuildingFieldsAt, BuildingPart, BuildingSlots } from './package/readBuildingBytes';
export { PLAUSIBLE_LIMITS } from './package/plausibleLimits';
export { toWgs84, fromWgs84 } from './package/crs';
export { haversineM, EARTH_RADIUS_M } from './spatial/haversine';
export { PointIndex } from './spatial/pointIndex';
export { PolygonIndex } from './spatial/polygonIndex';
export { pointInPolygon } from './spatial/pointInPolygon';
export { PreparedPolygon } from './spatial/PreparedPolygon';
export type { DistanceProvider, Site, Reach } from './coverage/distanceProvider';
export { EuclideanProvider } from './coverage/euclideanProvider';
export { NearestByCells } from './spatial/NearestByCells';
export type { NearestByCellsParts, NearestRange } from './spatial/NearestByCells';
export { MatrixProvider } from './coverage/matrixProvider';
export { NetworkProvider, networkProvider, walkGraphOf } from './coverage/networkProvider';
export type { NetworkProviderOptions } from './coverage/networkProvider';
export * as network from './network/index';
export type { WalkGraph, GraphSnap } from './network/index';
export { isPathKind, PATH_KINDS } from './network/edgeKinds';
export { serviceCoverage, facilitySites, coverageFromDistances } from './coverage/serviceCoverage';
export { analyze, createProvider } from './analyze';
export type { AnalyzeOptions } from './analyze';
export { aggregateH3, cellIndex, DEFAULT_H3_RESOLUTION } from './grid/aggregateH3';
export { communitiesCsv, rejectedCsv, summaryJson, COMMUNITIES_CSV_HEADER } from './report/contractFiles';
export { csvCell, num4, toCsv, UTF8_BOM, capEcho, ECHO_MAX_CHARS } from './report/csv';
export { mulberry32 } from './random';
export { optimizeService } from './optimizeService';
export type { OptimizeServiceOptions, OptimizeServiceResult } from './optimizeService';
export { serviceCoverageInstance } from './coverage/serviceCoverageInstance';
export type { ServiceCoverageInstance } from './coverage/serviceCoverageInstance';
export * as optimize from './optimize/index';
export type { HighsLoaderOrInstance } from './optimize/index';
export { createScenarioContext, evaluateScenario, applyScenario, summarizeScope } from './scenario/index';
export type {
  Scenario,
  ScenarioSite,
  ScenarioMove,
  ScenarioResult,
  ScenarioSummary,
  ScopeMeasures,
  Delta,
  ScenarioContext,
  EvaluateScenarioOptions,
} from './scenario/index';
export {
  blueprint,
  blueprintGeoJson,
  blueprintSitesCsv,
  communitiesBeforeAfterCsv,
  safeCell,
  DEFAULT_MIN_FUNCTION_AREA_M2,
  DEFAULT_SOURCE_PENALTY,
  scopeCommunities,
  policyLevers,
} from './blueprint/index';
export type { BlueprintOptions, BlueprintScope, BlueprintResult, BlueprintSiteResult, CommunityBeforeAfter, PolicyLever } from './blueprint/index';
export {
  SITE_LEVELS,
  SITE_LEVEL_NAMES,
  levelByArea,
  bundleLevel,
  defaultBundle,
  BLUEPRINT_DEFAULTS,
  siteCostWan,
  SITES_COLUMNS,
  COMMUNITIES_COLUMNS,
  csvValue,
  cellValue,
  type SiteLevel,
  type TableColumn,
  type TableCell,
  type ColumnKind,
  type CodeLabels,
} from './blueprint/index';
export * as blueprintSolver from './blueprint/index';
export { importPackage, inspectSource, guessRole, headerSetKey, resolveCrs, importRoads } from './import/index';
export type {
  ImportRequest,
  ImportResult,
  ImportReport,
  ImportSource,
  ImportProgress,
  SourcePreview,
  FileMapping,
  ColumnMapping,
  NamedBytes,
  CrsHint,
  FileReport,
  ImportRole,
} from './import/index';
export type { PublicCommunity, PublicDemandCell, PublicFacility, PublicPlannedSite, PublicSiteMeta } from './publish/index';
export {
  publishSite,
  readApprovedSites,
  serviceWorkerJs,
  assembleSite,
  manifestDataDate,
  cleanText,
  PLANNED_LEVELS,
  DEFAULT_SITE_TITLE,
} from './publish/index';
export type { ApprovedSite } from './publish/index';
export * as importer from './import/index';
export { packageZip } from './import/index';
export * as pilots from './pilots/index';
export { pilotProgramme, proposePilots, resolveRatingBands, pilotStatusCsv, programmeJson, proposalCsv } from './pilots/index';
export type { Pilot, Evaluation, LandingPoint, PilotStatus, PilotProgramme, ProgrammeSummary, ProposedPilot, RatingBands } from './pilots/index';

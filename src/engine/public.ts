/**
 * The engine's second entry point: the few pure modules the published resident site
 * (src/public, its own bundle) needs. Importing them here rather than through index.ts keeps
 * that bundle free of the planner's engine code (loaders, optimiser, blueprint). Everything
 * else outside src/engine imports ./index only (lint rule in eslint.config.js).
 */
export { SERVICES, SERVICE_NAMES, isServiceCode } from './standards/services';
export type { ServiceCode } from './standards/services';
export { haversineM } from './spatial/haversine';
export { pointInPolygon } from './spatial/pointInPolygon';
export { buildWalkGraph } from './network/buildWalkGraph';
export { multiSourceDijkstra } from './network/multiSourceDijkstra';
export { snapToGraph } from './network/snapToGraph';
export type { WalkGraph } from './network/WalkGraph';
export type { PublicCommunity, PublicDemandCell, PublicFacility, PublicPlannedSite, PublicSiteMeta } from './publish/publicTypes';

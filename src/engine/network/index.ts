/** Walking network: graph, snapping, bounded searches, walking effort, walksheds. */
export type { WalkGraph } from './WalkGraph';
export { buildWalkGraph } from './buildWalkGraph';
export { walkGraphToBuffers, walkGraphFromBuffers, type WalkGraphBuffers } from './walkGraphBuffers';
export { EDGE_KINDS, edgeKindCode, isPathKind, PATH_KINDS, type EdgeKind } from './edgeKinds';
export { EARTH_RADIUS_M, haversineM } from '../spatial/haversine';
export { NodeIndex, nodeIndexOf } from './NodeIndex';
export { snapToGraph, type GraphSnap } from './snapToGraph';
export { DijkstraScratch } from './DijkstraScratch';
export { multiSourceDijkstra } from './multiSourceDijkstra';
export { reverseCosts } from './reverseCosts';
export { networkDistancesToBuildings } from './networkDistancesToBuildings';
export { buildingsByNode, type BuildingsByNode } from './BuildingsByNode';
export { reachFromPoint, type Reach } from './reachFromPoint';
export { buildEffortCosts, toblerSpeedKmh, TOBLER_FLAT_SPEED_KMH, FLAT_SPEED_M_PER_MIN, type EffortOptions } from './buildEffortCosts';
export { walkshed, type WalkshedOptions, type WalkshedProperties } from './walkshed';
export { walkshedFromPoint, type WalkshedFromPointOptions } from './walkshedFromPoint';

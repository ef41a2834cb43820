import type { BuildingPlan } from './buildings';
import type { CandidateRow, FacilityRow } from './facilities';
import type { CommunityCell } from './communities';
import type { RefDistrict } from './reference';
import type { RoadNet } from './roads';

/** Counts of a generated sample package (printed, and written to its README). */
export interface SampleStats {
  seed: number;
  districts: { code: string; name: string; communities: number; buildings: number }[];
  communities: number;
  buildings: number;
  unassignedBuildings: number;
  /** Sum of the communities' official households (census 家庭户数). */
  households: number;
  /** Sum of the buildings' households. */
  buildingHouseholds: number;
  population: number;
  facilities: number;
  plannedFacilities: number;
  candidates: number;
  roadFeatures: number;
  roadVertices: number;
  /** Vertex count of each connected component of the road network, largest first (first 5). */
  roadComponents: number[];
}

/** Everything but the buildings, which are produced lazily from `buildingPlan`. */
export interface SamplePlan {
  seed: number;
  districts: RefDistrict[];
  cells: CommunityCell[];
  facilities: FacilityRow[];
  candidates: CandidateRow[];
  roads?: RoadNet;
  buildingPlan: BuildingPlan;
}

import type { MultiPolygon, Polygon, FeatureCollection, LineString, MultiLineString } from 'geojson';
import type { Rejection } from './errors';
import type { EngineNote } from './notes';
import type { ServiceCode } from './standards/services';
import type { PolicyOverride } from './standards/policy';
import type { Evaluation, LandingPoint, Pilot } from './pilots/pilotTypes';

/** Coordinate systems a package may declare (DATA-FORMAT.md section 1). */
export type Crs = 'WGS84' | 'GCJ02' | 'BD09';

export interface Manifest {
  name: string;
  crs: Crs;
  policy?: string;
  /** True for generated geometry: the map labels it synthetic. */
  synthetic?: boolean;
  [key: string]: unknown;
}

/** One community (社区), geometry in WGS84. */
export interface Community {
  id: string;
  name: string;
  street: string;
  district: string;
  /** Official household count, used by the per-100-household area rule. */
  households: number;
  population?: number;
  /** Residents aged 60+. */
  elderly?: number;
  /** Residents aged 0-12. */
  children?: number;
  geometry: Polygon | MultiPolygon;
}

/**
 * Residential buildings, the demand, as a structure of arrays (index = building number).
 * Coordinates are WGS84 degrees.
 */
export interface Buildings {
  count: number;
  ids: string[];
  lon: Float64Array;
  lat: Float64Array;
  households: Float64Array;
  /** Index into `communities`, or -1 when the building lies in no community. */
  community: Int32Array;
}

export type FacilityLevel = 'street' | 'community' | 'compound';

/** An existing service facility, coordinates WGS84. */
export interface Facility {
  id: string;
  name: string;
  lon: number;
  lat: number;
  areaM2: number;
  services: ServiceCode[];
  /** Bit i set = offers SERVICES[i]. */
  serviceMask: number;
  level?: FacilityLevel;
  operator?: string;
  /** 无障碍: from the optional barrier_free column; undefined when not given. */
  barrierFree?: boolean;
  /** 适老化: from the optional elder_friendly column. */
  elderFriendly?: boolean;
  /** 儿童友好: from the optional child_friendly column. */
  childFriendly?: boolean;
  status: 'open' | 'planned';
  /** Index into `communities`, or -1. */
  community: number;
}

export const CANDIDATE_SOURCES = [
  'idle_state_property',
  'vacant_public_rental',
  'idle_office',
  'commercial_vacancy',
  'old_factory',
  'leftover_land',
  'new_build_colocated',
  'other',
] as const;
export type CandidateSource = (typeof CANDIDATE_SOURCES)[number];
export const OWNERSHIPS = ['state', 'collective', 'private'] as const;
export type Ownership = (typeof OWNERSHIPS)[number];

/** A candidate site for a new facility, coordinates WGS84. */
export interface Candidate {
  id: string;
  name: string;
  lon: number;
  lat: number;
  areaM2: number;
  source: CandidateSource;
  ownership: Ownership;
  /** Estimated cost, 万元 (10,000 yuan). */
  costWan?: number;
  /** Index into `communities`, or -1. */
  community: number;
  note?: string;
}

/** distances.csv grouped by target: for each facility/candidate id, the buildings it reaches. */
export interface DistanceMatrix {
  /** target id → parallel arrays of building indices and distances in metres. */
  byTarget: Map<string, { building: Int32Array; distanceM: Float64Array }>;
  rows: number;
}

export type RoadCollection = FeatureCollection<LineString | MultiLineString>;

/** A loaded, validated data package, everything converted to WGS84. */
export interface DataPackage {
  manifest: Manifest;
  communities: Community[];
  buildings: Buildings;
  facilities: Facility[];
  candidates: Candidate[];
  roads?: RoadCollection;
  distances?: DistanceMatrix;
  /** pilots.csv, when the package has it (docs/PILOTS.md). */
  pilots?: Pilot[];
  /** evaluations.csv, when the package has it. */
  evaluations?: Evaluation[];
  /** landing_points.csv, when the package has it. */
  landingPoints?: LandingPoint[];
  /** The package's own policy.json, validated, not yet merged. */
  policyOverride?: PolicyOverride;
  /** Rows kept out of the analysis, in file order. */
  rejected: Rejection[];
  /** Non-fatal notes (encoding detected, crs converted, unknown columns…), coded: see notes.ts. */
  notes: EngineNote[];
}

/** Distance modes of the contract. */
export type DistanceMode = 'euclidean' | 'network' | 'matrix';

/** A progress callback: `fraction` in 0…1, `stage` a short stable key. */
export type ProgressFn = (stage: string, fraction: number) => void;

import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';
import type { Analysis, Candidate, DistanceMode, Facility, Manifest, RoadCollection, Rejection } from '../engine/index';
import type { BlueprintWorkerApi } from './blueprintApi';
import type { NetworkWorkerApi } from './networkApi';
import type { SnapshotWorkerApi } from './packageSnapshotApi';
import type { WaterCollection } from './readWater';
import type { DataReport } from './dataReport';

/** Properties of one community polygon on the map. Feature `id` = community index. */
export interface CommunityProps {
  i: number;
  id: string;
  name: string;
  street: string;
  district: string;
  population?: number;
  elderly?: number;
  children?: number;
}

/**
 * Buildings as flat typed arrays, transferred (not copied) from the worker.
 * `covered` is service-major: covered[s * count + b] = 1 when building b is covered for SERVICES[s].
 */
export interface BuildingArrays {
  count: number;
  ids: string[];
  /** lon, lat interleaved, degrees (float32 is ~1 m at Chongqing's longitude). */
  position: Float32Array;
  households: Float32Array;
  /** Community index, -1 when unassigned. */
  community: Int32Array;
  covered: Uint8Array;
}

/** H3 cells as flat arrays; uncovered is service-major: uncovered[s * cells + c]. */
export interface H3Arrays {
  resolution: number;
  cells: string[];
  households: Float32Array;
  uncovered: Float32Array;
}

/** The analysis without its per-building arrays (those travel in {@link BuildingArrays}). */
export type AnalysisView = Omit<Analysis, 'coverage'> & {
  coverage: { service: string; thresholdM: number; coveredHouseholds: number }[];
};

/** Everything the map draws, as computed by the engine in the worker. */
export interface MapData {
  manifest: Manifest;
  /** [west, south, east, north] of the communities. */
  bounds: [number, number, number, number];
  communities: FeatureCollection<Polygon | MultiPolygon, CommunityProps>;
  labels: FeatureCollection<Point, CommunityProps>;
  streetLines: Feature<MultiLineString>;
  districtLines: Feature<MultiLineString>;
  roads?: RoadCollection;
  buildings: BuildingArrays;
  facilities: Facility[];
  candidates: Candidate[];
  h3: H3Arrays;
  analysis: AnalysisView;
  rejectedCount: number;
  /** The first rejections, for the data panel. */
  rejected: Rejection[];
  notes: string[];
  /** The data check: rows accepted and rejected per file, every rejection, structured notes. */
  report?: DataReport;
  /** Milliseconds per stage (load, analyze, h3, pack). */
  timings: Record<string, number>;
  /** Changes only when another package is loaded (a mode switch keeps it: no refit, no source refill). */
  packageId?: number;
  /** Rivers from the optional water.geojson (not in the data contract), WGS84. */
  water?: WaterCollection;
  /** Network mode with walking effort (flat-equivalent metres). */
  effort?: boolean;
}

export type ProgressCallback = (stage: string, fraction: number) => void;

/** The API the engine worker exposes through comlink. */
export interface EngineWorkerApi extends BlueprintWorkerApi, NetworkWorkerApi, SnapshotWorkerApi {
  /** Fetch a package from this origin (`/data/<name>/`) and analyse it. */
  runUrl(base: string, mode: DistanceMode, onProgress?: ProgressCallback, effort?: boolean): Promise<MapData>;
  /** Analyse files the user opened (file name → bytes; buffers are transferred). */
  runFiles(files: Record<string, Uint8Array>, mode: DistanceMode, onProgress?: ProgressCallback, effort?: boolean): Promise<MapData>;
}

/** A failure crossing the worker boundary: the engine code, and messages in both languages. */
export interface WorkerFailure {
  code: string;
  zh: string;
  en: string;
}

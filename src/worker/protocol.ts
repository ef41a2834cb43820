/**
 * The worker protocol: every message type and worker API interface that crosses a worker
 * boundary (engine worker, blueprint solver worker). Types only: this file imports nothing but
 * types from the engine's index and GeoJSON, and nothing from the worker implementations, so
 * main-thread code (src/client, src/state, src/ui, src/map) can depend on it without pulling in
 * worker code. Units: distances in metres, areas in m², times in ms, coordinates WGS84 degrees.
 */
import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';
import type {
  Analysis,
  BlueprintResult,
  BlueprintScope,
  Candidate,
  CandidateSource,
  CommunityResult,
  DistanceMode,
  EngineNote,
  Facility,
  Manifest,
  network,
  pilots,
  Ownership,
  PolicyLever,
  Rejection,
  Scenario,
  ScenarioSummary,
  ServiceCode,
  SiteLevel,
} from '../engine/index';

// ---------------------------------------------------------------------------------------------
// Failures

/** A failure crossing the worker boundary: the engine code, and messages in both languages. */
export interface WorkerFailure {
  code: string;
  zh: string;
  en: string;
}

export type ProgressCallback = (stage: string, fraction: number) => void;

/**
 * The package's roads as the map's source JSON (UTF-8 bytes), sent before the package is parsed
 * (src/worker/mapRun.ts): maplibre's worker parses and tiles them meanwhile. The package part
 * that follows through the same callback has no `sourceJson.roads` or `.streets`: the page adds these bytes'
 * object to it (src/client/engineClient.ts).
 */
export interface RoadsAhead {
  kind: 'roads ahead';
  sourceJson: { roads: Uint8Array; streets: Uint8Array };
}

/**
 * Receives a package's part of the map data ahead of its analysis (EngineWorkerApi.runUrl),
 * and before that, once, its roads ({@link RoadsAhead}) when the package has roads.
 */
export type PackageCallback = (part: PackageMapData | RoadsAhead) => void | Promise<void>;

// ---------------------------------------------------------------------------------------------
// Map data (the result of one analysis run)

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
  /**
   * Building ids packed into one string: the id of building b is
   * idText.slice(idStart[b], idStart[b + 1]) (src/map/buildingId.ts). One string and one
   * Int32Array (count + 1 offsets) cross the worker boundary instead of a million strings.
   */
  idText: string;
  idStart: Int32Array;
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
  /** The same counts at the next coarser resolutions (resolution − 1, − 2, …; h3Parents.ts), drawn far out. */
  coarser?: H3Arrays[];
}

/**
 * The community polygons as flat arrays, triangulated in the worker (earcut, as deck.gl's own
 * tessellator): deck draws them without tessellating on the main thread, and a point-in-polygon
 * index (CPU picking) can be built from the rings. MultiPolygon parts are polygons of their own.
 */
export interface CommunityMesh {
  /** lon, lat interleaved, degrees; rings as in the GeoJSON (closed: last vertex = first). */
  positions: Float64Array;
  /** Vertex index where each polygon starts, then the vertex count: length polygons + 1. */
  polygonStart: Uint32Array;
  /** Vertex index where each ring starts (outer ring first, then its holes), then the vertex count. */
  ringStart: Uint32Array;
  /** Community index (CommunityProps.i) of each vertex. */
  vertexCommunity: Uint32Array;
  /** Triangles, three vertex indices each (into positions / 2). */
  triangles: Uint32Array;
}

/** The analysis without its per-building arrays (those travel in {@link BuildingArrays}). */
export type AnalysisView = Omit<Analysis, 'coverage'> & {
  coverage: { service: string; thresholdM: number; coveredHouseholds: number }[];
};

/** Properties of one water polygon on the map. */
export interface WaterProps {
  name: string;
}

/** Rivers from the optional water.geojson (not in the data contract), WGS84. */
export type WaterCollection = FeatureCollection<Polygon | MultiPolygon, WaterProps>;

/** Accepted and rejected rows (GeoJSON: features) of one package file. */
export interface FileCount {
  file: string;
  accepted: number;
  rejected: number;
}

/**
 * A non-fatal remark about a loaded package, structured so the UI can word it in either
 * language. `text` carries an engine note the worker does not recognise, verbatim.
 */
export type DataNote =
  | { kind: 'encoding'; file: string; encoding: string }
  | { kind: 'crs'; from: string }
  | { kind: 'unassigned'; count: number }
  | { kind: 'unsnapped'; count: number; maxSnapM: number }
  | { kind: 'ignored'; files: string[] }
  | { kind: 'engine'; note: EngineNote };

/** What the data check dialog shows: counts per file, every rejected row, the notes. */
export interface DataReport {
  /** Files in contract order: the required four always, the optional ones when present. */
  files: FileCount[];
  /** Every rejected row, in file order (not only the first few). */
  rejected: Rejection[];
  notes: DataNote[];
}

/** The maplibre GeoJSON sources the map fills from a result (src/map/mapSources.ts). */
export type MapSourceId = 'communities' | 'labels' | 'streetLines' | 'districtLines' | 'roads' | 'streets' | 'water';

/** Everything the map draws, as computed by the engine in the worker. */
export interface MapData {
  manifest: Manifest;
  /** [west, south, east, north] of the communities. */
  bounds: [number, number, number, number];
  communities: FeatureCollection<Polygon | MultiPolygon, CommunityProps>;
  labels: FeatureCollection<Point, CommunityProps>;
  streetLines: Feature<MultiLineString>;
  districtLines: Feature<MultiLineString>;
  /** The community polygons flat and triangulated (the deck fill draws these; same object across mode switches). */
  communityMesh: CommunityMesh;
  /**
   * Features in roads.geojson; absent for a package without roads. The roads themselves reach
   * maplibre only as JSON bytes (sourceJson.roads, the footways' source; sourceJson.streets, the
   * streets alone, the `roads` source's): the main thread never holds the collection.
   */
  roadCount?: number;
  buildings: BuildingArrays;
  facilities: Facility[];
  candidates: Candidate[];
  h3: H3Arrays;
  analysis: AnalysisView;
  rejectedCount: number;
  /** The data check: rows accepted and rejected per file, every rejection, structured notes (sent once, here). */
  report: DataReport;
  /** Milliseconds per stage in the worker (fetch, load, packagePack, analyze, h3, pack). */
  timings: Record<string, number>;
  /** Changes only when another package is loaded (a mode switch keeps it: no refit, no source refill). */
  packageId: number;
  /** Rivers from the optional water.geojson (not in the data contract), WGS84. */
  water?: WaterCollection;
  /** Network mode with walking effort (flat-equivalent metres). */
  effort?: boolean;
  /**
   * The same GeoJSON as UTF-8 JSON text per maplibre source, serialized in the worker and
   * transferred: the map hands maplibre blob: URLs of these bytes under the ylblob:// scheme
   * (src/map/workerJson.ts), so maplibre's own worker fetches and parses them and the main thread never walks the GeoJSON to
   * post it (at 200k buildings that walk was ~2 s of main-thread time). Absent for a source
   * without data; the page drops a source's bytes once they are in their Blob (mapSources.ts).
   */
  sourceJson?: Partial<Record<MapSourceId, Uint8Array>>;
}

/**
 * The part of {@link MapData} that belongs to the package (geometry, ids, GeoJSON bytes): the
 * worker sends it once per package, as soon as the package is parsed (before its analysis), and
 * the page keeps these same objects across mode switches, so deck.gl (which compares data by
 * identity) re-tessellates nothing. The map draws it alone while the analysis runs.
 */
export type PackageMapData = Omit<MapData, 'buildings' | 'h3' | 'analysis' | 'report' | 'timings' | 'effort'> & {
  buildings: Omit<BuildingArrays, 'covered'>;
};

/** The part of {@link MapData} that belongs to one analysis (one distance mode). */
export interface AnalysisMapData {
  /** Service-major covered flags: covered[s * buildings + b]. */
  covered: Uint8Array;
  /**
   * The H3 cells with their households and uncovered households (aggregated after the analysis;
   * the cells themselves depend on the package only, a few thousand strings at 1M buildings).
   */
  h3: H3Arrays;
  analysis: AnalysisView;
  report: DataReport;
  /** Milliseconds per stage in the worker (fetch, load, packagePack, analyze, h3, pack). */
  timings: Record<string, number>;
  effort?: boolean;
}

/**
 * What an analysis run returns: its analysis part, and the package part unless the page holds
 * it already or it went ahead through the run's `onPackage` callback.
 */
export interface MapRun {
  packageId: number;
  /** Absent when the caller said it holds this package's part (`heldPackage`) or took it through `onPackage`. */
  package?: PackageMapData;
  run: AnalysisMapData;
}

// ---------------------------------------------------------------------------------------------
// Blueprint and what-if

/** What the blueprint panel asks for. */
export interface BlueprintRequest {
  scope: BlueprintScope;
  maxSites?: number; // most new sites
  budgetWan?: number; // 万元
  timeLimitS?: number; // s of HiGHS time, default 30
  method?: 'exact' | 'greedy';
}

/** A blueprint and the buildings its sites newly bring within walking range (any service of their bundle). */
export interface BlueprintRun {
  result: BlueprintResult;
  newlyReached: Int32Array;
  /** Wall time in the worker, ms. */
  ms: number;
}

/** A what-if evaluation, packed for the map and panels. */
export interface ScenarioRun {
  /** evaluateScenario's own time (ms, Date resolution) and the worker's wall time around it (ms). */
  engineMs: number;
  wallMs: number;
  summary: ScenarioSummary;
  communities: CommunityResult[];
  /** Per service (SERVICES order), households of covered buildings, all buildings. */
  coveredHouseholds: number[];
  /** Service-major covered flags: covered[s * count + b]. */
  covered: Uint8Array;
  /** Buildings covered after and not before, for any service. */
  newlyReached: Int32Array;
}

/** One candidate opened alone with a default bundle: the comparison row. */
export interface CandidateComparison {
  candidateId: string;
  name: string;
  areaM2: number;
  source: CandidateSource;
  ownership: Ownership;
  costWan: number | null;
  services: ServiceCode[];
  level: SiteLevel;
  /** Per service of the bundle: scope households newly covered. */
  newlyCovered: Partial<Record<ServiceCode, number>>;
  communitiesServed: { id: string; name: string; households: number }[];
  shortfallClosedM2: number;
  levers: PolicyLever[];
  /** Σ newly covered households + m² of shortfall closed − the source penalty (household-equivalents, the blueprint's objective without demographic weights). */
  objective: number;
  /** 1 = largest objective contribution among the compared. */
  rank: number;
}

/** The blueprint and what-if part of the engine worker's API. */
export interface BlueprintWorkerApi {
  blueprint(req: BlueprintRequest): Promise<BlueprintRun>;
  scenario(scenario: Scenario, scope?: BlueprintScope | null): Promise<ScenarioRun>;
  compareCandidates(ids: string[], scope?: BlueprintScope | null): Promise<CandidateComparison[]>;
}

/** The engine worker's what-if warm-up (beside {@link BlueprintWorkerApi}). */
export interface ScenarioPrepareApi {
  /**
   * Build what the first what-if edit would (the distance index, the base tallies), so that edit
   * costs what later ones do; asked when a candidate's panel opens.
   */
  prepareScenarios(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Walking

export type WalkshedCollection = FeatureCollection<Polygon | MultiPolygon, network.WalkshedProperties>;

/** One facility reachable from a clicked point. */
export interface ReachableFacility {
  id: string;
  name: string;
  services: ServiceCode[];
  /** Walk from the point, metres (flat-equivalent metres in effort mode). */
  metres: number;
  /** `metres` in minutes at the flat speed. */
  minutes: number;
}

/** "What can I reach from here": walksheds for 5/10/15 minutes and the open facilities within 15. */
export interface PointReach {
  lon: number;
  lat: number;
  /** Straight walk from the point to the nearest network node, metres. */
  snapM: number;
  /** False when the nearest node is farther than the policy's maxSnapM (nothing is reachable). */
  onNetwork: boolean;
  /** True when the walk is measured as effort (slope, stairs, lifts) rather than length. */
  effort: boolean;
  walksheds: WalkshedCollection;
  /** Open facilities within the largest ring, nearest first. */
  facilities: ReachableFacility[];
  /** Wall time in the worker, ms. */
  ms: number;
}

/** The catchment of one facility for one service in the current walking mode. */
export interface FacilityWalkshed {
  facilityId: string;
  service: ServiceCode;
  thresholdM: number;
  effort: boolean;
  /** First the service threshold (`thresholdM`), then the 5/10/15-minute rings. */
  walksheds: WalkshedCollection;
  onNetwork: boolean;
  ms: number;
}

/** The walking part of the engine worker's API. */
export interface NetworkWorkerApi {
  walkFromPoint(lon: number, lat: number): Promise<PointReach>;
  facilityWalkshed(facilityId: string, service: ServiceCode): Promise<FacilityWalkshed>;
}

// ---------------------------------------------------------------------------------------------
// The package handed from the engine worker to the solver worker

/**
 * What the blueprint solver worker needs to reproduce the engine worker's state: the package
 * (its files, sent only when the solver does not hold `key` yet) and the distance mode.
 */
export interface SolverInput {
  /** Package key and load id in the engine worker: another key means another package. */
  key: string;
  mode: DistanceMode;
  /** Network mode with walking effort (flat-equivalent metres). */
  effort: boolean;
  files?: Record<string, Uint8Array>;
}

/** The part of the engine worker's API that hands the loaded package to the solver worker. */
export interface SnapshotWorkerApi {
  /** Key and distance mode of the loaded package; with `withFiles`, copies of its files (transferred). */
  packageSnapshot(withFiles: boolean): Promise<SolverInput>;
}

/** The API of the dedicated blueprint worker (solver.worker.ts). */
export interface SolverWorkerApi {
  /** Solve a blueprint on the package and mode of `input` (loaded and analysed on first use). */
  blueprint(input: SolverInput, req: BlueprintRequest): Promise<BlueprintRun>;
}

/** A blueprint site the planner marks approved for the public map (发布公众地图). */
export interface PublishApproval {
  /** The package candidate's id. */
  candidateId: string;
  services: ServiceCode[];
  level?: SiteLevel;
  /** The name residents read (else "<community>嵌入式服务设施"). */
  publicName?: string;
}

/** What the header's 发布公众地图 dialog asks the engine worker to publish. */
export interface PublishRequest {
  /** Site title (default 渝邻图 · 社区服务地图). */
  title?: string;
  mode: 'euclidean' | 'network';
  approved: PublishApproval[];
}

/** The site's data files (path → JSON text) and notes for the publisher. */
export interface PublishedFiles {
  files: Record<string, string>;
  notes: string[];
}

/** The part of the engine worker's API that publishes the loaded package's public data. */
export interface PublishWorkerApi {
  /** publishSite() on the loaded package, analysed in `req.mode` as `npm run cli -- publish` does. */
  publishSite(req: PublishRequest): Promise<PublishedFiles>;
}

// ---------------------------------------------------------------------------------------------
// The pilot programme (docs/PILOTS.md) and the plan's other layers

/** The pilot files of the loaded package as accepted (empty lists when a file is absent). */
export interface PilotBase {
  /** True when the package has pilots.csv. */
  hasPilots: boolean;
  pilots: pilots.Pilot[];
  evaluations: pilots.Evaluation[];
  landingPoints: pilots.LandingPoint[];
}

/** An edited programme: what the 试点 panel changes and exports (pilots.csv / evaluations.csv rows). */
export interface PilotEdits {
  pilots: pilots.Pilot[];
  evaluations: pilots.Evaluation[];
}

/** The programme on one date, as the engine's pilotProgramme computes it for the edited rows. */
export interface PilotView {
  /** The date the rules were applied on, YYYY-MM-DD. */
  asOf: string;
  /** One per pilot of the edits, in their order. */
  statuses: pilots.PilotStatus[];
  subsidies: pilots.PilotSubsidy[];
  /** Service levels (街道—社区—小区) and accessibility per community. */
  levels: pilots.ServiceLevels;
  /** Reach of the landing points; null without landing_points.csv. */
  landing: pilots.LandingReach | null;
  summary: pilots.ProgrammeSummary;
  /** Wall time in the worker, ms. */
  ms: number;
}

/** The pilot part of the engine worker's API (works on the package and analysis of the latest run). */
export interface PilotWorkerApi {
  /** The package's own pilots.csv, evaluations.csv and landing_points.csv rows. */
  pilotBase(): Promise<PilotBase>;
  /** Apply every pilot rule to the edited programme on `asOf` (YYYY-MM-DD). */
  pilotProgramme(edits: PilotEdits, asOf: string): Promise<PilotView>;
  /** Propose `count` communities by need, at most `perDistrict` per district (null: no limit), leaving out the edits' active pilots. */
  proposePilots(count: number, perDistrict: number | null, pilots: pilots.Pilot[]): Promise<pilots.ProposedPilot[]>;
}

// ---------------------------------------------------------------------------------------------
// The engine worker

/** The API the engine worker exposes through comlink. */
export interface EngineWorkerApi extends BlueprintWorkerApi, ScenarioPrepareApi, NetworkWorkerApi, SnapshotWorkerApi, PilotWorkerApi, PublishWorkerApi {
  /**
   * Fetch a package from this origin (`/data/<name>/`) and analyse it. `onPackage`: called with
   * the package part (buffers transferred) as soon as the package is parsed, before the analysis
   * starts; the worker waits for the call to return, so the part is on the page before the run's
   * answer, which then carries no package part.
   */
  runUrl(base: string, mode: DistanceMode, onProgress?: ProgressCallback, effort?: boolean, heldPackage?: number, onPackage?: PackageCallback): Promise<MapRun>;
  /** Analyse files the user opened (file name → bytes; buffers are transferred). `heldPackage`: the package part the page holds; `onPackage` as in runUrl. */
  runFiles(
    files: Record<string, Uint8Array>,
    mode: DistanceMode,
    onProgress?: ProgressCallback,
    effort?: boolean,
    heldPackage?: number,
    onPackage?: PackageCallback,
  ): Promise<MapRun>;
  /** Make the kept analysis of a mode current again (package `base` loaded, mode analysed before); false when there is none. */
  reuseRun(base: string, mode: DistanceMode, effort?: boolean): Promise<boolean>;
}

// ---------------------------------------------------------------------------------------------
// The import worker (import.worker.ts): the 导入数据 wizard's reading and importing

/** The API of the dedicated import worker (src/worker/import.worker.ts). */
export interface ImportWorkerApi {
  /** Read one wizard source and describe its tables (header, first rows, guessed role and mapping). */
  inspect(
    files: import('../engine/index').NamedBytes[],
    role?: import('../engine/index').ImportRole,
    mapping?: import('../engine/index').FileMapping,
  ): Promise<import('../engine/index').SourcePreview[]>;
  /** Import a request into a contract package (the engine's importPackage); the package's buffers are transferred back. */
  run(req: import('../engine/index').ImportRequest, onProgress?: ProgressCallback): Promise<import('../engine/index').ImportResult>;
  /** An imported package as one zip (the engine's packageZip), compressed here rather than on the main thread; the zip's buffer is transferred back. */
  zip(files: Record<string, Uint8Array>): Promise<Uint8Array>;
}

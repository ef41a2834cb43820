import { type Analysis, type H3Cell, type DataPackage, type RoadCollection, isPathKind, SERVICES } from '../engine/index';
import type { AnalysisMapData, AnalysisView, CommunityProps, H3Arrays, MapSourceId, PackageMapData } from './protocol';
import { communityOutlines } from './outlines';
import { labelPoint } from './labelPoint';
import { dataReport } from './dataReport';
import { communityMesh, meshBuffers } from './communityMesh';
import { coarserH3 } from './h3Parents';

/** Coarser hexagon levels sent with each analysis (res 9 → 8, 7, 6): far out a res-9 hexagon is a pixel or two. */
const H3_COARSER_LEVELS = 3;

/** Building ids packed into one string and count + 1 offsets (BuildingArrays.idText / idStart). */
export function packIds(ids: readonly string[]): { idText: string; idStart: Int32Array } {
  const idStart = new Int32Array(ids.length + 1);
  let at = 0;
  ids.forEach((id, k) => {
    idStart[k] = at;
    at += id.length;
  });
  idStart[ids.length] = at;
  return { idText: ids.join(''), idStart };
}

/**
 * What the map draws of a package, whatever the analysis: geometry, ids, positions. Needs no
 * analysis: the worker sends it to the page as soon as the package is parsed, once per package.
 */
export function packageMapData(pkg: DataPackage, packageId = 0): PackageMapData {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  const features = pkg.communities.map((c, i) => {
    const polys = c.geometry.type === 'Polygon' ? [c.geometry.coordinates] : c.geometry.coordinates;
    for (const p of polys) {
      for (const [x, y] of p[0]) {
        if (x < w) w = x;
        if (x > e) e = x;
        if (y < s) s = y;
        if (y > n) n = y;
      }
    }
    const props: CommunityProps = { i, id: c.id, name: c.name, street: c.street, district: c.district };
    if (c.population !== undefined) props.population = c.population;
    if (c.elderly !== undefined) props.elderly = c.elderly;
    if (c.children !== undefined) props.children = c.children;
    return { type: 'Feature' as const, id: i, properties: props, geometry: c.geometry };
  });
  const b = pkg.buildings;
  if (!Number.isFinite(w)) {
    for (let k = 0; k < b.count; k++) {
      w = Math.min(w, b.lon[k]);
      e = Math.max(e, b.lon[k]);
      s = Math.min(s, b.lat[k]);
      n = Math.max(n, b.lat[k]);
    }
  }
  const labels = features.map((f) => ({
    type: 'Feature' as const,
    id: f.id,
    properties: f.properties,
    geometry: { type: 'Point' as const, coordinates: labelPoint(f.geometry) },
  }));
  const outlines = communityOutlines(pkg.communities);

  const position = new Float32Array(b.count * 2);
  for (let k = 0; k < b.count; k++) {
    position[2 * k] = b.lon[k];
    position[2 * k + 1] = b.lat[k];
  }
  const out: PackageMapData = {
    packageId,
    manifest: pkg.manifest,
    bounds: [w, s, e, n],
    communities: { type: 'FeatureCollection', features },
    communityMesh: communityMesh(pkg.communities),
    labels: { type: 'FeatureCollection', features: labels },
    streetLines: outlines.streets,
    districtLines: outlines.districts,
    buildings: {
      count: b.count,
      ...packIds(b.ids),
      position,
      households: Float32Array.from(b.households),
      community: Int32Array.from(b.community),
    },
    facilities: pkg.facilities,
    candidates: pkg.candidates,
    rejectedCount: pkg.rejected.length,
  };
  if (pkg.roads) out.roadCount = pkg.roads.features.length;
  return out;
}

/** What the map draws of one analysis: coverage flags, the H3 cells (`resolution`) with their uncovered households, the analysis itself. */
export function analysisMapData(pkg: DataPackage, analysis: Analysis, cells: H3Cell[], resolution: number): AnalysisMapData {
  const count = pkg.buildings.count;
  const covered = new Uint8Array(SERVICES.length * count);
  analysis.coverage.forEach((cov, si) => covered.set(cov.covered, si * count));
  const h3Uncovered = new Float32Array(SERVICES.length * cells.length);
  cells.forEach((c, ci) => {
    for (let si = 0; si < SERVICES.length; si++) h3Uncovered[si * cells.length + ci] = c.uncoveredHouseholds[si] ?? 0;
  });
  const view: AnalysisView = {
    ...analysis,
    coverage: analysis.coverage.map((c) => ({
      service: c.service,
      thresholdM: c.thresholdM,
      coveredHouseholds: c.coveredHouseholds,
    })),
  };
  const h3: H3Arrays = { resolution, cells: cells.map((c) => c.h3), households: Float32Array.from(cells, (c) => c.households), uncovered: h3Uncovered };
  h3.coarser = coarserH3(h3, H3_COARSER_LEVELS); // far out the map draws these (src/map/hexLevels.ts)
  return { covered, h3, analysis: view, report: dataReport(pkg, analysis.summary, analysis.policy.maxSnapM), timings: {} };
}

const ENCODER = new TextEncoder();

/** A map source's GeoJSON as the bytes the page hands maplibre (UTF-8 JSON). */
export function sourceJsonBytes(v: unknown): Uint8Array {
  return ENCODER.encode(JSON.stringify(v));
}

/**
 * The streets of `roads` alone (every feature whose kind is not a path kind: the engine's isPathKind), for the
 * map's `roads` source. Its source filter would keep the same features of the whole collection,
 * but maplibre's worker would parse all of it first: at the 1M city 15.5 MB, 84 % of it footways,
 * which only the `paths` source (from zoom 12) draws.
 */
export function streetsOnly(roads: RoadCollection): RoadCollection {
  return { ...roads, features: roads.features.filter((f) => !isPathKind(f.properties?.kind)) };
}

/** The roads' source JSON: the whole collection (the footways' source) and the streets alone (the `roads` source). */
export function roadsJson(roads: RoadCollection): { roads: Uint8Array; streets: Uint8Array } {
  return { roads: sourceJsonBytes(roads), streets: sourceJsonBytes(streetsOnly(roads)) };
}

/**
 * Serialize the maplibre sources of `d` (its GeoJSON, water included, so call it last) and the
 * package's `roads` as UTF-8 JSON bytes into `d.sourceJson`; the map loads them through blob:
 * URLs (MapData.sourceJson), and the roads collection itself never leaves the worker.
 */
export function packSources(
  d: Pick<PackageMapData, 'communities' | 'labels' | 'streetLines' | 'districtLines' | 'water' | 'sourceJson'>,
  roads?: RoadCollection,
): void {
  const out: Partial<Record<MapSourceId, Uint8Array>> = {};
  const put = (id: MapSourceId, v: unknown) => {
    if (v !== undefined) out[id] = sourceJsonBytes(v);
  };
  put('communities', d.communities);
  put('labels', d.labels);
  put('streetLines', d.streetLines);
  put('districtLines', d.districtLines);
  if (roads) Object.assign(out, roadsJson(roads));
  put('water', d.water);
  d.sourceJson = out;
}

/** The buffers of a package part to transfer rather than copy. */
export function packageTransferables(d: PackageMapData): ArrayBuffer[] {
  const b = d.buildings;
  const json = Object.values(d.sourceJson ?? {}).map((a) => a.buffer as ArrayBuffer);
  const arrays = [b.idStart, b.position, b.households, b.community].map((a) => a.buffer as ArrayBuffer);
  return [...arrays, ...meshBuffers(d.communityMesh), ...json];
}

/** The buffers of an analysis part to transfer rather than copy. */
export function analysisTransferables(r: AnalysisMapData): ArrayBuffer[] {
  const coarser = (r.h3.coarser ?? []).flatMap((l) => [l.households.buffer as ArrayBuffer, l.uncovered.buffer as ArrayBuffer]);
  return [r.covered.buffer as ArrayBuffer, r.h3.households.buffer as ArrayBuffer, r.h3.uncovered.buffer as ArrayBuffer, ...coarser];
}

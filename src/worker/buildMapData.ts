import { type Analysis, type H3Cell, type DataPackage, SERVICES } from '../engine/index';
import type { AnalysisView, BuildingArrays, CommunityProps, H3Arrays, MapData, MapSourceId } from './protocol';
import { communityOutlines } from './outlines';
import { labelPoint } from './labelPoint';
import { dataReport } from './dataReport';

/** Turn a package and its analysis into what the map draws: flat arrays and small GeoJSON. */
export function buildMapData(pkg: DataPackage, analysis: Analysis, cells: H3Cell[], resolution: number): MapData {
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
  const covered = new Uint8Array(SERVICES.length * b.count);
  analysis.coverage.forEach((cov, si) => covered.set(cov.covered, si * b.count));
  const buildings: BuildingArrays = {
    count: b.count,
    ids: b.ids,
    position,
    households: Float32Array.from(b.households),
    community: Int32Array.from(b.community),
    covered,
  };

  const h3: H3Arrays = {
    resolution,
    cells: cells.map((c) => c.h3),
    households: Float32Array.from(cells, (c) => c.households),
    uncovered: new Float32Array(SERVICES.length * cells.length),
  };
  cells.forEach((c, ci) => {
    for (let si = 0; si < SERVICES.length; si++) h3.uncovered[si * cells.length + ci] = c.uncoveredHouseholds[si] ?? 0;
  });

  const view: AnalysisView = {
    ...analysis,
    coverage: analysis.coverage.map((c) => ({
      service: c.service,
      thresholdM: c.thresholdM,
      coveredHouseholds: c.coveredHouseholds,
    })),
  };
  return {
    manifest: pkg.manifest,
    bounds: [w, s, e, n],
    communities: { type: 'FeatureCollection', features },
    labels: { type: 'FeatureCollection', features: labels },
    streetLines: outlines.streets,
    districtLines: outlines.districts,
    roads: pkg.roads,
    buildings,
    facilities: pkg.facilities,
    candidates: pkg.candidates,
    h3,
    analysis: view,
    rejectedCount: pkg.rejected.length,
    report: dataReport(pkg, analysis.summary, analysis.policy.maxSnapM),
    timings: {},
  };
}

/**
 * Serialize the maplibre sources of `d` (its GeoJSON, water included, so call it last) as UTF-8
 * JSON bytes into `d.sourceJson`; the map loads them through blob: URLs (MapData.sourceJson).
 */
export function packSources(d: MapData): void {
  const enc = new TextEncoder();
  const out: Partial<Record<MapSourceId, Uint8Array>> = {};
  const put = (id: MapSourceId, v: unknown) => {
    if (v !== undefined) out[id] = enc.encode(JSON.stringify(v));
  };
  put('communities', d.communities);
  put('labels', d.labels);
  put('streetLines', d.streetLines);
  put('districtLines', d.districtLines);
  put('roads', d.roads);
  put('water', d.water);
  d.sourceJson = out;
}

/** The buffers of a MapData to transfer rather than copy. */
export function transferables(d: MapData): ArrayBuffer[] {
  const b = d.buildings;
  const json = Object.values(d.sourceJson ?? {}).map((a) => a.buffer as ArrayBuffer);
  return [...[b.position, b.households, b.community, b.covered, d.h3.households, d.h3.uncovered].map((a) => a.buffer as ArrayBuffer), ...json];
}

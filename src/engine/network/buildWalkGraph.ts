import type { LineString, MultiLineString, Position } from 'geojson';
import { EngineError, type Rejection } from '../errors';
import type { RoadCollection } from '../types';
import { edgeKindCode } from './edgeKinds';
import { haversineM } from '../spatial/haversine';
import { VertexTable } from './VertexTable';
import type { WalkGraph } from './WalkGraph';

const FILE = 'roads.geojson';

/**
 * Builds the walking graph of roads.geojson exactly as DATA-FORMAT.md (section 1,
 * "roads.geojson") fixes it:
 * - a node is every distinct vertex, compared after rounding longitude and latitude to 7
 *   decimals (about 1 cm); the third coordinate (elevation, metres) is not part of the
 *   identity — the first vertex at a place that carries one gives the node its `nodeZ`;
 * - consecutive vertices of a LineString (of each part of a MultiLineString) are joined
 *   by an undirected edge whose length is the haversine great-circle distance, metres;
 *   consecutive vertices that round to the same node add no edge;
 * - lines meet only where they share a vertex (no intersection is computed).
 *
 * A feature is skipped and listed in `rejected` (code R_BAD_GEOMETRY, row = 1-based
 * feature index) when its geometry is missing or not a (Multi)LineString, a line has
 * fewer than 2 vertices, or a coordinate is not a finite longitude −180…180 / latitude
 * −90…90. Input that is not a FeatureCollection throws EngineError E_BAD_GEOJSON.
 * Runs in linear time: typed arrays and a numeric hash, no per-vertex strings.
 */
export function buildWalkGraph(roads: RoadCollection): WalkGraph {
  if (!roads || typeof roads !== 'object' || !Array.isArray(roads.features)) {
    throw new EngineError('E_BAD_GEOJSON', { file: FILE, detail: 'not a FeatureCollection' });
  }
  const features = roads.features;
  const rejected: Rejection[] = [];
  const good: { lines: Position[][]; kind: number }[] = [];
  let vertexCount = 0;
  let segmentCount = 0;

  for (let f = 0; f < features.length; f++) {
    const feat = features[f];
    const lines = linesOf(feat?.geometry as LineString | MultiLineString | null | undefined);
    const reason = typeof lines === 'string' ? lines : checkLines(lines);
    if (reason !== null || typeof lines === 'string') {
      rejected.push({
        file: FILE,
        row: f + 1,
        id: featureId(feat),
        field: 'geometry',
        code: 'R_BAD_GEOMETRY',
        reason: reason ?? 'invalid geometry',
      });
      continue;
    }
    good.push({ lines, kind: edgeKindCode((feat.properties as Record<string, unknown> | null)?.kind) });
    for (const line of lines) {
      vertexCount += line.length;
      segmentCount += line.length - 1;
    }
  }

  // Nodes.
  const table = new VertexTable(vertexCount);
  const lonE7 = new Int32Array(vertexCount);
  const latE7 = new Int32Array(vertexCount);
  const zTmp = new Float64Array(vertexCount).fill(NaN);
  const segA = new Int32Array(segmentCount);
  const segB = new Int32Array(segmentCount);
  const segKind = new Uint8Array(segmentCount);
  let segs = 0;
  for (const { lines, kind } of good) {
    for (const line of lines) {
      let prev = -1;
      for (const p of line) {
        const x = Math.round(p[0] * 1e7);
        const y = Math.round(p[1] * 1e7);
        const before = table.size;
        const id = table.idOf(x, y);
        if (id === before) {
          lonE7[id] = x;
          latE7[id] = y;
        }
        if (p.length > 2 && Number.isFinite(p[2]) && Number.isNaN(zTmp[id])) zTmp[id] = p[2];
        if (prev >= 0 && prev !== id) {
          segA[segs] = prev;
          segB[segs] = id;
          segKind[segs] = kind;
          segs++;
        }
        prev = id;
      }
    }
  }
  const n = table.size;
  const nodeLon = new Float64Array(n);
  const nodeLat = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    nodeLon[i] = lonE7[i] / 1e7;
    nodeLat[i] = latE7[i] / 1e7;
  }
  const nodeZ = zTmp.slice(0, n);

  // CSR: count degrees, prefix sums, fill both half-edges of each segment.
  const offsets = new Int32Array(n + 1);
  for (let s = 0; s < segs; s++) {
    offsets[segA[s] + 1]++;
    offsets[segB[s] + 1]++;
  }
  for (let i = 0; i < n; i++) offsets[i + 1] += offsets[i];
  const m = 2 * segs;
  const target = new Int32Array(m);
  const lengthM = new Float64Array(m);
  const kindArr = new Uint8Array(m);
  const twin = new Int32Array(m);
  const cursor = offsets.slice(0, n);
  for (let s = 0; s < segs; s++) {
    const a = segA[s];
    const b = segB[s];
    const len = haversineM(nodeLon[a], nodeLat[a], nodeLon[b], nodeLat[b]);
    const ea = cursor[a]++;
    const eb = cursor[b]++;
    target[ea] = b;
    target[eb] = a;
    lengthM[ea] = lengthM[eb] = len;
    kindArr[ea] = kindArr[eb] = segKind[s];
    twin[ea] = eb;
    twin[eb] = ea;
  }

  return { nodeCount: n, halfEdgeCount: m, nodeLon, nodeLat, nodeZ, offsets, target, lengthM, kind: kindArr, twin, rejected };
}

/** The lines of a geometry, or the reason it is not a (Multi)LineString. */
function linesOf(geom: LineString | MultiLineString | null | undefined): Position[][] | string {
  if (!geom || typeof geom !== 'object') return 'missing geometry';
  if (geom.type === 'LineString') {
    return Array.isArray(geom.coordinates) ? [geom.coordinates] : 'LineString without coordinates';
  }
  if (geom.type === 'MultiLineString') {
    return Array.isArray(geom.coordinates) && geom.coordinates.every(Array.isArray) ? geom.coordinates : 'MultiLineString without coordinates';
  }
  return `geometry type ${String((geom as { type?: unknown }).type)} is not LineString or MultiLineString`;
}

/** Null when every line has ≥ 2 vertices with finite, in-range coordinates; else the reason. */
function checkLines(lines: Position[][] | string): string | null {
  if (typeof lines === 'string') return lines;
  if (lines.length === 0) return 'no lines';
  for (let l = 0; l < lines.length; l++) {
    const line = lines[l];
    if (line.length < 2) return `line ${l + 1} has ${line.length} vertex${line.length === 1 ? '' : 'es'} (needs 2)`;
    for (let v = 0; v < line.length; v++) {
      const p = line[v];
      if (
        !Array.isArray(p) ||
        typeof p[0] !== 'number' ||
        typeof p[1] !== 'number' ||
        !Number.isFinite(p[0]) ||
        !Number.isFinite(p[1]) ||
        Math.abs(p[0]) > 180 ||
        Math.abs(p[1]) > 90
      ) {
        return `vertex ${v + 1} of line ${l + 1} is not a valid coordinate: ${JSON.stringify(p)}`;
      }
    }
  }
  return null;
}

function featureId(feat: unknown): string {
  const f = feat as { id?: unknown; properties?: Record<string, unknown> | null } | null;
  const id = f?.id ?? f?.properties?.id;
  return id === undefined || id === null ? '' : String(id);
}

import { describe, expect, it } from 'vitest';
import type { RoadCollection } from '../../src/engine/types';
import { buildWalkGraph, EDGE_KINDS, snapToGraph, walkGraphFromBuffers, walkGraphToBuffers, type WalkGraph } from '../../src/engine/network';
import { readFileSync } from 'node:fs';
import { mulberry32 } from '../fixtures/network/random';

/** 0.001° of a great circle on the contract's sphere: 6,371,008.8 m × π/180 × 0.001. */
const U = 111.19508023353292;

const fc = (features: unknown[]): RoadCollection => ({ type: 'FeatureCollection', features }) as RoadCollection;
const line = (coordinates: number[][], properties: Record<string, unknown> = {}) => ({
  type: 'Feature',
  properties,
  geometry: { type: 'LineString', coordinates },
});

/** The neighbours of node v with their lengths, sorted by neighbour. */
function adj(g: WalkGraph, v: number): [number, number][] {
  const out: [number, number][] = [];
  for (let e = g.offsets[v]; e < g.offsets[v + 1]; e++) out.push([g.target[e], g.lengthM[e]]);
  return out.sort((a, b) => a[0] - b[0]);
}

describe('buildWalkGraph', () => {
  it('joins consecutive vertices with haversine lengths and numbers nodes in order of appearance', () => {
    const g = buildWalkGraph(
      fc([
        line(
          [
            [106.5, 0],
            [106.5, 0.001],
            [106.501, 0.001],
          ],
          { kind: 'steps' },
        ),
      ]),
    );
    expect(g.nodeCount).toBe(3);
    expect(g.halfEdgeCount).toBe(4);
    expect(Array.from(g.offsets)).toEqual([0, 1, 3, 4]);
    // along a meridian: U exactly; along the parallel at 0.001°: U·cos(0.001°) to 1e-9
    expect(adj(g, 1)[0][0]).toBe(0);
    expect(adj(g, 1)[0][1]).toBeCloseTo(U, 9);
    expect(adj(g, 1)[1][1]).toBeCloseTo(U, 6);
    expect(Array.from(g.kind)).toEqual([2, 2, 2, 2]);
    expect(EDGE_KINDS[g.kind[0]]).toBe('steps');
    // twins point at each other
    for (let e = 0; e < g.halfEdgeCount; e++) expect(g.twin[g.twin[e]]).toBe(e);
    expect(Array.from(g.nodeZ).every(Number.isNaN)).toBe(true);
  });

  it('merges vertices equal after rounding to 7 decimals, and only those', () => {
    const g = buildWalkGraph(
      fc([
        line([
          [106.5, 29.5],
          [106.5, 29.501],
        ]),
        // 106.50000004 → 106.5000000 (same node); 29.50100006 → 29.5010001 (a different node)
        line([
          [106.50000004, 29.49999996],
          [106.499, 29.5],
        ]),
        line([
          [106.5, 29.50100006],
          [106.5, 29.502],
        ]),
      ]),
    );
    expect(g.nodeCount).toBe(5);
    expect(adj(g, 0).map((a) => a[0])).toEqual([1, 2]);
    expect(g.nodeLon[3]).toBe(106.5);
    expect(g.nodeLat[3]).toBe(29.5010001);
  });

  it('connects crossing lines only where they share a vertex', () => {
    const g = buildWalkGraph(
      fc([
        line([
          [106.5, 0],
          [106.5, 0.002],
        ]),
        line([
          [106.499, 0.001],
          [106.501, 0.001],
        ]), // crosses the first line without a shared vertex
      ]),
    );
    expect(g.nodeCount).toBe(4);
    expect(g.halfEdgeCount).toBe(4);
    expect(adj(g, 0)).toEqual([[1, 2 * U]].map(([v, l]) => [v, expect.closeTo(l, 9)]));
  });

  it('reads each part of a MultiLineString and elevation as the third coordinate', () => {
    const g = buildWalkGraph(
      fc([
        {
          type: 'Feature',
          properties: { kind: 'elevator' },
          geometry: {
            type: 'MultiLineString',
            coordinates: [
              [
                [106.5, 0, 200],
                [106.5, 0.001, 230],
              ],
              [
                [106.6, 0],
                [106.6, 0.001],
                [106.6, 0.002, 12.5],
              ],
            ],
          },
        },
      ]),
    );
    expect(g.nodeCount).toBe(5);
    expect(g.halfEdgeCount).toBe(6);
    expect(adj(g, 1)).toEqual([[0, expect.closeTo(U, 9)]]);
    expect(adj(g, 3).map((a) => a[0])).toEqual([2, 4]);
    expect(Array.from(g.nodeZ.slice(0, 2))).toEqual([200, 230]);
    expect(Number.isNaN(g.nodeZ[2])).toBe(true);
    expect(g.nodeZ[4]).toBe(12.5);
    expect(Array.from(new Set(g.kind))).toEqual([3]);
  });

  it('skips and reports bad features with their 1-based feature index', () => {
    const g = buildWalkGraph(
      fc([
        line([
          [106.5, 0],
          [106.5, 0.001],
        ]),
        { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [106.5, 0] } },
        line([[106.5, 0]]),
        line([
          [106.5, 0],
          [Number.NaN, 0.001],
        ]),
        { type: 'Feature', properties: { id: 'r5' }, geometry: null },
        line([
          [200, 0],
          [106.5, 0.001],
        ]),
        {
          type: 'Feature',
          properties: {},
          geometry: {
            type: 'MultiLineString',
            coordinates: [
              [
                [106.7, 0],
                [106.7, 0.001],
              ],
              [[106.7, 0.002]],
            ],
          },
        },
        line([
          [106.5, 0.001],
          [106.5, 0.002],
        ]),
      ]),
    );
    expect(g.rejected.map((r) => r.row)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(g.rejected.every((r) => r.code === 'R_BAD_GEOMETRY' && r.file === 'roads.geojson')).toBe(true);
    expect(g.rejected[0].reason).toMatch(/Point/);
    expect(g.rejected[1].reason).toMatch(/1 vertex/);
    expect(g.rejected[3].id).toBe('r5');
    // the good rows 1 and 8 share a vertex: a path of 3 nodes
    expect(g.nodeCount).toBe(3);
    expect(g.halfEdgeCount).toBe(4);
  });

  it('throws E_BAD_GEOJSON for input that is not a FeatureCollection', () => {
    expect(() => buildWalkGraph({ type: 'Feature' } as unknown as RoadCollection)).toThrow(expect.objectContaining({ code: 'E_BAD_GEOJSON' }));
    expect(buildWalkGraph(fc([])).nodeCount).toBe(0);
  });

  it('drops zero-length edges from repeated vertices', () => {
    const g = buildWalkGraph(
      fc([
        line([
          [106.5, 0],
          [106.5, 0],
          [106.50000001, 0],
          [106.5, 0.001],
        ]),
      ]),
    );
    expect(g.nodeCount).toBe(2);
    expect(g.halfEdgeCount).toBe(2);
  });

  it('round-trips through transferable buffers', () => {
    const roads = JSON.parse(readFileSync(new URL('../fixtures/network/lift.geojson', import.meta.url), 'utf8'));
    const g = buildWalkGraph(roads);
    const b = walkGraphToBuffers(g);
    expect(b.transfer.length).toBe(8);
    const moved = structuredClone(b, { transfer: b.transfer });
    expect(g.lengthM.byteLength).toBe(0); // detached: the data was moved, not copied
    const h = walkGraphFromBuffers(moved);
    const again = buildWalkGraph(roads);
    expect(h.nodeCount).toBe(again.nodeCount);
    for (const k of ['nodeLon', 'nodeLat', 'nodeZ', 'offsets', 'target', 'lengthM', 'kind', 'twin'] as const) {
      expect(Array.from(h[k])).toEqual(Array.from(again[k]));
    }
  });
});

describe('snapToGraph', () => {
  const g = buildWalkGraph(
    fc([
      line([
        [106.5, 0],
        [106.5, 0.001],
        [106.5, 0.002],
      ]),
    ]),
  );

  it('finds the nearest node and its great-circle distance, -1 beyond maxSnapM', () => {
    const s = snapToGraph(g, Float64Array.of(106.5, 106.5, 106.501, 106.5), Float64Array.of(0.0004, 0.0016, 0.001, 0.007), 500);
    expect(Array.from(s.node)).toEqual([0, 2, 1, -1]);
    expect(s.snapM[0]).toBeCloseTo(0.4 * U, 6);
    expect(s.snapM[1]).toBeCloseTo(0.4 * U, 6);
    expect(s.snapM[2]).toBeCloseTo(U, 6);
    expect(s.snapM[3]).toBeCloseTo(5 * U, 6); // 556 m > 500 m: unreachable, distance still reported
    expect(snapToGraph(g, Float64Array.of(106.5), Float64Array.of(0.007), 600).node[0]).toBe(2);
  });

  it('agrees with a brute-force nearest search on seeded random points', () => {
    const rand = mulberry32(7);
    const feats = [];
    for (let i = 0; i < 300; i++) {
      const x = 106.4 + rand() * 0.2,
        y = 29.4 + rand() * 0.2;
      feats.push(
        line([
          [x, y],
          [x + rand() * 0.01, y + rand() * 0.01],
        ]),
      );
    }
    const h = buildWalkGraph(fc(feats));
    const n = 500;
    const lon = new Float64Array(n),
      lat = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      lon[i] = 106.35 + rand() * 0.3;
      lat[i] = 29.35 + rand() * 0.3;
    }
    const s = snapToGraph(h, lon, lat, Infinity);
    for (let i = 0; i < n; i++) {
      let best = Infinity;
      for (let v = 0; v < h.nodeCount; v++) best = Math.min(best, hav(lon[i], lat[i], h.nodeLon[v], h.nodeLat[v]));
      expect(s.snapM[i]).toBeCloseTo(best, 6);
      expect(hav(lon[i], lat[i], h.nodeLon[s.node[i]], h.nodeLat[s.node[i]])).toBeCloseTo(best, 6);
    }
  });
});

function hav(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const r = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 2 * 6371008.8 * Math.asin(Math.sqrt(a));
}

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildEffortCosts,
  buildingsByNode,
  buildWalkGraph,
  multiSourceDijkstra,
  networkDistancesToBuildings,
  reachFromPoint,
  snapToGraph,
  type WalkGraph,
} from '../../src/engine/network';
import type { RoadCollection } from '../../src/engine/types';
import { mulberry32 } from '../fixtures/network/random';

/** 0.001° of a great circle on the contract's sphere: 6,371,008.8 m × π/180 × 0.001. */
const U = 111.19508023353292;
const load = (name: string): RoadCollection => JSON.parse(readFileSync(new URL(`../fixtures/network/${name}`, import.meta.url), 'utf8'));
const f64 = (...x: number[]) => Float64Array.from(x);

describe('river crossed only by a bridge (river.geojson)', () => {
  // West bank x = 106.500, east bank x = 106.502 (2U = 222 m apart), joined only by a
  // bridge at y = 0.005; an island path at x = 106.501 touches neither bank.
  const g = buildWalkGraph(load('river.geojson'));
  const buildings = snapToGraph(g, f64(106.5, 106.5, 106.501, 106.5), f64(0, 0.0042, 0.0015, 0.011), 500);
  const facility = snapToGraph(g, f64(106.502), f64(0), 500);

  it('walks 5U up, 2U across, 5U down although the straight line is 2U', () => {
    expect(Array.from(buildings.node.map((v) => (v < 0 ? -1 : 0)))).toEqual([0, 0, 0, -1]);
    const d = networkDistancesToBuildings(g, buildings, facility, 1500);
    expect(d[0]).toBeCloseTo(12 * U, 5); // 1334.34 m
    // snaps to (106.5, 0.004) 0.2U away, then U up + 2U across + 5U down
    expect(d[1]).toBeCloseTo(8.2 * U, 5);
    expect(d[2]).toBe(Infinity); // island: disconnected
    expect(d[3]).toBe(Infinity); // 6U = 667 m from the nearest node > maxSnapM 500
  });

  it('is out of range below the network distance, whatever the straight line says', () => {
    const d = networkDistancesToBuildings(g, buildings, facility, 1000);
    expect(d[0]).toBe(Infinity); // 12U = 1334 m > 1000 m, though only 222 m away in a straight line
    expect(d[1]).toBeCloseTo(8.2 * U, 5); // 912 m
    expect([d[2], d[3]]).toEqual([Infinity, Infinity]);
    const exact = networkDistancesToBuildings(g, buildings, facility, 12 * U + 1e-9);
    expect(exact[0]).toBeCloseTo(12 * U, 5);
  });

  it("counts the facility's own snap distance and takes the nearest of several facilities", () => {
    const two = snapToGraph(g, f64(106.5023, 106.5), f64(0.003, 0.0051), 500);
    // facility A: 0.3U east of (106.502, 0.003), facility B: 0.1U north of the bridge's west end
    const d = networkDistancesToBuildings(g, buildings, two, 2000);
    expect(d[0]).toBeCloseTo(Math.min(5 * U + 2 * U + 2 * U + two.snapM[0], 5 * U + 0.1 * U), 6);
    expect(d[0]).toBeCloseTo(5.1 * U, 4);
  });

  it('multiSourceDijkstra stops at the limit and starts sources at their initial distance', () => {
    const src = Int32Array.of(facility.node[0]);
    const all = multiSourceDijkstra(g, src, f64(10), Infinity);
    const west0 = buildings.node[0];
    expect(all[west0]).toBeCloseTo(10 + 12 * U, 5);
    const near = multiSourceDijkstra(g, src, f64(10), 3 * U);
    const reached = Array.from(near).filter(Number.isFinite).length;
    expect(reached).toBe(3); // (106.502, 0), (…, 0.001), (…, 0.002): 10, 10+U, 10+2U
    expect(near[west0]).toBe(Infinity);
    expect(multiSourceDijkstra(g, Int32Array.of(-1), f64(0), 1000).every((x) => x === Infinity)).toBe(true);
  });

  it('reachFromPoint lists the buildings within range, sorted by building', () => {
    const byNode = buildingsByNode(g, buildings);
    const r = reachFromPoint(g, byNode, facility.node[0], facility.snapM[0], 1500);
    expect(Array.from(r.building)).toEqual([0, 1]);
    expect(r.distanceM[0]).toBeCloseTo(12 * U, 5);
    expect(r.distanceM[1]).toBeCloseTo(8.2 * U, 5);
    expect(Array.from(reachFromPoint(g, byNode, facility.node[0], 0, 1000).building)).toEqual([1]);
    expect(reachFromPoint(g, byNode, -1, 0, 1500).building.length).toBe(0);
  });
});

/** Directed all-pairs shortest paths by Floyd–Warshall on a graph's half-edges. */
function floydWarshall(g: WalkGraph, cost: Float64Array): Float64Array[] {
  const n = g.nodeCount;
  const D = Array.from({ length: n }, (_, i) => {
    const row = new Float64Array(n).fill(Infinity);
    row[i] = 0;
    return row;
  });
  for (let u = 0; u < n; u++) for (let e = g.offsets[u]; e < g.offsets[u + 1]; e++) D[u][g.target[e]] = Math.min(D[u][g.target[e]], cost[e]);
  for (let k = 0; k < n; k++)
    for (let i = 0; i < n; i++) {
      const dik = D[i][k];
      if (dik === Infinity) continue;
      for (let j = 0; j < n; j++) if (dik + D[k][j] < D[i][j]) D[i][j] = dik + D[k][j];
    }
  return D;
}

/** A random small road network: short lines between points of a 6 × 6 lattice, with random elevation. */
function randomRoads(rand: () => number): RoadCollection {
  const P = (i: number, j: number, z: number) => [106.5 + i * 0.0007, 29.55 + j * 0.0007, z];
  const Z = Array.from({ length: 36 }, () => Math.round(rand() * 40));
  const features = [];
  const lines = 10 + Math.floor(rand() * 25);
  for (let l = 0; l < lines; l++) {
    const pts = [];
    let i = Math.floor(rand() * 6),
      j = Math.floor(rand() * 6);
    const len = 2 + Math.floor(rand() * 3);
    for (let k = 0; k < len; k++) {
      pts.push(P(i, j, Z[i * 6 + j]));
      i = Math.min(5, Math.max(0, i + Math.floor(rand() * 3) - 1));
      j = Math.min(5, Math.max(0, j + Math.floor(rand() * 3) - 1));
    }
    const kinds = ['footway', 'steps', 'elevator', 'road'];
    features.push({ type: 'Feature', properties: { kind: kinds[Math.floor(rand() * 4)] }, geometry: { type: 'LineString', coordinates: pts } });
  }
  return { type: 'FeatureCollection', features } as RoadCollection;
}

describe('networkDistancesToBuildings equals brute force (Floyd–Warshall), 60 seeded random graphs', () => {
  it('with lengths (the contract) and with direction-dependent walking effort', () => {
    const rand = mulberry32(20240601);
    let compared = 0,
      finite = 0;
    for (let inst = 0; inst < 60; inst++) {
      const g = buildWalkGraph(randomRoads(rand));
      const nb = 40,
        nf = 1 + Math.floor(rand() * 4);
      const pts = (k: number) => {
        const lon = new Float64Array(k),
          lat = new Float64Array(k);
        for (let i = 0; i < k; i++) {
          lon[i] = 106.4995 + rand() * 0.0045;
          lat[i] = 29.5495 + rand() * 0.0045;
        }
        return { lon, lat };
      };
      const B = pts(nb),
        F = pts(nf);
      const maxSnap = 30 + rand() * 120;
      const bs = snapToGraph(g, B.lon, B.lat, maxSnap);
      const fs = snapToGraph(g, F.lon, F.lat, maxSnap);
      const threshold = 200 + rand() * 900;
      const effort = buildEffortCosts(g);
      const byNode = buildingsByNode(g, bs);
      for (const cost of [g.lengthM, effort]) {
        const D = floydWarshall(g, cost); // D[a][b]: walking from a to b
        const got = networkDistancesToBuildings(g, bs, fs, threshold, cost);
        const perFacility: Map<number, number>[] = [];
        for (let f = 0; f < nf; f++) {
          const r = reachFromPoint(g, byNode, fs.node[f], fs.snapM[f], threshold, cost);
          perFacility.push(new Map(Array.from(r.building, (b, k) => [b, r.distanceM[k]])));
        }
        for (let b = 0; b < nb; b++) {
          let best = Infinity;
          for (let f = 0; f < nf; f++) {
            let d = Infinity;
            if (bs.node[b] >= 0 && fs.node[f] >= 0) d = bs.snapM[b] + D[bs.node[b]][fs.node[f]] + fs.snapM[f];
            if (d > threshold) d = Infinity;
            if (d === Infinity) expect(perFacility[f].has(b)).toBe(false);
            else expect(perFacility[f].get(b)).toBeCloseTo(d, 9);
            best = Math.min(best, d);
          }
          if (best === Infinity) expect(got[b]).toBe(Infinity);
          else {
            expect(got[b]).toBeCloseTo(best, 9);
            finite++;
          }
          compared++;
        }
      }
    }
    expect(compared).toBe(60 * 40 * 2);
    expect(finite).toBeGreaterThan(500); // the instances are not all trivially out of range
    expect(finite).toBeLessThan(4000);
  });
});

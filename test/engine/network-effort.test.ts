import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildEffortCosts,
  buildWalkGraph,
  FLAT_SPEED_M_PER_MIN,
  multiSourceDijkstra,
  networkDistancesToBuildings,
  reverseCosts,
  snapToGraph,
  TOBLER_FLAT_SPEED_KMH,
  toblerSpeedKmh,
} from '../../src/engine/network';
import type { RoadCollection } from '../../src/engine/types';

/** 0.001° of a great circle on the contract's sphere: 6,371,008.8 m × π/180 × 0.001. */
const U = 111.19508023353292;
const f64 = (...x: number[]) => Float64Array.from(x);

describe("Tobler's hiking function", () => {
  it('gives 6 km/h at grade −0.05 and 6·e^−0.175 on the flat', () => {
    expect(toblerSpeedKmh(-0.05)).toBe(6);
    expect(TOBLER_FLAT_SPEED_KMH).toBeCloseTo(5.036742, 6);
    expect(FLAT_SPEED_M_PER_MIN).toBeCloseTo(83.945702, 6);
    expect(toblerSpeedKmh(0.1)).toBeCloseTo(6 * Math.exp(-0.525), 12); // 3.549 km/h
  });
});

describe('stairway and lift (lift.geojson)', () => {
  // B (106.5, 0, z 0) —steps, length U, rise 22.239016 m (grade +0.2)— T (106.5, 0.001, z 22.239016)
  // B —footway 0.5U flat— L1 —inclined lift (elevator), length U— L2 —footway 0.5U flat— T
  const roads: RoadCollection = JSON.parse(readFileSync(new URL('../fixtures/network/lift.geojson', import.meta.url), 'utf8'));
  const g = buildWalkGraph(roads);
  const effort = buildEffortCosts(g); // stepsFactor 1.2, elevatorSeconds 60
  const [B, T, L1, L2] = [0, 1, 2, 3];
  const costOf = (from: number, to: number, c: Float64Array) => {
    for (let e = g.offsets[from]; e < g.offsets[from + 1]; e++) if (g.target[e] === to) return c[e];
    return NaN;
  };

  // By hand: up the steps, grade +0.2: U·exp(3.5·(|0.2+0.05| − 0.05))·1.2 = U·e^0.7·1.2 = 268.7033 m
  const stepsUp = U * Math.exp(0.7) * 1.2;
  // down the steps, grade −0.2: U·exp(3.5·(|−0.15| − 0.05))·1.2 = U·e^0.35·1.2 = 189.3520 m
  const stepsDown = U * Math.exp(0.35) * 1.2;
  // lift: 60 s at the flat speed 83.9457 m/min = 83.9457 m, either way
  const lift = 83.94570207692074;

  it('costs each half-edge by hand-computed Tobler factors', () => {
    expect(g.nodeCount).toBe(4);
    expect(costOf(B, T, effort)).toBeCloseTo(268.7033, 3);
    expect(costOf(B, T, effort)).toBeCloseTo(stepsUp, 4);
    expect(costOf(T, B, effort)).toBeCloseTo(189.352, 3);
    expect(costOf(T, B, effort)).toBeCloseTo(stepsDown, 4);
    expect(costOf(L1, L2, effort)).toBeCloseTo(lift, 9);
    expect(costOf(L2, L1, effort)).toBeCloseTo(lift, 9);
    expect(costOf(B, L1, effort)).toBeCloseTo(0.5 * U, 9); // flat: factor exp(3.5·(0.05 − 0.05)) = 1
    expect(costOf(T, L2, effort)).toBeCloseTo(0.5 * U, 6);
    const reversed = reverseCosts(g, effort);
    expect(costOf(B, T, reversed)).toBeCloseTo(stepsDown, 4);
    expect(buildEffortCosts(g, { stepsFactor: 1 }).at(g.offsets[B])).toBeCloseTo(U * Math.exp(0.7), 4);
  });

  it('residents below take the lift up; residents above walk down the stairs', () => {
    const top = snapToGraph(g, f64(106.5), f64(0.001), 500);
    const bottom = snapToGraph(g, f64(106.5), f64(0), 500);
    // facility at the top, building at the bottom: up via lift 0.5U + 83.9457 + 0.5U = 195.1408 < 268.70 by steps
    expect(networkDistancesToBuildings(g, bottom, top, 1000, effort)[0]).toBeCloseTo(U + lift, 4);
    expect(U + lift).toBeCloseTo(195.1408, 4);
    // facility at the bottom, building at the top: down the steps 189.352 < 195.14 by lift
    expect(networkDistancesToBuildings(g, top, bottom, 1000, effort)[0]).toBeCloseTo(stepsDown, 4);
    // a 190 m effort threshold covers the top from the bottom facility but not the reverse
    expect(networkDistancesToBuildings(g, top, bottom, 190, effort)[0]).toBeCloseTo(stepsDown, 4);
    expect(networkDistancesToBuildings(g, bottom, top, 190, effort)[0]).toBe(Infinity);
    // the contract's network mode ignores all this: the steps are U long
    expect(networkDistancesToBuildings(g, bottom, top, 1000)[0]).toBeCloseTo(U, 6);
  });

  it('a search outwards over the forward costs measures walking away from the source', () => {
    const fromTop = multiSourceDijkstra(g, Int32Array.of(T), f64(0), Infinity, effort);
    expect(fromTop[B]).toBeCloseTo(stepsDown, 4);
    const toTop = multiSourceDijkstra(g, Int32Array.of(T), f64(0), Infinity, reverseCosts(g, effort));
    expect(toTop[B]).toBeCloseTo(U + lift, 4);
  });

  it('treats edges without elevation as flat', () => {
    const flat = buildWalkGraph({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { kind: 'footway' },
          geometry: {
            type: 'LineString',
            coordinates: [
              [106.5, 0, 5],
              [106.5, 0.001],
            ],
          },
        },
        {
          type: 'Feature',
          properties: { kind: 'steps' },
          geometry: {
            type: 'LineString',
            coordinates: [
              [106.5, 0.001],
              [106.5, 0.002],
            ],
          },
        },
      ],
    });
    const c = buildEffortCosts(flat);
    expect(Array.from(c.slice(0, 2))).toEqual([U, U].map((x) => expect.closeTo(x, 9)));
    expect(c[3]).toBeCloseTo(1.2 * U, 9); // steps without elevation: flat × stepsFactor
  });
});

import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { describe, expect, it } from 'vitest';
import { buildWalkGraph, multiSourceDijkstra, walkshed, walkshedFromPoint } from '../../src/engine/network';
import type { RoadCollection } from '../../src/engine/types';

/** 0.001° of a great circle on the contract's sphere, metres. */
const U = 111.19508023353292;

// A straight path of 20 nodes northwards, U = 111.2 m apart, and a parallel path 0.004°
// (445 m) to the east that is not connected to it.
const path = (lon: number) => Array.from({ length: 20 }, (_, i) => [lon, 29.55 + i * 0.001]);
const roads: RoadCollection = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: path(106.5) } },
    { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: path(106.504) } },
  ],
};
const g = buildWalkGraph(roads);
const inside = (f: GeoJSON.Feature<GeoJSON.Polygon | GeoJSON.MultiPolygon>, lon: number, lat: number) => booleanPointInPolygon([lon, lat], f);

describe('walkshed', () => {
  const dist = multiSourceDijkstra(g, Int32Array.of(0), Float64Array.of(0), 500);
  const fc = walkshed(g, dist, [300, 500]);

  it('has one feature per threshold with metres and minutes', () => {
    expect(fc.features.map((f) => f.properties.thresholdM)).toEqual([300, 500]);
    expect(fc.features[1].properties.minutes).toBe(5.96); // 500 / 83.9457
    expect(fc.features[0].properties.cells).toBeLessThan(fc.features[1].properties.cells);
  });

  it('contains the reached nodes and the partly reached edge, not the unreached nodes', () => {
    const f500 = fc.features[1];
    for (let i = 0; i <= 4; i++) expect(inside(f500, 106.5, 29.55 + i * 0.001)).toBe(true); // 0 … 445 m
    expect(inside(f500, 106.5, 29.55 + 0.0044)).toBe(true); // 489 m, on the edge from node 4 to 5
    for (let i = 7; i < 20; i++) expect(inside(f500, 106.5, 29.55 + i * 0.001)).toBe(false); // ≥ 778 m
    for (let i = 0; i < 20; i++) expect(inside(f500, 106.504, 29.55 + i * 0.001)).toBe(false); // other path
    const f300 = fc.features[0];
    expect(inside(f300, 106.5, 29.552)).toBe(true); // 222 m
    expect(inside(f300, 106.5, 29.555)).toBe(false); // 556 m
    expect(dist[4]).toBeCloseTo(4 * U, 6);
  });

  it('walkshedFromPoint snaps the point first and is empty beyond maxSnapM', () => {
    const fp = walkshedFromPoint(g, 106.5002, 29.55, [300]); // 19 m east of node 0
    expect(inside(fp.features[0], 106.5, 29.552)).toBe(true);
    expect(inside(fp.features[0], 106.5, 29.556)).toBe(false);
    const far = walkshedFromPoint(g, 106.6, 29.55, [300]);
    expect(far.features[0].properties.cells).toBe(0);
    expect(far.features[0].geometry).toEqual({ type: 'MultiPolygon', coordinates: [] });
  });
});

import { describe, expect, it } from 'vitest';
import { pointIndexOf } from '../../src/engine/spatial/pointIndex';
import { communityPolygons } from '../../src/engine/spatial/polygonIndex';
import { square } from '../helpers/square';

describe('kept spatial indexes', () => {
  it('pointIndexOf builds one index per pair of arrays and answers for the arrays it was given', () => {
    const lon = new Float64Array([106.5, 106.501, 106.6]);
    const lat = new Float64Array([29.5, 29.5, 29.5]);
    const a = pointIndexOf(lon, lat);
    expect(pointIndexOf(lon, lat)).toBe(a);
    const found: number[] = [];
    a.forEachWithin(106.5, 29.5, 200, (i) => found.push(i)); // 0.001° of longitude at 29.5° N ≈ 97 m
    expect(found.sort()).toEqual([0, 1]);
    // The same longitudes with other latitudes: another index, over those.
    const lat2 = new Float64Array([29.5, 29.6, 29.5]);
    const b = pointIndexOf(lon, lat2);
    expect(b).not.toBe(a);
    const found2: number[] = [];
    b.forEachWithin(106.5, 29.5, 200, (i) => found2.push(i));
    expect(found2).toEqual([0]);
  });

  it('communityPolygons builds one index per community list', () => {
    const list = [{ geometry: square(0, 0, 1) }, { geometry: square(2, 0, 1) }];
    const a = communityPolygons(list);
    expect(communityPolygons(list)).toBe(a);
    expect([a.locate(0.5, 0.5), a.locate(2.5, 0.5), a.locate(1.5, 0.5)]).toEqual([0, 1, -1]);
    const other = [{ geometry: square(2, 0, 1) }];
    expect(communityPolygons(other)).not.toBe(a);
    expect(communityPolygons(other).locate(2.5, 0.5)).toBe(0);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aggregateH3, analyze, type Community } from '../../src/engine/index';
import { analysisMapData, packageMapData, packIds } from '../../src/worker/buildMapData';
import { communityMesh } from '../../src/worker/communityMesh';
import { openPackage, providerFor } from '../../src/worker/packageSession';
import { joinMapData, mapDataOf } from '../../src/client/joinMapData';
import { buildingId } from '../../src/map/buildingId';

const DIR = join(import.meta.dirname, '../fixtures/tiny-network');
const files: Record<string, Uint8Array> = {};
for (const f of readdirSync(DIR)) if (f.includes('.')) files[f] = new Uint8Array(readFileSync(join(DIR, f)));

const ring = (x: number, y: number, d: number): [number, number][] => [
  [x, y],
  [x + d, y],
  [x + d, y + d],
  [x, y + d],
  [x, y],
];

/** Area (degrees²) of the mesh's triangles, and how many. */
function triangleArea(m: ReturnType<typeof communityMesh>): number {
  let a = 0;
  for (let t = 0; t < m.triangles.length; t += 3) {
    const [i, j, k] = [m.triangles[t], m.triangles[t + 1], m.triangles[t + 2]];
    const p = m.positions;
    a += Math.abs((p[2 * j] - p[2 * i]) * (p[2 * k + 1] - p[2 * i + 1]) - (p[2 * k] - p[2 * i]) * (p[2 * j + 1] - p[2 * i + 1])) / 2;
  }
  return a;
}

describe('community mesh (triangulated in the worker)', () => {
  const communities = [
    { id: 'A', geometry: { type: 'Polygon', coordinates: [ring(0, 0, 2), ring(0.5, 0.5, 1)] } }, // 2×2 with a 1×1 hole
    {
      id: 'B',
      geometry: {
        type: 'MultiPolygon',
        coordinates: [[ring(3, 0, 1)], [ring(5, 0, 1)]],
      },
    },
  ] as unknown as Community[];
  const m = communityMesh(communities);

  it('flattens rings in order: polygon and ring starts, the community of each vertex', () => {
    expect([...m.polygonStart]).toEqual([0, 10, 15, 20]);
    expect([...m.ringStart]).toEqual([0, 5, 10, 15, 20]);
    expect([...m.vertexCommunity]).toEqual([...Array<number>(10).fill(0), ...Array<number>(10).fill(1)]);
    expect([...m.positions.subarray(20, 24)]).toEqual([3, 0, 4, 0]); // vertex 10: B's first
  });

  it('triangulates with holes: 8 triangles for the square ring, 2 per square, covering exactly the area', () => {
    expect(m.triangles.length / 3).toBe(8 + 2 + 2);
    expect(triangleArea(m)).toBeCloseTo(4 - 1 + 1 + 1, 12);
    // B's triangles use B's vertices only (absolute indices)
    for (let t = 8 * 3; t < m.triangles.length; t++) expect(m.vertexCommunity[m.triangles[t]]).toBe(1);
  });
});

describe('building ids packed into one string', () => {
  it('packs ids with offsets and reads each back', () => {
    const p = packIds(['b1', '建筑22', '']);
    expect(p.idText).toBe('b1建筑22');
    expect([...p.idStart]).toEqual([0, 2, 6, 6]);
    const b = { count: 3, ...p };
    expect([0, 1, 2].map((k) => buildingId(b, k))).toEqual(['b1', '建筑22', '']);
    expect(buildingId(b, 3)).toBe('');
  });
});

describe('map data in two parts: package once, analysis per mode', () => {
  const s = openPackage('parts-test', files);
  const run = (mode: 'euclidean' | 'network') => {
    const analysis = analyze(s.pkg, { mode, policy: s.policy, provider: providerFor(s, mode, false) });
    return { analysis, cells: aggregateH3(s.pkg, analysis, 9) };
  };
  const e = run('euclidean');
  const n = run('network');

  it('the H3 cells depend on the package only (the same list in both modes)', () => {
    expect(n.cells.map((c) => c.h3)).toEqual(e.cells.map((c) => c.h3));
  });

  it('keeps the roads in the worker: a count on the page, and the ids packed', () => {
    const p = packageMapData(s.pkg, s.id);
    expect(p.roadCount).toBe(s.pkg.roads!.features.length);
    expect('roads' in p).toBe(false);
    expect('h3' in p).toBe(false); // the cells come with the analysis (they are aggregated after it)
    expect(buildingId(p.buildings, 0)).toBe(s.pkg.buildings.ids[0]);
    expect(buildingId(p.buildings, p.buildings.count - 1)).toBe(s.pkg.buildings.ids[s.pkg.buildings.count - 1]);
  });

  it('joins on the page: covered flags and H3 arrays from the analysis part, service-major', () => {
    const p = packageMapData(s.pkg, s.id);
    const r = analysisMapData(s.pkg, e.analysis, e.cells, 9);
    const joined = joinMapData(p, r);
    const count = s.pkg.buildings.count;
    expect(joined.buildings.count).toBe(count);
    expect(joined.buildings.covered).toBe(r.covered);
    e.analysis.coverage.forEach((cov, si) => expect([...joined.buildings.covered.subarray(si * count, (si + 1) * count)]).toEqual([...cov.covered]));
    expect(joined.h3.resolution).toBe(9);
    expect(joined.h3.cells).toEqual(e.cells.map((c) => c.h3));
    const m = e.cells.length;
    e.cells.forEach((c, ci) => {
      expect(joined.h3.households[ci]).toBeCloseTo(c.households, 3);
      c.uncoveredHouseholds.forEach((u, si) => expect(joined.h3.uncovered[si * m + ci]).toBeCloseTo(u, 3));
    });
    expect(joined.analysis.summary).toEqual(e.analysis.summary);
    expect(joined.communities).toBe(p.communities);
  });

  it('a mode switch sends only the analysis part; the page keeps the same geometry objects', () => {
    const p = packageMapData(s.pkg, s.id);
    const first = mapDataOf({ packageId: s.id, package: p, run: analysisMapData(s.pkg, e.analysis, e.cells, 9) });
    const rn = analysisMapData(s.pkg, n.analysis, n.cells, 9);
    const second = mapDataOf({ packageId: s.id, run: rn });
    expect(second.communities).toBe(first.communities);
    expect(second.communityMesh).toBe(first.communityMesh);
    expect(second.buildings.position).toBe(first.buildings.position);
    expect(second.buildings.covered).toBe(rn.covered);
    expect(second.h3.uncovered).toBe(rn.h3.uncovered);
    expect(second.analysis.mode).toBe('network');
    expect(first.analysis.mode).toBe('euclidean');
    expect(() => mapDataOf({ packageId: s.id + 1, run: rn })).toThrow(/not sent/);
  });
});

import { earcut } from '@math.gl/polygon';
import type { Community } from '../engine/index';
import type { CommunityMesh } from './protocol';

/**
 * Flatten and triangulate the community polygons (off the main thread): every ring's vertices
 * in order, polygon and ring starts, the community of each vertex, and earcut triangles (the
 * triangulator deck.gl itself uses, from @math.gl/polygon) as absolute vertex indices.
 * Coordinates are WGS84 degrees; triangulating in degrees is what deck does for flat polygons.
 */
export function communityMesh(communities: readonly Community[]): CommunityMesh {
  let vertices = 0;
  let polygons = 0;
  let rings = 0;
  for (const c of communities) {
    const polys = c.geometry.type === 'Polygon' ? [c.geometry.coordinates] : c.geometry.coordinates;
    for (const p of polys) {
      polygons++;
      for (const r of p) {
        rings++;
        vertices += r.length;
      }
    }
  }
  const positions = new Float64Array(vertices * 2);
  const polygonStart = new Uint32Array(polygons + 1);
  const ringStart = new Uint32Array(rings + 1);
  const vertexCommunity = new Uint32Array(vertices);
  const triangles: number[] = [];
  let v = 0;
  let pi = 0;
  let ri = 0;
  communities.forEach((c, ci) => {
    const polys = c.geometry.type === 'Polygon' ? [c.geometry.coordinates] : c.geometry.coordinates;
    for (const p of polys) {
      const start = v;
      polygonStart[pi++] = start;
      const holes: number[] = [];
      p.forEach((r, k) => {
        if (k > 0) holes.push(v - start);
        ringStart[ri++] = v;
        for (const [x, y] of r) {
          positions[2 * v] = x;
          positions[2 * v + 1] = y;
          vertexCommunity[v] = ci;
          v++;
        }
      });
      const local = earcut(positions.subarray(2 * start, 2 * v), holes.length ? holes : undefined, 2);
      for (const t of local) triangles.push(t + start);
    }
  });
  polygonStart[pi] = v;
  ringStart[ri] = v;
  return { positions, polygonStart, ringStart, vertexCommunity, triangles: Uint32Array.from(triangles) };
}

/** The buffers of a mesh, to transfer rather than copy. */
export function meshBuffers(m: CommunityMesh): ArrayBuffer[] {
  return [m.positions, m.polygonStart, m.ringStart, m.vertexCommunity, m.triangles].map((a) => a.buffer as ArrayBuffer);
}

import type { FeatureCollection, LineString } from 'geojson';
import { buildWalkGraph } from '../engine/public';
import { multiSourceDijkstra } from '../engine/public';
import { snapToGraph } from '../engine/public';
import type { WalkGraph } from '../engine/public';

/** The published walking network: flat [lon, lat, lon, lat, …] lines (data/network.json). */
export interface PublicNetwork {
  lines: number[][];
}

/** Distances along the published walking network from one point, metres. */
export interface NetworkReach {
  /** Straight walk from the point to its nearest node, metres. */
  snapM: number;
  /** False when that node is farther than maxSnapM: nothing is reachable. */
  onNetwork: boolean;
  /** Distance of each node from the point (Infinity beyond `limitM`). */
  dist: Float64Array;
}

/**
 * The walking graph of a published site, built with the engine's own graph code (the same
 * node and edge rules as the analysis), and the snapping of a fixed set of points to it.
 */
export class WalkNetwork {
  readonly graph: WalkGraph;
  constructor(net: PublicNetwork, readonly maxSnapM: number) {
    const roads: FeatureCollection<LineString> = {
      type: 'FeatureCollection',
      features: net.lines.map((flat) => {
        const coordinates: number[][] = [];
        for (let i = 0; i + 1 < flat.length; i += 2) coordinates.push([flat[i], flat[i + 1]]);
        return { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates } };
      }),
    };
    this.graph = buildWalkGraph(roads);
  }

  /** Nearest node and snap distance (metres) of each point; node -1 beyond maxSnapM. */
  snap(lon: number[], lat: number[]): { node: Int32Array; snapM: Float64Array } {
    return snapToGraph(this.graph, Float64Array.from(lon), Float64Array.from(lat), this.maxSnapM);
  }

  /** One bounded search from a point, up to `limitM` metres. */
  reach(lon: number, lat: number, limitM: number): NetworkReach {
    const s = this.snap([lon], [lat]);
    const node = s.node[0];
    const dist = node >= 0 ? multiSourceDijkstra(this.graph, s.node, s.snapM, limitM) : new Float64Array(this.graph.nodeCount).fill(Infinity);
    return { snapM: s.snapM[0], onNetwork: node >= 0, dist: Float64Array.from(dist) };
  }

  /**
   * The edges reached within `ringsM` as line segments with the index of the smallest ring
   * holding both ends, for drawing (each undirected edge once).
   */
  reachedEdges(dist: Float64Array, ringsM: number[]): { coords: [number, number][]; ring: number }[] {
    const g = this.graph;
    const out: { coords: [number, number][]; ring: number }[] = [];
    const max = ringsM[ringsM.length - 1];
    for (let u = 0; u < g.nodeCount; u++) {
      const du = dist[u];
      if (!(du <= max)) continue;
      for (let h = g.offsets[u]; h < g.offsets[u + 1]; h++) {
        const v = g.target[h];
        if (g.twin[h] < h && dist[v] <= max) continue; // drawn from the other end
        const far = Math.max(du, Math.min(dist[v], du + g.lengthM[h]));
        const ring = ringsM.findIndex((r) => far <= r);
        if (ring < 0) continue;
        out.push({ coords: [[g.nodeLon[u], g.nodeLat[u]], [g.nodeLon[v], g.nodeLat[v]]], ring });
      }
    }
    return out;
  }
}

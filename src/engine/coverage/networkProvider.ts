import { buildEffortCosts, type EffortOptions } from '../network/buildEffortCosts';
import { buildingsByNode, type BuildingsByNode } from '../network/BuildingsByNode';
import { buildWalkGraph } from '../network/buildWalkGraph';
import { networkDistancesToBuildings } from '../network/networkDistancesToBuildings';
import { reachFromPoint } from '../network/reachFromPoint';
import { snapToGraph, type GraphSnap } from '../network/snapToGraph';
import type { WalkGraph } from '../network/WalkGraph';
import type { Buildings, RoadCollection } from '../types';
import type { DistanceProvider, Reach, Site } from './distanceProvider';

/** Options of the network provider. */
export interface NetworkProviderOptions {
  /** Farthest straight walk from a point to its nearest node, metres (policy maxSnapM, default 500). */
  maxSnapM: number;
  /**
   * Walking effort instead of plain length (beyond the contract, default off): edge costs
   * from slope (Tobler), stairs and lifts, in flat-equivalent metres, so thresholds keep
   * reading as metres walked on the flat (84 m ≈ one minute at 5.04 km/h).
   */
  effort?: boolean | EffortOptions;
}

const graphs = new WeakMap<RoadCollection, WalkGraph>();

/** The walking graph of a road collection, built once and cached for later runs. */
export function walkGraphOf(roads: RoadCollection): WalkGraph {
  let g = graphs.get(roads);
  if (!g) graphs.set(roads, (g = buildWalkGraph(roads)));
  return g;
}

/**
 * Distances along the walking network (DATA-FORMAT.md section 2, network mode): straight
 * to the nearest node, shortest path, straight from the last node. Buildings are snapped
 * once; `nearest` is one bounded multi-source search per call (per service).
 */
export class NetworkProvider implements DistanceProvider {
  readonly mode = 'network' as const;
  readonly graph: WalkGraph;
  readonly buildingSnap: GraphSnap;
  readonly cost: Float64Array;
  private byNodeCache: BuildingsByNode | null = null;

  constructor(
    graph: WalkGraph,
    buildings: Buildings,
    private readonly opts: NetworkProviderOptions,
  ) {
    this.graph = graph;
    this.buildingSnap = snapToGraph(graph, buildings.lon, buildings.lat, opts.maxSnapM);
    this.cost = opts.effort ? buildEffortCosts(graph, opts.effort === true ? {} : opts.effort) : graph.lengthM;
  }

  /** Buildings further than maxSnapM from every node: out of range in network mode. */
  get unsnappedBuildings(): number {
    let n = 0;
    for (const v of this.buildingSnap.node) if (v < 0) n++;
    return n;
  }

  private snapSites(sites: readonly Site[]): GraphSnap {
    return snapToGraph(
      this.graph,
      Float64Array.from(sites, (s) => s.lon),
      Float64Array.from(sites, (s) => s.lat),
      this.opts.maxSnapM,
    );
  }

  nearest(sites: readonly Site[], thresholdM: number): Float64Array {
    return networkDistancesToBuildings(this.graph, this.buildingSnap, this.snapSites(sites), thresholdM, this.cost);
  }

  reach(site: Site, thresholdM: number): Reach {
    this.byNodeCache ??= buildingsByNode(this.graph, this.buildingSnap);
    const s = this.snapSites([site]);
    return reachFromPoint(this.graph, this.byNodeCache, s.node[0], s.snapM[0], thresholdM, this.cost);
  }
}

/** A network provider for a package's roads (graph cached per road collection). */
export function networkProvider(roads: RoadCollection, buildings: Buildings, opts: NetworkProviderOptions): NetworkProvider {
  return new NetworkProvider(walkGraphOf(roads), buildings, opts);
}

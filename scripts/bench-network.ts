/**
 * Benchmark of network-mode coverage: the walking-network engine (CSR graph, one bounded
 * multi-source Dijkstra per service) side by side with the naive approach a JS developer
 * would write (graphology + graphology-shortest-path: one full Dijkstra per facility).
 *
 * Seeded synthetic data: a jittered street grid around Chongqing's Yuzhong peninsula
 * (30 m blocks, 8 % of edges missing, random elevation), 200k buildings, 2k facilities
 * with random service mixes, the default policy's thresholds (300 / 500 / 1000 m).
 * Medians of several runs after a warm-up. The naive approach is timed on a subsample of
 * facilities and extrapolated to all of them (labelled as such).
 *
 * Run: `npx tsx scripts/bench-network.ts` (or `main()` from a combined bench script).
 */
import Graph from 'graphology';
import { singleSource } from 'graphology-shortest-path/dijkstra';
import { DEFAULT_POLICY, SERVICES, mulberry32, network, type GraphSnap, type RoadCollection, type WalkGraph } from '../src/engine/index';

const { buildWalkGraph, networkDistancesToBuildings, snapToGraph } = network;

export interface BenchNetworkOptions {
  /** Approximate edge counts of the generated grids (default 120k — the target case — and 500k). */
  edgeCounts?: number[];
  /** Buildings (default 200,000). */
  buildings?: number;
  /** Facilities (default 2,000). */
  facilities?: number;
  /** Timed runs per measurement, after one warm-up (default 5). */
  runs?: number;
  /** Facilities timed for the naive approach before extrapolating (default 3). */
  naiveSample?: number;
  /** PRNG seed (default 42). */
  seed?: number;
}

export interface BenchNetworkResult {
  edges: number;
  nodes: number;
  buildMs: number;
  snapMs: number;
  /** Median per service, ms, in SERVICES order. */
  perServiceMs: number[];
  /** Median of one full pass over the nine services, ms. */
  allServicesMs: number;
  /** Naive: extrapolated from `naiveSample` facilities to all, ms. */
  naiveAllServicesMsExtrapolated: number;
  ratio: number;
}

export function main(opts: BenchNetworkOptions = {}): BenchNetworkResult[] {
  const edgeCounts = opts.edgeCounts ?? [120_000, 500_000];
  const nb = opts.buildings ?? 200_000;
  const nf = opts.facilities ?? 2_000;
  const runs = opts.runs ?? 5;
  const naiveSample = opts.naiveSample ?? 3;
  const results: BenchNetworkResult[] = [];
  for (const target of edgeCounts) {
    const rand = mulberry32(opts.seed ?? 42);
    const side = Math.round(Math.sqrt(target / 2 / 0.92)) + 1;
    const roads = gridRoads(side, rand);
    let g!: WalkGraph;
    const buildMs = median(timeRuns(Math.min(runs, 3), () => (g = buildWalkGraph(roads))));
    const extent = (side - 1) * STEP_DEG;
    const bl = randomPoints(nb, extent, rand);
    const fl = randomPoints(nf, extent, rand);
    const mask = new Int32Array(nf);
    for (let f = 0; f < nf; f++) {
      let m = 0;
      for (let s = 0; s < SERVICES.length; s++) if (rand() < 0.3) m |= 1 << s;
      mask[f] = m || 1 << Math.floor(rand() * SERVICES.length);
    }
    let bs!: GraphSnap, fs!: GraphSnap;
    const snapMs = median(
      timeRuns(Math.min(runs, 3), () => {
        bs = snapToGraph(g, bl.lon, bl.lat, DEFAULT_POLICY.maxSnapM);
        fs = snapToGraph(g, fl.lon, fl.lat, DEFAULT_POLICY.maxSnapM);
      }),
    );
    const perService = SERVICES.map((s, i) => subset(fs, mask, 1 << i, DEFAULT_POLICY.thresholdsM[s]));
    const perServiceMs = perService.map(({ snap, threshold }) => median(timeRuns(runs, () => networkDistancesToBuildings(g, bs, snap, threshold))));
    let covered = 0;
    const allServicesMs = median(
      timeRuns(runs, () => {
        covered = 0;
        for (const { snap, threshold } of perService) {
          const d = networkDistancesToBuildings(g, bs, snap, threshold);
          for (let b = 0; b < d.length; b++) if (d[b] !== Infinity) covered++;
        }
      }),
    );

    // Naive: graphology graph, one unbounded single-source Dijkstra per (facility, service).
    const naive = new Graph({ type: 'undirected' });
    for (let v = 0; v < g.nodeCount; v++) naive.addNode(String(v));
    for (let u = 0; u < g.nodeCount; u++)
      for (let e = g.offsets[u]; e < g.offsets[u + 1]; e++) if (u < g.target[e]) naive.mergeEdge(String(u), String(g.target[e]), { weight: g.lengthM[e] });
    const sampleFacilities = Array.from({ length: naiveSample }, (_, k) => Math.floor((k * nf) / naiveSample));
    const perFacilityMs = median(
      sampleFacilities.map((f) => {
        const t0 = performance.now();
        naiveCoverage(naive, g, bs, fs.node[f], fs.snapM[f], DEFAULT_POLICY.thresholdsM.health);
        return performance.now() - t0;
      }),
    );
    let facilityServicePairs = 0;
    for (let f = 0; f < nf; f++) for (let s = 0; s < SERVICES.length; s++) if (mask[f] & (1 << s)) facilityServicePairs++;
    const naiveAll = perFacilityMs * facilityServicePairs;

    const r: BenchNetworkResult = {
      edges: g.halfEdgeCount / 2,
      nodes: g.nodeCount,
      buildMs,
      snapMs,
      perServiceMs,
      allServicesMs,
      naiveAllServicesMsExtrapolated: naiveAll,
      ratio: naiveAll / allServicesMs,
    };
    results.push(r);
    console.log(`\nnetwork coverage — ${r.nodes} nodes, ${r.edges} edges, ${nb} buildings, ${nf} facilities (seeded)`);
    console.log(`  build graph            ${fmt(buildMs)}   (${roads.features.length} LineStrings)`);
    console.log(`  snap buildings+facil.  ${fmt(snapMs)}`);
    SERVICES.forEach((s, i) =>
      console.log(`  ${s.padEnd(22)} ${fmt(perServiceMs[i])}   (${perService[i].count} facilities, ${DEFAULT_POLICY.thresholdsM[s]} m)`),
    );
    console.log(`  all nine services      ${fmt(allServicesMs)}   (${covered} building×service pairs covered)`);
    console.log(
      `  naive graphology       ${fmt(naiveAll)}   EXTRAPOLATED: ${fmt(perFacilityMs)} per facility (median of ${naiveSample}) × ${facilityServicePairs} facility-service pairs`,
    );
    console.log(`  ratio naive / engine   ${r.ratio.toFixed(0)}×`);
  }
  return results;
}

/** What a JS developer would write: full Dijkstra from the facility, path lengths, then test every building. */
function naiveCoverage(graph: Graph, g: WalkGraph, bs: GraphSnap, fNode: number, fSnap: number, threshold: number): number {
  if (fNode < 0) return 0;
  const paths = singleSource(graph, String(fNode), 'weight');
  const dist = new Map<string, number>();
  dist.set(String(fNode), 0);
  // paths are shortest-path trees: the distance of a node is its predecessor's plus the last edge
  const order = Object.keys(paths).sort((a, b) => paths[a].length - paths[b].length);
  for (const key of order) {
    const p = paths[key];
    if (p.length < 2) continue;
    const prev = p[p.length - 2];
    const w = graph.getEdgeAttribute(graph.edge(prev, key), 'weight') as number;
    dist.set(key, (dist.get(prev) as number) + w);
  }
  let covered = 0;
  for (let b = 0; b < bs.node.length; b++) {
    if (bs.node[b] < 0) continue;
    const d = dist.get(String(bs.node[b]));
    if (d !== undefined && d + bs.snapM[b] + fSnap <= threshold) covered++;
  }
  void g;
  return covered;
}

const STEP_DEG = 0.0003; // ≈ 33 m north–south, 29 m east–west at 29.5°N

function gridRoads(side: number, rand: () => number): RoadCollection {
  const lon0 = 106.5,
    lat0 = 29.5;
  const at = (i: number, j: number) => [
    Math.round((lon0 + i * STEP_DEG + (rand() - 0.5) * STEP_DEG * 0.3) * 1e7) / 1e7,
    Math.round((lat0 + j * STEP_DEG + (rand() - 0.5) * STEP_DEG * 0.3) * 1e7) / 1e7,
    Math.round(rand() * 80 * 10) / 10,
  ];
  const P: number[][] = [];
  for (let i = 0; i < side; i++) for (let j = 0; j < side; j++) P.push(at(i, j));
  const features: RoadCollection['features'] = [];
  const kinds = ['footway', 'road', 'steps', 'crossing'];
  const add = (a: number[], b: number[]) => {
    if (rand() < 0.08) return;
    features.push({ type: 'Feature', properties: { kind: kinds[Math.floor(rand() * 4)] }, geometry: { type: 'LineString', coordinates: [a, b] } });
  };
  for (let i = 0; i < side; i++)
    for (let j = 0; j < side; j++) {
      if (i + 1 < side) add(P[i * side + j], P[(i + 1) * side + j]);
      if (j + 1 < side) add(P[i * side + j], P[i * side + j + 1]);
    }
  return { type: 'FeatureCollection', features };
}

function randomPoints(n: number, extent: number, rand: () => number) {
  const lon = new Float64Array(n),
    lat = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    lon[i] = 106.5 + rand() * extent;
    lat[i] = 29.5 + rand() * extent;
  }
  return { lon, lat };
}

function subset(fs: GraphSnap, mask: Int32Array, bit: number, threshold: number) {
  const idx: number[] = [];
  for (let f = 0; f < mask.length; f++) if (mask[f] & bit) idx.push(f);
  return {
    count: idx.length,
    threshold,
    snap: { node: Int32Array.from(idx, (f) => fs.node[f]), snapM: Float64Array.from(idx, (f) => fs.snapM[f]) },
  };
}

function timeRuns(runs: number, fn: () => void): number[] {
  fn(); // warm-up
  const t: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    fn();
    t.push(performance.now() - t0);
  }
  return t;
}

function median(x: number[]): number {
  const s = [...x].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function fmt(ms: number): string {
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s`.padStart(10) : `${ms.toFixed(1)} ms`.padStart(10);
}

if (import.meta.url === `file://${process.argv[1]}`) main();

/**
 * The main-urban-area package (`generate-sample -- --city`): the nine central districts with
 * their real outlines (data/reference/chongqing-districts.geojson, ~100 m), their real streets
 * and 居委会 (not 村) with census households, synthetic everything else.
 *
 * Ground is one square lattice over the whole city (`cellM` metres): a cell belongs to the
 * district holding its centre, so districts tile exactly. Each district's cells are cut by
 * recursive bisection into its streets and communities, with cell weights falling off away
 * from 解放碑 (small dense communities in the centre, large ones at the edge). A community's
 * polygon is the traced outline of its cells (axis-aligned, so shared borders are identical).
 * Walking network: the lattice lines inside the city (about two edges a cell).
 */
import { readFileSync } from 'node:fs';
import type { MultiPolygon, Polygon } from 'geojson';
import { PolygonIndex } from '../../src/engine/index';
import type { CommunityCell, Ring } from './communities';
import { makeCandidates, makeFacilities, type CandidateRow, type FacilityRow } from './facilities';
import { type Domain, latToY, lonToX, toLonLat } from './geometry';
import { REFERENCE_DIR, type RefDistrict, loadDistricts } from './reference';
import { RoadNet } from './roads';
import { apportion, lognormal, stream } from './rng';

/** The nine central districts (主城中心城区 west of 明月山), 渝中 first. */
export const CITY_DISTRICTS = ['500103', '500105', '500108', '500106', '500107', '500104', '500112', '500113', '500109'];

export interface CityOptions {
  seed: number;
  /** Residential buildings in total (default 1,000,000). */
  buildings: number;
  /** Lattice cells the city is cut into (default 250,000: ~500k walking edges). */
  cells?: number;
  /** Rounds of facility generation (≈ 3 facilities a community each; default 6 → ~20k). */
  facilityRounds?: number;
  log: (m: string) => void;
}

export interface CityPlan {
  districts: RefDistrict[];
  cells: CommunityCell[];
  facilities: FacilityRow[];
  candidates: CandidateRow[];
  roads: RoadNet;
  counts: number[];
  cellM: number;
}

/** 解放碑, metres from the projection origin: the density peak. */
const CENTRE = [lonToX(106.577), latToY(29.557)] as const;

/** A community's cells as a Domain: u runs over its cells (one lattice cell per 1/n of u), v unused. */
function cellsDomain(key: string, xs: Float64Array, ys: Float64Array, cellM: number): Domain {
  const n = xs.length;
  return {
    key,
    nu: n,
    nv: 1,
    peninsula: false,
    spineV: 0.5,
    lengthM: n * cellM,
    widthAt: () => cellM,
    point(u) {
      const t = Math.min(n - 1e-9, Math.max(0, u * n));
      const k = Math.floor(t);
      const f = t - k;
      const g = (f * 7919.317) % 1; // a second coordinate from the same draw
      return [xs[k] + (0.1 + 0.8 * f) * cellM, ys[k] + (0.1 + 0.8 * g) * cellM];
    },
    elevation(u) {
      const [x, y] = this.point(u, 0.5);
      return 240 + 60 * Math.sin(x / 3100) * Math.cos(y / 4700);
    },
  };
}

/** Split `cells` (indices into cx/cy) into parts ∝ weights, by recursive bisection along the longer axis. */
function bisect(cells: Int32Array, weights: number[], cw: Float64Array, cx: Int32Array, cy: Int32Array): Int32Array[] {
  if (weights.length === 1) return [cells];
  const half = weights.length >> 1;
  const wl = weights.slice(0, half).reduce((a, b) => a + b, 0);
  const wt = wl + weights.slice(half).reduce((a, b) => a + b, 0);
  let x0 = Infinity,
    x1 = -Infinity,
    y0 = Infinity,
    y1 = -Infinity;
  for (const c of cells) {
    if (cx[c] < x0) x0 = cx[c];
    if (cx[c] > x1) x1 = cx[c];
    if (cy[c] < y0) y0 = cy[c];
    if (cy[c] > y1) y1 = cy[c];
  }
  const key = x1 - x0 >= y1 - y0 ? (c: number) => cx[c] * 1e6 + cy[c] : (c: number) => cy[c] * 1e6 + cx[c];
  const sorted = Int32Array.from(cells).sort((a, b) => key(a) - key(b));
  let total = 0;
  for (const c of sorted) total += cw[c];
  const target = (total * wl) / wt;
  let cut = 0;
  for (let acc = 0; cut < sorted.length && acc + cw[sorted[cut]] / 2 < target; cut++) acc += cw[sorted[cut]];
  cut = Math.min(sorted.length - (weights.length - half), Math.max(half, cut)); // every part keeps a cell
  return [...bisect(sorted.subarray(0, cut), weights.slice(0, half), cw, cx, cy), ...bisect(sorted.subarray(cut), weights.slice(half), cw, cx, cy)];
}

/**
 * Outline of a set of lattice cells (owner[i + j·nx] === id) as rings of lattice points:
 * counter-clockwise outers, clockwise holes; at a vertex where the set touches itself
 * diagonally the walk turns left, so no ring touches or crosses itself.
 */
function traceCells(cells: Int32Array, id: number, owner: Int32Array, nx: number): [number, number][][] {
  const own = (i: number, j: number) => i >= 0 && j >= 0 && i < nx && owner[i + j * nx] === id;
  // directed boundary edges, interior on the left; keyed by start vertex
  const out = new Map<number, number[]>(); // vertex key → [dir, …]; dir 0 E, 1 N, 2 W, 3 S
  const VK = nx + 1;
  const vkey = (i: number, j: number) => i + j * VK;
  const push = (i: number, j: number, d: number) => {
    const k = vkey(i, j);
    const l = out.get(k);
    if (l) l.push(d);
    else out.set(k, [d]);
  };
  for (const c of cells) {
    const i = c % nx;
    const j = (c - i) / nx;
    if (!own(i, j - 1)) push(i, j, 0);
    if (!own(i + 1, j)) push(i + 1, j, 1);
    if (!own(i, j + 1)) push(i + 1, j + 1, 2);
    if (!own(i - 1, j)) push(i, j + 1, 3);
  }
  const DI = [1, 0, -1, 0];
  const DJ = [0, 1, 0, -1];
  const rings: [number, number][][] = [];
  const walk = (start: number) => {
    const dirs = out.get(start)!;
    const si = start % VK;
    const sj = (start - si) / VK;
    let d = dirs.pop()!;
    let i = si;
    let j = sj;
    const ring: [number, number][] = [[si, sj]];
    for (;;) {
      i += DI[d];
      j += DJ[d];
      if (i === si && j === sj) break;
      const here = out.get(vkey(i, j))!;
      let next = -1;
      for (const t of [1, 0, 3]) {
        const at = here.indexOf((d + t) % 4); // left, straight, right
        if (at >= 0) {
          next = here.splice(at, 1)[0];
          break;
        }
      }
      if (next < 0) throw new Error('unbalanced cell outline');
      if (next !== d) ring.push([i, j]);
      d = next;
    }
    ring.push([si, sj]);
    rings.push(ring);
  };
  // every ring has a corner with a single outgoing edge: start there, so the left-turn rule
  // decides at every vertex where the set touches itself
  for (const [k, dirs] of out) if (dirs.length === 1) walk(k);
  for (const [k, dirs] of out) while (dirs.length) walk(k);
  return rings;
}

const signedArea = (r: [number, number][]) => {
  let a = 0;
  for (let k = 0; k + 1 < r.length; k++) a += r[k][0] * r[k + 1][1] - r[k + 1][0] * r[k][1];
  return a / 2;
};

/** Even-odd test of a point against a ring (lattice units): only to attach holes to outers. */
function inRing(x: number, y: number, r: [number, number][]): boolean {
  let inside = false;
  for (let a = 0, b = r.length - 1; a < r.length; b = a++) {
    if (r[a][1] > y !== r[b][1] > y && x < ((r[b][0] - r[a][0]) * (y - r[a][1])) / (r[b][1] - r[a][1]) + r[a][0]) inside = !inside;
  }
  return inside;
}

/** Group traced rings into polygons: each clockwise hole under the outer that holds it. */
function polygonsOf(rings: [number, number][][]): [number, number][][][] {
  const outers = rings.filter((r) => signedArea(r) > 0);
  const polys = outers.map((o) => [o]);
  for (const h of rings.filter((r) => signedArea(r) < 0)) {
    // the centre of the cell left of the hole's first edge is the community's, inside its outer
    const dx = Math.sign(h[1][0] - h[0][0]);
    const dy = Math.sign(h[1][1] - h[0][1]);
    const x = h[0][0] + 0.5 * dx - 0.5 * dy;
    const y = h[0][1] + 0.5 * dy + 0.5 * dx;
    const k = outers.findIndex((o) => inRing(x, y, o));
    polys[Math.max(0, k)].push(h);
  }
  return polys;
}

/** Plan the whole city package (buildings are streamed later from `counts`). */
export function planCity(opts: CityOptions): CityPlan {
  const { seed, log } = opts;
  const all = loadDistricts();
  const districts = CITY_DISTRICTS.map((code) => {
    const d = all.get(code);
    if (!d) throw new Error(`district ${code} missing from data/reference`);
    // 居委会 only: the 村 of the outer districts are not part of a main-urban-area package
    const streets = d.streets.map((s) => ({ ...s, communities: s.communities.filter((c) => !c.name.endsWith('村')) })).filter((s) => s.communities.length > 0);
    return { ...d, streets };
  });
  const fc = JSON.parse(readFileSync(REFERENCE_DIR + 'chongqing-districts.geojson', 'utf8')) as {
    features: { properties: { id: string }; geometry: Polygon | MultiPolygon }[];
  };
  const outlines = CITY_DISTRICTS.map((code) => {
    const f = fc.features.find((x) => x.properties.id === code);
    if (!f) throw new Error(`outline of ${code} missing from chongqing-districts.geojson`);
    return f.geometry;
  });
  // lattice: cell size from the districts' total area
  let x0 = Infinity,
    y0 = Infinity,
    x1 = -Infinity,
    y1 = -Infinity;
  let area = 0;
  for (const g of outlines) {
    for (const poly of g.type === 'Polygon' ? [g.coordinates] : g.coordinates) {
      poly.forEach((ring, h) => {
        let a = 0;
        for (let k = 0; k + 1 < ring.length; k++) {
          const [xa, ya] = [lonToX(ring[k][0]), latToY(ring[k][1])];
          const [xb, yb] = [lonToX(ring[k + 1][0]), latToY(ring[k + 1][1])];
          a += xa * yb - xb * ya;
          x0 = Math.min(x0, xa);
          x1 = Math.max(x1, xa);
          y0 = Math.min(y0, ya);
          y1 = Math.max(y1, ya);
        }
        area += (h === 0 ? 1 : -1) * Math.abs(a / 2);
      });
    }
  }
  const cellM = Math.round(Math.sqrt(area / (opts.cells ?? 250_000)));
  const nx = Math.ceil((x1 - x0) / cellM) + 1;
  const ny = Math.ceil((y1 - y0) / cellM) + 1;
  const gx = Math.floor(x0 / cellM); // lattice origin on a multiple of cellM
  const gy = Math.floor(y0 / cellM);
  const index = new PolygonIndex(outlines);
  const owner = new Int32Array(nx * ny).fill(-1); // district, then community
  const byDistrict: number[][] = districts.map(() => []);
  for (let j = 0; j < ny; j++)
    for (let i = 0; i < nx; i++) {
      const [lon, lat] = toLonLat((gx + i + 0.5) * cellM, (gy + j + 0.5) * cellM);
      const d = index.locate(lon, lat);
      if (d >= 0) byDistrict[d].push(i + j * nx);
    }
  log(
    `city lattice: ${nx} × ${ny} cells of ${cellM} m, ${byDistrict.reduce((a, l) => a + l.length, 0)} inside ${districts.length} districts (${(area / 1e6).toFixed(0)} km²)`,
  );

  const cx = new Int32Array(nx * ny);
  const cy = new Int32Array(nx * ny);
  const cw = new Float64Array(nx * ny);
  for (let c = 0; c < nx * ny; c++) {
    cx[c] = c % nx;
    cy[c] = Math.floor(c / nx);
    const d = Math.hypot((gx + cx[c] + 0.5) * cellM - CENTRE[0], (gy + cy[c] + 0.5) * cellM - CENTRE[1]);
    cw[c] = 1 / (1 + (d / 6000) ** 2);
  }
  const cells: CommunityCell[] = [];
  const facilities: FacilityRow[] = [];
  const candidates: CandidateRow[] = [];
  const rounds = opts.facilityRounds ?? 6;
  const latticeParts: Int32Array[] = [];
  districts.forEach((d, k) => {
    const rng = stream(seed, 'city:' + d.code);
    const comms = d.streets.flatMap((s) => s.communities.map((c) => ({ street: s, c })));
    const hh = apportion(
      d.households,
      comms.map(() => lognormal(rng, 0.45)),
    );
    const parts = bisect(
      Int32Array.from(byDistrict[k]),
      hh.map((h) => Math.max(1, h)),
      cw,
      cx,
      cy,
    );
    const dc: CommunityCell[] = comms.map(({ street, c }, m) => {
      const part = parts[m];
      const id = cells.length + m;
      for (const q of part) owner[q] = id;
      const xs = Float64Array.from(part, (q) => (gx + cx[q]) * cellM);
      const ys = Float64Array.from(part, (q) => (gy + cy[q]) * cellM);
      const population = Math.round(hh[m] * (d.population / d.households));
      const elderly = Math.round(population * d.elderlyShare);
      return {
        id: c.code,
        name: c.name,
        street: street.name,
        streetCode: street.code,
        district: d.name,
        districtCode: d.code,
        domain: cellsDomain(d.code, xs, ys, cellM),
        rect: { i0: 0, i1: part.length, j0: 0, j1: 1 },
        core: 0,
        households: hh[m],
        population,
        elderly,
        children: Math.min(Math.round(population * d.childShare), population - elderly),
        areaM2: part.length * cellM * cellM,
      };
    });
    latticeParts.push(...parts);
    for (let r = 0; r < rounds; r++) {
      const f = makeFacilities(dc, seed, `${d.code}:${r}`);
      // later rounds are the many small rooms of a big city (a fifth of the area), so that
      // ~20k facilities still leave a realistic share of communities short of 30 m²/100 households
      if (r > 0) for (const row of f.rows) row.areaM2 = Math.max(20, Math.round(row.areaM2 * 0.2));
      facilities.push(...f.rows);
      if (r === 0) candidates.push(...makeCandidates(dc, f.classes, seed, d.code));
    }
    cells.push(...dc);
    log(`district ${d.code} ${d.name}: ${dc.length} communities, ${byDistrict[k].length} cells`);
  });
  // community outlines (lattice units → metres)
  for (let id = 0; id < cells.length; id++) {
    const polys = polygonsOf(traceCells(latticeParts[id], id, owner, nx));
    cells[id].rings = polys.map((p) => p.map((r) => r.map(([i, j]) => [(gx + i) * cellM, (gy + j) * cellM] as [number, number]) as Ring));
  }
  // walking network: lattice segments with a city cell on either side, as maximal straight runs
  const roads = new RoadNet();
  const inCity = (i: number, j: number) => i >= 0 && j >= 0 && i < nx && j < ny && owner[i + j * nx] >= 0;
  const node = new Map<number, number>();
  const nodeAt = (i: number, j: number) => {
    const k = i + j * (nx + 1);
    let n = node.get(k);
    if (n === undefined) {
      const x = (gx + i) * cellM;
      const y = (gy + j) * cellM;
      n = roads.add(x, y, 240 + 60 * Math.sin(x / 3100) * Math.cos(y / 4700));
      node.set(k, n);
    }
    return n;
  };
  const rng = stream(seed, 'city:roads');
  const kind = () => (rng() < 0.15 ? 'road' : 'path');
  for (let j = 0; j <= ny; j++) {
    let run: number[] = [];
    for (let i = 0; i <= nx; i++) {
      const on = i < nx && (inCity(i, j) || inCity(i, j - 1));
      if (on) {
        if (!run.length) run.push(nodeAt(i, j));
        run.push(nodeAt(i + 1, j));
      } else if (run.length) {
        roads.way(kind(), run);
        run = [];
      }
    }
  }
  for (let i = 0; i <= nx; i++) {
    let run: number[] = [];
    for (let j = 0; j <= ny; j++) {
      const on = j < ny && (inCity(i, j) || inCity(i - 1, j));
      if (on) {
        if (!run.length) run.push(nodeAt(i, j));
        run.push(nodeAt(i, j + 1));
      } else if (run.length) {
        roads.way(kind(), run);
        run = [];
      }
    }
  }
  log(`roads: ${roads.ways.length} ways, ${roads.xs.length} vertices`);
  const perDistrict = apportion(
    opts.buildings,
    districts.map((d) => d.households),
  );
  const counts: number[] = [];
  districts.forEach((d, k) => {
    const dc = cells.filter((c) => c.districtCode === d.code);
    counts.push(
      ...apportion(
        perDistrict[k],
        dc.map((c) => c.households),
      ),
    );
  });
  return { districts, cells, facilities, candidates, roads, counts, cellM };
}

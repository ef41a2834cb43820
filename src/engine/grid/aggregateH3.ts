import { cellToBoundary, getHexagonEdgeLengthAvg, gridDisk, latLngToCell } from 'h3-js';
import type { Analysis, H3Cell } from '../analysisTypes';
import type { Buildings, DataPackage } from '../types';

/** Default H3 resolution: 9 (cells of about 0.1 km², edge ≈ 200 m). */
export const DEFAULT_H3_RESOLUTION = 9;

/** Cells of a set of points at one resolution: sorted cell ids and each point's cell index. */
export interface CellIndex {
  cells: string[];
  cellOf: Int32Array;
}

const cache = new WeakMap<Buildings, Map<number, CellIndex>>();

/** The most squares {@link cellIndex} makes (4 bytes each): a wider extent gets larger squares. */
const MAX_SQUARES = 4_000_000;
/**
 * A point counts as inside a cached hexagon only this far (metres) within each of its edges. H3's
 * edges are great-circle arcs (straight on the icosahedron's gnomonic faces); in longitude and
 * latitude an arc of length L bows away from the straight line between its corners by about
 * L²·tan(latitude) / 8R: at 30° N 0.3 mm for a resolution-9 edge (174 m), 2 cm at resolution 7
 * (1.4 km), but 0.15 m at 6 and 1 m at 5. The shortcut is taken from resolution 7 on
 * ({@link MIN_SHORTCUT_RES}), where half a metre leaves every point near an edge to `latLngToCell`.
 */
const EDGE_MARGIN_M = 0.5;
/** The coarsest resolution whose hexagons are tested as straight-edged ({@link EDGE_MARGIN_M}). */
const MIN_SHORTCUT_RES = 7;
/** Metres per degree of a great circle on H3's sphere (authalic radius 6,371.007 km). */
const M_PER_DEG = (6_371_007.2 * Math.PI) / 180;

/**
 * A hexagon as half-planes in a local plane around its first corner: x = (lon − lon0)·kx,
 * y = (lat − lat0)·M_PER_DEG; inside when a·x + b·y ≤ c for every edge (c already less the margin).
 */
interface HexPlanes {
  lon0: number;
  lat0: number;
  kx: number;
  /** a, b, c per edge. */
  edges: Float64Array;
}

/**
 * The half-planes of `cell`, or null where the shortcut does not apply (a cell coarser than
 * resolution 7, a pentagon or a cell whose boundary has extra corners where it crosses an
 * icosahedron edge, or one not strictly convex in the plane): its points always go to `latLngToCell`.
 */
function hexPlanes(cell: string, resolution: number): HexPlanes | null {
  if (resolution < MIN_SHORTCUT_RES) return null;
  const b = cellToBoundary(cell); // [lat, lng], counter-clockwise
  if (b.length !== 6) return null;
  const [lat0, lon0] = b[0];
  const kx = Math.cos((lat0 * Math.PI) / 180) * M_PER_DEG;
  const xs = b.map(([, lng]) => (lng - lon0) * kx);
  const ys = b.map(([lat]) => (lat - lat0) * M_PER_DEG);
  let area2 = 0;
  for (let k = 0; k < 6; k++) area2 += xs[k] * ys[(k + 1) % 6] - xs[(k + 1) % 6] * ys[k];
  const sign = area2 > 0 ? 1 : -1; // counter-clockwise: the inside is left of each edge
  const edges = new Float64Array(18);
  for (let k = 0; k < 6; k++) {
    const j = (k + 1) % 6;
    const dx = xs[j] - xs[k];
    const dy = ys[j] - ys[k];
    const len = Math.hypot(dx, dy);
    if (!(len > 1)) return null;
    // outward normal of a counter-clockwise edge: (dy, −dx) / len
    const a = (sign * dy) / len;
    const bb = (-sign * dx) / len;
    edges[3 * k] = a;
    edges[3 * k + 1] = bb;
    edges[3 * k + 2] = a * xs[k] + bb * ys[k] - EDGE_MARGIN_M;
    // strictly convex: the corner after next lies inside this edge
    const n = (k + 2) % 6;
    if (!(a * xs[n] + bb * ys[n] < a * xs[k] + bb * ys[k])) return null;
  }
  return { lon0, lat0, kx, edges };
}

/** Whether (lon, lat) lies inside `h` by more than the margin. */
function insidePlanes(h: HexPlanes, lon: number, lat: number): boolean {
  const x = (lon - h.lon0) * h.kx;
  const y = (lat - h.lat0) * M_PER_DEG;
  const e = h.edges;
  for (let k = 0; k < 18; k += 3) if (e[k] * x + e[k + 1] * y > e[k + 2]) return false;
  return true;
}

/** The cells met while indexing points: ids, and per cell its half-planes and neighbours, made when first asked. */
class KnownCells {
  readonly ids: string[] = [];
  private readonly at = new Map<string, number>();
  private readonly planes: (HexPlanes | null | undefined)[] = [];
  private readonly rings: (Int32Array | null | undefined)[] = [];
  constructor(private readonly resolution: number) {}

  /** The number of cell `id`, given it on first sight. */
  of(id: string): number {
    let k = this.at.get(id);
    if (k === undefined) {
      k = this.ids.length;
      this.at.set(id, k);
      this.ids.push(id);
    }
    return k;
  }

  /** Cell k's half-planes, or null (the shortcut does not apply to it). */
  planesOf(k: number): HexPlanes | null {
    let h = this.planes[k];
    if (h === undefined) h = this.planes[k] = hexPlanes(this.ids[k], this.resolution);
    return h;
  }

  /** The numbers of cell k's six neighbours (null when k has no half-planes). */
  neighbours(k: number): Int32Array | null {
    let r = this.rings[k];
    if (r === undefined) {
      const id = this.ids[k];
      r = this.planesOf(k)
        ? Int32Array.from(
            gridDisk(id, 1).filter((c) => c !== id),
            (c) => this.of(c),
          )
        : null;
      this.rings[k] = r;
    }
    return r;
  }

  /** The cell of (lon, lat) among k and its neighbours by their half-planes, or −1 (too near an edge, or elsewhere). */
  near(k: number, lon: number, lat: number): number {
    const h = this.planesOf(k);
    if (!h) return -1;
    if (insidePlanes(h, lon, lat)) return k;
    for (const n of this.neighbours(k)!) {
      const p = this.planesOf(n);
      if (p && insidePlanes(p, lon, lat)) return n;
    }
    return -1;
  }
}

/**
 * The H3 cells of points at one resolution: sorted cell ids and each point's cell index, exactly
 * what `latLngToCell` gives each point. Most points skip the call into h3's compiled code and the
 * string it makes (~1 µs with the lookup of that string): the points are binned into squares of
 * two hexagon edges wide; a square's first point is asked of h3, and its cell is the square's guess;
 * a later point that lies inside the guessed hexagon, or one of its six neighbours, by more than
 * half a metre is that cell's (a few half-plane tests each); a point nearer an edge than that is
 * asked of h3. The distinct cells are then sorted and the points' numbers renumbered in place; no
 * string per point is kept.
 */
export function cellIndex(lon: Float64Array, lat: Float64Array, count: number, resolution: number): CellIndex {
  const known = new KnownCells(resolution);
  const cellOf = new Int32Array(count);
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (let i = 0; i < count; i++) {
    const x = lon[i];
    const y = lat[i];
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  const side0 = (2 * getHexagonEdgeLengthAvg(resolution, 'm')) / M_PER_DEG;
  const side = Math.max(side0, Math.sqrt(((x1 - x0) * (y1 - y0)) / MAX_SQUARES) || 0);
  const shortcut = count > 0 && resolution >= MIN_SHORTCUT_RES;
  const nx = shortcut ? Math.floor((x1 - x0) / side) + 1 : 0;
  const ny = shortcut ? Math.floor((y1 - y0) / side) + 1 : 0;
  const squares = new Int32Array(nx * ny <= 2 * MAX_SQUARES ? nx * ny : 0).fill(-1); // guesses, −1: none yet
  const gridded = squares.length > 0;
  for (let i = 0; i < count; i++) {
    const x = lon[i];
    const y = lat[i];
    const square = gridded ? Math.floor((x - x0) / side) * ny + Math.floor((y - y0) / side) : -1;
    const guess = gridded ? squares[square] : -1;
    let k = guess >= 0 ? known.near(guess, x, y) : -1;
    if (k < 0) {
      k = known.of(latLngToCell(y, x, resolution));
      if (gridded && guess < 0) squares[square] = k;
    }
    cellOf[i] = k;
  }
  // Only cells with points, sorted; known ones without (neighbours looked at) are dropped.
  const used = new Uint8Array(known.ids.length);
  for (let i = 0; i < count; i++) used[cellOf[i]] = 1;
  const order: number[] = [];
  for (let k = 0; k < used.length; k++) if (used[k]) order.push(k);
  order.sort((a, b) => (known.ids[a] < known.ids[b] ? -1 : 1)); // ids are distinct
  const cells = order.map((k) => known.ids[k]);
  const rank = new Int32Array(known.ids.length);
  order.forEach((k, r) => (rank[k] = r));
  for (let i = 0; i < count; i++) cellOf[i] = rank[cellOf[i]];
  return { cells, cellOf };
}

/** The H3 cell of every building, computed once per package and resolution (h3 is the costly part). */
function buildingCells(b: Buildings, resolution: number): CellIndex {
  let byRes = cache.get(b);
  if (!byRes) cache.set(b, (byRes = new Map()));
  let idx = byRes.get(resolution);
  if (idx) return idx;
  idx = cellIndex(b.lon, b.lat, b.count, resolution);
  byRes.set(resolution, idx);
  return idx;
}

/**
 * Aggregate buildings and open facilities into H3 cells: buildings, households, households
 * not covered per service, facility area (m²). Cells come sorted by H3 index. The cell of
 * each building is cached per package and resolution, so a re-run (another mode, a what-if)
 * costs one pass over the buildings.
 */
export function aggregateH3(pkg: DataPackage, analysis: Analysis, resolution = DEFAULT_H3_RESOLUTION): H3Cell[] {
  const b = pkg.buildings;
  const services = analysis.coverage.length;
  const { cells: ids, cellOf } = buildingCells(b, resolution);
  const out: H3Cell[] = ids.map((h3) => ({ h3, buildings: 0, households: 0, uncoveredHouseholds: new Array<number>(services).fill(0), facilityAreaM2: 0 }));
  for (let i = 0; i < b.count; i++) {
    const c = out[cellOf[i]];
    c.buildings++;
    c.households += b.households[i];
  }
  for (let s = 0; s < services; s++) {
    const covered = analysis.coverage[s].covered;
    for (let i = 0; i < b.count; i++) if (!covered[i]) out[cellOf[i]].uncoveredHouseholds[s] += b.households[i];
  }
  const extra = new Map<string, H3Cell>();
  const pos = new Map(ids.map((h, k) => [h, k]));
  for (const f of pkg.facilities) {
    if (f.status !== 'open') continue;
    const h3 = latLngToCell(f.lat, f.lon, resolution);
    const k = pos.get(h3);
    if (k !== undefined) out[k].facilityAreaM2 += f.areaM2;
    else {
      let c = extra.get(h3);
      if (!c) extra.set(h3, (c = { h3, buildings: 0, households: 0, uncoveredHouseholds: new Array<number>(services).fill(0), facilityAreaM2: 0 }));
      c.facilityAreaM2 += f.areaM2;
    }
  }
  if (extra.size === 0) return out;
  return [...out, ...extra.values()].sort((x, y) => (x.h3 < y.h3 ? -1 : x.h3 > y.h3 ? 1 : 0));
}

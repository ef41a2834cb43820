import Flatbush from 'flatbush';
import type { MultiPolygon, Polygon } from 'geojson';
import { polygonBbox } from './pointInPolygon';
import { PreparedPolygon } from './PreparedPolygon';

/** Most cells a side of the grid of candidate lists … */
const GRID_MAX = 256;
/** … halved until the lists hold at most this many entries in all (many large overlapping boxes). */
const GRID_ENTRIES = 2_000_000;

/**
 * An index over polygons answering "which polygon holds this point". Built once per
 * package; where polygons overlap the lowest index wins. A grid of at most 256 × 256 cells
 * over the polygons' boxes lists in each cell, by increasing index, the polygons whose box
 * meets it, so a point meets only those (a flatbush search per point cost more than the
 * tests themselves at a million buildings); flatbush answers points off the grid's numbers
 * (NaN). Each polygon is prepared ({@link PreparedPolygon}: edges binned by latitude) the
 * first time a point falls in its box, so a test does not grow with the polygon's vertex count.
 */
/** A grid over the polygons' boxes: corner, far corner, cell size, cells a side; cell c lists items[start[c] … start[c + 1] − 1]. */
interface BoxGrid {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  dx: number;
  dy: number;
  side: number;
  start: Int32Array;
  items: Int32Array;
}

/** Column (x) or row (y) of a coordinate within the grid's extent: grows with the coordinate. */
const colOf = (g: BoxGrid, x: number) => Math.min(g.side - 1, Math.floor((x - g.x0) / g.dx));
const rowOf = (g: BoxGrid, y: number) => Math.min(g.side - 1, Math.floor((y - g.y0) / g.dy));

/** True when box i (x0, y0, x1, y1 at 4i in `boxes`) is finite and not empty. */
function finiteBox(boxes: Float64Array, i: number): boolean {
  const [x0, y0, x1, y1] = [boxes[4 * i], boxes[4 * i + 1], boxes[4 * i + 2], boxes[4 * i + 3]];
  return Number.isFinite(x0) && Number.isFinite(y0) && Number.isFinite(x1) && Number.isFinite(y1) && x0 <= x1 && y0 <= y1;
}

/** The cells box i meets: first and last column, first and last row (none for a box that is not finite: the grid leaves it out). */
function cellsOf(g: BoxGrid, boxes: Float64Array, i: number): [number, number, number, number] {
  if (!finiteBox(boxes, i)) return [0, 0, -1, -1];
  return [colOf(g, boxes[4 * i]), rowOf(g, boxes[4 * i + 1]), colOf(g, boxes[4 * i + 2]), rowOf(g, boxes[4 * i + 3])];
}

/** The grid of candidate lists over `n` boxes, null when no box is finite. */
function boxGrid(boxes: Float64Array, n: number): BoxGrid | null {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (let i = 0; i < n; i++) {
    if (!finiteBox(boxes, i)) {
      if (!(boxes[4 * i] > boxes[4 * i + 2] || boxes[4 * i + 1] > boxes[4 * i + 3])) return null; // a box of NaN or infinite numbers: flatbush decides
      continue; // an empty polygon's box (Infinity, −Infinity): no point is in it
    }
    x0 = Math.min(x0, boxes[4 * i]);
    y0 = Math.min(y0, boxes[4 * i + 1]);
    x1 = Math.max(x1, boxes[4 * i + 2]);
    y1 = Math.max(y1, boxes[4 * i + 3]);
  }
  if (!(x0 <= x1 && y0 <= y1)) return null;
  const grid = (side: number): BoxGrid => ({
    x0,
    y0,
    x1,
    y1,
    side,
    dx: (x1 - x0) / side || 1,
    dy: (y1 - y0) / side || 1,
    start: new Int32Array(0),
    items: new Int32Array(0),
  });
  let g = grid(GRID_MAX);
  for (;;) {
    let total = 0;
    for (let i = 0; i < n; i++) {
      const [cx0, cy0, cx1, cy1] = cellsOf(g, boxes, i);
      total += Math.max(0, cx1 - cx0 + 1) * Math.max(0, cy1 - cy0 + 1);
    }
    if (total <= GRID_ENTRIES || g.side === 1) break;
    g = grid(g.side / 2);
  }
  const cells = g.side * g.side;
  const start = new Int32Array(cells + 1);
  for (let i = 0; i < n; i++) {
    const [cx0, cy0, cx1, cy1] = cellsOf(g, boxes, i);
    for (let cy = cy0; cy <= cy1; cy++) for (let cx = cx0; cx <= cx1; cx++) start[cy * g.side + cx + 1]++;
  }
  for (let c = 0; c < cells; c++) start[c + 1] += start[c];
  const items = new Int32Array(start[cells]);
  const fill = start.slice(0, cells);
  for (let i = 0; i < n; i++) {
    const [cx0, cy0, cx1, cy1] = cellsOf(g, boxes, i);
    for (let cy = cy0; cy <= cy1; cy++) for (let cx = cx0; cx <= cx1; cx++) items[fill[cy * g.side + cx]++] = i;
  }
  return { ...g, start, items };
}

/**
 * An index over polygons answering "which polygon holds this point". Built once per
 * package; where polygons overlap the lowest index wins. A grid of at most 256 × 256 cells
 * over the polygons' boxes lists in each cell, by increasing index, the polygons whose box
 * meets it, so a point meets only those (a flatbush search per point cost more than the
 * tests themselves at a million buildings); flatbush answers a point that is not a number.
 * Each polygon is prepared ({@link PreparedPolygon}: edges binned by latitude) the first
 * time a point falls in its box, so a test does not grow with the polygon's vertex count.
 */
export class PolygonIndex {
  private readonly tree: Flatbush | null;
  private readonly prepared: (PreparedPolygon | undefined)[];
  /** Per polygon its box: x0, y0, x1, y1 (degrees). */
  private readonly boxes: Float64Array;
  private readonly grid: BoxGrid | null = null;

  constructor(private readonly polygons: (Polygon | MultiPolygon)[]) {
    const n = polygons.length;
    this.prepared = new Array<PreparedPolygon | undefined>(n);
    this.boxes = new Float64Array(4 * n);
    if (n === 0) {
      this.tree = null;
      return;
    }
    this.tree = new Flatbush(n);
    for (let i = 0; i < n; i++) {
      const [x0, y0, x1, y1] = polygonBbox(polygons[i]);
      this.boxes.set([x0, y0, x1, y1], 4 * i);
      this.tree.add(x0, y0, x1, y1);
    }
    this.tree.finish();
    this.grid = boxGrid(this.boxes, n);
  }

  /** Index of the polygon containing (lon, lat), or -1. */
  locate(lon: number, lat: number): number {
    const g = this.grid;
    if (!this.tree) return -1;
    if (!g || !(lon === lon && lat === lat)) return this.locateByTree(lon, lat);
    if (lon < g.x0 || lon > g.x1 || lat < g.y0 || lat > g.y1) return -1; // outside every box
    // a box holding the point meets the point's cell (a coordinate's cell grows with it)
    const c = rowOf(g, lat) * g.side + colOf(g, lon);
    const b = this.boxes;
    for (let k = g.start[c], end = g.start[c + 1]; k < end; k++) {
      const i = g.items[k];
      if (lon < b[4 * i] || lat < b[4 * i + 1] || lon > b[4 * i + 2] || lat > b[4 * i + 3]) continue;
      const p = (this.prepared[i] ??= new PreparedPolygon(this.polygons[i]));
      if (p.contains(lon, lat)) return i; // the lowest index: the list is in increasing order
    }
    return -1;
  }

  /** {@link locate} by a flatbush search. */
  private locateByTree(lon: number, lat: number): number {
    const hits = this.tree!.search(lon, lat, lon, lat);
    let best = -1;
    for (const i of hits) {
      if (best >= 0 && i > best) continue;
      const p = (this.prepared[i] ??= new PreparedPolygon(this.polygons[i]));
      if (p.contains(lon, lat)) best = i;
    }
    return best;
  }
}

/** Built indexes by the community list they index. */
const byCommunities = new WeakMap<readonly { geometry: Polygon | MultiPolygon }[], PolygonIndex>();

/**
 * The index over the geometries of `communities`, built on the first call for this list and
 * kept while it lives (a package's communities are not changed after it is read).
 */
export function communityPolygons(communities: readonly { geometry: Polygon | MultiPolygon }[]): PolygonIndex {
  let index = byCommunities.get(communities);
  if (!index) byCommunities.set(communities, (index = new PolygonIndex(communities.map((c) => c.geometry))));
  return index;
}

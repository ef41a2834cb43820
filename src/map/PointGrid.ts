/** Average points per grid cell the grid is sized for. */
const POINTS_PER_CELL = 4;
/** At most this many cells a side. */
const MAX_SIDE = 2048;

/**
 * A uniform grid over points (lon/lat degrees, or any planar x/y), built in two linear passes (a
 * counting sort of the points by cell): a million building dots index in tens of milliseconds
 * on the main thread, where a k-d tree's sort takes most of a second. Answers the points in a
 * box, for picking what is under the pointer.
 */
export class PointGrid {
  private readonly x0: number;
  private readonly y0: number;
  private readonly sx: number;
  private readonly sy: number;
  private readonly nx: number;
  private readonly ny: number;
  /** Points of cell c: ids[start[c] .. start[c + 1]). */
  private readonly start: Uint32Array;
  private readonly ids: Uint32Array;

  /** `xy`: x0, y0, x1, y1, … interleaved; points with a non-finite coordinate are left out. */
  constructor(private readonly xy: ArrayLike<number>) {
    const n = xy.length >> 1;
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (let i = 0; i < n; i++) {
      const x = xy[2 * i];
      const y = xy[2 * i + 1];
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
    if (!(x1 >= x0)) x0 = y0 = x1 = y1 = 0;
    const w = Math.max(x1 - x0, 1e-9);
    const h = Math.max(y1 - y0, 1e-9);
    const cells = Math.max(1, n / POINTS_PER_CELL);
    const side = Math.sqrt(cells / (w * h)); // cells per unit, square cells
    this.nx = Math.min(MAX_SIDE, Math.max(1, Math.ceil(w * side)));
    this.ny = Math.min(MAX_SIDE, Math.max(1, Math.ceil(h * side)));
    this.x0 = x0;
    this.y0 = y0;
    this.sx = this.nx / w;
    this.sy = this.ny / h;
    const cellOf = new Int32Array(n);
    const count = new Uint32Array(this.nx * this.ny + 1);
    for (let i = 0; i < n; i++) {
      const x = xy[2 * i];
      const y = xy[2 * i + 1];
      const c = Number.isFinite(x) && Number.isFinite(y) ? this.cx(x) + this.nx * this.cy(y) : -1;
      cellOf[i] = c;
      if (c >= 0) count[c + 1]++;
    }
    for (let c = 0; c < this.nx * this.ny; c++) count[c + 1] += count[c];
    this.start = count;
    const fill = count.slice(0, this.nx * this.ny);
    this.ids = new Uint32Array(count[this.nx * this.ny]);
    for (let i = 0; i < n; i++) if (cellOf[i] >= 0) this.ids[fill[cellOf[i]]++] = i;
  }

  private cx(x: number): number {
    const c = Math.floor((x - this.x0) * this.sx);
    return c < 0 ? 0 : c >= this.nx ? this.nx - 1 : c;
  }

  private cy(y: number): number {
    const c = Math.floor((y - this.y0) * this.sy);
    return c < 0 ? 0 : c >= this.ny ? this.ny - 1 : c;
  }

  /** Call `fn` with the id of every point in the box (edges included), in no particular order. */
  search(minX: number, minY: number, maxX: number, maxY: number, fn: (id: number) => void): void {
    if (!(maxX >= minX && maxY >= minY)) return;
    const xy = this.xy;
    const cx1 = this.cx(maxX);
    const cy1 = this.cy(maxY);
    for (let cy = this.cy(minY); cy <= cy1; cy++) {
      for (let cx = this.cx(minX); cx <= cx1; cx++) {
        const c = cx + this.nx * cy;
        for (let k = this.start[c], end = this.start[c + 1]; k < end; k++) {
          const i = this.ids[k];
          const x = xy[2 * i];
          const y = xy[2 * i + 1];
          if (x >= minX && x <= maxX && y >= minY && y <= maxY) fn(i);
        }
      }
    }
  }
}

/**
 * Points (x, y) in two growable Float64Arrays: a file's raw coordinates for the CRS hint
 * without an array per point. `length` can be set back to drop the last points.
 */
export class PointList {
  length = 0;
  x = new Float64Array(1024);
  y = new Float64Array(1024);

  /** @param keep false: a list that stays empty (points pushed are dropped) */
  constructor(readonly keep = true) {}

  push(x: number, y: number): void {
    if (!this.keep) return;
    if (this.length === this.x.length) {
      const nx = new Float64Array(this.x.length * 2);
      const ny = new Float64Array(this.x.length * 2);
      nx.set(this.x);
      ny.set(this.y);
      this.x = nx;
      this.y = ny;
    }
    this.x[this.length] = x;
    this.y[this.length++] = y;
  }

  /** The points as pairs (small lists, tests). */
  pairs(): [number, number][] {
    const out: [number, number][] = [];
    for (let k = 0; k < this.length; k++) out.push([this.x[k], this.y[k]]);
    return out;
  }
}

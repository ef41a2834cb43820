/**
 * Open-addressing hash table from a vertex rounded to 7 decimals (two integers:
 * round(lon·1e7), round(lat·1e7)) to a node number. Internal to {@link buildWalkGraph}:
 * numeric keys avoid building one string per vertex.
 */
export class VertexTable {
  /** Number of distinct vertices inserted so far = next node number. */
  size = 0;
  private readonly mask: number;
  private readonly keyLon: Int32Array;
  private readonly keyLat: Int32Array;
  /** Node number + 1 per slot; 0 = empty. */
  private readonly slot: Int32Array;

  /** @param expected upper bound on the number of distinct vertices */
  constructor(expected: number) {
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    this.mask = cap - 1;
    this.keyLon = new Int32Array(cap);
    this.keyLat = new Int32Array(cap);
    this.slot = new Int32Array(cap);
  }

  /** The node of the vertex (lonE7, latE7), inserting it as node `size` when new. */
  idOf(lonE7: number, latE7: number): number {
    let h = Math.imul(lonE7, 0x9e3779b1) ^ Math.imul(latE7 ^ (latE7 >>> 15), 0x85ebca6b);
    h ^= h >>> 13;
    let i = h & this.mask;
    for (;;) {
      const s = this.slot[i];
      if (s === 0) {
        this.keyLon[i] = lonE7;
        this.keyLat[i] = latE7;
        this.slot[i] = ++this.size;
        return this.size - 1;
      }
      if (this.keyLon[i] === lonE7 && this.keyLat[i] === latE7) return s - 1;
      i = (i + 1) & this.mask;
    }
  }
}

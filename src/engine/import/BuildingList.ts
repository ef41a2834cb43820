import type { ImportedBuilding } from './importTypes';

/**
 * Imported buildings as columns, in import order: a million buildings are a few typed
 * arrays and two string arrays, not a million objects for the collector to trace.
 * Coordinates in WGS84 degrees (rounded to 7 decimals by the importer), households whole.
 */
export class BuildingList {
  count = 0;
  readonly ids: string[] = [];
  /** community_id of each building, '' when it has none. */
  readonly communityIds: string[] = [];
  lon: Float64Array;
  lat: Float64Array;
  households: Float64Array;
  /** 1 where households were estimated from floor area. */
  estimated: Uint8Array;

  /** @param capacity buildings expected (grows past it) */
  constructor(capacity = 1024) {
    const n = Math.max(16, capacity);
    this.lon = new Float64Array(n);
    this.lat = new Float64Array(n);
    this.households = new Float64Array(n);
    this.estimated = new Uint8Array(n);
  }

  push(id: string, lon: number, lat: number, households: number, communityId: string | undefined, estimated: boolean): void {
    if (this.count === this.lon.length) this.grow();
    const k = this.count++;
    this.ids.push(id);
    this.communityIds.push(communityId ?? '');
    this.lon[k] = lon;
    this.lat[k] = lat;
    this.households[k] = households;
    this.estimated[k] = estimated ? 1 : 0;
  }

  /** Make room for `n` buildings in all (no growing until then). */
  reserve(n: number): void {
    if (this.lon.length < n) this.grow(n);
  }

  add(b: ImportedBuilding): void {
    this.push(b.id, b.lon, b.lat, b.households, b.communityId, b.estimated);
  }

  /** Building k as an object (for tests and small lists). */
  get(k: number): ImportedBuilding {
    const b: ImportedBuilding = { id: this.ids[k], lon: this.lon[k], lat: this.lat[k], households: this.households[k], estimated: this.estimated[k] === 1 };
    if (this.communityIds[k] !== '') b.communityId = this.communityIds[k];
    return b;
  }

  private grow(to = this.lon.length * 2): void {
    const n = to;
    const more = <A extends Float64Array | Uint8Array>(a: A, make: (n: number) => A): A => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.lon = more(this.lon, (n) => new Float64Array(n));
    this.lat = more(this.lat, (n) => new Float64Array(n));
    this.households = more(this.households, (n) => new Float64Array(n));
    this.estimated = more(this.estimated, (n) => new Uint8Array(n));
  }
}

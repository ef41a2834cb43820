import type { DistanceMode } from '../types';

/** A point that serves buildings: an existing facility, a candidate, or a point on the map. */
export interface Site {
  /** Facility or candidate id (matrix mode looks distances up by it). */
  id: string;
  lon: number;
  lat: number;
}

/** Buildings within range of one site, as parallel arrays. */
export interface Reach {
  building: Int32Array;
  distanceM: Float64Array;
}

/**
 * Distances from sites to buildings in one mode (straight line, walking network, or a
 * given matrix). Built once per package and mode, then queried per service and per
 * scenario edit; implementations keep their indexes between calls.
 */
export interface DistanceProvider {
  readonly mode: DistanceMode;
  /** Per building, the distance (m) to the nearest of `sites` when ≤ thresholdM, else Infinity. */
  nearest(sites: readonly Site[], thresholdM: number): Float64Array;
  /** Buildings within thresholdM (m) of one site. */
  reach(site: Site, thresholdM: number): Reach;
}

/** Fold one site's reach into a running per-building minimum (only distances ≤ `maxM`). */
export function foldMin(into: Float64Array, r: Reach, maxM = Infinity): void {
  for (let k = 0; k < r.building.length; k++) {
    const b = r.building[k];
    if (r.distanceM[k] < into[b] && r.distanceM[k] <= maxM) into[b] = r.distanceM[k];
  }
}

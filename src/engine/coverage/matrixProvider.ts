import type { DistanceMatrix } from '../types';
import { foldMin, type DistanceProvider, type Reach, type Site } from './distanceProvider';
import { sortReach } from './euclideanProvider';

/**
 * Distances given by distances.csv: the whole truth (DATA-FORMAT.md section 2), a pair with
 * no row is out of range. Sites are looked up by id; a site with no rows reaches nothing.
 */
export class MatrixProvider implements DistanceProvider {
  readonly mode = 'matrix' as const;
  constructor(
    private readonly matrix: DistanceMatrix,
    private readonly buildingCount: number,
  ) {}

  nearest(sites: readonly Site[], thresholdM: number): Float64Array {
    const d = new Float64Array(this.buildingCount).fill(Infinity);
    for (const s of sites) foldMin(d, this.reach(s, thresholdM));
    return d;
  }

  reach(site: Site, thresholdM: number): Reach {
    const t = this.matrix.byTarget.get(site.id);
    if (!t) return { building: new Int32Array(0), distanceM: new Float64Array(0) };
    const b: number[] = [];
    const m: number[] = [];
    for (let k = 0; k < t.building.length; k++) {
      if (t.distanceM[k] <= thresholdM) {
        b.push(t.building[k]);
        m.push(t.distanceM[k]);
      }
    }
    return sortReach(b, m);
  }
}

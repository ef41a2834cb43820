import { PointIndex } from '../spatial/pointIndex';
import type { Buildings } from '../types';
import type { DistanceProvider, Reach, Site } from './distanceProvider';

/**
 * Straight-line (haversine) distances, from a kdbush index over the buildings built once.
 * `nearest` visits only the buildings inside each site's radius: cost grows with the
 * buildings in range, not with buildings × sites.
 */
export class EuclideanProvider implements DistanceProvider {
  readonly mode = 'euclidean' as const;
  readonly index: PointIndex;
  constructor(private readonly buildings: Buildings) {
    this.index = new PointIndex(buildings.lon, buildings.lat);
  }

  nearest(sites: readonly Site[], thresholdM: number): Float64Array {
    return this.index.nearestWithin(sites, thresholdM);
  }

  reach(site: Site, thresholdM: number): Reach {
    const b: number[] = [];
    const m: number[] = [];
    this.index.forEachWithin(site.lon, site.lat, thresholdM, (i, dist) => {
      b.push(i);
      m.push(dist);
    });
    return sortReach(b, m);
  }
}

/** Parallel arrays sorted by building index (deterministic order for the optimiser). */
export function sortReach(b: number[], m: number[]): Reach {
  const order = b.map((_, k) => k).sort((x, y) => b[x] - b[y]);
  return { building: Int32Array.from(order, (k) => b[k]), distanceM: Float64Array.from(order, (k) => m[k]) };
}

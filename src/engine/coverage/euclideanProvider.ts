import { NearestByCells } from '../spatial/NearestByCells';
import { pointIndexOf, type PointIndex } from '../spatial/pointIndex';
import type { Buildings } from '../types';
import type { DistanceProvider, Reach, Site } from './distanceProvider';

/**
 * Straight-line (haversine) distances over the buildings. `nearest` walks the buildings by
 * cells ({@link NearestByCells}: each building meets only the few sites that can be its
 * nearest); `reach` queries a kdbush index. Each index is built on its first use and kept.
 */
export class EuclideanProvider implements DistanceProvider {
  readonly mode = 'euclidean' as const;
  private cells?: NearestByCells;
  /** @param cells the buildings in cell order when already built (for these buildings' lon/lat); default: built on first use */
  constructor(
    private readonly buildings: Buildings,
    cells?: NearestByCells,
  ) {
    this.cells = cells;
  }

  /** The kd-tree over the buildings (built on first use, shared: pointIndexOf). */
  get index(): PointIndex {
    return pointIndexOf(this.buildings.lon, this.buildings.lat);
  }

  /** The buildings in cell order (built on first use). */
  get byCells(): NearestByCells {
    return (this.cells ??= new NearestByCells(this.buildings.lon, this.buildings.lat));
  }

  nearest(sites: readonly Site[], thresholdM: number): Float64Array {
    return this.byCells.nearestWithin(sites, thresholdM);
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

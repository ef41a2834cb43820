import Flatbush from 'flatbush';
import type { MultiPolygon, Polygon } from 'geojson';
import { polygonBbox } from './pointInPolygon';
import { PreparedPolygon } from './PreparedPolygon';

/**
 * An index over polygons (flatbush on their boxes) answering "which polygon holds this
 * point". Built once per package; where polygons overlap the lowest index wins. Each
 * polygon is prepared ({@link PreparedPolygon}: edges binned by latitude) the first time a
 * point falls in its box, so a test does not grow with the polygon's vertex count.
 */
export class PolygonIndex {
  private readonly tree: Flatbush | null;
  private readonly prepared: (PreparedPolygon | undefined)[];
  constructor(private readonly polygons: (Polygon | MultiPolygon)[]) {
    this.prepared = new Array<PreparedPolygon | undefined>(polygons.length);
    if (polygons.length === 0) {
      this.tree = null;
      return;
    }
    this.tree = new Flatbush(polygons.length);
    for (const g of polygons) {
      const [x0, y0, x1, y1] = polygonBbox(g);
      this.tree.add(x0, y0, x1, y1);
    }
    this.tree.finish();
  }

  /** Index of the polygon containing (lon, lat), or -1. */
  locate(lon: number, lat: number): number {
    if (!this.tree) return -1;
    const hits = this.tree.search(lon, lat, lon, lat);
    let best = -1;
    for (const i of hits) {
      if (best >= 0 && i > best) continue;
      const p = (this.prepared[i] ??= new PreparedPolygon(this.polygons[i]));
      if (p.contains(lon, lat)) best = i;
    }
    return best;
  }
}

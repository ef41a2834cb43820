import Flatbush from 'flatbush';
import type { MultiPolygon, Polygon } from 'geojson';
import { pointInPolygon, polygonBbox } from './pointInPolygon';

/**
 * An index over polygons (flatbush on their boxes) answering "which polygon holds this
 * point". Built once per package; where polygons overlap the lowest index wins.
 */
export class PolygonIndex {
  private readonly tree: Flatbush | null;
  constructor(private readonly polygons: (Polygon | MultiPolygon)[]) {
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
    for (const i of hits) if ((best < 0 || i < best) && pointInPolygon(lon, lat, this.polygons[i])) best = i;
    return best;
  }
}

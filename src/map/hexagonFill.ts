/**
 * H3 hexagons filled as plain polygons (deck's SolidPolygonLayer: triangles, one draw, no
 * instancing), for the map far out (symbols.ts farOutAt), where hexagons have no outline. deck's
 * H3HexagonLayer draws a ColumnLayer, one instance a hexagon, or a PolygonLayer per cell; under
 * software WebGL (SwiftShader) an instanced draw costs ~25–33 µs an instance (flatLayers.ts), so
 * its hexagons weighed on every frame and on the first one. Each cell's ring is h3-js's own
 * boundary (`cellToBoundary`), projected once per level to deck's common space (commonSpace.ts).
 * CPU picking answers this layer as it answers H3HexagonLayer (the cell at the point, through
 * `getHexagon`).
 */
import { SolidPolygonLayer, type SolidPolygonLayerProps } from '@deck.gl/layers';
import type { Accessor, DefaultProps } from '@deck.gl/core';
import { cellToBoundary } from 'h3-js';
import { commonPositions } from './commonSpace';

/** Every cell's ring in common space: x, y pairs; cell k's ring is pairs start[k] … start[k + 1] − 1, closed (last = first). */
export interface HexRings {
  positions: Float64Array;
  start: Uint32Array;
}

const ringsCache = new WeakMap<readonly string[], HexRings>();

/** The rings of `cells` (H3 ids), once per array (a level's cells are the same array between renders). */
export function hexRings(cells: readonly string[]): HexRings {
  let r = ringsCache.get(cells);
  if (r) return r;
  const boundaries = cells.map((c) => cellToBoundary(c)); // [lat, lng] pairs, open ring
  const start = new Uint32Array(cells.length + 1);
  let n = 0;
  boundaries.forEach((b, k) => {
    start[k] = n;
    n += b.length + 1;
  });
  start[cells.length] = n;
  const lonLat = new Float64Array(2 * n);
  let v = 0;
  for (const b of boundaries) {
    for (const [lat, lng] of [...b, b[0]]) {
      lonLat[v++] = lng;
      lonLat[v++] = lat;
    }
  }
  const positions = commonPositions(lonLat);
  r = { positions, start };
  ringsCache.set(cells, r);
  return r;
}

/**
 * Filled hexagons (data: cell numbers, as the map's hexagon layer has): a SolidPolygonLayer with
 * `getHexagon`, the cell of an object, which CPU picking reads as it reads H3HexagonLayer's.
 */
export class HexagonFillLayer<ExtraProps extends object = object> extends SolidPolygonLayer<number, ExtraProps & { getHexagon: Accessor<number, string> }> {
  static override layerName = 'HexagonFillLayer';
  static override defaultProps = {
    ...(SolidPolygonLayer.defaultProps as object),
    getHexagon: { type: 'accessor', value: (c: string) => c },
  } as unknown as DefaultProps;
}

/**
 * The props that make a {@link HexagonFillLayer} draw `rings`: common space, object c's polygon
 * ring c − `offset` as a flat x, y array.
 */
export function hexagonFillProps(rings: HexRings, offset: number): Pick<SolidPolygonLayerProps<number>, 'getPolygon' | 'positionFormat' | 'coordinateSystem'> {
  return {
    coordinateSystem: 'cartesian',
    positionFormat: 'XY',
    getPolygon: (c: number) => rings.positions.subarray(2 * rings.start[c - offset], 2 * rings.start[c - offset + 1]),
  };
}

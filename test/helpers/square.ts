import type { Polygon } from 'geojson';

/** A square polygon of side `d` degrees with its south-west corner at (x, y), counter-clockwise. */
export function square(x: number, y: number, d: number): Polygon {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [x, y],
        [x + d, y],
        [x + d, y + d],
        [x, y + d],
        [x, y],
      ],
    ],
  };
}

import type { Polygon, Position } from 'geojson';
import { pointInPolygon } from '../engine/index';

/** Is (u, v), in the 24 × 24 box of a marker shape (y down, as SVG), on the shape? */
export type ShapeTest = (u: number, v: number) => boolean;

const cache = new Map<string, ShapeTest>();

/**
 * The hit test of a marker shape given as an SVG path in a 24 × 24 box (symbols.ts SHAPES,
 * blueprintLayers.ts BP_SHAPES): what deck.gl's GPU picking of an IconLayer answers from the
 * icon's opaque pixels, here as geometry. The paths are polygons (M, L, H, V, Z) and full
 * circles written as one arc from their top point (`M cx top A r r 0 1 1 …`: a circle of radius
 * r centred r below the start). Sub-paths combine even-odd, as the blueprint's ring is drawn
 * (a filled sub-path inside another cuts a hole). Parsed once per path.
 */
export function shapeHit(path: string): ShapeTest {
  let test = cache.get(path);
  if (!test) cache.set(path, (test = parse(path)));
  return test;
}

function parse(path: string): ShapeTest {
  const tokens = path.match(/[MLHVAZ]|-?\d*\.?\d+/gi) ?? [];
  const rings: Position[][] = [];
  const circles: { cx: number; cy: number; r: number }[] = [];
  let ring: Position[] = [];
  let x = 0;
  let y = 0;
  let k = 0;
  const num = () => Number(tokens[k++]);
  const close = () => {
    if (ring.length >= 3) rings.push([...ring, ring[0]]);
    ring = [];
  };
  while (k < tokens.length) {
    const cmd = tokens[k++].toUpperCase();
    if (cmd === 'M') {
      close();
      x = num();
      y = num();
      ring.push([x, y]);
    } else if (cmd === 'L') {
      x = num();
      y = num();
      ring.push([x, y]);
    } else if (cmd === 'H') {
      x = num();
      ring.push([x, y]);
    } else if (cmd === 'V') {
      y = num();
      ring.push([x, y]);
    } else if (cmd === 'A') {
      const r = num();
      k += 4; // ry, rotation, large-arc and sweep flags: a full circle from its top point
      const start = ring.pop() ?? [x, y];
      x = num();
      y = num();
      circles.push({ cx: start[0], cy: start[1] + r, r });
    } else if (cmd === 'Z') {
      close();
    }
  }
  close();
  const polygons: Polygon[] = rings.map((r) => ({ type: 'Polygon', coordinates: [r] }));
  return (u, v) => {
    let inside = false;
    for (const p of polygons) if (pointInPolygon(u, v, p)) inside = !inside;
    for (const c of circles) if ((u - c.cx) ** 2 + (v - c.cy) ** 2 <= c.r * c.r) inside = !inside;
    return inside;
  };
}

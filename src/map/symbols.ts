import type { FacilityLevel } from '../engine/index';

/** Marker shapes as SVG paths in a 24 × 24 box (used by the icon atlas and the legend). */
export const SHAPES = {
  square: 'M5 5 H19 V19 H5 Z',
  circle: 'M12 4.5 A7.5 7.5 0 1 1 11.99 4.5 Z',
  triangle: 'M12 3.5 L20.5 19 H3.5 Z',
  hexagon: 'M12 3.5 L19.4 7.75 V16.25 L12 20.5 L4.6 16.25 V7.75 Z',
  diamond: 'M12 2.5 L21.5 12 L12 21.5 L2.5 12 Z',
} as const;
export type ShapeName = keyof typeof SHAPES;

/** Facility marker by service level: 街道 square, 社区 circle, 小区 triangle, not given hexagon. */
export function levelShape(level: FacilityLevel | undefined): ShapeName {
  return level === 'street' ? 'square' : level === 'community' ? 'circle' : level === 'compound' ? 'triangle' : 'hexagon';
}

/** Marker size in pixels by level: a street-level centre reads larger than a compound station. */
export function levelSize(level: FacilityLevel | undefined): number {
  return level === 'street' ? 22 : level === 'community' ? 18 : 14;
}

export const CANDIDATE_SHAPE: ShapeName = 'diamond';

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

/**
 * Zoom from which the map draws its markers in detail: facilities as shaped icons with a halo
 * (two deck IconLayers) and household hexagons with outlines. Further out, where a city's ~20k
 * facilities crowd the screen at a few pixels each and a hexagon is a few pixels wide,
 * facilities are plain dots with a white rim (one ScatterplotLayer: half the instances, no
 * texture lookups), their colour still telling the service, and hexagons are fills only. Under
 * software WebGL those layers cost most of a frame at the city extent.
 */
export const DETAIL_MIN_ZOOM = 12;

/** Whether the map at `zoom` is further out than {@link DETAIL_MIN_ZOOM} (facility dots, no hexagon outlines). */
export function farOutAt(zoom: number): boolean {
  return Number.isFinite(zoom) && zoom < DETAIL_MIN_ZOOM;
}

/**
 * Radius in pixels (before the marker scale) of a facility dot: the disc the level's icon shape
 * roughly covers (a circle icon of size s spans 15/24 s), so a dot reads as large as its icon would.
 */
export function levelDotRadius(level: FacilityLevel | undefined): number {
  return (levelSize(level) * 15) / 48;
}

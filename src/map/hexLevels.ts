import { getHexagonAreaAvg, getHexagonEdgeLengthAvg } from 'h3-js';
import { create } from 'zustand';
import type { H3Arrays } from '../worker/protocol';

/**
 * Hexagons of households at a size that stays visible: far out a res-9 hexagon (≈ 0.1 km²)
 * is a pixel or two wide and a city holds tens of thousands of them (under software WebGL every
 * instance costs frame time), so the map draws the worker's coarser levels there (H3Arrays.coarser,
 * counts summed over the children: src/worker/h3Parents.ts) and the legend gives their classes.
 */

/** A drawn hexagon is at least this wide (corner to corner), CSS pixels. */
export const MIN_HEX_PX = 5;

/** Equatorial circumference, metres (Web Mercator). */
const EARTH_M = 40_075_016.686;

/**
 * Width in CSS pixels of an average H3 hexagon of `resolution` (corner to corner: two edges) at
 * map zoom `zoom` (maplibre, 512-px tiles) and latitude `lat` (degrees).
 */
export function hexWidthPx(resolution: number, zoom: number, lat: number): number {
  const metresPerPx = (EARTH_M * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** zoom);
  return (2 * getHexagonEdgeLengthAvg(resolution, 'm')) / metresPerPx;
}

/**
 * The finest H3 resolution (0–15) whose hexagons are at least {@link MIN_HEX_PX} wide at `zoom`
 * and `lat`. In Chongqing (29.5° N): res 9 from zoom 9.7, res 8 from 8.3, res 7 from 6.9.
 */
export function hexResolutionAt(zoom: number, lat: number): number {
  if (!Number.isFinite(zoom)) return 15;
  for (let r = 15; r > 0; r--) if (hexWidthPx(r, zoom, lat) >= MIN_HEX_PX) return r;
  return 0;
}

/** Every level of `h3`, finest first: the cells as analysed, then the coarser ones. */
export function hexLevels(h3: H3Arrays): H3Arrays[] {
  return h3.coarser?.length ? [h3, ...h3.coarser] : [h3];
}

/**
 * The level drawn at most at `resolution` (see {@link hexResolutionAt}): the finest with a
 * resolution ≤ it, or the coarsest there is. Its index among {@link hexLevels}.
 */
export function hexLevelAt(h3: H3Arrays, resolution: number): number {
  const levels = hexLevels(h3);
  const k = levels.findIndex((l) => l.resolution <= resolution);
  return k < 0 ? levels.length - 1 : k;
}

/** The level itself drawn at most at `resolution` ({@link hexLevelAt}). */
export function hexLevelFor(h3: H3Arrays, resolution: number): H3Arrays {
  return hexLevels(h3)[hexLevelAt(h3, resolution)];
}

/**
 * Cells of all levels are numbered one level after another, finest first (the hexagon layer's
 * data and its picks use these numbers): the level of cell number `c` and its index there.
 */
export function hexCell(h3: H3Arrays, c: number): { level: H3Arrays; k: number } {
  let k = c;
  for (const level of hexLevels(h3)) {
    if (k < level.cells.length) return { level, k };
    k -= level.cells.length;
  }
  return { level: h3, k: -1 };
}

/** The number of the first cell of level `index` (see {@link hexCell}). */
export function hexLevelOffset(h3: H3Arrays, index: number): number {
  const levels = hexLevels(h3);
  let off = 0;
  for (let k = 0; k < index && k < levels.length; k++) off += levels[k].cells.length;
  return off;
}

/** Average area of a hexagon of `resolution`, km². */
export function hexAreaKm2(resolution: number): number {
  return getHexagonAreaAvg(resolution, 'km2');
}

/** The hexagon resolution of the map's current zoom (hexResolutionAt), kept by the map, read by the legend. */
export const useHexResolution = create<{ resolution: number }>(() => ({ resolution: 15 }));

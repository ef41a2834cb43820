/**
 * Building dots are drawn (from zoom 14, zoomState.ts) only for the buildings within a window
 * around the view, not all of the package: deck.gl draws every object it is given, in view or
 * not, and at 1M buildings under software WebGL a frame of all of them took over 30 s. The window
 * is the view grown by a quarter of its size on every side, so panning within it draws the same
 * dots; the map makes a new one when the view leaves it (MapView, on `moveend`).
 */
import { create } from 'zustand';
import { PointGrid } from './PointGrid';

/** [west, south, east, north] in degrees. */
export type Box = [number, number, number, number];

/** Share of the view's width (height) added on each side of it. */
export const WINDOW_MARGIN = 0.25;

/** The window drawn around a view: `view` grown by `margin` of its width and height on every side. */
export function windowAround(view: Box, margin = WINDOW_MARGIN): Box {
  const dx = (view[2] - view[0]) * margin;
  const dy = (view[3] - view[1]) * margin;
  return [view[0] - dx, view[1] - dy, view[2] + dx, view[3] + dy];
}

/** True when `outer` holds all of `inner`. */
export function covers(outer: Box, inner: Box): boolean {
  return outer[0] <= inner[0] && outer[1] <= inner[1] && outer[2] >= inner[2] && outer[3] >= inner[3];
}

const grids = new WeakMap<ArrayLike<number>, PointGrid>();

/** Indices (ascending) of the points of `lonLat` (lon, lat interleaved) inside `box`, edges included; the point grid is built once per array. */
export function pointsInBox(lonLat: Float32Array | Float64Array, box: Box): Int32Array {
  let grid = grids.get(lonLat);
  if (!grid) grids.set(lonLat, (grid = new PointGrid(lonLat)));
  const out: number[] = [];
  grid.search(box[0], box[1], box[2], box[3], (i) => {
    out.push(i);
  });
  return Int32Array.from(out).sort();
}

/** The buildings drawn: a window and the indices of the buildings in it. */
export interface BuildingWindow {
  box: Box;
  /** Indices into the package's buildings, ascending. */
  ids: Int32Array;
  /** The building positions the window was cut from (a new package makes a new window). */
  of: Float32Array | Float64Array;
}

/** The window box to draw for `view`: `current` while it still holds the view, else a new one around it (building dots, outlined hexagons). */
export function boxFor(current: Box | null, view: Box): Box {
  return current && covers(current, view) ? current : windowAround(view);
}

/** The window to draw for `view`: `current` while it still holds the view (and is of these positions), else a new one. */
export function windowFor(current: BuildingWindow | null, lonLat: Float32Array | Float64Array, view: Box): BuildingWindow {
  const box = boxFor(current?.of === lonLat ? current.box : null, view);
  if (current && box === current.box) return current;
  return { box, ids: pointsInBox(lonLat, box), of: lonLat };
}

/** The building dots drawn: the window around the view, or null (none drawn; MapView sets it). */
export const useBuildingWindow = create<{ win: BuildingWindow | null }>(() => ({ win: null }));

/**
 * Outlined hexagons (zoom 12 to 14, buildDeckLayers: plain-triangle fills and H3HexagonLayer's
 * outlines) are drawn only within a window around the view, as the building dots are
 * (buildingWindow.ts): deck.gl draws every hexagon it is given, each outline an instance of a
 * stroked column, and at the 1M-building city's 53k res-9 cells a frame at zoom 12 took 2.2 s
 * under software WebGL, against 0.2 s without them. The
 * window is the view grown by a quarter of its size on every side; the map makes a new one when
 * the view leaves it (MapView, on `moveend`). Far out the hexagons are plain triangles of a
 * coarser level (hexagonFill.ts) and all are drawn.
 */
import { cellToLatLng } from 'h3-js';
import { create } from 'zustand';
import type { Box } from './buildingWindow';

/** The window the outlined hexagons are cut to, or null (far out: all drawn; MapView keeps it). */
export const useHexWindow = create<{ box: Box | null }>(() => ({ box: null }));

const centres = new WeakMap<string[], Float64Array>();
/** The last cells computed: another analysis of the same package (a mode switch) sends the same cells in a new array. */
let last: { cells: string[]; centres: Float64Array } | null = null;

const sameCells = (a: string[], b: string[]) => a.length === b.length && a.every((x, k) => x === b[k]);

/**
 * Longitude and latitude (interleaved) of the centre of each cell of `cells`: computed once per
 * array, and taken over from the last array when it holds the same cells (a call into h3 per cell,
 * ~0.1–0.2 s for the 1M city's 54k cells under load; comparing the ids, ~1 ms).
 */
export function cellCentres(cells: string[]): Float64Array {
  let c = centres.get(cells);
  if (c) return c;
  if (last && sameCells(last.cells, cells)) c = last.centres;
  else {
    c = new Float64Array(cells.length * 2);
    for (let k = 0; k < cells.length; k++) {
      const [lat, lon] = cellToLatLng(cells[k]);
      c[2 * k] = lon;
      c[2 * k + 1] = lat;
    }
  }
  centres.set(cells, c);
  last = { cells, centres: c };
  return c;
}

const cut = new WeakMap<number[], { box: Box; ids: number[] }>();

/**
 * The entries of `idx` (numbers of cells of `cells`, less `offset`) whose cell centre lies in
 * `box`, in their order. The same array for the same `idx` and box, so that deck keeps the
 * layer's attributes while the view stays in its window.
 */
export function cellsInBox(cells: string[], offset: number, idx: number[], box: Box): number[] {
  const had = cut.get(idx);
  if (had && had.box.every((v, k) => v === box[k])) return had.ids;
  const c = cellCentres(cells);
  const ids: number[] = [];
  for (const i of idx) {
    const lon = c[2 * (i - offset)];
    const lat = c[2 * (i - offset) + 1];
    if (lon >= box[0] && lon <= box[2] && lat >= box[1] && lat <= box[3]) ids.push(i);
  }
  cut.set(idx, { box, ids });
  return ids;
}

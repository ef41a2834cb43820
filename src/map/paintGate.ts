import type { Map as MaplibreMap } from 'maplibre-gl';

/** Closed: the map draws nothing (its updates, tile loads and `idle` go on). */
export interface PaintGate {
  closed: boolean;
  /** Set when a frame was asked for and not drawn while closed (the canvas holds an older picture). */
  skipped?: boolean;
}

/** The part of maplibre's private painter the gate wraps. */
interface PrivatePainter {
  render: (...args: unknown[]) => void;
}

/**
 * Wrap maplibre's private `map.painter.render` so that nothing is drawn while `gate` is closed.
 * While the map is hidden before its first result has settled, maplibre keeps updating (tiles,
 * placement, `idle`) but draws nothing: in software WebGL every frame costs ~100 ms of the GPU
 * process whether the canvas shows or not, and the sources arrive tile by tile, a frame each.
 *
 * This relies on maplibre internals (maplibre-gl 6.x: `Map#_setupPainter` sets `this.painter`,
 * `Map#_render` draws through `this.painter.render(...)`); test/map/paintGate.test.ts checks
 * both on the installed maplibre-gl so that an upgrade that changes them fails the tests.
 * Returns false (and changes nothing) when the map has no painter to wrap.
 */
export function gatePainting(map: MaplibreMap, gate: PaintGate): boolean {
  const painter = (map as unknown as { painter?: PrivatePainter }).painter;
  if (!painter || typeof painter.render !== 'function') return false;
  const render = painter.render.bind(painter);
  painter.render = (...args: unknown[]) => {
    if (!gate.closed) render(...args);
    else gate.skipped = true;
  };
  return true;
}

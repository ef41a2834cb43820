import type { Map as MaplibreMap } from 'maplibre-gl';

/** The parts of maplibre's private map the skip wraps. */
interface PrivateMap {
  painter?: { render: (...args: unknown[]) => void };
  _handlers?: { _requestFrame?: () => unknown };
  triggerRepaint: () => void;
  getCenter(): { lng: number; lat: number };
  getZoom(): number;
  getBearing(): number;
  getPitch(): number;
  getCanvas(): { width: number; height: number };
}

/**
 * Skip the map frames that a pointer press or release asks for and that would draw the same
 * picture again. maplibre's gesture handlers request a render frame on every mouse down and up
 * (a pan handler starting and ending, even when the map did not move), and every frame draws
 * the whole map: under software WebGL a second at 200k buildings, several at a city's extent,
 * in the same browser frame as the side panel a click opens, which then waits for it.
 *
 * A frame is drawn when anything other than the gesture handlers asked for one (a style or
 * source change, a tile, deck.gl, a camera animation: they all go through `map.triggerRepaint`)
 * or when the view moved (a drag or a wheel zoom is applied inside the handlers' frame); a
 * frame asked for only by the handlers, with the view where it was drawn last, is not drawn
 * (the canvas keeps the last picture). maplibre still runs the frame's tasks and events.
 *
 * Relies on maplibre internals (6.x: `map.painter.render` draws a frame, `map._handlers` is the
 * HandlerManager whose `_requestFrame` calls `map.triggerRepaint()`); test/map/frameSkip.test.ts
 * checks both on the installed maplibre-gl. Returns false (and changes nothing) without them.
 */
export function skipNeedlessFrames(map: MaplibreMap): boolean {
  const m = map as unknown as PrivateMap;
  const painter = m.painter;
  const handlers = m._handlers;
  if (!painter || typeof painter.render !== 'function' || !handlers || typeof handlers._requestFrame !== 'function') return false;
  let needed = true;
  let inHandler = false;
  let drawn = '';
  const view = () => {
    const c = m.getCenter();
    const canvas = m.getCanvas();
    return `${c.lng},${c.lat},${m.getZoom()},${m.getBearing()},${m.getPitch()},${canvas.width}x${canvas.height}`;
  };
  const requestFrame = handlers._requestFrame.bind(handlers);
  handlers._requestFrame = () => {
    inHandler = true;
    try {
      return requestFrame();
    } finally {
      inHandler = false;
    }
  };
  const trigger = m.triggerRepaint.bind(map);
  m.triggerRepaint = () => {
    if (!inHandler) needed = true;
    trigger();
  };
  const render = painter.render.bind(painter);
  painter.render = (...args: unknown[]) => {
    const v = view();
    if (!needed && v === drawn) return;
    needed = false;
    drawn = v;
    render(...args);
  };
  return true;
}

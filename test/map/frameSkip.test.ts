import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as maplibregl from 'maplibre-gl';
import { skipNeedlessFrames } from '../../src/map/frameSkip';

/**
 * src/map/frameSkip.ts wraps private parts of maplibre: the HandlerManager's `_requestFrame`
 * (which asks the map for a frame through `map.triggerRepaint()`) and `map.painter.render`
 * (which draws it). A real Map needs WebGL, so the first tests read the installed maplibre-gl's
 * sources; the others drive the wrapper on a stand-in map.
 */
describe('maplibre internals the frame skip relies on', () => {
  const proto = maplibregl.Map.prototype as unknown as Record<string, unknown>;
  /** The installed maplibre-gl bundle (HandlerManager is not exported: its code is read as text). */
  const bundle = readFileSync(fileURLToPath(import.meta.resolve('maplibre-gl')), 'utf8');

  it('the map keeps its gesture handlers as `this._handlers`', () => {
    expect(String(maplibregl.Map)).toMatch(/this\._handlers\s*=\s*new\b/);
  });

  it("the handlers' `_requestFrame` asks the map for a frame through `triggerRepaint()`", () => {
    expect(bundle).toMatch(/_requestFrame\(\)\s*\{\s*(return\s+)?this\._map\.triggerRepaint\(\)/);
    expect(typeof proto.triggerRepaint).toBe('function');
  });

  it('a frame is drawn through `this.painter.render(`', () => {
    expect(String(proto._render)).toMatch(/this\.painter\.render\(/);
  });
});

/** A stand-in map: a view that can move, a painter that records frames, handlers that ask for frames. */
function fakeMap() {
  const drawn: number[] = [];
  let frame = 0;
  const view = { lng: 106.5, lat: 29.5, zoom: 12 };
  const map = {
    painter: {
      render(this: unknown) {
        drawn.push(frame);
      },
    },
    _handlers: {
      _requestFrame() {
        map.triggerRepaint();
        return 1;
      },
    },
    requests: 0,
    triggerRepaint() {
      map.requests++;
    },
    getCenter: () => ({ lng: view.lng, lat: view.lat }),
    getZoom: () => view.zoom,
    getBearing: () => 0,
    getPitch: () => 0,
    getCanvas: () => ({ width: 800, height: 600 }),
  };
  /** One maplibre frame: the painter is called as `_render` calls it. */
  const render = () => {
    frame++;
    map.painter.render();
  };
  return { map, drawn, view, render };
}

describe('skipNeedlessFrames', () => {
  it('draws the first frame, then skips frames only the handlers asked for while the view stands still', () => {
    const { map, drawn, render } = fakeMap();
    expect(skipNeedlessFrames(map as unknown as maplibregl.Map)).toBe(true);
    render(); // frame 1: nothing drawn yet
    expect(drawn).toEqual([1]);
    map._handlers._requestFrame(); // a mouse release: a frame is requested…
    expect(map.requests).toBe(1); // …and still scheduled (maplibre runs the handlers' tasks in it)
    render(); // frame 2: same view, nothing else asked: not drawn
    expect(drawn).toEqual([1]);
  });

  it('draws when anything else asked for the frame (a style change, a tile, deck.gl), even with the view unchanged', () => {
    const { map, drawn, render } = fakeMap();
    skipNeedlessFrames(map as unknown as maplibregl.Map);
    render();
    map._handlers._requestFrame();
    map.triggerRepaint(); // e.g. deck's redraw after the selection outline changed
    render();
    expect(drawn).toEqual([1, 2]);
    render(); // nobody asked again and the view stands: skipped
    expect(drawn).toEqual([1, 2]);
  });

  it('draws a handler frame that moved the view (a drag, a wheel zoom)', () => {
    const { map, drawn, view, render } = fakeMap();
    skipNeedlessFrames(map as unknown as maplibregl.Map);
    render();
    map._handlers._requestFrame();
    view.lng += 0.001; // the pan applied in the frame's handler task
    render();
    map._handlers._requestFrame();
    view.zoom += 0.5;
    render();
    expect(drawn).toEqual([1, 2, 3]);
  });

  it('changes nothing on a map without a painter or handlers', () => {
    expect(skipNeedlessFrames({} as maplibregl.Map)).toBe(false);
    expect(skipNeedlessFrames({ painter: { render() {} } } as unknown as maplibregl.Map)).toBe(false); // no handlers
  });
});

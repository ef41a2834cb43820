import { describe, expect, it, vi } from 'vitest';
import type { MapLibreOverlay } from '@deck.gl/maplibre';
import type { Layer } from '@deck.gl/core';
import type * as maplibregl from 'maplibre-gl';
import { addDeckOverlay, setOverlay, warmShaders } from '../../src/map/deckOverlay';
import { BEFORE_FILL, BEFORE_POINTS } from '../../src/map/buildDeckLayers';
import { baseStyle } from '../../src/map/baseStyle';

/** A stand-in overlay that records the layer ids it is given. */
function fakeOverlay() {
  const given: string[][] = [];
  let last: Layer[] = [];
  const overlay = {
    setProps: (p: { layers?: Layer[] }) => {
      if (!p.layers) return;
      last = p.layers;
      given.push(p.layers.map((l) => l.id));
    },
  } as unknown as MapLibreOverlay;
  return { overlay, given, last: () => last };
}
const map = { isStyleLoaded: () => true } as unknown as maplibregl.Map;
const layer = (id: string) => ({ id }) as unknown as Layer;

describe('deck overlay shader warm-up', () => {
  it('adds one hidden, empty warm-up layer per step after the view layers, and keeps them when the view sets new layers', () => {
    const { overlay, given, last } = fakeOverlay();
    const steps: (() => void)[] = [];
    setOverlay(map, overlay, () => overlay, { layers: [layer('communities-fill')], getCursor: () => 'grab' });
    warmShaders(overlay, (f) => steps.push(f));
    expect(given).toEqual([['communities-fill']]); // nothing built before its step
    steps.shift()!();
    expect(given[1]).toEqual(['communities-fill', 'warm-shader-polygons']);
    const warm = last()[1];
    expect([warm.props.visible, (warm.props.data as unknown[]).length, warm.props.pickable]).toEqual([false, 0, false]);
    setOverlay(map, overlay, () => overlay, { layers: [layer('communities-fill'), layer('facilities')], getCursor: () => 'grab' });
    expect(given[2]).toEqual(['communities-fill', 'facilities', 'warm-shader-polygons']);
    expect(steps.length).toBe(1); // the next warm-up layer waits for its own step
  });
});

describe('deck overlay slots', () => {
  it("holds one hidden, empty layer per slot (before roads, before labels, last) from the map's load on, and keeps them beside the view's layers", () => {
    let onLoad: (() => void) | undefined;
    let added: MapLibreOverlay | undefined;
    const fakeMap = {
      isStyleLoaded: () => true,
      on: (type: string, f: () => void) => {
        if (type === 'load') onLoad = f;
      },
      addControl: (c: MapLibreOverlay) => {
        added = c;
      },
    } as unknown as maplibregl.Map;
    vi.stubGlobal('requestAnimationFrame', () => 0); // the warm-up's steps: not run here
    try {
      let ready: MapLibreOverlay | undefined;
      addDeckOverlay(fakeMap, (o) => (ready = o));
      onLoad!();
      expect(ready).toBe(added);
      // Given to the overlay at its creation, before it is added to the map (where it slots them).
      const initial = (added as unknown as { _props: { layers: Layer[] } })._props.layers;
      const slots = initial.map((l) => [l.id, (l.props as { beforeId?: string }).beforeId, l.props.visible, (l.props.data as unknown[]).length]);
      expect(slots).toEqual([
        [`slot-before-${BEFORE_FILL}`, BEFORE_FILL, false, 0],
        [`slot-before-${BEFORE_POINTS}`, BEFORE_POINTS, false, 0],
        ['slot-last', undefined, false, 0],
      ]);
      const setProps = vi.spyOn(added!, 'setProps').mockImplementation(() => undefined);
      setOverlay(fakeMap, added!, () => added!, { layers: [layer('communities-fill')], getCursor: () => 'grab' });
      expect((setProps.mock.calls[0][0].layers as Layer[]).map((l) => l.id)).toEqual([
        'communities-fill',
        `slot-before-${BEFORE_FILL}`,
        `slot-before-${BEFORE_POINTS}`,
        'slot-last',
      ]);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('both slots are layers of the base style from its start (a group before a missing layer is not made)', () => {
    const ids = baseStyle().layers.map((l) => l.id);
    expect(ids).toContain(BEFORE_FILL);
    expect(ids).toContain(BEFORE_POINTS);
  });
});

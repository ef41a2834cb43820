import { describe, expect, it } from 'vitest';
import type { MapLibreOverlay } from '@deck.gl/maplibre';
import type { Layer } from '@deck.gl/core';
import type * as maplibregl from 'maplibre-gl';
import { setOverlay, warmShaders } from '../../src/map/deckOverlay';

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

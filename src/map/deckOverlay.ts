import type * as maplibregl from 'maplibre-gl';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import type { Layer } from '@deck.gl/core';

/** Add the interleaved deck.gl overlay once the map's style has loaded; `onReady` receives it. */
export function addDeckOverlay(map: maplibregl.Map, onReady: (overlay: MapLibreOverlay) => void): void {
  map.on('load', () => {
    const overlay = new MapLibreOverlay({ interleaved: true, layers: [] });
    map.addControl(overlay as unknown as maplibregl.IControl);
    onReady(overlay);
  });
}

/**
 * What the overlay draws and its cursor. Clicks and hovers are picked by MapView on maplibre's
 * `click` and `mousemove`, on the CPU (cpuPicking.ts): deck gets no pointer handlers.
 */
export interface OverlayProps {
  layers: Layer[];
  getCursor: (state: { isHovering: boolean }) => string;
}

/**
 * Hand deck its layers and handlers. The overlay only slots its layers into the style
 * (beforeId) while the style is fully loaded; right after setData it is not, so they are slotted
 * again once the map is idle. Returns the clean-up of that wait (or undefined).
 */
export function setOverlay(
  map: maplibregl.Map,
  overlay: MapLibreOverlay,
  current: () => MapLibreOverlay | null,
  props: OverlayProps,
): (() => void) | undefined {
  overlay.setProps(props);
  if (map.isStyleLoaded()) return undefined;
  const again = () => current()?.setProps({ layers: props.layers });
  map.once('idle', again);
  return () => {
    map.off('idle', again);
  };
}

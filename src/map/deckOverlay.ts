import type * as maplibregl from 'maplibre-gl';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import type { Layer } from '@deck.gl/core';
import { ColumnLayer, IconLayer, PathLayer, ScatterplotLayer, SolidPolygonLayer } from '@deck.gl/layers';
import { atlasImage, iconAtlas } from './iconAtlas';
import { FlatIconLayer, FlatScatterplotLayer } from './flatLayers';
import { BEFORE_FILL, BEFORE_POINTS } from './buildDeckLayers';

/**
 * Layers that only make deck compile the shader programs the map's layers use (community fills,
 * facility and candidate icons, building dots, hexagons, walkshed outlines): empty and hidden, they draw nothing.
 * Compiling and linking a program takes 100–500 ms under software WebGL; built one a task while
 * the package loads, the programs are ready (luma.gl shares them by source) when the first
 * picture's layers are built, and kept alive because these layers stay in the overlay.
 */
const WARM_LAYERS: (() => Layer)[] = [
  () => new SolidPolygonLayer({ id: 'warm-shader-polygons', data: [], visible: false, getPolygon: () => [] }),
  () => new IconLayer({ id: 'warm-shader-icons', data: [], visible: false, iconAtlas: atlasImage(iconAtlas()), iconMapping: iconAtlas().mapping }),
  () => new ScatterplotLayer({ id: 'warm-shader-dots', data: [], visible: false }),
  () => new FlatScatterplotLayer({ id: 'warm-shader-flat-dots', data: [], visible: false }),
  () => new FlatIconLayer({ id: 'warm-shader-flat-icons', data: [], visible: false, iconAtlas: atlasImage(iconAtlas()), iconMapping: iconAtlas().mapping }),
  () => new ColumnLayer({ id: 'warm-shader-columns', data: [], visible: false, diskResolution: 6, extruded: false }),
  () => new PathLayer({ id: 'warm-shader-paths', data: [], visible: false }),
];

/**
 * One empty, hidden layer per slot of the map's style that deck's layers are drawn in (before
 * maplibre's `roads`, before `community-labels`, and last, for a layer without `beforeId`). In
 * interleaved mode deck draws a layer inside maplibre's render, in the maplibre layer group
 * (custom layer) of its slot; the overlay creates a group only while the style is fully loaded,
 * and a layer whose group does not exist yet is drawn by deck itself after every maplibre
 * `render` event, even while no map frame is drawn (paintGate.ts), until the group is made at the
 * next idle. While the first data loaded, the community fills were so drawn dozens of times,
 * hidden, each a whole draw of the software GPU. Held from the overlay's creation, at the map's
 * load (the style loaded, its sources still empty), the groups exist before any data.
 */
const SLOT_IDS = [BEFORE_FILL, BEFORE_POINTS, undefined];
const slotLayers = (): Layer[] =>
  SLOT_IDS.map((beforeId) => new ScatterplotLayer({ id: beforeId ? `slot-before-${beforeId}` : 'slot-last', data: [], visible: false, beforeId }));

/** Per overlay: the layers its map view last gave it, the slot layers and the warm-up layers built so far. */
const held = new WeakMap<MapLibreOverlay, { layers: Layer[]; slots: Layer[]; warm: Layer[] }>();

function heldOf(overlay: MapLibreOverlay): { layers: Layer[]; slots: Layer[]; warm: Layer[] } {
  let h = held.get(overlay);
  if (!h) held.set(overlay, (h = { layers: [], slots: [], warm: [] }));
  return h;
}

/** Build the warm-up layers one per frame (deck builds new layers in its next animation frame), each in a task of its own. */
export function warmShaders(overlay: MapLibreOverlay, later: (f: () => void) => void = (f) => requestAnimationFrame(() => setTimeout(f, 0))): void {
  const h = heldOf(overlay);
  const next = () => {
    if (h.warm.length >= WARM_LAYERS.length) return;
    h.warm.push(WARM_LAYERS[h.warm.length]());
    overlay.setProps({ layers: [...h.layers, ...h.slots, ...h.warm] });
    later(next);
  };
  later(next);
}

/** Add the interleaved deck.gl overlay once the map's style has loaded; `onReady` receives it. */
export function addDeckOverlay(map: maplibregl.Map, onReady: (overlay: MapLibreOverlay) => void): void {
  map.on('load', () => {
    const slots = slotLayers();
    const overlay = new MapLibreOverlay({ interleaved: true, layers: slots });
    heldOf(overlay).slots = slots;
    map.addControl(overlay as unknown as maplibregl.IControl);
    warmShaders(overlay);
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
  const h = heldOf(overlay);
  h.layers = props.layers;
  const all = () => [...props.layers, ...h.slots, ...h.warm]; // the slot and warm-up layers stay (see above)
  overlay.setProps({ ...props, layers: all() });
  if (map.isStyleLoaded()) return undefined;
  const again = () => current()?.setProps({ layers: all() });
  map.once('idle', again);
  return () => {
    map.off('idle', again);
  };
}

import type { LayerSpecification, Map as MaplibreMap } from 'maplibre-gl';

/**
 * The walking network in the offline basemap (source `roads`, roads.geojson's `kind`):
 * streets and footways white with a grey casing; bridges with a dark casing; stairs (梯坎)
 * as a brown ladder; lifts and escalators (`elevator`) as a blue line with a lift symbol
 * at their middle. The first layer keeps the id `roads`: deck.gl's fills go just before it,
 * so the whole network draws above the community colours.
 */
export const NETWORK_LAYER_IDS = ['roads', 'roads-bridge-casing', 'roads-line', 'roads-steps', 'roads-lift', 'roads-lift-icon'] as const;

/** Colours of the network (shared with the legend). */
export const NETWORK_COLORS = {
  casing: '#bdb6a8',
  road: '#ffffff',
  bridgeCasing: '#5d5a53',
  steps: '#9a5b2e',
  lift: '#1f5fa8',
} as const;

export const LIFT_ICON = 'yl-lift';

const ORDINARY: unknown[] = ['!', ['in', ['get', 'kind'], ['literal', ['steps', 'elevator']]]];
const width = (z12: number, z16: number) => ['interpolate', ['linear'], ['zoom'], 12, z12, 16, z16] as never;

/** The maplibre layers of the walking network, bottom to top. */
export function networkLayers(): LayerSpecification[] {
  return [
    {
      id: 'roads',
      type: 'line',
      source: 'roads',
      filter: ORDINARY as never,
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': NETWORK_COLORS.casing, 'line-width': width(0.9, 4.2), 'line-opacity': 0.9 },
    },
    {
      id: 'roads-bridge-casing',
      type: 'line',
      source: 'roads',
      filter: ['==', ['get', 'kind'], 'bridge'],
      layout: { 'line-cap': 'butt' },
      paint: { 'line-color': NETWORK_COLORS.bridgeCasing, 'line-width': width(2.2, 7) },
    },
    {
      id: 'roads-line',
      type: 'line',
      source: 'roads',
      filter: ORDINARY as never,
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': NETWORK_COLORS.road, 'line-width': width(0.4, 2.4) },
    },
    {
      id: 'roads-steps',
      type: 'line',
      source: 'roads',
      filter: ['==', ['get', 'kind'], 'steps'],
      paint: {
        'line-color': NETWORK_COLORS.steps,
        'line-width': width(1, 4),
        'line-dasharray': [0.5, 0.45], // short rungs: a ladder of steps
      },
    },
    {
      id: 'roads-lift',
      type: 'line',
      source: 'roads',
      filter: ['==', ['get', 'kind'], 'elevator'],
      layout: { 'line-cap': 'round' },
      paint: { 'line-color': NETWORK_COLORS.lift, 'line-width': width(1.6, 4.5) },
    },
    {
      id: 'roads-lift-icon',
      type: 'symbol',
      source: 'roads',
      minzoom: 12.5,
      filter: ['==', ['get', 'kind'], 'elevator'],
      layout: {
        'symbol-placement': 'line-center',
        'icon-image': LIFT_ICON,
        'icon-size': ['interpolate', ['linear'], ['zoom'], 12.5, 0.6, 16, 1],
        'icon-allow-overlap': true,
        'icon-rotation-alignment': 'viewport',
      },
    },
  ];
}

/** A 20 px (at 2× pixel ratio) lift symbol: blue rounded square with an up and a down arrow. */
export function liftIcon(): { width: number; height: number; data: Uint8ClampedArray } | null {
  if (typeof document === 'undefined') return null;
  const n = 40;
  const canvas = document.createElement('canvas');
  canvas.width = n;
  canvas.height = n;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.fillStyle = '#ffffff';
  ctx.beginPath();
  ctx.roundRect(0, 0, n, n, 9);
  ctx.fill();
  ctx.fillStyle = NETWORK_COLORS.lift;
  ctx.beginPath();
  ctx.roundRect(3, 3, n - 6, n - 6, 7);
  ctx.fill();
  ctx.fillStyle = '#ffffff';
  ctx.beginPath();
  ctx.moveTo(20, 7);
  ctx.lineTo(29, 17);
  ctx.lineTo(11, 17);
  ctx.closePath();
  ctx.moveTo(20, 33);
  ctx.lineTo(29, 23);
  ctx.lineTo(11, 23);
  ctx.closePath();
  ctx.fill();
  return { width: n, height: n, data: ctx.getImageData(0, 0, n, n).data };
}

/** Register the lift symbol when the style first asks for it. */
export function provideNetworkImages(map: MaplibreMap): void {
  map.on('styleimagemissing', (e: { id: string }) => {
    if (e.id !== LIFT_ICON || map.hasImage(LIFT_ICON)) return;
    const img = liftIcon();
    if (img) map.addImage(LIFT_ICON, img, { pixelRatio: 2 });
  });
}

/** Show or hide the whole walking network. */
export function setNetworkVisibility(map: MaplibreMap, on: boolean): void {
  for (const id of NETWORK_LAYER_IDS) if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', on ? 'visible' : 'none');
}

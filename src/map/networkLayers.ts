import type { DataDrivenPropertyValueSpecification, FilterSpecification, LayerSpecification, Map as MaplibreMap } from 'maplibre-gl';
import { NETWORK_COLORS } from './colors';

/**
 * The walking network in the offline basemap (source `roads`, roads.geojson's `kind`):
 * streets and footways white with a grey casing; bridges with a dark casing; stairs (梯坎)
 * as a brown ladder; lifts and escalators (`elevator`) as a blue line with a lift symbol
 * at their middle. The first layer keeps the id `roads`: deck.gl's fills go just before it,
 * so the whole network draws above the community colours.
 */
export const NETWORK_LAYER_IDS = ['roads', 'roads-bridge-casing', 'roads-line', 'roads-steps', 'roads-lift', 'roads-lift-icon'] as const;

export const LIFT_ICON = 'yl-lift';

const ORDINARY: FilterSpecification = ['!', ['in', ['get', 'kind'], ['literal', ['steps', 'elevator']]]];
const width = (z12: number, z16: number): DataDrivenPropertyValueSpecification<number> => ['interpolate', ['linear'], ['zoom'], 12, z12, 16, z16];

type LineLayer = Extract<LayerSpecification, { type: 'line' }>;

/**
 * One line style of the network: a maplibre line layer on source `roads` whose width grows
 * linearly from `z12` px at zoom 12 to `z16` px at zoom 16.
 */
function roadLine(
  id: string,
  filter: FilterSpecification,
  color: string,
  z12: number,
  z16: number,
  layout: LineLayer['layout'] = {},
  paint: LineLayer['paint'] = {},
): LineLayer {
  return { id, type: 'line', source: 'roads', filter, layout, paint: { 'line-color': color, 'line-width': width(z12, z16), ...paint } };
}

const ROUND: LineLayer['layout'] = { 'line-join': 'round', 'line-cap': 'round' };
const kindIs = (kind: string): FilterSpecification => ['==', ['get', 'kind'], kind];

/** The maplibre layers of the walking network, bottom to top. */
export function networkLayers(): LayerSpecification[] {
  return [
    roadLine('roads', ORDINARY, NETWORK_COLORS.casing, 0.9, 4.2, ROUND, { 'line-opacity': 0.9 }),
    roadLine('roads-bridge-casing', kindIs('bridge'), NETWORK_COLORS.bridgeCasing, 2.2, 7, { 'line-cap': 'butt' }),
    roadLine('roads-line', ORDINARY, NETWORK_COLORS.road, 0.4, 2.4, ROUND),
    roadLine('roads-steps', kindIs('steps'), NETWORK_COLORS.steps, 1, 4, {}, { 'line-dasharray': [0.5, 0.45] }), // short rungs: a ladder of steps
    roadLine('roads-lift', kindIs('elevator'), NETWORK_COLORS.lift, 1.6, 4.5, { 'line-cap': 'round' }),
    {
      id: 'roads-lift-icon',
      type: 'symbol',
      source: 'roads',
      minzoom: 12.5,
      filter: kindIs('elevator'),
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
  ctx.fillStyle = NETWORK_COLORS.road;
  ctx.beginPath();
  ctx.roundRect(0, 0, n, n, 9);
  ctx.fill();
  ctx.fillStyle = NETWORK_COLORS.lift;
  ctx.beginPath();
  ctx.roundRect(3, 3, n - 6, n - 6, 7);
  ctx.fill();
  ctx.fillStyle = NETWORK_COLORS.road;
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

import type { DataDrivenPropertyValueSpecification, ExpressionSpecification, FilterSpecification, LayerSpecification, Map as MaplibreMap } from 'maplibre-gl';
import { NETWORK_COLORS } from './colors';
import { PATH_KINDS } from '../engine/index';

/**
 * The walking network in the offline basemap, drawn as cartographers do (level of detail): the
 * streets (roads.geojson `kind` road or bridge, and any other or missing kind, treated as an
 * ordinary street) from the city zoom {@link STREET_MINZOOM}; footways, paths and crossings
 * from the street zoom {@link FOOTWAY_MINZOOM}; stairs (梯坎) and lifts from
 * {@link STEPS_MINZOOM}, where a planner inspects them close up. The two halves of roads.geojson
 * are two GeoJSON sources over the same bytes, split by a source `filter`: `roads` (streets) and
 * `paths` (the rest). Every layer of `paths` starts at zoom 13 or more, so below it maplibre marks
 * the source unused and cuts no tile of it (at the city extent only the ~15 % of the network that
 * are streets is tiled and drawn); `paths` gets its data only when the map first comes to zoom 12
 * (mapSources.ts fillSource), so until then maplibre's worker neither parses nor indexes it.
 *
 * Streets and footways white with a grey casing (footways narrower); bridges with a dark casing;
 * stairs as a brown ladder; lifts and escalators (`elevator`) as a blue line with a lift symbol at
 * their middle. The first layer keeps the id `roads`: deck.gl's fills go just before it, so the
 * whole network draws above the community colours.
 */
export const NETWORK_LAYER_IDS = [
  'roads',
  'roads-path-line',
  'roads-street-casing',
  'roads-bridge-casing',
  'roads-line',
  'roads-steps',
  'roads-lift',
  'roads-lift-icon',
] as const;

/** Zoom from which streets are drawn (the whole main urban area fits the screen at ≈ 10–11). */
export const STREET_MINZOOM = 10;
/** Zoom from which footways, paths and crossings are drawn (a street block is ~100 px wide). */
export const FOOTWAY_MINZOOM = 13;
/** Zoom from which stairs and lifts are drawn (and the lift symbol). */
export const STEPS_MINZOOM = 14;

export const LIFT_ICON = 'yl-lift';

/** Path kinds (the engine's PATH_KINDS: source `paths`) drawn only close up. */
const CLOSE_UP_KINDS = ['steps', 'elevator'];

/** The feature's `kind` in lower case ('' when missing), as edgeKindCode reads it (no trimming in maplibre expressions). */
const KIND: ExpressionSpecification = ['downcase', ['to-string', ['coalesce', ['get', 'kind'], '']]];
const kindIn = (kinds: readonly string[]): ExpressionSpecification => ['in', KIND, ['literal', [...kinds]]];
const kindIs = (kind: string): ExpressionSpecification => ['==', KIND, kind];

/** Source filter of `paths`: footways, paths, crossings, stairs, lifts. */
export const PATHS_SOURCE_FILTER: FilterSpecification = kindIn(PATH_KINDS);
/** Source filter of `roads`: everything else (streets, bridges, unknown kinds). */
export const STREETS_SOURCE_FILTER: FilterSpecification = ['!', kindIn(PATH_KINDS)];
const FOOTWAYS: FilterSpecification = ['!', kindIn(CLOSE_UP_KINDS)];

/**
 * A line width growing linearly through `stops` ([zoom, px] pairs, zooms ascending): one
 * continuous function of the zoom, so a line neither jumps at a layer's minzoom nor when the
 * next level of detail appears.
 */
export function lineWidth(stops: [number, number][]): DataDrivenPropertyValueSpecification<number> {
  return ['interpolate', ['linear'], ['zoom'], ...stops.flat()] as DataDrivenPropertyValueSpecification<number>;
}

/** Widths (px) at zooms 10 / 13 / 16: streets are wider than footways at every zoom, footways appear at zoom 13 thinner than streets there. */
const W = {
  streetCasing: lineWidth([
    [STREET_MINZOOM, 0.6],
    [13, 1.8],
    [16, 5],
  ]),
  streetLine: lineWidth([
    [STREET_MINZOOM, 0.25],
    [13, 0.9],
    [16, 3],
  ]),
  bridgeCasing: lineWidth([
    [STREET_MINZOOM, 1.4],
    [13, 3.2],
    [16, 8],
  ]),
  pathCasing: lineWidth([
    [FOOTWAY_MINZOOM, 1.1],
    [16, 3.6],
  ]),
  pathLine: lineWidth([
    [FOOTWAY_MINZOOM, 0.45],
    [16, 1.9],
  ]),
  steps: lineWidth([
    [STEPS_MINZOOM, 2],
    [16, 4],
  ]),
  lift: lineWidth([
    [STEPS_MINZOOM, 2.6],
    [16, 4.5],
  ]),
};

/** Opacity fading a level of detail in over half a zoom from its minzoom (no pop when it appears). */
const fadeIn = (minzoom: number, to = 1): DataDrivenPropertyValueSpecification<number> =>
  ['interpolate', ['linear'], ['zoom'], minzoom, 0, minzoom + 0.5, to] as DataDrivenPropertyValueSpecification<number>;

type LineLayer = Extract<LayerSpecification, { type: 'line' }>;

/** One line style of the network: a maplibre line layer on `source`, drawn from `minzoom`. */
function networkLine(
  id: string,
  source: 'roads' | 'paths',
  minzoom: number,
  filter: FilterSpecification | undefined,
  color: string,
  width: DataDrivenPropertyValueSpecification<number>,
  layout: LineLayer['layout'] = {},
  paint: LineLayer['paint'] = {},
): LineLayer {
  const l: LineLayer = { id, type: 'line', source, minzoom, layout, paint: { 'line-color': color, 'line-width': width, ...paint } };
  if (filter) l.filter = filter;
  return l;
}

const ROUND: LineLayer['layout'] = { 'line-join': 'round', 'line-cap': 'round' };

/** The maplibre layers of the walking network, bottom to top (footways under the streets they join). */
export function networkLayers(): LayerSpecification[] {
  return [
    networkLine('roads', 'paths', FOOTWAY_MINZOOM, FOOTWAYS, NETWORK_COLORS.casing, W.pathCasing, ROUND, { 'line-opacity': fadeIn(FOOTWAY_MINZOOM, 0.9) }),
    networkLine('roads-path-line', 'paths', FOOTWAY_MINZOOM, FOOTWAYS, NETWORK_COLORS.road, W.pathLine, ROUND, { 'line-opacity': fadeIn(FOOTWAY_MINZOOM) }),
    networkLine('roads-street-casing', 'roads', STREET_MINZOOM, undefined, NETWORK_COLORS.casing, W.streetCasing, ROUND, { 'line-opacity': 0.9 }),
    networkLine('roads-bridge-casing', 'roads', STREET_MINZOOM, kindIs('bridge'), NETWORK_COLORS.bridgeCasing, W.bridgeCasing, { 'line-cap': 'butt' }),
    networkLine('roads-line', 'roads', STREET_MINZOOM, undefined, NETWORK_COLORS.road, W.streetLine, ROUND),
    // short rungs: a ladder of steps
    networkLine(
      'roads-steps',
      'paths',
      STEPS_MINZOOM,
      kindIs('steps'),
      NETWORK_COLORS.steps,
      W.steps,
      {},
      { 'line-dasharray': [0.5, 0.45], 'line-opacity': fadeIn(STEPS_MINZOOM) },
    ),
    networkLine(
      'roads-lift',
      'paths',
      STEPS_MINZOOM,
      kindIs('elevator'),
      NETWORK_COLORS.lift,
      W.lift,
      { 'line-cap': 'round' },
      { 'line-opacity': fadeIn(STEPS_MINZOOM) },
    ),
    {
      id: 'roads-lift-icon',
      type: 'symbol',
      source: 'paths',
      minzoom: STEPS_MINZOOM,
      filter: kindIs('elevator'),
      layout: {
        'symbol-placement': 'line-center',
        'icon-image': LIFT_ICON,
        'icon-size': ['interpolate', ['linear'], ['zoom'], STEPS_MINZOOM, 0.7, 16, 1],
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

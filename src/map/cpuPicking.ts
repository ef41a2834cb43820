import { getResolution, latLngToCell } from 'h3-js';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { BP_SHAPES } from './blueprintLayers';
import { communityIndex } from './communityIndex';
import { HOVER_ONLY_LAYERS, pickedAs } from './picking';
import { PointGrid } from './PointGrid';
import { shapeHit } from './shapeHit';
import { commonView } from './commonSpace';
import { SHAPES } from './symbols';

/** The map's projection as picking needs it: screen pixels (CSS px, from the map's top left) ↔ [lon, lat] degrees. */
export interface PickView {
  project(lon: number, lat: number): [number, number];
  unproject(x: number, y: number): [number, number];
}

/** A deck.gl layer as picking reads it: its id, its class's `layerName` and its props. */
export interface PickLayer {
  id: string;
  props: object;
  constructor: { layerName?: string } | object;
}

/** Id of the deck layer that fills the communities (buildDeckLayers.ts). */
const COMMUNITY_FILL_ID = 'communities-fill';

/**
 * What the layers draw that their deck props do not hold as objects: the communities, which
 * `communities-fill` draws from the worker's binary mesh (MapData.communities; the picker
 * locates points in their polygons and answers with their features).
 */
export interface PickSources {
  communities?: FeatureCollection<Polygon | MultiPolygon>;
}

/** What is under the pointer: the layer, the index and object in its data (as deck.gl's pick reports them). */
export interface CpuPick {
  layer: string;
  index: number;
  object: unknown;
}

type Props = Record<string, unknown>;
type Accessor<T> = T | ((d: unknown, info: { index: number; data: unknown }) => T);
/** Answers one layer at a pixel (x, y) that is [lon, lat] on the map; null when nothing of it is there. */
type LayerPick = (view: PickView, x: number, y: number, lon: number, lat: number) => CpuPick | null;

/** Marker shapes by icon name: the facility and candidate symbols and the blueprint's. */
const ICON_PATHS: Record<string, string> = { ...SHAPES, ...BP_SHAPES };

const layerName = (l: PickLayer) => (l.constructor as { layerName?: string }).layerName ?? '';

function value<T>(a: Accessor<T> | undefined, d: unknown, index: number, data: unknown, fallback: T): T {
  if (a === undefined) return fallback;
  return typeof a === 'function' ? (a as (d: unknown, info: { index: number; data: unknown }) => T)(d, { index, data }) : a;
}

/** The layer's positions are in deck's common space (commonSpace.ts PREPROJECTED), not [lon, lat]. */
const isCommon = (p: Props) => p.coordinateSystem === 'cartesian';

const clamp = (v: number, lo: unknown, hi: unknown) => Math.min(typeof hi === 'number' ? hi : Infinity, Math.max(typeof lo === 'number' ? lo : 0, v));

/** Pixels per metre on the ground at (lon, lat) in the current view. */
function pxPerMetre(view: PickView, lon: number, lat: number): number {
  const dLon = 100 / (111_320 * Math.cos((lat * Math.PI) / 180)); // 100 m east
  const [x0, y0] = view.project(lon, lat);
  const [x1, y1] = view.project(lon + dLon, lat);
  return Math.hypot(x1 - x0, y1 - y0) / 100;
}

/** The [lon, lat] box that holds every point within `r` pixels of (x, y). */
function boxAround(view: PickView, x: number, y: number, r: number): [number, number, number, number] {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const [dx, dy] of [
    [-r, -r],
    [r, -r],
    [r, r],
    [-r, r],
  ]) {
    const [lon, lat] = view.unproject(x + dx, y + dy);
    if (lon < x0) x0 = lon;
    if (lon > x1) x1 = lon;
    if (lat < y0) y0 = lat;
    if (lat > y1) y1 = lat;
  }
  return [x0, y0, x1, y1];
}

// --- indexes, built once per data array (the layers are rebuilt every render; their data is not) ---

const gridCache = new WeakMap<object, { grid: PointGrid; xy: Float64Array | Float32Array }>();
/** Object grids per data array and space: a list drawn in [lon, lat] by one layer and in common space by another gets one of each. */
const objectGridCache = new WeakMap<object, Map<boolean, { grid: PointGrid; xy: Float64Array | Float32Array }>>();

/**
 * A point grid over the positions of a layer's objects (getPosition), once per data array and
 * space (`common`: the layer's positions are in common space, commonSpace.ts).
 */
function objectGrid(data: unknown[], getPosition: Accessor<number[]> | undefined, common = false): { grid: PointGrid; xy: Float64Array | Float32Array } {
  let bySpace = objectGridCache.get(data);
  if (!bySpace) objectGridCache.set(data, (bySpace = new Map()));
  let g = bySpace.get(common);
  if (!g) {
    const xy = new Float64Array(2 * data.length);
    for (let i = 0; i < data.length; i++) {
      const p = value(getPosition, data[i], i, data, [NaN, NaN]);
      xy[2 * i] = p[0];
      xy[2 * i + 1] = p[1];
    }
    bySpace.set(common, (g = { grid: new PointGrid(xy), xy }));
  }
  return g;
}

/** A point grid over binary positions (x, y interleaved), once per array. */
function binaryGrid(xy: Float32Array | Float64Array): PointGrid {
  let g = gridCache.get(xy);
  if (!g) gridCache.set(xy, (g = { grid: new PointGrid(xy), xy }));
  return g.grid;
}

const maxCache = new WeakMap<object, Map<string, number>>();

/** Largest value of a numeric accessor over a layer's data (a search radius), once per data and layer. */
function maxOf(id: string, data: unknown[], a: Accessor<number> | undefined, fallback: number): number {
  if (typeof a !== 'function') return typeof a === 'number' ? a : fallback;
  let byLayer = maxCache.get(data);
  if (!byLayer) maxCache.set(data, (byLayer = new Map()));
  let m = byLayer.get(id);
  if (m === undefined) {
    m = 0;
    for (let i = 0; i < data.length; i++) m = Math.max(m, value(a, data[i], i, data, fallback));
    byLayer.set(id, m);
  }
  return m;
}

const h3Cache = new WeakMap<object, { resolution: number; at: Map<string, number> }>();

/** Cell id → index in the layer's data, and the data's resolution, once per data array. */
function h3Lookup(data: unknown[], getHexagon: Accessor<string> | undefined): { resolution: number; at: Map<string, number> } {
  let h = h3Cache.get(data);
  if (!h) {
    const at = new Map<string, number>();
    for (let i = 0; i < data.length; i++) at.set(value(getHexagon, data[i], i, data, ''), i);
    const first = data.length ? value(getHexagon, data[0], 0, data, '') : '';
    h3Cache.set(data, (h = { resolution: first ? getResolution(first) : -1, at }));
  }
  return h;
}

// --- one picker per kind of layer ---

/**
 * Polygons (GeoJsonLayer of a FeatureCollection of Polygons / MultiPolygons): point in polygon.
 * `features`: the collection the layer draws when its data is not that collection (the
 * communities, drawn from the worker's binary mesh).
 */
function polygonPicker(p: Props, features?: FeatureCollection): LayerPick | null {
  const fc = (features ?? p.data) as FeatureCollection | undefined;
  if (!fc || fc.type !== 'FeatureCollection') return null;
  const polygonal = (f: Feature) => f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon';
  if (!fc.features.every(polygonal)) return null;
  const index = communityIndex(fc as FeatureCollection<Polygon | MultiPolygon>);
  return (_v, _x, _y, lon, lat) => {
    const i = index.locate(lon, lat);
    return i < 0 ? null : { layer: '', index: i, object: fc.features[i] };
  };
}

/** H3 hexagons (H3HexagonLayer): the cell at the point at the data's resolution, if the layer draws it. */
function h3Picker(p: Props): LayerPick | null {
  const data = p.data as unknown[] | undefined;
  if (!Array.isArray(data)) return null;
  return (_v, _x, _y, lon, lat) => {
    const { resolution, at } = h3Lookup(data, p.getHexagon as Accessor<string>); // on the first pick, not with the layers (a mode switch)
    if (resolution < 0) return null;
    const i = at.get(latLngToCell(lat, lon, resolution));
    return i === undefined ? null : { layer: '', index: i, object: data[i] };
  };
}

/**
 * Icons drawn in pixels (IconLayer): the marker whose shape covers the pixel, the top one (the
 * highest index, drawn last) where markers overlap. A marker is `getSize × sizeScale` pixels
 * tall, centred on its position; its shape is tested exactly ({@link shapeHit}).
 */
function iconPicker(p: Props, id: string): LayerPick | null {
  const data = p.data as unknown[] | undefined;
  if (!Array.isArray(data)) return null;
  const scale = typeof p.sizeScale === 'number' ? p.sizeScale : 1;
  const size = (d: unknown, i: number) => clamp(value(p.getSize as Accessor<number>, d, i, data, 1) * scale, p.sizeMinPixels, p.sizeMaxPixels);
  if (p.sizeUnits !== undefined && p.sizeUnits !== 'pixels') return null;
  const reach = clamp(maxOf(id, data, p.getSize as Accessor<number>, 1) * scale, p.sizeMinPixels, p.sizeMaxPixels) / 2;
  const common = isCommon(p);
  return (mapView, x, y) => {
    const view = common ? commonView(mapView) : mapView;
    const { grid, xy } = objectGrid(data, p.getPosition as Accessor<number[]>, common);
    const [x0, y0, x1, y1] = boxAround(view, x, y, reach);
    let best = -1;
    grid.search(x0, y0, x1, y1, (i) => {
      if (i <= best) return;
      const [px, py] = view.project(xy[2 * i], xy[2 * i + 1]);
      const s = size(data[i], i);
      if (!(s > 0)) return;
      const u = 12 + ((x - px) * 24) / s;
      const v = 12 + ((y - py) * 24) / s;
      const path = ICON_PATHS[value(p.getIcon as Accessor<string>, data[i], i, data, '')];
      const hit = path ? shapeHit(path)(u, v) : (u - 12) ** 2 + (v - 12) ** 2 <= 144;
      if (hit) best = i;
    });
    return best < 0 ? null : { layer: '', index: best, object: data[best] };
  };
}

/**
 * Dots (ScatterplotLayer): the dot whose disc (radius plus half its outline) covers the pixel,
 * the top one where dots overlap. Radii in pixels or metres, clamped to radiusMin/MaxPixels as
 * deck draws them; objects as an array (getPosition, getRadius) or binary attributes.
 */
function scatterPicker(p: Props, id: string): LayerPick | null {
  const metres = p.radiusUnits === 'meters' || p.radiusUnits === undefined;
  const rScale = typeof p.radiusScale === 'number' ? p.radiusScale : 1;
  const binary = (p.data as { attributes?: Record<string, { value?: unknown }> } | undefined)?.attributes;
  const data = binary ? null : (p.data as unknown[] | undefined);
  if (!binary && !Array.isArray(data)) return null;
  const bxy = binary?.getPosition?.value as Float32Array | Float64Array | undefined;
  const bRadius = binary?.getRadius?.value as Float32Array | undefined;
  /** Binary data of some of the objects (buildingDeckLayers' window): their own indices, answered instead of the row. */
  const ids = binary ? (p.data as { ids?: Int32Array }).ids : undefined;
  if (binary && !bxy) return null;
  const lineScale = typeof p.lineWidthScale === 'number' ? p.lineWidthScale : 1;
  const count = binary ? (p.data as { length: number }).length : data!.length;
  const common = isCommon(p);
  return (mapView, x, y, lon, lat) => {
    const ppm = pxPerMetre(mapView, lon, lat);
    const view = common ? commonView(mapView) : mapView;
    const toPx = (r: number) => clamp(r * rScale * (metres ? ppm : 1), p.radiusMinPixels, p.radiusMaxPixels);
    const lineHalf = (d: unknown, i: number) => {
      if (!p.stroked) return 0;
      const w = value(p.getLineWidth as Accessor<number>, d, i, data, 1) * lineScale;
      return clamp(p.lineWidthUnits === 'pixels' ? w : w * ppm, p.lineWidthMinPixels, p.lineWidthMaxPixels) / 2;
    };
    const radius = (d: unknown, i: number) => toPx(bRadius ? bRadius[i] : value(p.getRadius as Accessor<number>, d, i, data, 1)) + lineHalf(d, i);
    const maxRadius = bRadius ? maxOfArray(bRadius) : maxOf(`${id}:r`, data ?? [], p.getRadius as Accessor<number>, 1);
    const maxLine = p.stroked ? maxOf(`${id}:w`, data ?? [], p.getLineWidth as Accessor<number>, 1) * lineScale : 0;
    const reach =
      toPx(maxRadius) + clamp(p.lineWidthUnits === 'pixels' ? maxLine : maxLine * ppm, p.stroked ? p.lineWidthMinPixels : 0, p.lineWidthMaxPixels) / 2;
    const xy = binary ? bxy! : objectGrid(data!, p.getPosition as Accessor<number[]>, common).xy;
    const grid = binary ? binaryGrid(bxy!) : objectGrid(data!, p.getPosition as Accessor<number[]>, common).grid;
    const [x0, y0, x1, y1] = boxAround(view, x, y, Math.max(reach, 1));
    let best = -1;
    grid.search(x0, y0, x1, y1, (i) => {
      if (i <= best || i >= count) return;
      const [px, py] = view.project(xy[2 * i], xy[2 * i + 1]);
      const d = data ? data[i] : null;
      const r = radius(d, i);
      if ((x - px) ** 2 + (y - py) ** 2 <= r * r) best = i;
    });
    if (best < 0) return null;
    return { layer: '', index: ids ? ids[best] : best, object: data ? data[best] : undefined };
  };
}

const arrayMax = new WeakMap<Float32Array, number>();
function maxOfArray(a: Float32Array): number {
  let m = arrayMax.get(a);
  if (m === undefined) {
    m = 0;
    for (let i = 0; i < a.length; i++) if (a[i] > m) m = a[i];
    arrayMax.set(a, m);
  }
  return m;
}

/** The CPU picker of a layer, or null when this module cannot answer it (deck's GPU picking then stays on for it). */
function pickerOf(layer: PickLayer, sources: PickSources): LayerPick | null {
  const p = layer.props as Props;
  switch (layerName(layer)) {
    case 'GeoJsonLayer':
      return polygonPicker(p, layer.id === COMMUNITY_FILL_ID ? sources.communities : undefined);
    case 'H3HexagonLayer':
    case 'HexagonFillLayer': // the same hexagons far out, filled as plain polygons (hexagonFill.ts)
      return h3Picker(p);
    case 'IconLayer':
    case 'FlatIconLayer': // the same icons, drawn without instancing (flatLayers.ts)
      return iconPicker(p, layer.id);
    case 'ScatterplotLayer':
    case 'FlatScatterplotLayer': // the same dots, drawn without instancing (flatLayers.ts)
      return scatterPicker(p, layer.id);
    default:
      return null;
  }
}

/**
 * What the pointer can pick on the map, answered on the CPU from spatial indexes built once per
 * data (no offscreen render and read-back as deck.gl's GPU picking does, which under software
 * WebGL costs hundreds of milliseconds to seconds a pick). Built from the deck layers as drawn,
 * so it follows the same layers and the same rules: only layers declared `pickable`, top to
 * bottom in draw order (the last layer is on top), within a layer the object drawn last.
 * `gpuOnly` lists the pickable layers it cannot answer (none today); MapView leaves those to deck.
 */
export class CpuPicker {
  /** Pickable layers this picker answers, top first. */
  private readonly pickers: { id: string; pick: LayerPick }[] = [];
  readonly gpuOnly: string[] = [];
  /** Ids of the layers this picker answers. */
  readonly answered: ReadonlySet<string>;

  constructor(layers: readonly PickLayer[], sources: PickSources = {}) {
    for (let k = layers.length - 1; k >= 0; k--) {
      const l = layers[k];
      if (!(l.props as Props).pickable) continue;
      const pick = pickerOf(l, sources);
      if (pick) this.pickers.push({ id: l.id, pick });
      else this.gpuOnly.push(l.id);
    }
    this.answered = new Set(this.pickers.map((p) => p.id));
  }

  /**
   * The top object at pixel (x, y) of the map, or null. `skip`: layers to look through (a
   * click passes through {@link HOVER_ONLY_LAYERS} to what lies under them: see {@link clickAt}).
   */
  pickAt(view: PickView, x: number, y: number, skip: ReadonlySet<string> = NO_SKIP): CpuPick | null {
    const [lon, lat] = view.unproject(x, y);
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) return null;
    for (const { id, pick } of this.pickers) {
      if (skip.has(id)) continue;
      const hit = pick(view, x, y, lon, lat);
      if (hit) return { ...hit, layer: pickedAs(id) }; // the far-out dots answer as `facilities` (picking.ts PICKED_AS)
    }
    return null;
  }

  /** What a click at (x, y) selects: the top object, looking through the hover-only layers. */
  clickAt(view: PickView, x: number, y: number): CpuPick | null {
    return this.pickAt(view, x, y, HOVER_ONLY_LAYERS);
  }
}

const NO_SKIP: ReadonlySet<string> = new Set();

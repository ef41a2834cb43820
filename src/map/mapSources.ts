import type { FeatureCollection, GeoJSON } from 'geojson';
import type * as maplibregl from 'maplibre-gl';
import type { LayerKey, Selection } from '../state/viewState';
import type { MapSourceId, PackageMapData } from '../worker/protocol';
import { FOOTWAY_MINZOOM } from './networkLayers';
import { workerJsonUrl } from './workerJson';

const EMPTY_FC: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** Selection filter for the highlight outline. */
export function selectionFilter(sel: Selection | null): maplibregl.FilterSpecification {
  if (sel?.kind === 'community') return ['==', ['get', 'id'], sel.id];
  if (sel?.kind === 'street') return ['==', ['get', 'street'], sel.id];
  if (sel?.kind === 'district') return ['==', ['get', 'district'], sel.id];
  return ['==', ['get', 'id'], '\u0000'];
}

/** Sources of switchable layers: filled only once their layer is shown (maplibre's worker tiles nothing hidden). */
export const DEFERRED_SOURCES = { roads: 'roads', paths: 'roads', labels: 'labels' } as const satisfies Partial<Record<string, LayerKey>>;
export type DeferredSource = keyof typeof DEFERRED_SOURCES;

/** blob: URL per source of a MapData's sourceJson, made once; the bytes are dropped once in their Blob. */
const urls = new WeakMap<object, Partial<Record<MapSourceId, string>>>();

/** The URLs of the package whose sources were made last (one package is on the map at a time). */
let latest: Partial<Record<MapSourceId, string>> | null = null;

/**
 * How long a replaced package's blob: URLs stay readable, ms: maplibre's worker may still be
 * reading one that was set just before the new package's (its request is not cancelled).
 */
export const REVOKE_AFTER_MS = 30_000;

/**
 * The URLs of `json`, made empty on first sight. A new package's sourceJson replaces the last
 * one's: those Blobs (a city's roads and communities, tens of MB) are released, after
 * {@link REVOKE_AFTER_MS}, instead of living as long as the page.
 */
function urlsOf(json: object): Partial<Record<MapSourceId, string>> {
  let made = urls.get(json);
  if (made) return made;
  urls.set(json, (made = {}));
  const old = latest;
  latest = made;
  if (old && typeof URL.revokeObjectURL === 'function') {
    setTimeout(() => {
      for (const u of Object.values(old)) URL.revokeObjectURL(u);
    }, REVOKE_AFTER_MS);
  }
  return made;
}

/**
 * What to hand maplibre's setData for one data-drawn basemap source: a URL of the JSON the worker
 * serialized (MapData.sourceJson) under the scheme maplibre's own worker fetches and parses
 * (workerJson.ts; a bare blob: URL would be fetched, parsed and copied on the main thread); the
 * GeoJSON object itself when there are no bytes. The Blob replaces the bytes: the page's heap keeps
 * no copy of a source's JSON (the browser holds the Blob, for later refills).
 */
export function sourceData(data: PackageMapData, id: string): GeoJSON | string {
  const json = data.sourceJson;
  if (!json || typeof URL.createObjectURL !== 'function') return sourceGeoJson(data, id);
  const made = urlsOf(json);
  const key = dataOf(id);
  const bytes = json[key];
  if (made[key] === undefined && bytes) {
    made[key] = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/json' }));
    delete json[key];
  }
  return made[key] !== undefined ? workerJsonUrl(made[key]) : sourceGeoJson(data, id);
}

/**
 * The package data a basemap source shows: `paths` (footways, stairs, lifts) is roads.geojson,
 * split from the streets by its source filter (networkLayers.ts); the `roads` source (streets)
 * takes the streets alone (sourceJson.streets: the worker sends them beside every roads.geojson,
 * buildMapData.ts roadsJson).
 */
const dataOf = (id: string): MapSourceId => (id === 'paths' ? 'roads' : id === 'roads' ? 'streets' : (id as MapSourceId));

/** GeoJSON of one data-drawn basemap source (the roads exist on the page only as JSON bytes: none here). */
export function sourceGeoJson(data: PackageMapData, id: string): GeoJSON {
  if (id === 'roads' || id === 'paths') return EMPTY_FC;
  if (id === 'water') return data.water ?? EMPTY_FC;
  return data[id as 'communities' | 'labels' | 'streetLines' | 'districtLines'];
}

/**
 * Zoom from which the footway source `paths` holds its data: one zoom before its layers start
 * (networkLayers.ts), so its tiles are cut by the time they are drawn. Until the map first comes
 * this near, maplibre's worker neither parses nor indexes the footways (most of a city's network).
 */
export const PATHS_FILL_ZOOM = FOOTWAY_MINZOOM - 1;

/** The data last handed to each source of a map (setSourceData). */
const lastSet = new WeakMap<maplibregl.Map, Map<string, GeoJSON | string>>();

/**
 * setData on one source of `map`, unless it is the URL that source was last given: a URL is the
 * same bytes (sourceData makes one per source and package), and maplibre would fetch, parse and
 * tile them again (roads sent ahead of their package part are filled twice otherwise).
 */
function setSourceData(map: maplibregl.Map, id: string, data: GeoJSON | string): void {
  let set = lastSet.get(map);
  if (!set) lastSet.set(map, (set = new Map()));
  if (typeof data === 'string' && set.get(id) === data) return;
  set.set(id, data);
  (map.getSource(id) as maplibregl.GeoJSONSource).setData(data);
}

/** The zoom listener of a map waiting to fill `paths`. */
const waiting = new WeakMap<maplibregl.Map, () => void>();

function stopWaiting(map: maplibregl.Map): void {
  const w = waiting.get(map);
  if (w) map.off('zoom', w);
  waiting.delete(map);
}

/**
 * Fill one data-drawn basemap source with the package's data; `paths` only once the map is at
 * {@link PATHS_FILL_ZOOM} or closer (empty until then, filled on the first zoom event there).
 */
export function fillSource(map: maplibregl.Map, data: PackageMapData, id: string): void {
  const fill = (d: GeoJSON | string) => setSourceData(map, id, d);
  if (id !== 'paths') {
    fill(sourceData(data, id));
    return;
  }
  stopWaiting(map);
  if (map.getZoom() >= PATHS_FILL_ZOOM) {
    fill(sourceData(data, id));
    return;
  }
  fill(EMPTY_FC);
  const near = () => {
    if (map.getZoom() < PATHS_FILL_ZOOM) return;
    stopWaiting(map);
    fill(sourceData(data, id));
  };
  waiting.set(map, near);
  map.on('zoom', near);
}

/**
 * Fill the `roads` source with roads sent ahead of their package part (src/client/roadsAhead.ts):
 * the same blob URL the part's sources get later, as `json` becomes the part's sourceJson, so
 * {@link setSources} does not fill it again. Not `paths`: whether the footways are filled depends
 * on the zoom, which the package part's bounds set.
 */
export function fillRoadsAhead(map: maplibregl.Map, json: Partial<Record<MapSourceId, Uint8Array>>): void {
  fillSource(map, { sourceJson: json } as PackageMapData, 'roads'); // sourceData reads only sourceJson for roads
}

/** Set the data-drawn basemap sources from the engine's result; returns the sources left for later (their layers are off). */
export function setSources(map: maplibregl.Map, data: PackageMapData, layers: Record<LayerKey, boolean>): Set<DeferredSource> {
  const later = new Set<DeferredSource>();
  for (const id of ['communities', 'labels', 'streetLines', 'districtLines', 'roads', 'paths', 'water']) {
    const layer = DEFERRED_SOURCES[id as DeferredSource];
    if (layer && !layers[layer]) {
      later.add(id as DeferredSource);
      if (id === 'paths') stopWaiting(map);
      setSourceData(map, id, EMPTY_FC);
    } else {
      fillSource(map, data, id);
    }
  }
  return later;
}

import type { FeatureCollection, GeoJSON } from 'geojson';
import type * as maplibregl from 'maplibre-gl';
import type { LayerKey, Selection } from '../state/viewState';
import type { MapData, MapSourceId } from '../worker/protocol';

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

/** blob: URL per source's JSON bytes, made once (the bytes stay with their MapData). */
const urls = new WeakMap<Uint8Array, string>();

/**
 * What to hand maplibre's setData for one data-drawn basemap source: a blob: URL of the JSON the
 * worker serialized (MapData.sourceJson), which maplibre's worker fetches and parses off the
 * main thread; the GeoJSON object itself when there are no bytes.
 */
export function sourceData(data: MapData, id: string): GeoJSON | string {
  const bytes = data.sourceJson?.[dataOf(id) as MapSourceId];
  if (bytes && typeof URL.createObjectURL === 'function') {
    let url = urls.get(bytes);
    if (!url) urls.set(bytes, (url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/json' }))));
    return url;
  }
  return sourceGeoJson(data, id);
}

/**
 * The package data a basemap source shows: `paths` (footways, stairs, lifts) is roads.geojson
 * too, split from the streets by its source filter (networkLayers.ts), so both share one blob.
 */
const dataOf = (id: string): string => (id === 'paths' ? 'roads' : id);

/** GeoJSON of one data-drawn basemap source. */
export function sourceGeoJson(data: MapData, id: string): GeoJSON {
  if (dataOf(id) === 'roads') return data.roads ?? EMPTY_FC;
  if (id === 'water') return data.water ?? EMPTY_FC;
  return data[id as 'communities' | 'labels' | 'streetLines' | 'districtLines'];
}

/** Set the data-drawn basemap sources from the engine's result; returns the sources left for later (their layers are off). */
export function setSources(map: maplibregl.Map, data: MapData, layers: Record<LayerKey, boolean>): Set<DeferredSource> {
  const later = new Set<DeferredSource>();
  for (const id of ['communities', 'labels', 'streetLines', 'districtLines', 'roads', 'paths', 'water']) {
    const layer = DEFERRED_SOURCES[id as DeferredSource];
    if (layer && !layers[layer]) {
      later.add(id as DeferredSource);
      (map.getSource(id) as maplibregl.GeoJSONSource).setData(EMPTY_FC);
    } else {
      (map.getSource(id) as maplibregl.GeoJSONSource).setData(sourceData(data, id));
    }
  }
  return later;
}

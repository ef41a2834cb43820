import { useEffect, useMemo, useRef, useState } from 'react';
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import type { PickingInfo } from '@deck.gl/core';
import { useApp } from '../app/store';
import type { Selection } from '../app/viewState';
import type { MapData } from '../worker/protocol';
import { baseStyle, basemapTiles, CJK_FONT_FAMILY } from './baseStyle';
import { buildDeckLayers } from './buildDeckLayers';
import { buildingColors } from './layerStyles';
import { colorCommunities } from './communityMeasure';
import { selectionBounds } from './selectionBounds';
import type { HoverInfo } from './hoverInfo';

maplibregl.setWorkerUrl(workerUrl);

interface Props {
  onHover: (h: HoverInfo | null) => void;
}

/** Selection filter for the highlight outline. */
function selectionFilter(sel: Selection | null): maplibregl.FilterSpecification {
  if (sel?.kind === 'community') return ['==', ['get', 'id'], sel.id];
  if (sel?.kind === 'street') return ['==', ['get', 'street'], sel.id];
  if (sel?.kind === 'district') return ['==', ['get', 'district'], sel.id];
  return ['==', ['get', 'id'], '\u0000'];
}

/** Set the data-drawn basemap sources from the engine's result. */
function setSources(map: maplibregl.Map, data: MapData) {
  const src = (id: string) => map.getSource(id) as maplibregl.GeoJSONSource;
  src('communities').setData(data.communities as never);
  src('labels').setData(data.labels as never);
  src('streetLines').setData(data.streetLines as never);
  src('districtLines').setData(data.districtLines as never);
  src('roads').setData((data.roads ?? { type: 'FeatureCollection', features: [] }) as never);
}

/** The planning map: maplibre draws the offline basemap, deck.gl (interleaved) draws the results. */
export function MapView({ onHover }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const overlayRef = useRef<MapLibreOverlay | null>(null);
  const [ready, setReady] = useState(false);
  /** A camera from the URL wins over fitting the data, once. */
  const urlCamera = useRef(useApp.getState().camera !== null);
  const data = useApp((s) => s.data);
  const service = useApp((s) => s.service);
  const measure = useApp((s) => s.measure);
  const layers = useApp((s) => s.layers);
  const selection = useApp((s) => s.selection);
  const view = useApp((s) => s.view);
  const basemap = useApp((s) => s.basemap);
  const tk = useApp((s) => s.tk);
  const zoomRequest = useApp((s) => s.zoomRequest);

  // Create the map once.
  useEffect(() => {
    const cam = useApp.getState().camera;
    const map = new maplibregl.Map({
      container: container.current!,
      style: baseStyle(),
      center: cam ? [cam.lon, cam.lat] : [106.56, 29.55],
      zoom: cam ? cam.zoom : 12,
      localIdeographFontFamily: CJK_FONT_FAMILY,
      attributionControl: { compact: true },
      maxPitch: 0,
    });
    map.dragRotate.disable();
    map.touchZoomRotate.disableRotation();
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-right');
    mapRef.current = map;
    (window as unknown as { __yulintuMap?: maplibregl.Map }).__yulintuMap = map;
    map.on('load', () => {
      const overlay = new MapLibreOverlay({ interleaved: true, layers: [] });
      map.addControl(overlay as unknown as maplibregl.IControl);
      overlayRef.current = overlay;
      setReady(true);
    });
    map.on('moveend', () => {
      const c = map.getCenter();
      useApp.getState().set({ camera: { lon: c.lng, lat: c.lat, zoom: map.getZoom() } });
    });
    return () => {
      map.remove();
      mapRef.current = null;
      overlayRef.current = null;
    };
  }, []);

  // New data: fill the basemap sources, fit the view unless the URL fixed it.
  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map || !data) return;
    setSources(map, data);
    map.resize(); // the layout may have changed in this same commit (panels, banner)
    if (!urlCamera.current) map.fitBounds(data.bounds, { padding: 40, animate: false });
    urlCamera.current = false;
    map.once('idle', () => {
      (window as unknown as { __yulintuIdle?: number }).__yulintuIdle = performance.now();
    });
  }, [ready, data]);

  // Layer visibility of the maplibre part.
  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    const vis = (on: boolean) => (on ? 'visible' : 'none');
    map.setLayoutProperty('roads', 'visibility', vis(layers.roads));
    map.setLayoutProperty('street-lines', 'visibility', vis(layers.outlines));
    map.setLayoutProperty('district-lines', 'visibility', vis(layers.outlines));
    map.setLayoutProperty('community-labels', 'visibility', vis(layers.labels));
    map.setFilter('selection-line', selectionFilter(selection));
  }, [ready, layers, selection]);

  // Optional online basemap: the source is only added when switched on.
  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    if (map.getLayer('online-basemap')) map.removeLayer('online-basemap');
    if (map.getSource('online-basemap')) map.removeSource('online-basemap');
    const t = basemapTiles(basemap, tk);
    map.setLayoutProperty('community-base', 'visibility', t ? 'none' : 'visible');
    if (!t) return;
    map.addSource('online-basemap', { type: 'raster', tiles: t.tiles, tileSize: 256, attribution: t.attribution, maxzoom: 18 });
    map.addLayer({ id: 'online-basemap', type: 'raster', source: 'online-basemap', paint: { 'raster-opacity': 0.75 } }, 'community-base');
  }, [ready, basemap, tk]);

  // Re-colouring is cheap: only these derive from service and measure, the analysis stays.
  const coloring = useMemo(
    () =>
      data
        ? colorCommunities(data.analysis.communities, measure, service, data.analysis.policy.areaPer100Households)
        : null,
    [data, measure, service],
  );
  const bColors = useMemo(() => (data && layers.buildings ? buildingColors(data, service) : new Uint8Array(0)), [data, service, layers.buildings]);

  useEffect(() => {
    const overlay = overlayRef.current;
    if (!ready || !overlay || !data || !coloring) return;
    const deckLayers = buildDeckLayers({
      data,
      service,
      layers,
      communityColors: coloring.colors,
      buildingColors: bColors,
      selection,
      publicView: view === 'public',
    });
    overlay.setProps({
      layers: deckLayers,
      onClick: (info: PickingInfo) => onPick(info, data),
      onHover: (info: PickingInfo) => onHover(info.picked ? { layer: info.layer?.id ?? '', index: info.index, object: info.object, x: info.x, y: info.y } : null),
      getCursor: ({ isHovering }: { isHovering: boolean }) => (isHovering ? 'pointer' : 'grab'),
    } as never);
    // The overlay only slots its layers into the style (beforeId) while the style is fully
    // loaded; right after setData it is not, so slot them again once the map is idle.
    const map = mapRef.current!;
    if (!map.isStyleLoaded()) {
      const again = () => overlayRef.current?.setProps({ layers: deckLayers });
      map.once('idle', again);
      return () => {
        map.off('idle', again);
      };
    }
  }, [ready, data, coloring, bColors, service, layers, selection, view, onHover]);

  // Zoom to the selection on request (search, ranking table, button).
  useEffect(() => {
    const map = mapRef.current;
    const st = useApp.getState();
    if (!ready || !map || !st.data || !st.selection || zoomRequest === 0) return;
    const b = selectionBounds(st.data, st.selection);
    if (b) map.fitBounds(b, { padding: 80, maxZoom: 16.5, duration: 600 });
  }, [ready, zoomRequest]);

  return <div ref={container} className="map" data-testid="map" />;
}

/** Select what a click picked, at the chosen level (community / street / district). */
function onPick(info: PickingInfo, data: MapData) {
  const st = useApp.getState();
  const id = info.layer?.id;
  if (!info.picked || !id) return;
  if (id === 'facilities') {
    st.set({ selection: { kind: 'facility', id: (info.object as { id: string }).id } });
  } else if (id === 'candidates') {
    st.set({ selection: { kind: 'candidate', id: (info.object as { id: string }).id } });
  } else if (id === 'communities-fill' || id === 'buildings') {
    const ci =
      id === 'buildings'
        ? data.buildings.community[info.index]
        : (info.object as { properties: { i: number } }).properties.i;
    const c = data.communities.features[ci]?.properties;
    if (!c) return;
    if (st.selectLevel === 'street') st.set({ selection: { kind: 'street', id: c.street } });
    else if (st.selectLevel === 'district') st.set({ selection: { kind: 'district', id: c.district } });
    else st.set({ selection: { kind: 'community', id: c.id } });
  }
}

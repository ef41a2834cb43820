import { useEffect, useMemo, useRef, useState } from 'react';
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import type { PickingInfo } from '@deck.gl/core';
import { useApp } from '../app/store';
import type { LayerKey, Selection } from '../app/viewState';
import type { MapData } from '../worker/protocol';
import { baseStyle, basemapTiles, CJK_FONT_FAMILY } from './baseStyle';
import { buildDeckLayers } from './buildDeckLayers';
import { blueprintDeckLayers, blueprintMapClick, useBlueprintLayerState } from './blueprintLayers';
import { buildingColors } from './layerStyles';
import { colorCommunities } from './communityMeasure';
import { selectionBounds } from './selectionBounds';
import type { HoverInfo } from './hoverInfo';
import { provideNetworkImages, setNetworkVisibility } from './networkLayers';
import { walkshedLayers } from './walkshedLayers';
import { useWalk } from '../ui/network/walkStore';
import { BUILDINGS_MIN_ZOOM, effectiveLayers, useMapZoom } from './zoomState';
import { reachFromHere, useFacilityWalkshed, usePointFollowsData } from '../ui/network/walkClient';
import { editLayered } from '../ui/blueprint/editTiming';

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

const EMPTY_FC = { type: 'FeatureCollection', features: [] };

/**
 * While the map is hidden before its first result has settled, maplibre keeps updating (tiles,
 * placement, `idle`) but draws nothing: in software WebGL every frame costs ~100 ms of the GPU
 * process whether the canvas shows or not, and the sources arrive tile by tile, a frame each.
 */
function gatePainting(map: maplibregl.Map, gate: { closed: boolean }): void {
  const painter = (map as unknown as { painter?: { render: (...args: unknown[]) => void } }).painter;
  if (!painter) return;
  const render = painter.render.bind(painter);
  painter.render = (...args: unknown[]) => {
    if (!gate.closed) render(...args);
  };
}

/** Sources of switchable layers: filled only once their layer is shown (maplibre's worker tiles nothing hidden). */
const DEFERRED_SOURCES = { roads: 'roads', labels: 'labels' } as const satisfies Partial<Record<string, LayerKey>>;
type DeferredSource = keyof typeof DEFERRED_SOURCES;

/** GeoJSON of one data-drawn basemap source. */
function sourceData(data: MapData, id: string): unknown {
  if (id === 'roads') return data.roads ?? EMPTY_FC;
  if (id === 'water') return data.water ?? EMPTY_FC;
  return data[id as 'communities' | 'labels' | 'streetLines' | 'districtLines'];
}

/** Set the data-drawn basemap sources from the engine's result; returns the sources left for later (their layers are off). */
function setSources(map: maplibregl.Map, data: MapData, layers: Record<LayerKey, boolean>): Set<DeferredSource> {
  const later = new Set<DeferredSource>();
  for (const id of ['communities', 'labels', 'streetLines', 'districtLines', 'roads', 'water']) {
    const layer = DEFERRED_SOURCES[id as DeferredSource];
    if (layer && !layers[layer]) {
      later.add(id as DeferredSource);
      (map.getSource(id) as maplibregl.GeoJSONSource).setData(EMPTY_FC as never);
    } else {
      (map.getSource(id) as maplibregl.GeoJSONSource).setData(sourceData(data, id) as never);
    }
  }
  return later;
}

/** The planning map: maplibre draws the offline basemap, deck.gl (interleaved) draws the results. */
export function MapView({ onHover }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const overlayRef = useRef<MapLibreOverlay | null>(null);
  const [ready, setReady] = useState(false);
  /** Whether the map has settled once with data: until then it stays hidden (see the return). */
  const [settled, setSettled] = useState(false);
  /** A camera from the URL wins over fitting the data, once. */
  const urlCamera = useRef(useApp.getState().camera !== null);
  const data = useApp((s) => s.data);
  const service = useApp((s) => s.service);
  const measure = useApp((s) => s.measure);
  const layers = useApp((s) => s.layers);
  const buildingsZoom = useMapZoom((s) => s.buildingsZoom);
  /** What deck draws: building dots only when zoomed in, hexagons of households further out. */
  const drawn = useMemo(() => effectiveLayers(layers, buildingsZoom), [layers, buildingsZoom]);
  const selection = useApp((s) => s.selection);
  const view = useApp((s) => s.view);
  const basemap = useApp((s) => s.basemap);
  const tk = useApp((s) => s.tk);
  const zoomRequest = useApp((s) => s.zoomRequest);
  const walkPoint = useWalk((s) => s.point);
  const walkFacility = useWalk((s) => s.facility);
  useFacilityWalkshed();
  usePointFollowsData();
  /** The package whose sources the map holds: a mode switch re-colours only. */
  const shownPackage = useRef<number | undefined>(undefined);
  const settledOnce = useRef(false);
  /** Closed: maplibre draws nothing (hidden until the first result has settled). */
  const paintGate = useRef({ closed: true });
  /** Sources not filled yet because their layer is off. */
  const deferred = useRef<Set<DeferredSource>>(new Set());
  const bp = useBlueprintLayerState(); // 一张蓝图 / what-if layer; a scenario's measures recolour the map

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
      fadeDuration: 0, // no label fade-in: every extra frame costs a full canvas read-back in software rendering
    });
    gatePainting(map, paintGate.current);
    map.dragRotate.disable();
    map.touchZoomRotate.disableRotation();
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-right');
    provideNetworkImages(map);
    // "What can I reach from here": with the tool armed, a click anywhere starts a walkshed.
    map.on('click', (e) => {
      if (useWalk.getState().tool) void reachFromHere(e.lngLat.lng, e.lngLat.lat);
    });
    mapRef.current = map;
    (window as unknown as { __yulintuMap?: maplibregl.Map }).__yulintuMap = map;
    map.on('load', () => {
      const overlay = new MapLibreOverlay({ interleaved: true, layers: [] });
      map.addControl(overlay as unknown as maplibregl.IControl);
      overlayRef.current = overlay;
      setReady(true);
    });
    const zoomCheck = () => {
      const near = map.getZoom() >= BUILDINGS_MIN_ZOOM;
      if (near !== useMapZoom.getState().buildingsZoom) useMapZoom.setState({ buildingsZoom: near });
    };
    zoomCheck();
    map.on('zoomend', zoomCheck);
    map.on('moveend', () => {
      zoomCheck();
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
    if (data.packageId !== undefined && data.packageId === shownPackage.current) return; // same package, another mode
    shownPackage.current = data.packageId;
    deferred.current = setSources(map, data, useApp.getState().layers);
    map.resize(); // the layout may have changed in this same commit (panels, banner)
    if (!urlCamera.current) map.fitBounds(data.bounds, { padding: 40, animate: false });
    urlCamera.current = false;
    if (settledOnce.current) {
      map.once('idle', () => {
        (window as unknown as { __yulintuIdle?: number }).__yulintuIdle = performance.now();
      });
      return;
    }
    // First data: the map stays hidden and draws nothing (gatePainting) while its sources load
    // tile by tile and deck slots its layers. Once it has gone idle with no repaint pending, it
    // draws one frame and shows it; `__yulintuIdle` marks the first frame that shows it. The
    // settling is not cancelled by newer data (a mode switch keeps the sources): it is about the map.
    let shown = false;
    const show = () => {
      if (shown || mapRef.current !== map) return;
      shown = true;
      clearTimeout(fallback);
      settledOnce.current = true;
      if (paintGate.current.closed) {
        paintGate.current.closed = false;
        map.triggerRepaint();
      }
      setSettled(true);
      // The frame after the one in which the map became visible: the shown map has been composited.
      const mark = () => {
        if (map.getContainer().style.visibility === 'hidden') return void requestAnimationFrame(mark);
        requestAnimationFrame(() => {
          (window as unknown as { __yulintuIdle?: number }).__yulintuIdle = performance.now();
        });
      };
      requestAnimationFrame(mark);
    };
    // Should the map never settle (a repaint loop), show it anyway.
    const fallback = setTimeout(show, 8000);
    const settle = () => {
      let rendered = false;
      const onRender = () => {
        rendered = true;
      };
      map.on('render', onRender);
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          map.off('render', onRender);
          if (shown || mapRef.current !== map) return;
          if (rendered || !map.loaded()) {
            map.once('idle', settle);
            return;
          }
          if (paintGate.current.closed) {
            // Everything is loaded and placed: draw it once, hidden, then show it.
            paintGate.current.closed = false;
            map.triggerRepaint();
            map.once('idle', settle);
            return;
          }
          show();
        }),
      );
    };
    map.once('idle', settle);
  }, [ready, data]);

  // Layer visibility of the maplibre part.
  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    const vis = (on: boolean) => (on ? 'visible' : 'none');
    const d = useApp.getState().data;
    for (const id of [...deferred.current]) {
      if (!layers[DEFERRED_SOURCES[id]] || !d) continue;
      (map.getSource(id) as maplibregl.GeoJSONSource).setData(sourceData(d, id) as never);
      deferred.current.delete(id);
    }
    setNetworkVisibility(map, layers.roads);
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
        ? colorCommunities(bp.scenarioRun?.communities ?? data.analysis.communities, measure, service, data.analysis.policy.areaPer100Households)
        : null,
    [data, measure, service, bp.scenarioRun],
  );
  const bColors = useMemo(() => (data && drawn.buildings ? buildingColors(bp.scenarioRun ? { ...data, buildings: { ...data.buildings, covered: bp.scenarioRun.covered } } : data, service) : new Uint8Array(0)), [data, service, drawn.buildings, bp.scenarioRun]);

  const walkLayers = useMemo(() => walkshedLayers(walkPoint, walkFacility), [walkPoint, walkFacility]);

  useEffect(() => {
    const overlay = overlayRef.current;
    if (!ready || !overlay || !data || !coloring) return;
    const deckLayers = buildDeckLayers({
      data,
      service,
      layers: drawn,
      communityColors: coloring.colors,
      buildingColors: bColors,
      selection,
      publicView: view === 'public',
    });
    if (view !== 'public') deckLayers.push(...blueprintDeckLayers({ data, service, ...bp }));
    deckLayers.push(...walkLayers);
    overlay.setProps({
      layers: deckLayers,
      onClick: (info: PickingInfo) => onPick(info, data),
      onHover: (info: PickingInfo) => onHover(info.picked ? { layer: info.layer?.id ?? '', index: info.index, object: info.object, x: info.x, y: info.y } : null),
      getCursor: ({ isHovering }: { isHovering: boolean }) => (useWalk.getState().tool ? 'crosshair' : isHovering ? 'pointer' : 'grab'),
    } as never);
    const map = mapRef.current!;
    // A what-if edit's round trip ends with the first frame drawn with its layers (editTiming.ts).
    editLayered(bp.scenarioRun, (done) => {
      map.once('render', done);
      map.triggerRepaint();
    });
    // The overlay only slots its layers into the style (beforeId) while the style is fully
    // loaded; right after setData it is not, so slot them again once the map is idle.
    if (!map.isStyleLoaded()) {
      const again = () => overlayRef.current?.setProps({ layers: deckLayers });
      map.once('idle', again);
      return () => {
        map.off('idle', again);
      };
    }
  }, [ready, data, coloring, bColors, service, drawn, selection, view, onHover, bp, walkLayers]);

  // Zoom to the selection on request (search, ranking table, button).
  useEffect(() => {
    const map = mapRef.current;
    const st = useApp.getState();
    if (!ready || !map || !st.data || !st.selection || zoomRequest === 0) return;
    const b = selectionBounds(st.data, st.selection);
    if (b) map.fitBounds(b, { padding: 80, maxZoom: 16.5, duration: 600 });
  }, [ready, zoomRequest]);

  // Hidden until the first result has settled: software compositing reads the whole canvas back
  // every frame, and frames of an empty or half-loaded map would only slow the first map down.
  return <div ref={container} className="map" data-testid="map" style={data && settled ? undefined : { visibility: 'hidden' }} />;
}

/** Select what a click picked, at the chosen level (community / street / district). */
function onPick(info: PickingInfo, data: MapData) {
  const st = useApp.getState();
  if (blueprintMapClick(info)) return; // place / move tools, blueprint markers
  const id = info.layer?.id;
  if (!info.picked || !id || useWalk.getState().tool) return; // the walkshed tool takes the click
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

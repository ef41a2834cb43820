import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type * as maplibregl from 'maplibre-gl';
import type { MapLibreOverlay } from '@deck.gl/maplibre';
import type { PickingInfo } from '@deck.gl/core';
import { useApp } from '../state/appStore';
import { editLayered } from '../state/editTiming';
import { mapClick } from '../state/mapClick';
import { setMapHandle } from '../state/mapHandle';
import { exposeForTests } from '../state/testHooks';
import { useBlueprintLayerState } from '../state/useBlueprintLayerState';
import { shownScenarioRun } from '../state/blueprintStore';
import { usePilots } from '../state/pilotStore';
import { reachFromHere, useFacilityWalkshed, usePointFollowsData } from '../state/walkActions';
import { useWalk } from '../state/walkStore';
import { BUILDINGS_MIN_ZOOM, effectiveLayers, useMapZoom } from '../state/zoomState';
import { boxFor, useBuildingWindow, windowFor, type Box } from './buildingWindow';
import { useHexWindow } from './hexWindow';
import { basemapTiles } from './baseStyle';
import { blueprintDeckLayers } from './blueprintLayers';
import { buildDeckLayers } from './buildDeckLayers';
import { colorCommunities } from './communityMeasure';
import { CpuPicker, type PickView } from './cpuPicking';
import { createMap } from './createMap';
import { addDeckOverlay, setOverlay } from './deckOverlay';
import { firstPaint, type FirstPaint } from './firstPaint';
import type { HoverInfo } from './hoverInfo';
import { skipNeedlessFrames } from './frameSkip';
import { HOVER_KEY, HOVER_STYLE, hoveredCommunities } from './hoverLayer';
import { hexResolutionAt, useHexResolution } from './hexLevels';
import { OutlineOverlay } from './outlineOverlay';
import { buildingColors } from './layerStyles';
import { DEFERRED_SOURCES, fillRoadsAhead, fillSource, setSources, type DeferredSource } from './mapSources';
import { onRoadsAhead } from '../client/roadsAhead';
import { setNetworkVisibility } from './networkLayers';
import { clickTarget, cpuMapClick, markerScale, toMapClick } from './picking';
import { selectionBounds } from './selectionBounds';
import { SELECTION_KEY, SELECTION_STYLE, selectedCommunities } from './selectionLayer';
import { farOutAt } from './symbols';
import { useMapSelection } from './useMapSelection';
import { walkshedLayers } from './walkshedLayers';
import { accessFiltered } from './accessFilter';
import { pilotDeckLayers } from './pilotLayers';

/** The marker scale at `zoom` (picking.ts markerScale) in steps of 0.05: few re-renders. */
const markerStep = (zoom: number) => Math.round(markerScale(zoom) * 20) / 20;

/**
 * What of the deck layers depends on the zoom, as one key: the marker scale step, far out or not
 * (symbols.ts farOutAt: facility dots, unstroked hexagons) and the hexagon resolution
 * (hexLevels.ts). The layers are rebuilt only when this key changes.
 */
const zoomStep = (zoom: number, lat: number) => `${markerStep(zoom)}|${farOutAt(zoom)}|${hexResolutionAt(zoom, lat)}`;

/** No community colours (a package part drawn before its analysis: transparent fills). */
const NO_COLORS: ReturnType<typeof colorCommunities>['colors'] = [];
/** No plan layers: one array, so the overlay effect does not re-run for a new empty list. */
const NO_LAYERS: ReturnType<typeof pilotDeckLayers> = [];

interface Props {
  onHover: (h: HoverInfo | null) => void;
}

/** The map's view as a [west, south, east, north] box (of the rotated view: its bounding box). */
function viewBox(map: maplibregl.Map): Box {
  const b = map.getBounds();
  return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
}

/**
 * The planning map: maplibre draws the offline basemap, deck.gl (interleaved) draws the results.
 * The pieces: createMap.ts (the maplibre map), paintGate.ts and firstPaint.ts (hidden and not
 * painting until the first result has settled), mapSources.ts (basemap sources from the data),
 * deckOverlay.ts (the deck layers), buildingWindow.ts (which building dots are drawn), picking.ts →
 * state/mapClick.ts (what a click selects).
 */
export function MapView({ onHover }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const overlayRef = useRef<MapLibreOverlay | null>(null);
  /** The map's projection for picking (set with the map). */
  const viewRef = useRef<PickView | null>(null);
  const onHoverRef = useRef(onHover);
  onHoverRef.current = onHover;
  const [ready, setReady] = useState(false);
  /** The zoom step of the deck layers ({@link zoomStep}): marker scale, facility dots far out, hexagon resolution. */
  const [step, setStep] = useState('');
  /** Whether the map has settled once with data: until then it stays hidden (see the return). */
  const [settled, setSettled] = useState(false);
  /** A camera from the URL wins over fitting the data, once. */
  const urlCamera = useRef(useApp.getState().camera !== null);
  const data = useApp((s) => s.data);
  /** What the map draws: the package part of a package being loaded (before its analysis), else the data. */
  const pkgData = useApp((s) => s.pkgData);
  const shown = pkgData ?? data;
  const service = useApp((s) => s.service);
  const measure = useApp((s) => s.measure);
  const layers = useApp((s) => s.layers);
  const buildingsZoom = useMapZoom((s) => s.buildingsZoom);
  const buildingWin = useBuildingWindow((s) => s.win);
  const hexBox = useHexWindow((s) => s.box);
  /** What deck draws: building dots only when zoomed in, hexagons of households further out. */
  const drawn = useMemo(() => effectiveLayers(layers, buildingsZoom), [layers, buildingsZoom]);
  const { facility: selectedFacility } = useMapSelection(); // one frame behind the panel (deck draws a facility's walking circle)
  /** The selection as the outline overlay draws it: at once, it repaints no map frame. */
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
  /** The first-paint gate of the map (firstPaint.ts): the first picture, then the analysed map. */
  const firstPaintRef = useRef<FirstPaint | null>(null);
  /**
   * What a click on the map does with the layers on screen (set with the layers). Clicks come
   * from maplibre's `click` and are picked here: deck's own onClick, answered from its
   * pointer-down pick, was now and then not called at all on a large package (the first click
   * after loading, or a second click at the same place), so the community was never selected.
   */
  const clickRef = useRef<((x: number, y: number, at: [number, number]) => void) | null>(null);
  /** What the pointer is over, answered on the CPU (cpuPicking.ts) from the layers on screen (set with the layers). */
  const pickerRef = useRef<CpuPicker | null>(null);
  /** The hovered community and the selection's outline, drawn over the map without repainting it (outlineOverlay.ts). */
  const outlinesRef = useRef<OutlineOverlay | null>(null);
  /** The hovered community (feature index) whose highlight is drawn, or null. */
  const hoverCommunityRef = useRef<number | null>(null);
  /** The cursor deck.gl sets on its hover updates (it no longer picks: the CPU hover sets this). */
  const cursorRef = useRef('grab');
  /** Sources not filled yet because their layer is off. */
  const deferred = useRef<Set<DeferredSource>>(new Set());
  const bp = useBlueprintLayerState(); // 一张蓝图 / what-if layer; a scenario's measures recolour the map
  const pilotView = usePilots((s) => s.view);
  const pilotBase = usePilots((s) => s.base);
  const showPilots = usePilots((s) => s.showPilots);
  const showLanding = usePilots((s) => s.showLanding);
  const accessFilter = usePilots((s) => s.accessFilter);
  const facilities = useMemo(() => (data ? accessFiltered(data.facilities, accessFilter) : undefined), [data, accessFilter]);
  const planShown = showPilots || showLanding;
  const planLayers = useMemo(
    () => (data && planShown ? pilotDeckLayers({ data, view: pilotView, base: pilotBase, showPilots, showLanding }) : NO_LAYERS),
    [data, planShown, pilotView, pilotBase, showPilots, showLanding],
  );

  // Create the map once.
  useEffect(() => {
    const map = createMap(container.current!, useApp.getState().camera, paintGate.current);
    if (!settledOnce.current) useApp.getState().set({ firstMapPending: true }); // until onShown: the progress box stays
    skipNeedlessFrames(map); // a press or release that moves nothing draws no frame (frameSkip.ts)
    // "What can I reach from here": with the tool armed, a click anywhere starts a walkshed.
    map.on('click', (e) => {
      if (useWalk.getState().tool) void reachFromHere(e.lngLat.lng, e.lngLat.lat);
      clickRef.current?.(e.point.x, e.point.y, [e.lngLat.lng, e.lngLat.lat]);
    });
    // Hover, picked on the CPU once per animation frame at the latest pointer position.
    const view: PickView = {
      project: (lon, lat) => {
        const p = map.project([lon, lat]);
        return [p.x, p.y];
      },
      unproject: (x, y) => {
        const l = map.unproject([x, y]);
        return [l.lng, l.lat];
      },
    };
    viewRef.current = view;
    const outlines = new OutlineOverlay(map.getContainer(), view.project);
    outlinesRef.current = outlines;
    map.on('render', () => outlines.draw()); // after each map frame: the outlines move with the map as drawn
    let pointer: { x: number; y: number } | null = null;
    let frame = 0;
    const hoverFrame = () => {
      frame = 0;
      const hit = pointer && pickerRef.current ? pickerRef.current.pickAt(view, pointer.x, pointer.y) : null;
      onHoverRef.current(hit && pointer ? { layer: hit.layer, index: hit.index, object: hit.object, x: pointer.x, y: pointer.y } : null);
      const community = hit?.layer === 'communities-fill' ? hit.index : null;
      if (community !== hoverCommunityRef.current) {
        hoverCommunityRef.current = community;
        const st = useApp.getState();
        const d = st.pkgData ?? st.data;
        if (d) outlines.set(HOVER_KEY, hoveredCommunities(d, community), HOVER_STYLE); // this canvas only, no map frame
      }
      cursorRef.current = useWalk.getState().tool ? 'crosshair' : hit ? 'pointer' : 'grab';
      map.getCanvas().style.cursor = cursorRef.current;
    };
    const hoverAt = (p: { x: number; y: number } | null) => {
      pointer = p;
      if (!frame) frame = requestAnimationFrame(hoverFrame);
    };
    map.on('mousemove', (e) => {
      if (e.originalEvent.buttons === 0) hoverAt({ x: e.point.x, y: e.point.y }); // not while dragging the map
    });
    map.on('mouseout', () => hoverAt(null));
    mapRef.current = map;
    setMapHandle({
      fitBounds: (b, o) => void map.fitBounds(b, o),
      getCanvas: () => map.getCanvas(),
      onceRendered: (fn) => void map.once('render', fn),
      triggerRepaint: () => map.triggerRepaint(),
      getView: () => ({ lat: map.getCenter().lat, zoom: map.getZoom(), bearing: map.getBearing() }),
    });
    exposeForTests('__yulintuMap', map);
    addDeckOverlay(map, (overlay) => {
      overlayRef.current = overlay;
      setReady(true);
    });
    const zoomCheck = () => {
      const near = map.getZoom() >= BUILDINGS_MIN_ZOOM;
      if (near !== useMapZoom.getState().buildingsZoom) useMapZoom.setState({ buildingsZoom: near });
      // Building dots: a new window once the view leaves the one drawn (buildingWindow.ts).
      const win = useBuildingWindow.getState().win;
      if (win && !near) useBuildingWindow.setState({ win: null });
      else if (win) {
        const next = windowFor(win, win.of, viewBox(map));
        if (next !== win) useBuildingWindow.setState({ win: next });
      }
      // Outlined hexagons: a new window once the view leaves the one drawn (hexWindow.ts).
      const box = useHexWindow.getState().box;
      if (farOutAt(map.getZoom())) {
        if (box) useHexWindow.setState({ box: null });
      } else if (box) {
        const next = boxFor(box, viewBox(map));
        if (next !== box) useHexWindow.setState({ box: next });
      }
      const lat = map.getCenter().lat;
      setStep(zoomStep(map.getZoom(), lat));
      useHexResolution.setState({ resolution: hexResolutionAt(map.getZoom(), lat) });
    };
    zoomCheck();
    map.on('zoomend', zoomCheck);
    map.on('moveend', () => {
      zoomCheck();
      const c = map.getCenter();
      useApp.getState().set({ camera: { lon: c.lng, lat: c.lat, zoom: map.getZoom() } });
    });
    return () => {
      if (frame) cancelAnimationFrame(frame);
      setMapHandle(null);
      outlines.remove();
      outlinesRef.current = null;
      map.remove();
      mapRef.current = null;
      overlayRef.current = null;
      if (useApp.getState().firstMapPending) useApp.getState().set({ firstMapPending: false });
    };
  }, []);

  // Roads sent ahead of the first package part: maplibre's worker parses and tiles them while
  // the engine parses the package (a package on the map keeps its roads until its successor's part).
  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    return onRoadsAhead((json) => {
      if (shownPackage.current === undefined && useApp.getState().layers.roads) fillRoadsAhead(map, json);
    });
  }, [ready]);

  // New data: fill the basemap sources, fit the view unless the URL fixed it; tell the first-paint gate.
  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map || !shown) return;
    const partOnly = !('analysis' in shown);
    const paint = (firstPaintRef.current ??= firstPaint(map, paintGate.current, () => mapRef.current === map, {
      onShown: () => {
        settledOnce.current = true;
        setSettled(true);
        if (useApp.getState().firstMapPending) useApp.getState().set({ firstMapPending: false });
      },
      analysisNear: () => {
        const p = useApp.getState().progress;
        return p.stage === 'transfer' || (p.stage === 'pack' && p.fraction >= 0.5); // worker/mapRun.ts: the analysis part is being packed or sent
      },
    }));
    if (shown.packageId === shownPackage.current) {
      // Same package: its analysed data after its part, or another mode.
      if (!partOnly) paint.full(shown.packageId);
      return;
    }
    shownPackage.current = shown.packageId;
    map.resize(); // the layout may have changed in this same commit (panels, banner)
    if (!urlCamera.current || useApp.getState().pkgMismatch) map.fitBounds(shown.bounds, { padding: 40, animate: false }); // a link's camera for another package is not applied
    urlCamera.current = false;
    // After the view is fitted: whether the footways (`paths`) are filled now depends on the zoom
    // shown (mapSources.ts). Before it, the map's starting zoom (12) filled them on every load, so
    // maplibre's worker parsed and tiled roads.geojson twice before the first map.
    deferred.current = setSources(map, shown, useApp.getState().layers);
    if (partOnly) paint.part(shown.packageId);
    else paint.full(shown.packageId);
  }, [ready, shown]);

  // Layer visibility of the maplibre part.
  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    const vis = (on: boolean) => (on ? 'visible' : 'none');
    const st = useApp.getState();
    const d = st.pkgData ?? st.data;
    for (const id of [...deferred.current]) {
      if (!layers[DEFERRED_SOURCES[id]] || !d) continue;
      fillSource(map, d, id);
      deferred.current.delete(id);
    }
    setNetworkVisibility(map, layers.roads);
    map.setLayoutProperty('street-lines', 'visibility', vis(layers.outlines));
    map.setLayoutProperty('district-lines', 'visibility', vis(layers.outlines));
    map.setLayoutProperty('community-labels', 'visibility', vis(layers.labels));
    // Not on a selection: every call here restyles the whole map (maplibre's `_update(true)`), changed or not.
  }, [ready, layers]);

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
  // A what-if scenario's results colour the map, except in the public view (shownScenarioRun).
  const scenarioRun = shownScenarioRun(bp.scenarioRun, view);
  const coloring = useMemo(
    () => (data ? colorCommunities(scenarioRun?.communities ?? data.analysis.communities, measure, service, data.analysis.policy.areaPer100Households) : null),
    [data, measure, service, scenarioRun],
  );
  const bColors = useMemo(
    () =>
      data && drawn.buildings
        ? buildingColors(scenarioRun ? { ...data, buildings: { ...data.buildings, covered: scenarioRun.covered } } : data, service)
        : new Uint8Array(0),
    [data, service, drawn.buildings, scenarioRun],
  );

  const walkLayers = useMemo(() => walkshedLayers(walkPoint, walkFacility), [walkPoint, walkFacility]);

  useEffect(() => {
    const overlay = overlayRef.current;
    if (!ready || !overlay || !shown) return;
    const map = mapRef.current!;
    // The zoom as of now, not of the last zoomend: the data effect above may just have fitted the
    // view, and layers first built for another zoom would compile shaders the map never draws.
    const zoom = map.getZoom();
    // The package part alone (its analysis running): outlines, facilities and candidates, no colours, no clicks yet.
    const full = shown === data ? data : null;
    // Building dots only around the view (buildingWindow.ts): deck draws every dot it is given.
    let buildingIds: Int32Array | undefined;
    if (full && drawn.buildings) {
      const win = windowFor(buildingWin, full.buildings.position, viewBox(map));
      if (win !== buildingWin) useBuildingWindow.setState({ win });
      buildingIds = win.ids;
    }
    // Outlined hexagons only around the view (hexWindow.ts): each is an instance deck draws, in view or not.
    let hexWindow: Box | undefined;
    if (full && drawn.h3 && !farOutAt(zoom)) {
      hexWindow = boxFor(hexBox, viewBox(map));
      if (hexWindow !== hexBox) useHexWindow.setState({ box: hexWindow });
    }
    const deckLayers = buildDeckLayers({
      data: shown,
      buildingIds,
      service,
      layers: drawn,
      communityColors: full && coloring ? coloring.colors : NO_COLORS,
      buildingColors: bColors,
      selection: selectedFacility,
      publicView: view === 'public',
      facilities,
      markerScale: markerStep(zoom),
      farOut: farOutAt(zoom),
      hexResolution: hexResolutionAt(zoom, map.getCenter().lat),
      hexWindow,
    });
    if (full && view !== 'public') deckLayers.push(...planLayers); // pilots and landing points are planners' layers
    if (full && view !== 'public') deckLayers.push(...blueprintDeckLayers({ data: full, service, ...bp }));
    deckLayers.push(...walkLayers);
    // Clicks and hovers are answered on the CPU (cpuPicking.ts): the layers it answers are handed
    // to deck as not pickable, so deck never renders them into its picking buffer (under software
    // WebGL a GPU pick costs hundreds of ms at 200k buildings, seconds at 1M).
    const picker = new CpuPicker(deckLayers, { communities: shown.communities });
    pickerRef.current = picker;
    const drawnLayers = deckLayers.map((l) => (picker.answered.has(l.id) ? l.clone({ pickable: false }) : l));
    const cleanup = setOverlay(map, overlay, () => overlayRef.current, {
      layers: drawnLayers,
      getCursor: () => cursorRef.current,
    });
    clickRef.current = (x, y, at) => {
      if (!full) return; // nothing to select before the analysis
      const hit = picker.clickAt(viewRef.current!, x, y);
      // The panel is committed here, in the click's own task: left to React's scheduler it could
      // wait behind a map frame already due (seconds under software WebGL at a city's extent).
      if (hit || !picker.gpuOnly.length) return flushSync(() => mapClick(cpuMapClick(hit, at), full));
      // Layers the CPU cannot answer (none today) fall back to deck's GPU pick; hexagons pass clicks through (picking.ts).
      const repick = (px: number, py: number, layerIds: string[]) => overlay.pickObject({ x: px, y: py, layerIds });
      const info = repick(x, y, picker.gpuOnly) ?? ({ picked: false, x, y, index: -1, layer: null, object: undefined } as unknown as PickingInfo);
      mapClick(toMapClick(clickTarget({ ...info, coordinate: at }, picker.gpuOnly, repick)), full);
    };
    // A what-if edit's round trip ends with the first frame drawn with its layers (editTiming.ts).
    editLayered(bp.scenarioRun, (done) => {
      map.once('render', done);
      map.triggerRepaint();
    });
    return cleanup;
  }, [ready, shown, data, coloring, bColors, service, drawn, selectedFacility, view, bp, walkLayers, facilities, planLayers, step, buildingWin, hexBox]);

  // The selection's outline: drawn in the outline overlay over the map, which repaints nothing else
  // (in the commit that shows the panel: a few hundred vertices on a 2D canvas).
  useLayoutEffect(() => {
    const outlines = outlinesRef.current;
    if (!outlines) return;
    outlines.set(SELECTION_KEY, shown ? selectedCommunities(shown, selection) : [], SELECTION_STYLE);
  }, [shown, selection]);

  // Another package or mode: what was hovered is gone.
  useEffect(() => {
    hoverCommunityRef.current = null;
    outlinesRef.current?.set(HOVER_KEY, [], HOVER_STYLE);
    onHoverRef.current(null);
  }, [data]);

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
  return <div ref={container} className="map" data-testid="map" style={shown && settled ? undefined : { visibility: 'hidden' }} />;
}

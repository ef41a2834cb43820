import { GeoJsonLayer, IconLayer, ScatterplotLayer } from '@deck.gl/layers';
import { H3HexagonLayer } from '@deck.gl/geo-layers';
import type { Layer } from '@deck.gl/core';
import { serviceIndex, type ServiceCode } from '../engine/standards/services';
import type { Candidate, Facility } from '../engine/types';
import type { LayerKey, Selection } from '../state/viewState';
import type { MapData } from '../worker/protocol';
import { PURPLE5, SERVICE_COLORS, SOURCE_COLORS, classOf, type RGBA } from './colors';
import { facilityColor, h3Breaks } from './layerStyles';
import { iconAtlas } from './iconAtlas';
import { CANDIDATE_SHAPE, levelShape, levelSize } from './symbols';

/** Map-layer ids; maplibre layers that deck layers are inserted before. */
export const BEFORE_FILL = 'roads';
export const BEFORE_POINTS = 'community-labels';

export interface DeckLayerInput {
  data: MapData;
  service: ServiceCode;
  layers: Record<LayerKey, boolean>;
  communityColors: RGBA[];
  buildingColors: Uint8Array;
  selection: Selection | null;
  publicView: boolean;
  /** Facilities to draw instead of data.facilities (the accessibility filter); the same array between renders. */
  facilities?: Facility[];
}

/** Radius in metres of a building dot: grows with the square root of its households. */
function buildingRadius(hh: number): number {
  return 3 + 1.6 * Math.sqrt(hh);
}

const radiusCache = new WeakMap<Float32Array, Float32Array>();
/** Cells with uncovered households per H3 result and service: the same array between renders, so deck keeps the hexagons. */
const h3IndexCache = new WeakMap<Float32Array, Map<number, number[]>>();
/** Facilities drawn per facility list and view: the same array between renders. */
const facilityCache = new WeakMap<Facility[], Map<boolean, Facility[]>>();

function uncoveredCells(data: MapData, si: number): number[] {
  let bySi = h3IndexCache.get(data.h3.uncovered);
  if (!bySi) h3IndexCache.set(data.h3.uncovered, (bySi = new Map()));
  let idx = bySi.get(si);
  if (!idx) {
    const m = data.h3.cells.length;
    idx = [];
    for (let c = 0; c < m; c++) if (data.h3.uncovered[si * m + c] > 0) idx.push(c);
    bySi.set(si, idx);
  }
  return idx;
}

function drawnFacilities(all: Facility[], publicView: boolean): Facility[] {
  let byView = facilityCache.get(all);
  if (!byView) facilityCache.set(all, (byView = new Map()));
  let fac = byView.get(publicView);
  if (!fac) byView.set(publicView, (fac = publicView ? all.filter((f) => f.status === 'open') : all));
  return fac;
}
const buildingDataCache = new WeakMap<Uint8Array, object>();

/** Binary data of the building layer, cached so deck only re-uploads colours when they change. */
function buildingData(data: MapData, colors: Uint8Array): object {
  const b = data.buildings;
  let radius = radiusCache.get(b.households);
  if (!radius) {
    radius = new Float32Array(b.count);
    for (let k = 0; k < b.count; k++) radius[k] = buildingRadius(b.households[k]);
    radiusCache.set(b.households, radius);
  }
  let d = buildingDataCache.get(colors);
  if (!d) {
    d = {
      length: b.count,
      attributes: {
        getPosition: { value: b.position, size: 2 },
        getRadius: { value: radius, size: 1 },
        getFillColor: { value: colors, size: 4, normalized: true },
      },
    };
    buildingDataCache.set(colors, d);
  }
  return d;
}

/** Turn the engine's result into deck.gl layers. No analysis: only styling of engine numbers. */
export function buildDeckLayers(inp: DeckLayerInput): Layer[] {
  const { data, service, layers, selection } = inp;
  const si = serviceIndex(service);
  const atlas = iconAtlas();
  const out: Layer[] = [];

  if (layers.communities) {
    out.push(
      new GeoJsonLayer({
        id: 'communities-fill',
        data: data.communities as never,
        beforeId: BEFORE_FILL,
        pickable: true,
        stroked: false,
        filled: true,
        getFillColor: (f: { properties: { i: number } }) => inp.communityColors[f.properties.i] ?? [0, 0, 0, 0],
        updateTriggers: { getFillColor: [inp.communityColors] },
        autoHighlight: true,
        highlightColor: [255, 255, 255, 60],
      } as never),
    );
  }

  if (layers.h3 && data.h3.cells.length) {
    const m = data.h3.cells.length;
    const breaks = h3Breaks(data, service);
    const idx = uncoveredCells(data, si); // stable: an edit must not re-tessellate every hexagon
    out.push(
      new H3HexagonLayer<number>({
        id: 'h3-uncovered',
        data: idx,
        beforeId: BEFORE_FILL,
        pickable: true,
        extruded: false,
        stroked: true,
        lineWidthMinPixels: 0.5,
        getLineColor: [255, 255, 255, 140],
        getHexagon: (c: number) => data.h3.cells[c],
        getFillColor: (c: number) => PURPLE5[classOf(data.h3.uncovered[si * m + c], breaks)],
        updateTriggers: { getFillColor: [service] },
      } as never),
    );
  }

  if (layers.buildings) {
    out.push(
      new ScatterplotLayer({
        id: 'buildings',
        beforeId: BEFORE_POINTS,
        data: buildingData(data, inp.buildingColors),
        radiusUnits: 'meters',
        radiusMinPixels: 1.2,
        radiusMaxPixels: 9,
        pickable: true,
        stroked: false,
      } as never),
    );
  }

  if (layers.facilities) {
    const fac = drawnFacilities(inp.facilities ?? data.facilities, inp.publicView);
    const common = {
      data: fac,
      beforeId: BEFORE_POINTS,
      iconAtlas: atlas.url,
      iconMapping: atlas.mapping,
      getPosition: (f: Facility) => [f.lon, f.lat],
      getIcon: (f: Facility) => levelShape(f.level),
      sizeUnits: 'pixels',
    };
    out.push(
      new IconLayer({
        ...common,
        id: 'facilities-halo',
        getSize: (f: Facility) => levelSize(f.level) + 5,
        getColor: (f: Facility) => (f.services.includes(service) ? [255, 255, 255, 255] : [255, 255, 255, 110]),
        updateTriggers: { getColor: [service] },
      } as never),
      new IconLayer({
        ...common,
        id: 'facilities',
        pickable: true,
        getSize: (f: Facility) => levelSize(f.level),
        getColor: (f: Facility) => facilityColor(f, service),
        updateTriggers: { getColor: [service] },
      } as never),
    );
  }

  if (layers.candidates && !inp.publicView && data.candidates.length) {
    const common = {
      data: data.candidates,
      beforeId: BEFORE_POINTS,
      iconAtlas: atlas.url,
      iconMapping: atlas.mapping,
      getPosition: (c: Candidate) => [c.lon, c.lat],
      getIcon: () => CANDIDATE_SHAPE,
      sizeUnits: 'pixels',
    };
    out.push(
      new IconLayer({ ...common, id: 'candidates-halo', getSize: 21, getColor: [255, 255, 255, 255] } as never),
      new IconLayer({
        ...common,
        id: 'candidates',
        pickable: true,
        getSize: 16,
        getColor: (c: Candidate) => SOURCE_COLORS[c.source] ?? SOURCE_COLORS.other,
      } as never),
    );
  }

  // The straight-line circle; the walking modes draw the network walkshed instead (walkshedLayers.ts).
  if (selection?.kind === 'facility' && data.analysis.mode !== 'network') {
    const f = data.facilities.find((x) => x.id === selection.id);
    if (f) {
      const s = f.services.includes(service) ? service : (f.services[0] ?? service);
      const thresholdM = data.analysis.policy.thresholdsM[s];
      const c = SERVICE_COLORS[s];
      out.push(
        new ScatterplotLayer({
          id: 'walk-circle',
          beforeId: BEFORE_POINTS,
          data: [f],
          getPosition: (x: Facility) => [x.lon, x.lat],
          getRadius: thresholdM,
          radiusUnits: 'meters',
          stroked: true,
          filled: true,
          getFillColor: [c[0], c[1], c[2], 40],
          getLineColor: [c[0], c[1], c[2], 230],
          lineWidthMinPixels: 2,
        } as never),
      );
    }
  }
  return out;
}

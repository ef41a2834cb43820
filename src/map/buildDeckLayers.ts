import { GeoJsonLayer, ScatterplotLayer, type GeoJsonLayerProps } from '@deck.gl/layers';
import { H3HexagonLayer } from '@deck.gl/geo-layers';
import type { BinaryAttribute, Layer } from '@deck.gl/core';
import { serviceIndex, type ServiceCode } from '../engine/index';
import type { Candidate, Facility } from '../engine/index';
import type { LayerKey, Selection } from '../state/viewState';
import type { CommunityMesh, CommunityProps, H3Arrays, MapData, PackageMapData } from '../worker/protocol';
import { classOf, h3Breaks } from './classification';
import { hexLevelAt, hexLevelOffset, hexLevels } from './hexLevels';
import { HALO_DIM, HEX_OUTLINE, PURPLE5, SERVICE_COLORS, SOURCE_COLORS, TRANSPARENT, WHITE, type RGBA } from './colors';
import { facilityColor } from './layerStyles';
import { atlasImage, iconAtlas } from './iconAtlas';
import { CANDIDATE_SHAPE, levelDotRadius, levelShape, levelSize } from './symbols';
import { commonPositionOf, commonPositions, PREPROJECTED } from './commonSpace';
import { FlatIconLayer, FlatScatterplotLayer } from './flatLayers';
import { HexagonFillLayer, hexagonFillProps, hexRings } from './hexagonFill';
import { cellsInBox } from './hexWindow';
import type { Box } from './buildingWindow';

/** Extra prop of every deck layer in maplibre's interleaved mode: the map layer it is drawn before. */
export type Interleaved = { beforeId?: string };

/** Map-layer ids; maplibre layers that deck layers are inserted before. */
export const BEFORE_FILL = 'roads';
export const BEFORE_POINTS = 'community-labels';

export interface DeckLayerInput {
  /** A package part alone (its analysis still running) draws no analysis layers (hexagons, buildings, walk circle). */
  data: MapData | PackageMapData;
  service: ServiceCode;
  layers: Record<LayerKey, boolean>;
  communityColors: RGBA[];
  buildingColors: Uint8Array;
  selection: Selection | null;
  publicView: boolean;
  /** Facilities to draw instead of data.facilities (the accessibility filter); the same array between renders. */
  facilities?: Facility[];
  /** Size factor of facility and candidate markers (picking.ts markerScale; default 1). */
  markerScale?: number;
  /**
   * The map is further out than symbols.ts DETAIL_MIN_ZOOM (farOutAt): facilities as dots,
   * hexagons without outlines (default false: drawn in detail).
   */
  farOut?: boolean;
  /**
   * The buildings to draw, by index (buildingWindow.ts: those around the view); default all. The
   * layer's data carries them as `ids`, and CPU picking answers with a building's own index.
   */
  buildingIds?: Int32Array;
  /** The finest hexagon resolution to draw (hexLevels.ts hexResolutionAt; default 15: the analysed cells). */
  hexResolution?: number;
  /** Outlined hexagons (not `farOut`) only with their centre in this box (hexWindow.ts: around the view); default all. */
  hexWindow?: Box;
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

/** Numbers (hexLevels.ts hexCell: `offset` + index) of the cells of `level` with uncovered households for service `si`. */
function uncoveredCells(level: H3Arrays, offset: number, si: number): number[] {
  let bySi = h3IndexCache.get(level.uncovered);
  if (!bySi) h3IndexCache.set(level.uncovered, (bySi = new Map()));
  let idx = bySi.get(si);
  if (!idx) {
    const m = level.cells.length;
    idx = [];
    for (let c = 0; c < m; c++) if (level.uncovered[si * m + c] > 0) idx.push(offset + c);
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
/** Binary (columnar) data of a deck layer: a length and typed-array attributes. */
type BinaryData = { length: number; attributes: Record<string, BinaryAttribute & { normalized?: boolean }> };

/** Building binary data per colours and window (the same objects between renders, so deck keeps its buffers). */
const buildingDataCache = new WeakMap<Uint8Array, WeakMap<Int32Array | typeof ALL, BinaryData & { ids?: Int32Array }>>();
/** The window key of "every building" (no window). */
const ALL = new Int32Array(0);

/**
 * Binary data of the building layer: every building, or those of a window (`ids`, buildingWindow.ts),
 * whose indices the data carries as `ids` (CPU picking answers with the building's own index).
 * Cached per colours and window, so deck only re-uploads what changed.
 */
function buildingData(data: MapData, colors: Uint8Array, ids?: Int32Array): BinaryData & { ids?: Int32Array } {
  const b = data.buildings;
  let radius = radiusCache.get(b.households);
  if (!radius) {
    radius = new Float32Array(b.count);
    for (let k = 0; k < b.count; k++) radius[k] = buildingRadius(b.households[k]);
    radiusCache.set(b.households, radius);
  }
  let byWindow = buildingDataCache.get(colors);
  if (!byWindow) buildingDataCache.set(colors, (byWindow = new WeakMap()));
  let d = byWindow.get(ids ?? ALL);
  if (!d) {
    const xy = commonPositions(b.position); // common space (commonSpace.ts)
    if (!ids) {
      d = {
        length: b.count,
        attributes: {
          getPosition: { value: xy, size: 2 },
          getRadius: { value: radius, size: 1 },
          getFillColor: { value: colors, size: 4, normalized: true },
        },
      };
    } else {
      const n = ids.length;
      const pos = new Float64Array(2 * n);
      const r = new Float32Array(n);
      const c = new Uint8Array(4 * n);
      for (let k = 0; k < n; k++) {
        const i = ids[k];
        pos[2 * k] = xy[2 * i];
        pos[2 * k + 1] = xy[2 * i + 1];
        r[k] = radius[i];
        c.set(colors.subarray(4 * i, 4 * i + 4), 4 * k);
      }
      d = {
        length: n,
        ids,
        attributes: {
          getPosition: { value: pos, size: 2 },
          getRadius: { value: r, size: 1 },
          getFillColor: { value: c, size: 4, normalized: true },
        },
      };
    }
    byWindow.set(ids ?? ALL, d);
  }
  return d;
}

const EMPTY_U32 = new Uint32Array(0);
const EMPTY_BINARY_POINTS = {
  type: 'Point',
  positions: { value: new Float64Array(0), size: 2 },
  featureIds: { value: EMPTY_U32, size: 1 },
  globalFeatureIds: { value: EMPTY_U32, size: 1 },
  numericProps: {},
  properties: [],
};
const EMPTY_BINARY_LINES = { ...EMPTY_BINARY_POINTS, type: 'LineString', pathIndices: { value: new Uint32Array([0]), size: 1 } };

/**
 * The community polygons as deck's binary GeoJSON (loaders.gl layout) from the worker's mesh:
 * positions, polygon and ring starts and the worker's triangles (deck tessellates nothing), one
 * feature per community (featureIds = community index, so a pick's index is the community's).
 * Cached per mesh: a mode switch keeps the mesh, so deck keeps its buffers.
 */
const binaryCache = new WeakMap<CommunityMesh, object>();
export function communityBinary(data: PackageMapData): object {
  const m = data.communityMesh;
  let b = binaryCache.get(m);
  if (!b) {
    b = {
      shape: 'binary-feature-collection',
      points: EMPTY_BINARY_POINTS,
      lines: EMPTY_BINARY_LINES,
      polygons: {
        type: 'Polygon',
        positions: { value: commonPositions(m.positions), size: 2 }, // common space (commonSpace.ts)
        polygonIndices: { value: m.polygonStart, size: 1 },
        primitivePolygonIndices: { value: m.ringStart, size: 1 },
        triangles: { value: m.triangles, size: 1 },
        featureIds: { value: m.vertexCommunity, size: 1 },
        globalFeatureIds: { value: m.vertexCommunity, size: 1 },
        numericProps: {},
        properties: data.communities.features.map((f) => f.properties),
      },
    };
    binaryCache.set(m, b);
  }
  return b;
}

/**
 * Facilities far out (symbols.ts DETAIL_MIN_ZOOM): one ScatterplotLayer `facilities-dots` of
 * dots in the service colour with a white rim (dim rim when the facility lacks the service), in
 * place of the two icon layers; picked on the CPU as drawn (cpuPicking.ts reads its radii), a pick
 * answering as `facilities` (picking.ts PICKED_AS: not the icon layer's id, whose state deck would
 * hand to this layer).
 */
function facilityDotLayers(fac: Facility[], service: ServiceCode, scale: number): Layer[] {
  return [
    new FlatScatterplotLayer<Facility, Interleaved>({
      id: 'facilities-dots',
      ...PREPROJECTED,
      data: fac,
      beforeId: BEFORE_POINTS,
      pickable: true,
      getPosition: commonPositionOf(fac),
      radiusUnits: 'pixels',
      getRadius: (f: Facility) => levelDotRadius(f.level),
      radiusScale: scale,
      radiusMinPixels: 1.5,
      stroked: true,
      filled: true,
      lineWidthUnits: 'pixels',
      getLineWidth: 1,
      getFillColor: (f: Facility) => facilityColor(f, service),
      getLineColor: (f: Facility) => (f.services.includes(service) ? WHITE : HALO_DIM),
      updateTriggers: { getFillColor: [service], getLineColor: [service] },
    }),
  ];
}

/** Facilities close up: the level's shape (symbols.ts) in the service colour over a white halo, two IconLayers. */
function facilityIconLayers(fac: Facility[], service: ServiceCode, scale: number): Layer[] {
  const atlas = iconAtlas();
  const common = {
    ...PREPROJECTED,
    data: fac,
    beforeId: BEFORE_POINTS,
    iconAtlas: atlasImage(atlas),
    iconMapping: atlas.mapping,
    getPosition: commonPositionOf(fac),
    getIcon: (f: Facility) => levelShape(f.level),
    sizeUnits: 'pixels' as const,
    sizeScale: scale,
  };
  return [
    new FlatIconLayer<Facility, Interleaved>({
      ...common,
      id: 'facilities-halo',
      getSize: (f: Facility) => levelSize(f.level) + 5,
      getColor: (f: Facility) => (f.services.includes(service) ? WHITE : HALO_DIM),
      updateTriggers: { getColor: [service] },
    }),
    new FlatIconLayer<Facility, Interleaved>({
      ...common,
      id: 'facilities',
      pickable: true,
      getSize: (f: Facility) => levelSize(f.level),
      getColor: (f: Facility) => facilityColor(f, service),
      updateTriggers: { getColor: [service] },
    }),
  ];
}

/** Turn the engine's result into deck.gl layers. No analysis: only styling of engine numbers. */
export function buildDeckLayers(inp: DeckLayerInput): Layer[] {
  const { service, layers, selection } = inp;
  const data = 'analysis' in inp.data ? inp.data : null; // null: the package part alone
  const pkg = inp.data;
  const si = serviceIndex(service);
  const out: Layer[] = [];

  if (layers.communities) {
    out.push(
      new GeoJsonLayer<CommunityProps, Interleaved>({
        id: 'communities-fill',
        ...PREPROJECTED,
        // Binary and triangulated in the worker (communityBinary); picks give the community index.
        data: communityBinary(pkg) as unknown as GeoJsonLayerProps['data'],
        beforeId: BEFORE_FILL,
        pickable: true, // answered on the CPU (cpuPicking.ts); the hover highlight is hoverLayer.ts
        stroked: false,
        filled: true,
        getFillColor: (f) => inp.communityColors[f.properties.i] ?? TRANSPARENT,
        updateTriggers: { getFillColor: [inp.communityColors] },
      }),
    );
  }

  if (data && layers.h3 && data.h3.cells.length) {
    // Far out a coarser level (hexLevels.ts): a hexagon stays a few pixels wide, and there are far fewer.
    const k = hexLevelAt(data.h3, inp.hexResolution ?? 15);
    const level = hexLevels(data.h3)[k];
    const off = hexLevelOffset(data.h3, k);
    const m = level.cells.length;
    const breaks = h3Breaks(data, service, level.resolution);
    const idx = uncoveredCells(level, off, si); // stable: an edit must not re-tessellate every hexagon
    const getHexagon = (c: number) => level.cells[c - off];
    const getFillColor = (c: number): RGBA => PURPLE5[classOf(level.uncovered[si * m + c - off], breaks)];
    const hexProps = {
      id: 'h3-uncovered',
      data: idx,
      beforeId: BEFORE_FILL,
      pickable: true,
      getHexagon,
      getFillColor,
      updateTriggers: { getFillColor: [service, level.resolution] },
    };
    // Fills as plain triangles (hexagonFill.ts): SwiftShader draws an instanced layer as one draw per instance.
    const fills = { ...hexProps, ...hexagonFillProps(hexRings(level.cells), off) };
    if (inp.farOut)
      out.push(new HexagonFillLayer<Interleaved>(fills)); // far out a hexagon is a few pixels: no outlines
    else {
      const near = inp.hexWindow ? cellsInBox(level.cells, off, idx, inp.hexWindow) : idx; // only those around the view (hexWindow.ts)
      out.push(
        new HexagonFillLayer<Interleaved>({ ...fills, data: near }),
        // The outlines: H3HexagonLayer's stroked columns, an instance a hexagon; the fills above answer picks.
        new H3HexagonLayer<number, Interleaved>({
          ...hexProps,
          id: 'h3-outline',
          data: near,
          pickable: false,
          filled: false,
          extruded: false,
          stroked: true,
          lineWidthMinPixels: 0.5,
          getLineColor: HEX_OUTLINE,
        }),
      );
    }
  }

  if (data && layers.buildings) {
    out.push(
      new FlatScatterplotLayer<unknown, Interleaved>({
        id: 'buildings',
        ...PREPROJECTED,
        beforeId: BEFORE_POINTS,
        data: buildingData(data, inp.buildingColors, inp.buildingIds),
        radiusUnits: 'meters',
        radiusMinPixels: 1.2,
        radiusMaxPixels: 9,
        pickable: true,
        stroked: false,
      }),
    );
  }

  if (layers.facilities) {
    const fac = drawnFacilities(inp.facilities ?? pkg.facilities, inp.publicView);
    out.push(...(inp.farOut ? facilityDotLayers(fac, service, inp.markerScale ?? 1) : facilityIconLayers(fac, service, inp.markerScale ?? 1)));
  }

  if (layers.candidates && !inp.publicView && pkg.candidates.length) {
    const atlas = iconAtlas();
    const common = {
      ...PREPROJECTED,
      data: pkg.candidates,
      beforeId: BEFORE_POINTS,
      iconAtlas: atlasImage(atlas),
      iconMapping: atlas.mapping,
      getPosition: commonPositionOf(pkg.candidates),
      getIcon: () => CANDIDATE_SHAPE,
      sizeUnits: 'pixels' as const,
      sizeScale: inp.markerScale ?? 1,
    };
    out.push(
      new FlatIconLayer<Candidate, Interleaved>({ ...common, id: 'candidates-halo', getSize: 21, getColor: WHITE }),
      new FlatIconLayer<Candidate, Interleaved>({
        ...common,
        id: 'candidates',
        pickable: true,
        getSize: 16,
        getColor: (c: Candidate) => SOURCE_COLORS[c.source] ?? SOURCE_COLORS.other,
      }),
    );
  }

  // The straight-line circle; the walking modes draw the network walkshed instead (walkshedLayers.ts).
  if (data && selection?.kind === 'facility' && data.analysis.mode !== 'network') {
    const f = data.facilities.find((x) => x.id === selection.id);
    if (f) {
      const s = f.services.includes(service) ? service : (f.services[0] ?? service);
      const thresholdM = data.analysis.policy.thresholdsM[s];
      const c = SERVICE_COLORS[s];
      out.push(
        new ScatterplotLayer<Facility, Interleaved>({
          id: 'walk-circle',
          beforeId: BEFORE_POINTS,
          data: [f],
          getPosition: (x: Facility): [number, number] => [x.lon, x.lat],
          getRadius: thresholdM,
          radiusUnits: 'meters',
          stroked: true,
          filled: true,
          getFillColor: [c[0], c[1], c[2], 40],
          getLineColor: [c[0], c[1], c[2], 230],
          lineWidthMinPixels: 2,
        }),
      );
    }
  }
  return out;
}

/**
 * CPU picking (src/map/cpuPicking.ts) on hand-made geometry, read from the very deck layers the
 * map draws (buildDeckLayers), with a linear projection: 100,000 px per degree, x = lon × 1e5,
 * y = −lat × 1e5 (so pixel (1000, −500) is lon 0.01, lat 0.005 exactly). At the equator a metre
 * is 1e5 / 111,320 = 0.8983 px.
 */
import { describe, expect, it, vi } from 'vitest';
import { latLngToCell } from 'h3-js';
import { ScatterplotLayer } from '@deck.gl/layers';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { SERVICES, type Candidate, type Community, type Facility } from '../../src/engine/index';
import { buildDeckLayers } from '../../src/map/buildDeckLayers';
import { CpuPicker, type PickView } from '../../src/map/cpuPicking';
import { cpuMapClick } from '../../src/map/picking';
import { shapeHit } from '../../src/map/shapeHit';
import { SHAPES } from '../../src/map/symbols';
import { BP_SHAPES } from '../../src/map/blueprintLayers';
import { effectiveLayers } from '../../src/state/zoomState';
import { DEFAULT_LAYERS, type LayerKey } from '../../src/state/viewState';
import type { CommunityProps, MapData } from '../../src/worker/protocol';
import { communityMesh } from '../../src/worker/communityMesh';

// The icon atlas draws on a canvas (none in Node); picking never reads it.
vi.mock('../../src/map/iconAtlas', () => ({
  iconAtlas: () => ({ image: null, mapping: {} }),
  buildIconAtlas: () => ({ image: null, mapping: {} }),
  atlasImage: () => null,
}));

const S = 1e5;
const view: PickView = { project: (lon, lat) => [lon * S, -lat * S], unproject: (x, y) => [x / S, -y / S] };
const at = (lon: number, lat: number): [number, number] => [lon * S, -lat * S];

const box = (x0: number, y0: number, x1: number, y1: number) => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];
const community = (i: number, geometry: Polygon | MultiPolygon): Feature<Polygon | MultiPolygon, CommunityProps> => ({
  type: 'Feature',
  properties: { i, id: `C${i}`, name: `C${i}`, street: 'S', district: 'D' },
  geometry,
});

/**
 * 0 A: the square 0…0.01 with a hole 0.004…0.006; 1 Island: the hole, filled by another
 * community; 2 Multi: two squares, 0.02…0.03 and 0.04…0.05 (lon) × 0…0.01; 3 East of A:
 * 0.01…0.02 × 0…0.01; 4 North of A: 0…0.01 × 0.01…0.02.
 */
const communities = [
  community(0, { type: 'Polygon', coordinates: [box(0, 0, 0.01, 0.01), box(0.004, 0.004, 0.006, 0.006)] }),
  community(1, { type: 'Polygon', coordinates: [box(0.004, 0.004, 0.006, 0.006)] }),
  community(2, { type: 'MultiPolygon', coordinates: [[box(0.02, 0, 0.03, 0.01)], [box(0.04, 0, 0.05, 0.01)]] }),
  community(3, { type: 'Polygon', coordinates: [box(0.01, 0, 0.02, 0.01)] }),
  community(4, { type: 'Polygon', coordinates: [box(0, 0.01, 0.01, 0.02)] }),
];

const facility = (id: string, lon: number, lat: number, level: Facility['level'], status: Facility['status'] = 'open'): Facility => ({
  id,
  name: id,
  lon,
  lat,
  areaM2: 100,
  services: ['elderly_care'],
  serviceMask: 1,
  level,
  status,
  community: 0,
});

/** F0 and F1 (社区 circles, 18 px) 3 px apart; F1 is planned; F2 a 街道 square (22 px). */
const facilities = [facility('F0', 0.007, 0.002, 'community'), facility('F1', 0.00703, 0.002, 'community', 'planned'), facility('F2', 0.007, 0.007, 'street')];
/** K0: a candidate (16 px diamond) right on F0. */
const candidates: Candidate[] = [{ id: 'K0', name: 'K0', lon: 0.007, lat: 0.002, areaM2: 300, source: 'idle_office', ownership: 'state', community: 0 }];

/** The hexagon of (0.002, 0.002) has uncovered households; the building's hexagon (0.0025, 0.0075) has none (not drawn). */
const CELL = latLngToCell(0.002, 0.002, 9);
const B_CELL = latLngToCell(0.0075, 0.0025, 9);
const n = SERVICES.length;
const uncovered = new Float32Array(2 * n);
uncovered[0] = 5; // elderly_care (service 0), cell 0

const data = {
  communities: { type: 'FeatureCollection', features: communities },
  communityMesh: communityMesh(communities.map((f) => ({ geometry: f.geometry }) as Community)), // drawn binary, picked from the features
  h3: { resolution: 9, cells: [CELL, B_CELL], households: new Float32Array([5, 4]), uncovered },
  // one building of 4 households at (0.0025, 0.0075): radius 3 + 1.6 × √4 = 6.2 m = 5.57 px
  buildings: {
    count: 1,
    ids: ['B0'],
    position: new Float32Array([0.0025, 0.0075]),
    households: new Float32Array([4]),
    community: new Int32Array([0]),
    covered: new Uint8Array(n),
  },
  facilities,
  candidates,
  analysis: { mode: 'euclidean', policy: { thresholdsM: {} } },
} as unknown as MapData;

function picker(
  on: Partial<Record<LayerKey, boolean>>,
  opts: { publicView?: boolean; markerScale?: number; buildingsZoom?: boolean; farOut?: boolean } = {},
): CpuPicker {
  return new CpuPicker(drawn(on, opts), { communities: data.communities }); // drawn from the binary mesh: the picker reads the features from MapData
}

/** The deck layers buildDeckLayers draws for these switches and options. */
function drawn(
  on: Partial<Record<LayerKey, boolean>>,
  opts: { publicView?: boolean; markerScale?: number; buildingsZoom?: boolean; farOut?: boolean; hexWindow?: [number, number, number, number] } = {},
) {
  const layers = effectiveLayers({ ...DEFAULT_LAYERS, roads: false, ...on }, opts.buildingsZoom ?? false);
  return buildDeckLayers({
    data,
    service: 'elderly_care',
    layers,
    communityColors: communities.map(() => [0, 0, 0, 255]),
    buildingColors: new Uint8Array(4),
    selection: null,
    publicView: opts.publicView ?? false,
    markerScale: opts.markerScale,
    farOut: opts.farOut,
    hexWindow: opts.hexWindow,
  });
}

const pickAt = (p: CpuPicker, x: number, y: number) => {
  const h = p.pickAt(view, x, y);
  return h && { layer: h.layer, index: h.index };
};

describe('communities: point in polygon (the engine PolygonIndex)', () => {
  const p = picker({ facilities: false });

  it('inside the square, in its hole (the community filling it), outside everything', () => {
    expect(pickAt(p, ...at(0.002, 0.002))).toEqual({ layer: 'communities-fill', index: 0 });
    expect(pickAt(p, ...at(0.005, 0.005))).toEqual({ layer: 'communities-fill', index: 1 });
    expect(pickAt(p, ...at(-0.001, 0.005))).toBeNull();
    expect(p.pickAt(view, ...at(0.002, 0.002))?.object).toBe(communities[0]);
  });

  it('a MultiPolygon answers in either part, not between them', () => {
    expect(pickAt(p, ...at(0.025, 0.005))).toEqual({ layer: 'communities-fill', index: 2 });
    expect(pickAt(p, ...at(0.045, 0.005))).toEqual({ layer: 'communities-fill', index: 2 });
    expect(pickAt(p, ...at(0.035, 0.005))).toBeNull();
  });

  it('a point on a shared edge belongs to the community east (vertical edge) or north (horizontal edge) of it', () => {
    expect(pickAt(p, 1000, -500)).toEqual({ layer: 'communities-fill', index: 3 }); // lon 0.01: A | East
    expect(pickAt(p, 500, -1000)).toEqual({ layer: 'communities-fill', index: 4 }); // lat 0.01: A / North
    expect(pickAt(p, 400, -500)).toEqual({ layer: 'communities-fill', index: 1 }); // the hole's west edge: Island
  });

  it('the fill is drawn from the binary mesh: without the communities from MapData the CPU cannot answer it (left to deck)', () => {
    const layers = buildDeckLayers({
      data,
      service: 'elderly_care',
      layers: effectiveLayers({ ...DEFAULT_LAYERS, roads: false, facilities: false }, false),
      communityColors: communities.map(() => [0, 0, 0, 255]),
      buildingColors: new Uint8Array(4),
      selection: null,
      publicView: false,
    });
    const bare = new CpuPicker(layers);
    expect(bare.gpuOnly).toEqual(['communities-fill']);
    expect(bare.pickAt(view, ...at(0.002, 0.002))).toBeNull();
    expect(p.gpuOnly).toEqual([]);
  });

  it('communities off: nothing to pick', () => {
    expect(pickAt(picker({ communities: false, facilities: false }), ...at(0.002, 0.002))).toBeNull();
  });
});

describe('H3 hexagons: the cell at the data resolution', () => {
  const p = picker({ facilities: false, h3: true });

  it('hover shows the drawn hexagon; a click goes through it to the community under it', () => {
    expect(CELL).not.toBe(B_CELL);
    const hover = p.pickAt(view, ...at(0.002, 0.002));
    expect(hover).toEqual({ layer: 'h3-uncovered', index: 0, object: 0 }); // data = indexes of cells with uncovered households
    const click = p.clickAt(view, ...at(0.002, 0.002));
    expect(click?.layer).toBe('communities-fill');
    expect(cpuMapClick(click, [0.002, 0.002])).toEqual({
      coordinate: [0.002, 0.002],
      picked: true,
      layerId: 'communities-fill',
      index: 0,
      object: communities[0],
    });
  });

  it('a cell without uncovered households is not drawn: the community answers', () => {
    expect(pickAt(p, ...at(0.0025, 0.0075))).toEqual({ layer: 'communities-fill', index: 0 });
  });
});

describe('building dots only from zoom 14 (below: hexagons)', () => {
  const [bx, by] = at(0.0025, 0.0075);

  it('zoom ≥ 14: the dot answers within its radius (6.2 m = 5.57 px), the community beyond it', () => {
    const p = picker({ facilities: false, buildings: true }, { buildingsZoom: true });
    expect(pickAt(p, bx + 5, by)).toEqual({ layer: 'buildings', index: 0 });
    expect(pickAt(p, bx, by - 5.5)).toEqual({ layer: 'buildings', index: 0 });
    expect(pickAt(p, bx + 6, by)).toEqual({ layer: 'communities-fill', index: 0 });
  });

  it('below zoom 14 the building layer is hexagons: at the dot the hexagon (or, where none is drawn, the community) answers', () => {
    const p = picker({ facilities: false, buildings: true }, { buildingsZoom: false });
    expect(pickAt(p, bx, by)).toEqual({ layer: 'communities-fill', index: 0 }); // its cell has no uncovered households
    expect(pickAt(p, ...at(0.002, 0.002))).toEqual({ layer: 'h3-uncovered', index: 0 });
  });
});

describe("building dots of a window (buildingWindow.ts): picks answer the building's own index", () => {
  // three buildings of 4 households (5.57 px dots) at lon 0.0015, 0.0025, 0.0035 (100 px apart), lat 0.0075
  const three = {
    ...data,
    buildings: {
      count: 3,
      ids: ['B0', 'B1', 'B2'],
      position: new Float32Array([0.0015, 0.0075, 0.0025, 0.0075, 0.0035, 0.0075]),
      households: new Float32Array([4, 4, 4]),
      community: new Int32Array([0, 0, 0]),
      covered: new Uint8Array(3 * n),
    },
  } as unknown as MapData;
  const windowed = (ids: number[]) =>
    new CpuPicker(
      buildDeckLayers({
        data: three,
        service: 'elderly_care',
        layers: { ...DEFAULT_LAYERS, roads: false, facilities: false, buildings: true },
        communityColors: communities.map(() => [0, 0, 0, 255]),
        buildingColors: new Uint8Array(12),
        selection: null,
        publicView: false,
        buildingIds: Int32Array.from(ids),
      }),
      { communities: data.communities },
    );

  it('the window [0, 2]: B2 answers as 2 (its row is 1), B1 is not drawn (the community answers)', () => {
    const p = windowed([0, 2]);
    expect(pickAt(p, ...at(0.0035, 0.0075))).toEqual({ layer: 'buildings', index: 2 });
    expect(pickAt(p, ...at(0.0015, 0.0075))).toEqual({ layer: 'buildings', index: 0 });
    expect(pickAt(p, ...at(0.0025, 0.0075))).toEqual({ layer: 'communities-fill', index: 0 });
  });

  it("the layer's data holds only the window's dots, with their own radii", () => {
    const layer = buildDeckLayers({
      data: three,
      service: 'elderly_care',
      layers: { ...DEFAULT_LAYERS, roads: false, facilities: false, buildings: true },
      communityColors: [],
      buildingColors: Uint8Array.from([1, 1, 1, 255, 2, 2, 2, 255, 3, 3, 3, 255]),
      selection: null,
      publicView: false,
      buildingIds: Int32Array.from([2]),
    }).find((l) => l.id === 'buildings')!;
    const d = layer.props.data as unknown as { length: number; ids: Int32Array; attributes: Record<string, { value: ArrayLike<number> }> };
    expect(d.length).toBe(1);
    expect(Array.from(d.ids)).toEqual([2]);
    expect(Array.from(d.attributes.getFillColor.value)).toEqual([3, 3, 3, 255]);
    expect(d.attributes.getRadius.value[0]).toBeCloseTo(6.2, 5);
  });
});

describe('facility and candidate markers: their drawn shape, the top one wins', () => {
  const [fx, fy] = at(0.007, 0.002); // F0; F1 is 3 px east

  it('two overlapping circles (radius 7.5/24 × 18 = 5.625 px): between them the top one (F1, drawn last) wins', () => {
    const p = picker({});
    expect(p.pickAt(view, fx + 1.5, fy)?.object).toBe(facilities[1]);
    expect(p.pickAt(view, fx - 3, fy)?.object).toBe(facilities[0]); // 6 px from F1
    expect(pickAt(p, fx + 9, fy)).toEqual({ layer: 'communities-fill', index: 0 }); // 6 px beyond F1
  });

  it('a candidate is drawn above the facilities: on F0 the candidate wins', () => {
    const h = picker({ candidates: true }).pickAt(view, fx, fy);
    expect(h?.layer).toBe('candidates');
    expect(h?.object).toBe(candidates[0]);
  });

  it('public view: no candidates, no planned facilities (F1): F0 answers between them', () => {
    const p = picker({ candidates: true }, { publicView: true });
    expect(p.pickAt(view, fx + 1.5, fy)?.object).toBe(facilities[0]);
  });

  it('a square marker (22 px, square 14/24 of it) answers at its corner, not beyond its side', () => {
    const [sx, sy] = at(0.007, 0.007);
    const p = picker({});
    expect(p.pickAt(view, sx + 6, sy + 6)?.object).toBe(facilities[2]); // u = 12 + 6 × 24/22 = 18.5 < 19
    expect(pickAt(p, sx + 7, sy)).toEqual({ layer: 'communities-fill', index: 0 }); // u = 19.6: off the square
  });

  it('markers shrink with markerScale: at half size a circle answers within 2.8 px only', () => {
    const p = picker({}, { markerScale: 0.5 });
    expect(p.pickAt(view, fx - 2.5, fy)?.object).toBe(facilities[0]);
    expect(pickAt(p, fx - 3, fy)).toEqual({ layer: 'communities-fill', index: 0 });
  });
});

describe('far out (below zoom 12): facilities as one dot layer, hexagons without outlines', () => {
  const [fx, fy] = at(0.007, 0.002); // F0; F1 is 3 px east

  it('draws one (non-instanced) ScatterplotLayer `facilities-dots` instead of the halo and icon layers; hexagons unstroked', () => {
    const far = drawn({ h3: true }, { farOut: true });
    expect(far.map((l) => l.id)).toEqual(['communities-fill', 'h3-uncovered', 'facilities-dots']);
    expect(far[2].constructor.name).toBe('FlatScatterplotLayer'); // the ScatterplotLayer drawn without instancing (flatLayers.ts)
    expect(far[1].constructor.name).toBe('HexagonFillLayer'); // fills only (a SolidPolygonLayer: no outline), plain polygons (hexagonFill.ts)
    const near = drawn({ h3: true });
    expect(near.map((l) => l.id)).toEqual(['communities-fill', 'h3-uncovered', 'h3-outline', 'facilities-halo', 'facilities']);
    expect(near[4].constructor.name).toBe('FlatIconLayer');
    expect(near[1].constructor.name).toBe('HexagonFillLayer'); // near too the fills are plain polygons, and answer picks
    expect(near[2].constructor.name).toBe('H3HexagonLayer'); // the outlines only: stroked columns, not filled, not pickable
    expect(near[2].props).toMatchObject({ stroked: true, filled: false, pickable: false, data: (near[1].props as { data: unknown }).data });
  });

  it('a layer id far out and close up is the same kind of layer: deck hands a layer its namesake’s state', () => {
    // deck.gl matches layers by id alone (LayerManager → _transferState): a dot layer given the
    // icon layer's id drew the facilities with the icon layer's attributes, as squares and discs.
    for (const on of [{ h3: true }, { h3: true, buildings: true, candidates: true }]) {
      const kinds = (ls: { id: string; constructor: { name: string } }[]) => new Map(ls.map((l) => [l.id, l.constructor.name]));
      const far = kinds(drawn(on, { farOut: true }));
      const near = kinds(drawn(on));
      for (const [id, kind] of far) if (near.has(id)) expect([id, near.get(id)]).toEqual([id, kind]);
    }
  });

  it('a window (hexWindow.ts) cuts the outlined hexagons to those centred in it; far out all are drawn', () => {
    const hexData = (l: { props: object }) => (l.props as { data: number[] }).data;
    const around: [number, number, number, number] = [0, 0, 0.004, 0.004]; // holds the centre of CELL, at (0.002, 0.002)
    const away: [number, number, number, number] = [0.01, 0.01, 0.02, 0.02];
    expect(hexData(drawn({ h3: true })[1])).toEqual([0]); // no window: every cell with uncovered households
    expect(hexData(drawn({ h3: true }, { hexWindow: around })[1])).toEqual([0]);
    expect(hexData(drawn({ h3: true }, { hexWindow: away })[1])).toEqual([]);
    expect(hexData(drawn({ h3: true }, { farOut: true, hexWindow: away })[1])).toEqual([0]);
  });

  it('the filled hexagons answer as the outlined ones: the cell at the point, where it is drawn', () => {
    const p = picker({ facilities: false, h3: true }, { farOut: true });
    expect(p.pickAt(view, ...at(0.002, 0.002))).toEqual({ layer: 'h3-uncovered', index: 0, object: 0 });
    expect(pickAt(p, ...at(0.0025, 0.0075))).toEqual({ layer: 'communities-fill', index: 0 }); // a cell without uncovered households
  });

  it('a dot answers within its drawn disc: radius 18 × 15/48 × 0.5 = 2.81 px plus half its 1 px rim', () => {
    const p = picker({}, { farOut: true, markerScale: 0.5 });
    expect(pickAt(p, fx - 3.2, fy)).toEqual({ layer: 'facilities', index: 0 }); // 3.2 < 3.31
    expect(p.pickAt(view, fx - 3.2, fy)?.object).toBe(facilities[0]);
    expect(pickAt(p, fx - 3.5, fy)).toEqual({ layer: 'communities-fill', index: 0 });
    // a 街道 centre is a larger dot: 22 × 15/48 × 0.5 + 0.5 = 3.94 px
    const [sx, sy] = at(0.007, 0.007);
    expect(p.pickAt(view, sx + 3.8, sy)?.object).toBe(facilities[2]);
    expect(pickAt(p, sx + 4.1, sy)).toEqual({ layer: 'communities-fill', index: 0 });
  });
});

describe('dots drawn in pixels with an outline (pilots, landing points)', () => {
  it('radius 9 px and a 4 px outline answer within 11 px', () => {
    const pilots = [{ id: 'C0', position: [0.003, 0.003] as [number, number] }];
    const p = new CpuPicker([
      new ScatterplotLayer({
        id: 'pilots',
        data: pilots,
        pickable: true,
        getPosition: (m: { position: [number, number] }) => m.position,
        getRadius: 9,
        radiusUnits: 'pixels',
        stroked: true,
        getLineWidth: 4,
        lineWidthUnits: 'pixels',
      }),
    ]);
    const [x, y] = at(0.003, 0.003);
    expect(p.pickAt(view, x, y + 10.9)?.object).toBe(pilots[0]);
    expect(p.pickAt(view, x, y + 11.1)).toBeNull();
    expect(p.gpuOnly).toEqual([]);
  });

  it('layers not declared pickable are not answered', () => {
    const p = new CpuPicker([new ScatterplotLayer({ id: 'walkshed-origin', data: [{}], getPosition: [0.003, 0.003], getRadius: 7, radiusUnits: 'pixels' })]);
    expect(p.pickAt(view, ...at(0.003, 0.003))).toBeNull();
    expect(p.answered.size).toBe(0);
  });
});

describe('marker shapes as geometry (shapeHit)', () => {
  it('the blueprint ring is hollow (even-odd): its band answers, its centre does not', () => {
    const ring = shapeHit(BP_SHAPES.ring); // circles of radius 10.5 and 7.5 about (12, 12)
    expect(ring(12, 12)).toBe(false);
    expect(ring(12, 3)).toBe(true); // 9 from the centre
    expect(ring(12, 1)).toBe(false); // 11
  });

  it('polygons from M/L/H/V: the triangle M12 3.5 L20.5 19 H3.5 Z', () => {
    const tri = shapeHit(SHAPES.triangle);
    expect(tri(12, 18)).toBe(true);
    expect(tri(12, 20)).toBe(false); // below the base
    expect(tri(5, 6)).toBe(false); // outside the left side
  });
});

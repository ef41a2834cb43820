import { describe, expect, it } from 'vitest';
import { createExpression, featureFilter, validateStyleMin, type FilterSpecification, type LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import { baseStyle } from '../../src/map/baseStyle';
import {
  FOOTWAY_MINZOOM,
  NETWORK_LAYER_IDS,
  networkLayers,
  PATHS_SOURCE_FILTER,
  STEPS_MINZOOM,
  STREET_MINZOOM,
  STREETS_SOURCE_FILTER,
} from '../../src/map/networkLayers';
import { BEFORE_FILL } from '../../src/map/buildDeckLayers';
import { isPathKind } from '../../src/engine/index';

/** Kinds of roads.geojson as data has them, including unknown, missing and upper-case ones. */
const KINDS: (string | undefined | number)[] = ['road', 'bridge', 'footway', 'path', 'crossing', 'steps', 'elevator', 'Footway', 'track', undefined, 7];

/** Which of KINDS a filter keeps (evaluated by maplibre's own filter code). */
function kept(filter: FilterSpecification | undefined): (string | undefined | number)[] {
  if (!filter) return KINDS;
  const f = featureFilter(filter, 'filter');
  return KINDS.filter((kind) =>
    f.filter({ zoom: 15 }, { type: 2, properties: kind === undefined ? {} : { kind }, geometry: [] } as unknown as Parameters<typeof f.filter>[1]),
  );
}

const layer = (id: string) => networkLayers().find((l) => l.id === id) as Extract<LayerSpecification, { type: 'line' | 'symbol' }>;

/** A layer's line width (px) at `zoom`, evaluated with maplibre's expression code. */
function widthAt(id: string, zoom: number): number {
  const w = (layer(id) as Extract<LayerSpecification, { type: 'line' }>).paint!['line-width'];
  const e = createExpression(w, { type: 'number', 'property-type': 'data-constant', expression: { interpolated: true, parameters: ['zoom'] } } as never);
  if (e.result !== 'success') throw new Error(JSON.stringify(e.value));
  return e.value.evaluate({ zoom }) as number;
}

describe('walking network level of detail (networkLayers)', () => {
  it("the engine worker splits the streets out (isPathKind) exactly as the sources' maplibre filters do", () => {
    const odd = [...KINDS, 'STEPS', ' path', 'elevator ', 'Crossing', '', null, true, { kind: 'footway' }, ['footway']];
    const f = (filter: FilterSpecification) => featureFilter(filter, 'filter');
    const keeps = (filter: FilterSpecification, kind: unknown) =>
      f(filter).filter({ zoom: 15 }, { type: 2, properties: kind === undefined ? {} : { kind }, geometry: [] } as unknown as Parameters<
        ReturnType<typeof f>['filter']
      >[1]);
    for (const kind of odd) {
      expect(keeps(PATHS_SOURCE_FILTER, kind), JSON.stringify(kind)).toBe(isPathKind(kind));
      expect(keeps(STREETS_SOURCE_FILTER, kind), JSON.stringify(kind)).toBe(!isPathKind(kind));
    }
    expect(odd.filter(isPathKind)).toEqual(['footway', 'path', 'crossing', 'steps', 'elevator', 'Footway', 'STEPS', 'Crossing']);
  });

  it('splits roads.geojson into streets (roads) and footways, stairs, lifts (paths) by kind; unknown kinds are streets', () => {
    expect(kept(STREETS_SOURCE_FILTER)).toEqual(['road', 'bridge', 'track', undefined, 7]);
    expect(kept(PATHS_SOURCE_FILTER)).toEqual(['footway', 'path', 'crossing', 'steps', 'elevator', 'Footway']);
    const s = baseStyle().sources;
    expect(s.roads).toMatchObject({ type: 'geojson', filter: STREETS_SOURCE_FILTER, maxzoom: 14 });
    expect(s.paths).toMatchObject({ type: 'geojson', filter: PATHS_SOURCE_FILTER, maxzoom: 14 });
  });

  it('draws streets from zoom 10, footways from 13, stairs and lifts from 14, each on its source and kinds', () => {
    const rows = networkLayers().map((l) => [l.id, (l as { source: string }).source, l.minzoom, kept((l as { filter?: FilterSpecification }).filter)]);
    const footways = ['footway', 'path', 'crossing', 'steps', 'elevator', 'Footway', 'road', 'bridge', 'track', undefined, 7].filter(
      (k) => k !== 'steps' && k !== 'elevator',
    );
    expect(rows).toEqual([
      ['roads', 'paths', 13, KINDS.filter((k) => footways.includes(k))],
      ['roads-path-line', 'paths', 13, KINDS.filter((k) => footways.includes(k))],
      ['roads-street-casing', 'roads', 10, KINDS],
      ['roads-bridge-casing', 'roads', 10, ['bridge']],
      ['roads-line', 'roads', 10, KINDS],
      ['roads-steps', 'paths', 14, ['steps']],
      ['roads-lift', 'paths', 14, ['elevator']],
      ['roads-lift-icon', 'paths', 14, ['elevator']],
    ]);
    expect([STREET_MINZOOM, FOOTWAY_MINZOOM, STEPS_MINZOOM]).toEqual([10, 13, 14]);
    expect(networkLayers().map((l) => l.id)).toEqual([...NETWORK_LAYER_IDS]);
  });

  it('keeps every layer of the paths source above zoom 13, so maplibre tiles none of it at the city extent', () => {
    const onPaths = networkLayers().filter((l) => (l as { source?: string }).source === 'paths');
    expect(onPaths.length).toBe(5);
    expect(Math.min(...onPaths.map((l) => l.minzoom ?? 0))).toBe(13);
  });

  it('keeps the first network layer id `roads`, where deck.gl slots its fills', () => {
    const ids = baseStyle().layers.map((l) => l.id);
    expect(BEFORE_FILL).toBe('roads');
    expect(ids.indexOf('roads')).toBe(ids.indexOf('community-base') + 1);
  });

  it('has widths continuous in the zoom: streets wider than footways, which appear thinner than streets at zoom 13', () => {
    // hand-computed from the stops: street casing 0.6 px at z10, 1.8 at z13, 5 at z16 (linear between)
    expect(widthAt('roads-street-casing', 10)).toBeCloseTo(0.6, 6);
    expect(widthAt('roads-street-casing', 11.5)).toBeCloseTo(1.2, 6);
    expect(widthAt('roads-street-casing', 14.5)).toBeCloseTo(3.4, 6);
    expect(widthAt('roads', 13)).toBeCloseTo(1.1, 6);
    expect(widthAt('roads', 14.5)).toBeCloseTo(2.35, 6);
    for (const z of [13, 14, 15, 16]) {
      expect(widthAt('roads', z)).toBeLessThan(widthAt('roads-street-casing', z));
      expect(widthAt('roads-path-line', z)).toBeLessThan(widthAt('roads-line', z));
      expect(widthAt('roads-path-line', z)).toBeLessThan(widthAt('roads', z));
    }
    // no jump at a stop: just below and above each stop the widths differ by < 0.01 px
    for (const id of ['roads', 'roads-street-casing', 'roads-line', 'roads-steps'])
      for (const z of [13, 14]) expect(Math.abs(widthAt(id, z - 0.001) - widthAt(id, z + 0.001))).toBeLessThan(0.01);
  });

  it('is a valid maplibre style', () => {
    expect(validateStyleMin(baseStyle()).map((e) => e.message)).toEqual([]);
  });
});

import { describe, expect, it, vi } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { packSources, packageMapData, packageTransferables } from '../../src/worker/buildMapData';
import { tinyMapData } from '../ui/tinyPackage';
import { PATHS_FILL_ZOOM, REVOKE_AFTER_MS, fillRoadsAhead, setSources, sourceData, sourceGeoJson } from '../../src/map/mapSources';
import { onRoadsAhead, roadsAhead, takeRoadsAhead } from '../../src/client/roadsAhead';
import { DEFAULT_LAYERS } from '../../src/state/viewState';
import type { MapData } from '../../src/worker/protocol';
import type { RoadCollection } from '../../src/engine/index';

/** A MapData with only the parts the map's sources read (a 2-community, 1-road package). */
function tinyData(): MapData {
  const square = (x: number): [number, number][][] => [
    [
      [x, 0],
      [x + 1, 0],
      [x + 1, 1],
      [x, 0],
    ],
  ];
  const communities = {
    type: 'FeatureCollection',
    features: [0, 1].map((i) => ({
      type: 'Feature',
      id: i,
      properties: { i, id: `C${i}`, name: `社区${i}`, street: '街道', district: '区' },
      geometry: { type: 'Polygon', coordinates: square(i) },
    })),
  };
  const line = {
    type: 'Feature',
    properties: {},
    geometry: {
      type: 'MultiLineString',
      coordinates: [
        [
          [0, 0],
          [1, 1],
        ],
      ],
    },
  };
  const z = new Float32Array(0);
  return {
    communities,
    labels: { type: 'FeatureCollection', features: [] },
    streetLines: line,
    districtLines: line,
    buildings: {
      count: 0,
      idText: '',
      idStart: new Int32Array(1),
      position: z,
      households: new Float32Array(0),
      community: new Int32Array(0),
      covered: new Uint8Array(0),
    },
    h3: { resolution: 9, cells: [], households: new Float32Array(0), uncovered: new Float32Array(0) },
  } as unknown as MapData;
}

/** One road (roads.geojson), which stays in the worker: only its JSON bytes reach the page. */
const line = (kind: unknown, x: number) => ({
  type: 'Feature' as const,
  properties: kind === undefined ? {} : { kind },
  geometry: {
    type: 'LineString' as const,
    coordinates: [
      [x, 0],
      [x + 2, 0],
    ],
  },
});
/** A street and a footway: the streets' source gets the first alone. */
const ROADS = { type: 'FeatureCollection', features: [line('road', 0), line('footway', 3)] } as RoadCollection;
const STREETS = { type: 'FeatureCollection', features: [line('road', 0)] };

const parse = (b: Uint8Array | undefined) => JSON.parse(new TextDecoder().decode(b)) as unknown;

describe('map sources serialized in the worker (issue 13: no GeoJSON walk on the main thread)', () => {
  it('packs each present source as its JSON text, and no bytes for an absent one (no water here)', () => {
    const d = tinyData();
    packSources(d, ROADS);
    expect(Object.keys(d.sourceJson!).sort()).toEqual(['communities', 'districtLines', 'labels', 'roads', 'streetLines', 'streets']);
    expect(parse(d.sourceJson!.communities)).toEqual(d.communities);
    expect(parse(d.sourceJson!.roads)).toEqual(ROADS);
    expect(parse(d.sourceJson!.streets)).toEqual(STREETS);
    expect((parse(d.sourceJson!.communities) as FeatureCollection).features[1].properties!.name).toBe('社区1'); // UTF-8 round trip
  });

  it('transfers the package part’s JSON bytes with its typed arrays (4 arrays + 5 mesh arrays + 6 sources)', () => {
    const { pkg } = tinyMapData();
    const p = packageMapData(pkg, 1);
    packSources(p, ROADS);
    const t = packageTransferables(p);
    expect(t).toHaveLength(15);
    expect(t).toContain(p.sourceJson!.roads!.buffer);
    expect(t).toContain(p.sourceJson!.streets!.buffer);
    expect(t).toContain(p.communityMesh.triangles.buffer);
    expect(t).toContain(p.buildings.idStart.buffer);
  });

  it('hands maplibre one blob: URL per source (the same URL again, the bytes dropped), and GeoJSON where there are no bytes', async () => {
    const d = tinyData();
    packSources(d, ROADS);
    const url = sourceData(d, 'communities');
    expect(typeof url).toBe('string');
    // a bare blob: URL here: the ylblob:// prefix for maplibre's workers is added only once installed in a page (workerJson.ts)
    expect(url as string).toMatch(/^blob:/);
    expect(d.sourceJson!.communities).toBeUndefined(); // the page keeps the URL, not also the bytes
    expect(sourceData(d, 'communities')).toBe(url);
    expect(await (await fetch(url as string)).json()).toEqual(d.communities);
    expect(sourceData(d, 'water')).toEqual({ type: 'FeatureCollection', features: [] });
    const plain = tinyData(); // a MapData without bytes (older worker): the objects as before
    expect(sourceData(plain, 'roads')).toEqual({ type: 'FeatureCollection', features: [] }); // roads never reach the page as objects
    expect(sourceGeoJson(plain, 'communities')).toBe(plain.communities);
  });

  it("releases a replaced package's blob: URLs once the next package's are made, after a grace period", async () => {
    vi.useFakeTimers();
    const revoked = vi.spyOn(URL, 'revokeObjectURL');
    try {
      const a = tinyData();
      packSources(a, ROADS);
      const mine = [sourceData(a, 'communities'), sourceData(a, 'roads')] as string[];
      expect(sourceData(a, 'communities')).toBe(mine[0]); // the same package again: nothing released
      vi.advanceTimersByTime(REVOKE_AFTER_MS);
      expect(revoked.mock.calls.flat()).not.toContain(mine[0]);
      revoked.mockClear();
      const b = tinyData();
      packSources(b, ROADS);
      const next = sourceData(b, 'communities') as string;
      vi.advanceTimersByTime(REVOKE_AFTER_MS - 1);
      expect(revoked).not.toHaveBeenCalled(); // maplibre's worker may still be reading them
      vi.advanceTimersByTime(1);
      expect(revoked.mock.calls.flat().sort()).toEqual([...mine].sort());
      vi.useRealTimers();
      await expect(fetch(mine[0])).rejects.toThrow();
      expect(await (await fetch(next)).json()).toEqual(b.communities);
    } finally {
      revoked.mockRestore();
      vi.useRealTimers();
    }
  });

  it('gives the footway source `paths` the whole roads.geojson and the streets source `roads` the streets alone (split by kind as its filter reads it)', async () => {
    const d = tinyData();
    packSources(d, ROADS);
    const roads = sourceData(d, 'paths');
    const streets = sourceData(d, 'roads');
    expect(streets).not.toBe(roads);
    expect(await (await fetch(roads as string)).json()).toEqual(ROADS);
    expect(await (await fetch(streets as string)).json()).toEqual(STREETS);
    expect(sourceData(d, 'roads')).toBe(streets); // made once (the bytes are dropped)
    // the split is the maplibre filter's: lower-cased, not trimmed; a kind that is no string, or none, is a street
    const mixed = {
      type: 'FeatureCollection',
      features: ['Footway', 'STEPS', ' path', 'elevator ', 'crossing', 'road', 5, null, undefined, 'bridge', 'Path'].map((k, i) => line(k, i)),
    };
    const m = tinyData();
    packSources(m, mixed as RoadCollection);
    const kinds = (parse(m.sourceJson!.streets) as { features: { properties: { kind?: unknown } }[] }).features.map((f) => f.properties.kind);
    expect(kinds).toEqual([' path', 'elevator ', 'road', 5, null, undefined, 'bridge']);
    // the rest are the path kinds (networkLayers.test.ts checks isPathKind against the sources' maplibre filters)
    const pathKinds = mixed.features.filter((f) => !kinds.includes(f.properties.kind as never)).map((f) => f.properties.kind);
    expect(pathKinds).toEqual(['Footway', 'STEPS', 'crossing', 'Path']);
    const plain = tinyData();
    expect(sourceGeoJson(plain, 'paths')).toEqual({ type: 'FeatureCollection', features: [] }); // like roads: bytes only
  });

  it('fills the footway source only once the map comes to zoom 12 (its layers start at 13)', () => {
    const d = tinyData();
    packSources(d);
    const set: [string, unknown][] = [];
    const handlers = new Set<() => void>();
    let zoom = 10.5;
    const map = {
      getZoom: () => zoom,
      getSource: (id: string) => ({ setData: (x: unknown) => set.push([id, x]) }),
      on: (_e: string, f: () => void) => handlers.add(f),
      off: (_e: string, f: () => void) => handlers.delete(f),
    };
    const zoomTo = (z: number) => {
      zoom = z;
      for (const f of [...handlers]) f();
    };
    expect(PATHS_FILL_ZOOM).toBe(12);
    setSources(map as never, d, { ...DEFAULT_LAYERS, roads: true, labels: true });
    const roadsUrl = sourceData(d, 'roads');
    expect(set.filter(([id]) => id === 'roads' || id === 'paths')).toEqual([
      ['roads', roadsUrl],
      ['paths', { type: 'FeatureCollection', features: [] }],
    ]);
    expect(handlers.size).toBe(1);
    zoomTo(11.9);
    expect(set.filter(([id]) => id === 'paths')).toHaveLength(1);
    zoomTo(12.2);
    expect(set.filter(([id]) => id === 'paths').at(-1)).toEqual(['paths', roadsUrl]);
    expect(handlers.size).toBe(0);
    zoomTo(14); // filled once
    expect(set.filter(([id]) => id === 'paths')).toHaveLength(2);

    // already near: filled at once; the roads layer off: empty, nothing waiting
    set.length = 0;
    setSources(map as never, d, { ...DEFAULT_LAYERS, roads: true });
    expect(set.filter(([id]) => id === 'paths')).toEqual([['paths', roadsUrl]]);
    zoom = 9;
    setSources(map as never, d, { ...DEFAULT_LAYERS, roads: true });
    expect(handlers.size).toBe(1);
    const later = setSources(map as never, d, { ...DEFAULT_LAYERS, roads: false });
    expect(handlers.size).toBe(0);
    expect([...later].sort()).toEqual(['labels', 'paths', 'roads'].filter((x) => x !== 'labels' || !DEFAULT_LAYERS.labels));
  });

  it('roads sent ahead of their package part fill the roads sources once: the part, joined to their bytes, does not fill them again', async () => {
    const bytes = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
    const ahead = { roads: bytes(ROADS), streets: bytes(STREETS) }; // as the worker sends them (mapRun.ts sendRoadsAhead)
    const set: [string, unknown][] = [];
    const map = {
      getZoom: () => 13, // near enough for the footways
      getSource: (id: string) => ({ setData: (x: unknown) => set.push([id, x]) }),
      on: () => undefined,
      off: () => undefined,
    };
    fillRoadsAhead(map as never, ahead);
    expect(set.map(([id]) => id)).toEqual(['roads']); // the footways wait for the package's bounds (the zoom)
    const streets = set[0][1];
    expect(typeof streets).toBe('string');
    expect(await (await fetch(streets as string)).json()).toEqual(STREETS); // the streets alone
    // the package part comes (no roads of its own), its sourceJson joined to the roads' object (engineClient.ts)
    const d = tinyData();
    packSources(d);
    d.sourceJson = Object.assign(ahead, d.sourceJson);
    set.length = 0;
    setSources(map as never, d, { ...DEFAULT_LAYERS, roads: true, labels: true });
    expect(set.map(([id]) => id)).toEqual(['communities', 'labels', 'streetLines', 'districtLines', 'paths', 'water']); // roads not again
    const paths = set.find(([id]) => id === 'paths')![1];
    expect(await (await fetch(paths as string)).json()).toEqual(ROADS); // near enough: the footways from the whole file
    expect(sourceData(d, 'roads')).toBe(streets);
    // another package: its own roads fill them again
    const next = tinyData();
    packSources(next, ROADS);
    set.length = 0;
    setSources(map as never, next, { ...DEFAULT_LAYERS, roads: true, labels: true });
    expect(set.filter(([id]) => id === 'roads' || id === 'paths').map(([, x]) => x)).toEqual([sourceData(next, 'roads'), sourceData(next, 'paths')]);
    expect(sourceData(next, 'roads')).not.toBe(streets);
  });

  it('hands roads sent ahead to the map (now or when it starts listening) and to the package part that follows, once', () => {
    const json = { roads: new Uint8Array([123, 125]) };
    roadsAhead(json);
    const seen: unknown[] = [];
    const stop = onRoadsAhead((j) => seen.push(j));
    expect(seen).toEqual([json]); // pending when the map started listening
    const again = { roads: new Uint8Array([91, 93]) };
    roadsAhead(again);
    expect(seen).toEqual([json, again]);
    expect(takeRoadsAhead()).toBe(again);
    expect(takeRoadsAhead()).toBeNull();
    stop();
    roadsAhead(json);
    expect(seen).toHaveLength(2);
    expect(takeRoadsAhead()).toBe(json);
  });
});

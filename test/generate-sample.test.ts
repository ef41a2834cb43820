import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateSample, planSample } from '../scripts/generate-sample';
import { parseCsv } from '../scripts/sample/reference';
import { components } from '../scripts/sample/roads';
import { toLonLat } from '../scripts/sample/geometry';
import { CANDIDATE_SOURCES, OWNERSHIPS, isServiceCode } from '../src/engine/index';

const YUZHONG_CODES = parseCsv(readFileSync(new URL('../data/reference/admin-communities-chongqing-2023.csv', import.meta.url), 'utf8'))
  .filter((r) => r.areaCode === '500103')
  .map((r) => r.code)
  .sort();

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- GeoJSON coordinates of mixed depth
type Feature = { properties: Record<string, string | number>; geometry: { type: string; coordinates: any } };
const features = (text: string): Feature[] => JSON.parse(text).features;

describe('generateSample (small in-process run)', () => {
  const small = generateSample({ seed: 7, buildings: 3000 });
  const { files } = small;

  it('has the 80 real communities of 渝中区 with their households summing to the census 213,950', () => {
    const com = features(files['communities.geojson']);
    expect(com.map((f) => f.properties.id).sort()).toEqual(YUZHONG_CODES);
    expect(YUZHONG_CODES).toHaveLength(80);
    expect(com.reduce((a, f) => a + (f.properties.households as number), 0)).toBe(213950);
    expect(com.reduce((a, f) => a + (f.properties.population as number), 0)).toBe(588717);
    expect(new Set(com.map((f) => f.properties.street)).size).toBe(11);
    expect(com.every((f) => f.properties.district === '渝中区' && Number.isInteger(f.properties.households))).toBe(true);
    expect(com.find((f) => f.properties.id === '500103001003')!.properties.name).toBe('华一坡社区');
    expect(com.find((f) => f.properties.id === '500103013009')!.properties.name).toBe('化龙桥社区');
    expect(com.some((f) => f.geometry.type === 'MultiPolygon')).toBe(true);
    expect(com.some((f) => f.geometry.type === 'Polygon' && f.geometry.coordinates.length > 1)).toBe(true);
    for (const f of com) expect((f.properties.elderly as number) + (f.properties.children as number)).toBeLessThanOrEqual(f.properties.population as number);
  });

  it('writes exactly the requested number of buildings, a few outside every community', () => {
    const b = parseCsv(files['buildings.csv']);
    expect(b).toHaveLength(3000);
    expect(Object.keys(b[0])).toEqual(['id', 'lon', 'lat', 'households', 'community_id']);
    expect(new Set(b.map((r) => r.id)).size).toBe(3000);
    expect(b.every((r) => /^\d+$/.test(r.households))).toBe(true);
    expect(small.stats.unassignedBuildings).toBe(3);
    const withId = b.filter((r) => r.community_id).length;
    expect(withId).toBeGreaterThan(0);
    expect(withId).toBeLessThan(b.length / 2);
  });

  it('has 150-250 facilities with valid codes, levels and statuses', () => {
    const f = parseCsv(files['facilities.csv']);
    expect(f.length).toBeGreaterThanOrEqual(150);
    expect(f.length).toBeLessThanOrEqual(250);
    for (const r of f) {
      const codes = r.services.split(';');
      expect(codes.length).toBeGreaterThan(0);
      expect(codes.every(isServiceCode)).toBe(true);
      expect(['street', 'community', 'compound']).toContain(r.level);
      expect(['open', 'planned']).toContain(r.status);
      if (r.community_id) expect(YUZHONG_CODES).toContain(r.community_id);
    }
    expect(f.some((r) => r.status === 'planned')).toBe(true);
  });

  it('has 60-120 candidates covering every source type', () => {
    const c = parseCsv(files['candidates.csv']);
    expect(c.length).toBeGreaterThanOrEqual(60);
    expect(c.length).toBeLessThanOrEqual(120);
    expect(new Set(c.map((r) => r.source))).toEqual(new Set(CANDIDATE_SOURCES));
    expect(c.every((r) => (OWNERSHIPS as readonly string[]).includes(r.ownership))).toBe(true);
    expect(c.some((r) => Number(r.area_m2) >= 800)).toBe(true);
  });

  it('has a connected walking network with an elevation on every vertex', () => {
    const roads = features(files['roads.geojson']);
    const kinds = new Set(roads.map((f) => f.properties.kind));
    for (const k of ['road', 'footway', 'steps', 'elevator', 'bridge']) expect(kinds).toContain(k);
    const coords = roads.flatMap((f) => f.geometry.coordinates as number[][]);
    expect(coords.every((c) => c.length === 3 && c[2] > 150 && c[2] < 420)).toBe(true);
    expect(components(roads.map((f) => ({ coords: f.geometry.coordinates })))).toHaveLength(1);
    for (const name of ['嘉陵江大桥', '千厮门大桥', '长江大桥', '东水门大桥', '皇冠大扶梯', '十八梯'])
      expect(roads.some((f) => f.properties.name === name)).toBe(true);
  });

  it('never merges two distinct road nodes by rounding (intersections are explicit)', () => {
    const net = planSample({ seed: 7, buildings: 100 }).roads!;
    const used = new Set(net.ways.flatMap((w) => w.nodes));
    const keys = new Set(
      [...used].map((n) =>
        toLonLat(net.xs[n], net.ys[n])
          .map((x) => x.toFixed(7))
          .join(','),
      ),
    );
    expect(keys.size).toBe(used.size);
  });

  it('is deterministic: the same seed gives identical strings, another seed differs', () => {
    const again = generateSample({ seed: 7, buildings: 3000 });
    expect(again.files).toEqual(files);
    expect(generateSample({ seed: 8, buildings: 3000 }).files['buildings.csv']).not.toEqual(files['buildings.csv']);
  });

  it('tiles further districts at scale and keeps the network connected', () => {
    const { files: f, stats } = generateSample({ seed: 1, buildings: 4000, districts: 2 });
    expect(stats.districts.map((d) => d.code)).toEqual(['500103', '500105']);
    expect(stats.buildings).toBe(4000);
    const com = features(f['communities.geojson']);
    expect(com.filter((c) => c.properties.district === '江北区').reduce((a, c) => a + (c.properties.households as number), 0)).toBe(stats.households - 213950);
    expect(components(features(f['roads.geojson']).map((r) => ({ coords: r.geometry.coordinates })))).toHaveLength(1);
    expect(generateSample({ seed: 1, buildings: 500, roads: false }).files['roads.geojson']).toBeUndefined();
  });
});

describe.runIf(existsSync(new URL('../data/sample/manifest.json', import.meta.url)))('the bundled data/sample', () => {
  const read = (f: string) => readFileSync(new URL('../data/sample/' + f, import.meta.url), 'utf8');

  it('is what the generator writes by default, byte for byte', () => {
    const { files } = generateSample();
    for (const [name, text] of Object.entries(files)) expect(read(name), name).toBe(text);
  });

  it('declares itself synthetic WGS84 and holds 25k-40k buildings', () => {
    const m = JSON.parse(read('manifest.json'));
    expect(m).toMatchObject({ name: '渝中区示例数据（合成几何）/ Yuzhong sample (synthetic geometry)', crs: 'WGS84', synthetic: true });
    const n = read('buildings.csv').trim().split('\n').length - 1;
    expect(n).toBeGreaterThanOrEqual(25000);
    expect(n).toBeLessThanOrEqual(40000);
  });
});

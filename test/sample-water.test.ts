import { describe, expect, it } from 'vitest';
import { generateSample } from '../scripts/generate-sample';
import { riverRings } from '../scripts/sample/water';
import { JIALING_WIDTH, YANGTZE_WIDTH, northBankY, peninsulaX, southBankY, toLonLat } from '../scripts/sample/geometry';
import { readWater } from '../src/worker/readWater';

describe('water.geojson of the sample generator (optional map extension)', () => {
  const text = generateSample({ seed: 7, buildings: 500 }).files['water.geojson'];
  const fc = JSON.parse(text);

  it('holds the 长江 and the 嘉陵江 as closed counter-clockwise polygons', () => {
    expect(fc.features.map((f: { properties: { name: string } }) => f.properties.name)).toEqual(['长江', '嘉陵江']);
    for (const f of fc.features) {
      expect(f.geometry.type).toBe('Polygon');
      const ring: number[][] = f.geometry.coordinates[0];
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      let a = 0;
      for (let i = 0; i + 1 < ring.length; i++) a += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
      expect(a).toBeGreaterThan(0);
    }
  });

  it('follows the peninsula banks exactly and spans the modelled river widths', () => {
    const [yangtze, jialing] = riverRings();
    const has = (ring: number[][], x: number, y: number) => ring.some(([a, b]) => Math.abs(a - x) < 1e-6 && Math.abs(b - y) < 1e-6);
    // 朝天门: both banks of the tip, and the 嘉陵江's far bank where it joins the 长江.
    expect(has(yangtze.ring, peninsulaX(1), southBankY(1))).toBe(true);
    expect(has(yangtze.ring, peninsulaX(1), northBankY(1))).toBe(true);
    expect(has(jialing.ring, peninsulaX(1), northBankY(1))).toBe(true);
    expect(has(jialing.ring, peninsulaX(1), northBankY(1) + JIALING_WIDTH)).toBe(true);
    // Upstream end (u = -0.09): the full widths.
    expect(has(yangtze.ring, peninsulaX(-0.09), southBankY(-0.09) - YANGTZE_WIDTH)).toBe(true);
    expect(has(jialing.ring, peninsulaX(-0.09), northBankY(-0.09) + JIALING_WIDTH)).toBe(true);
  });

  it('is read by the map worker as WGS84 polygons with names', () => {
    const w = readWater(new TextEncoder().encode(text), 'WGS84')!;
    expect(w.features).toHaveLength(2);
    const [lon, lat] = toLonLat(peninsulaX(1), southBankY(1));
    const ring = w.features[0].geometry.coordinates[0] as number[][];
    expect(ring.some(([x, y]) => Math.abs(x - lon) < 1e-6 && Math.abs(y - lat) < 1e-6)).toBe(true);
    expect(readWater(undefined, 'WGS84')).toBeUndefined();
    expect(readWater(new TextEncoder().encode('not json'), 'WGS84')).toBeUndefined();
  });
});

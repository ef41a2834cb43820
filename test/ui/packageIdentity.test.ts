import { describe, expect, it } from 'vitest';
import { packageIdentity, packageIdentityInSlices } from '../../src/state/packageIdentity';

type Data = Parameters<typeof packageIdentity>[0];
const data = (households: number, name = '示例'): Data =>
  ({
    manifest: { name, crs: 'EPSG:4326' },
    communities: { type: 'FeatureCollection', features: [{ properties: { id: 'c1', name: '甲' } }] },
    buildings: {
      count: 1,
      ids: ['b1'],
      position: new Float32Array([106.5, 29.5]),
      households: new Float32Array([households]),
      community: new Int32Array([0]),
      covered: new Uint8Array(9),
    },
    facilities: [],
    candidates: [{ id: 'k1' }],
  }) as unknown as Data;

describe('package identity (URL pkg)', () => {
  it('is the manifest name and an 8-digit hash; the same contents give the same identity', () => {
    expect(packageIdentity(data(10))).toMatch(/^示例~[0-9a-f]{8}$/);
    expect(packageIdentity(data(10))).toBe(packageIdentity(data(10)));
  });
  it('changes with the contents under the same name, and with the name', () => {
    expect(packageIdentity(data(11))).not.toBe(packageIdentity(data(10)));
    expect(packageIdentity(data(10, '其他')).split('~')[1]).not.toBe(packageIdentity(data(10)).split('~')[1]);
  });
  it('keeps control characters and ~ out of the name part', () => {
    expect(packageIdentity(data(10, 'a~b\u001bc')).startsWith('a b c~')).toBe(true);
  });
});

describe('package identity hash (golden)', () => {
  /** 1,001 buildings as float64 positions at a byte offset of 8, households float32: every path of the byte hashing (words and the tail). */
  const big = (): Data => {
    const n = 1001;
    const position = new Float64Array(new ArrayBuffer(8 * 2 * n + 8), 8, 2 * n);
    for (let k = 0; k < 2 * n; k++) position[k] = 106 + Math.sin(k);
    const households = new Float32Array(n).map((_, k) => (k * 7) % 13);
    return {
      manifest: { name: '示例', crs: 'EPSG:4326' },
      communities: { features: [{ properties: { id: 'c1', name: '甲' } }, { properties: { id: 'c2', name: '乙' } }] },
      buildings: { count: n, position, households },
      facilities: [{ id: 'f1', lon: 106.5, lat: 29.5, areaM2: 120, services: ['elderly', 'child'] }],
      candidates: [{ id: 'k1' }],
    } as unknown as Data;
  };
  it('is the value the byte-at-a-time FNV-1a gave (links and projects made before keep matching)', () => {
    expect(packageIdentity(big())).toBe('示例~de586c4f'); // printed by the byte-at-a-time version this replaced
  });
  it('is remembered for the same package objects, and taken again when one of them changes', () => {
    const d = big();
    expect(packageIdentity(d)).toBe('示例~de586c4f');
    expect(packageIdentity({ ...d, buildings: { ...d.buildings } })).toBe('示例~de586c4f'); // a mode switch: new buildings object, same arrays
    expect(packageIdentity({ ...d, candidates: [] })).not.toBe('示例~de586c4f');
  });
});

describe('package identity in slices', () => {
  /** The byte-at-a-time FNV-1a of the first version, as the reference. */
  const reference = (d: Data): string => {
    const fnv = (bytes: Uint8Array, h: number) => {
      for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
      return h >>> 0;
    };
    const text = (s: string, h: number) => fnv(new TextEncoder().encode(s), h);
    let h = 0x811c9dc5;
    h = text(JSON.stringify(d.manifest), h);
    for (const f of d.communities.features) h = text(`${f.properties.id}\u0000${f.properties.name}\u0001`, h);
    h = text(`${d.buildings.count}`, h);
    for (const a of [d.buildings.position, d.buildings.households]) h = fnv(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), h);
    for (const f of d.facilities) h = text(`${f.id}\u0000${f.lon},${f.lat}\u0000${f.areaM2}\u0000${f.services.join(',')}\u0001`, h);
    for (const c of d.candidates) h = text(`${c.id}\u0001`, h);
    return `${String(d.manifest.name)}~${h.toString(16).padStart(8, '0')}`;
  };
  /** 50,001 buildings (800 kB of positions: four slices of 256 kB) with an odd count of households bytes. */
  const large = (): Data => {
    const n = 50_001;
    const position = new Float64Array(2 * n).map((_, k) => 106 + Math.cos(k) / 10);
    const households = new Float32Array(n).map((_, k) => k % 17);
    return {
      manifest: { name: '大包', crs: 'EPSG:4326' },
      communities: { features: [{ properties: { id: 'c1', name: '甲' } }] },
      buildings: { count: n, position, households },
      facilities: [{ id: 'f1', lon: 106.5, lat: 29.5, areaM2: 80, services: ['elderly'] }],
      candidates: [],
    } as unknown as Data;
  };
  it('equals the byte-at-a-time reference, taken in several tasks, and is then remembered for the joined data', async () => {
    const d = large();
    const want = reference(d);
    let yields = 0;
    const got = await packageIdentityInSlices(d, async () => {
      yields++;
    });
    expect(got).toBe(want);
    expect(yields).toBeGreaterThanOrEqual(5); // 800 kB + 200 kB in 256 kB slices, then the facilities
    expect(packageIdentity({ ...d, buildings: { ...d.buildings } })).toBe(want);
    expect(packageIdentity(large())).toBe(want); // new objects: hashed again, the same value
  });
});

import { describe, expect, it } from 'vitest';
import { packageIdentity } from '../../src/state/packageIdentity';

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

import { describe, expect, it } from 'vitest';
import { base64Bytes, jsonDataUrl } from '../../src/map/jsonDataUrl';

const text = (b: Uint8Array) => new TextDecoder().decode(b);

describe('jsonDataUrl', () => {
  it('encodes base64 with padding (RFC 4648 test vectors)', () => {
    const enc = new TextEncoder();
    const cases: [string, string][] = [
      ['', ''],
      ['f', 'Zg=='],
      ['fo', 'Zm8='],
      ['foo', 'Zm9v'],
      ['foob', 'Zm9vYg=='],
      ['fooba', 'Zm9vYmE='],
      ['foobar', 'Zm9vYmFy'],
    ];
    for (const [plain, b64] of cases) expect(text(base64Bytes(enc.encode(plain)))).toBe(b64);
    // every byte value, against Node's encoder
    const all = Uint8Array.from({ length: 256 }, (_, k) => 255 - k);
    expect(text(base64Bytes(all))).toBe(Buffer.from(all).toString('base64'));
  });

  it('makes a data: URL maplibre fetches in its worker (no "://"), holding the JSON as it was, Chinese names included', async () => {
    const json = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: '解放碑街道 http://x' }, geometry: null }] };
    const url = jsonDataUrl(new TextEncoder().encode(JSON.stringify(json)));
    expect(url.startsWith('data:application/json;base64,')).toBe(true);
    expect(url.includes('://')).toBe(false); // maplibre routes URLs with "://" (blob: included) through the main thread
    expect(await (await fetch(url)).json()).toEqual(json);
  });
});

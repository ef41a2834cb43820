/**
 * A `data:` URL (base64) of UTF-8 JSON bytes, for maplibre's GeoJSON sources.
 *
 * Why not a `blob:` URL: maplibre 6 (util/ajax.ts makeRequest) fetches every URL whose scheme is
 * not http(s) or file and that contains "://" — a blob: URL does ("blob:http://…") — through the
 * main thread: the page fetches it, parses the JSON, walks the parsed GeoJSON to serialize it and
 * posts the copy to maplibre's worker. At 1M buildings (15 MB of roads) that was ~400 MB of
 * short-lived objects on the page and seconds of main-thread work. A `data:` URL has no "://",
 * so maplibre's worker fetches and parses it itself; the page holds only this one string.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const CODES = Uint8Array.from(ALPHABET, (c) => c.charCodeAt(0));
const PAD = '='.charCodeAt(0);

/** Base64 (RFC 4648, with padding) of `bytes`, as ASCII bytes: 4 for every 3 (rounded up). */
export function base64Bytes(bytes: Uint8Array): Uint8Array {
  const n = bytes.length;
  const out = new Uint8Array(Math.ceil(n / 3) * 4);
  let o = 0;
  let i = 0;
  for (; i + 2 < n; i += 3) {
    const v = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out[o++] = CODES[v >>> 18];
    out[o++] = CODES[(v >>> 12) & 63];
    out[o++] = CODES[(v >>> 6) & 63];
    out[o++] = CODES[v & 63];
  }
  if (i < n) {
    const v = (bytes[i] << 16) | (i + 1 < n ? bytes[i + 1] << 8 : 0);
    out[o++] = CODES[v >>> 18];
    out[o++] = CODES[(v >>> 12) & 63];
    out[o++] = i + 1 < n ? CODES[(v >>> 6) & 63] : PAD;
    out[o++] = PAD;
  }
  return out;
}

/** `data:application/json;base64,…` of UTF-8 JSON `bytes` (the string is ~4/3 of the bytes). */
export function jsonDataUrl(bytes: Uint8Array): string {
  // Base64 is ASCII: decoding it as Latin-1 gives the string without a per-character loop.
  return `data:application/json;base64,${new TextDecoder('latin1').decode(base64Bytes(bytes))}`;
}

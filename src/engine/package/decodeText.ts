import { EngineError } from '../errors';

/** Text encodings the loader recognises. */
export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'gbk';

/** What a UTF-8 reading of some bytes finds: the first invalid byte, how many, and how many valid 3- and 4-byte characters. */
interface Utf8Scan {
  firstBad: number; // byte offset, -1 when the bytes are valid UTF-8
  bad: number;
  wide: number;
}

/** Length of the leading run of ASCII bytes (< 0x80) of `b`, read four bytes at a time where aligned. */
function asciiPrefix(b: Uint8Array): number {
  let i = 0;
  while (i < b.length && (b.byteOffset + i) % 4 !== 0) {
    if (b[i] >= 0x80) return i;
    i++;
  }
  if (i >= b.length) return i;
  const words = new Uint32Array(b.buffer, b.byteOffset + i, (b.length - i) >> 2);
  let w = 0;
  while (w < words.length && (words[w] & 0x80808080) === 0) w++;
  i += 4 * w;
  while (i < b.length && b[i] < 0x80) i++;
  return i;
}

function scanUtf8(b: Uint8Array): Utf8Scan {
  let firstBad = -1;
  let bad = 0;
  let wide = 0;
  const cont = (i: number, lo = 0x80, hi = 0xbf) => i < b.length && b[i] >= lo && b[i] <= hi;
  for (let i = asciiPrefix(b); i < b.length;) {
    const c = b[i];
    let len = 0;
    if (c < 0x80) len = 1;
    else if (c >= 0xc2 && c <= 0xdf) len = cont(i + 1) ? 2 : 0;
    else if (c >= 0xe0 && c <= 0xef) {
      const lo = c === 0xe0 ? 0xa0 : 0x80;
      const hi = c === 0xed ? 0x9f : 0xbf;
      len = cont(i + 1, lo, hi) && cont(i + 2) ? 3 : 0;
    } else if (c >= 0xf0 && c <= 0xf4) {
      const lo = c === 0xf0 ? 0x90 : 0x80;
      const hi = c === 0xf4 ? 0x8f : 0xbf;
      len = cont(i + 1, lo, hi) && cont(i + 2) && cont(i + 3) ? 4 : 0;
    }
    if (len === 0) {
      if (firstBad < 0) firstBad = i;
      bad++;
      i++;
    } else {
      if (len >= 3) wide++;
      i += len;
    }
  }
  return { firstBad, bad, wide };
}

/** True when `bytes` are valid UTF-8 throughout (ASCII checked four bytes at a time). */
export function isUtf8(bytes: Uint8Array): boolean {
  return asciiPrefix(bytes) === bytes.length || scanUtf8(bytes).firstBad < 0;
}

/**
 * Decode a file's bytes: UTF-8 with or without BOM, else GBK (GB18030, a superset, is what
 * Chinese Excel writes). UTF-16 files (BOM FF FE / FE FF) are decoded too. A file that is
 * valid in neither is an E_BAD_ENCODING error naming it.
 *
 * Mixed encodings are refused, not guessed: bytes that are mostly valid UTF-8 — at least as
 * many valid 3- or 4-byte UTF-8 characters (every Chinese character is one) as invalid bytes
 * — with a stray invalid byte (a Latin-1 'é' pasted in, a GBK row appended) would decode as
 * GB18030 with every Chinese name garbled. They are E_MIXED_ENCODING naming the 1-based line
 * of the first bad byte. GBK text read as UTF-8 has an invalid byte in nearly every
 * character and only rare accidental 3-byte sequences, so it still decodes as GBK.
 */
export function decodeText(bytes: Uint8Array, file: string): { text: string; encoding: TextEncodingName } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: decodeUtf8Strict(bytes.subarray(3), file), encoding: 'utf-8-bom' };
  }
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const le = bytes[0] === 0xff;
    return { text: new TextDecoder(le ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(2)), encoding: 'utf-8' };
  }
  const scan = scanUtf8(bytes);
  if (scan.firstBad < 0) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
  if (scan.wide >= scan.bad) throw mixed(bytes, scan.firstBad, file);
  try {
    return { text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), encoding: 'gbk' };
  } catch {
    throw new EngineError('E_BAD_ENCODING', { file });
  }
}

/** A file that says it is UTF-8 (a BOM) must be UTF-8 throughout. */
function decodeUtf8Strict(bytes: Uint8Array, file: string): string {
  const scan = scanUtf8(bytes);
  if (scan.firstBad >= 0) throw mixed(bytes, scan.firstBad, file);
  return new TextDecoder('utf-8').decode(bytes);
}

/** E_MIXED_ENCODING naming the 1-based line (LF, CRLF or CR ends) and value of the byte at `at`. */
function mixed(bytes: Uint8Array, at: number, file: string): EngineError {
  let line = 1;
  for (let i = 0; i < at; i++) if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) line++;
  const hex = bytes[at].toString(16).toUpperCase().padStart(2, '0');
  return new EngineError('E_MIXED_ENCODING', { file, line, detail: `byte 0x${hex}` });
}

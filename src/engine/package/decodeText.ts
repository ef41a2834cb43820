import { EngineError } from '../errors';

/** Text encodings the loader recognises. */
export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'gbk';

/**
 * Decode a file's bytes: UTF-8 with or without BOM, else GBK (GB18030, a superset, is what
 * Chinese Excel writes). UTF-16 files (BOM FF FE / FE FF) are decoded too. A file that is
 * valid in neither is an E_BAD_ENCODING error naming it.
 */
export function decodeText(bytes: Uint8Array, file: string): { text: string; encoding: TextEncodingName } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const le = bytes[0] === 0xff;
    return { text: new TextDecoder(le ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(2)), encoding: 'utf-8' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    try {
      return { text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), encoding: 'gbk' };
    } catch {
      throw new EngineError('E_BAD_ENCODING', { file });
    }
  }
}

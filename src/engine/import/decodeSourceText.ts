import { decodeText } from '../package/decodeText';

/**
 * Decode a text file: UTF-8 with or without BOM, UTF-16 with BOM, else GBK/GB18030
 * (what Chinese Excel and Notepad write). Returns the text and the encoding's name for
 * the report. A file valid in none is E_BAD_ENCODING naming it.
 */
export function decodeSourceText(bytes: Uint8Array, file: string): { text: string; encoding: string } {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decodeText(bytes, file).text, encoding: 'utf-16le' };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decodeText(bytes, file).text, encoding: 'utf-16be' };
  const { text, encoding } = decodeText(bytes, file);
  return { text, encoding: encoding === 'gbk' ? 'gb18030' : encoding };
}

import { describe, expect, it } from 'vitest';
import { decodeText, EngineError } from '../../src/engine/index';

const enc = new TextEncoder();

/** Bytes of `text` at byte offset `shift` of their buffer (the ASCII fast path reads aligned words). */
function at(shift: number, bytes: Uint8Array): Uint8Array {
  const buf = new Uint8Array(bytes.length + shift);
  buf.set(bytes, shift);
  return buf.subarray(shift);
}

describe('decodeText: the four-bytes-at-a-time ASCII prefix changes nothing', () => {
  it('ASCII then UTF-8 Chinese, at every alignment: decoded as UTF-8', () => {
    for (let shift = 0; shift < 4; shift++) {
      for (let k = 0; k < 11; k++) {
        const text = 'a,b\n'.repeat(3).slice(0, k) + '社区,1\n';
        expect(decodeText(at(shift, enc.encode(text)), 'f.csv')).toEqual({ text, encoding: 'utf-8' });
      }
    }
  });

  it('a stray Latin-1 byte after Chinese text is E_MIXED_ENCODING naming its line, at every alignment and position', () => {
    for (let shift = 0; shift < 4; shift++) {
      for (let k = 0; k < 9; k++) {
        // line 1: k ASCII bytes and a Chinese name; line 2: "x" then the bad byte 0xE9 ('é' in Latin-1)
        const head = enc.encode('x'.repeat(k) + '社区\nx');
        const bytes = new Uint8Array([...head, 0xe9, 0x0a]);
        let err: unknown;
        try {
          decodeText(at(shift, bytes), 'f.csv');
        } catch (e) {
          err = e;
        }
        expect(err).toBeInstanceOf(EngineError);
        expect((err as EngineError).code).toBe('E_MIXED_ENCODING');
        expect((err as EngineError).place).toMatchObject({ line: 2, detail: 'byte 0xE9' });
      }
    }
  });

  it('pure ASCII of any length and alignment decodes as itself', () => {
    for (let shift = 0; shift < 4; shift++) {
      for (let n = 0; n < 13; n++) {
        const text = 'id,lon,lat\n'.repeat(2).slice(0, n);
        expect(decodeText(at(shift, enc.encode(text)), 'f.csv').text).toBe(text);
      }
    }
  });
});

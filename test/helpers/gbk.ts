/**
 * A GBK encoder for tests, built by decoding every two-byte GBK code once: it writes
 * fixtures the way Chinese Excel saves CSV. (Node has a GBK decoder, not an encoder.)
 */
let table: Map<string, number[]> | null = null;

function build(): Map<string, number[]> {
  const m = new Map<string, number[]>();
  const dec = new TextDecoder('gbk');
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = dec.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && ch !== '\uFFFD' && !m.has(ch)) m.set(ch, [hi, lo]);
    }
  }
  return m;
}

export function encodeGbk(s: string): Uint8Array {
  table ??= build();
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else {
      const b = table.get(ch);
      if (!b) throw new Error(`no GBK code for ${ch}`);
      out.push(...b);
    }
  }
  return new Uint8Array(out);
}

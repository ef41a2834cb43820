/**
 * UTF-8 output written straight into a growing byte buffer: ASCII text and whole numbers a
 * byte per character, other text through TextEncoder.encodeInto. For writing a million
 * lines without a string per line, one large joined string and its encoding.
 */
export class ByteWriter {
  private buf: Uint8Array;
  private at = 0;
  private readonly enc = new TextEncoder();

  /** @param capacity bytes expected (grows past it) */
  constructor(capacity = 65536) {
    this.buf = new Uint8Array(Math.max(16, capacity));
  }

  private room(n: number): void {
    if (this.at + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.at + n) size *= 2;
    const b = new Uint8Array(size);
    b.set(this.buf.subarray(0, this.at));
    this.buf = b;
  }

  /** One byte (an ASCII character code). */
  byte(b: number): void {
    this.room(1);
    this.buf[this.at++] = b;
  }

  /** Text in UTF-8; ASCII text a byte per character. */
  text(s: string): void {
    const n = s.length;
    this.room(n);
    const buf = this.buf;
    let at = this.at;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) {
        // not ASCII: the rest through the encoder (at most 3 bytes per UTF-16 code unit)
        this.at = at;
        const rest = s.slice(i);
        this.room(rest.length * 3);
        this.at += this.enc.encodeInto(rest, this.buf.subarray(this.at)).written;
        return;
      }
      buf[at++] = c;
    }
    this.at = at;
  }

  /** A whole number 0 ≤ v < 2^53 in decimal digits, as String(v) writes it; zero-padded to `width` digits. */
  whole(v: number, width = 1): void {
    let digits = 1;
    for (let p = 10; p <= v; p *= 10) digits++;
    if (digits < width) digits = width;
    this.room(digits);
    let at = this.at + digits;
    this.at = at;
    const buf = this.buf;
    while (digits-- > 0) {
      const q = Math.floor(v / 10);
      buf[--at] = 0x30 + (v - q * 10);
      v = q;
    }
  }

  /**
   * A CSV cell as csvCell (report/csv.ts) quotes it: a cell of printable ASCII without
   * comma, quote or space is written as it is, anything else through `quote`.
   */
  cell(s: string, quote: (s: string) => string): void {
    const n = s.length;
    this.room(n);
    const buf = this.buf;
    const at = this.at;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c <= 0x20 || c >= 0x7f || c === 0x22 || c === 0x2c) {
        this.text(quote(s));
        return;
      }
      buf[at + i] = c;
    }
    this.at = at + n;
  }

  /** The bytes written (a copy of exactly that length). */
  bytes(): Uint8Array {
    return this.buf.slice(0, this.at);
  }
}

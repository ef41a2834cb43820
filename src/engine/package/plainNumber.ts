/** Exact powers of ten as doubles (10^0 … 10^22 are all exactly representable). */
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/** Most digits read without loss: 10^15 < 2^53, so every integer of 15 digits is exact. */
const MAX_DIGITS = 15;

/**
 * The number a plain decimal `[+-]?digits[.digits]` in `text[a, b)` denotes, read from the
 * characters without a substring; NaN when the text is anything else or has more than 15
 * digits (the caller then takes the general path: a substring, the contract's checks,
 * `Number`). With at most 15 digits the mantissa m and 10^f are exact doubles and m / 10^f
 * is rounded once, correctly, so the result is exactly `Number(text.slice(a, b))`
 * (Clinger's fast path).
 */
export function plainDecimal(text: string, a: number, b: number): number {
  if (a >= b) return NaN;
  let i = a;
  let c = text.charCodeAt(i);
  const negative = c === 0x2d;
  if (negative || c === 0x2b) i++;
  let m = 0;
  let digits = 0;
  let frac = -1; // digits after the point, -1 before it
  for (; i < b; i++) {
    c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      m = m * 10 + (c - 0x30);
      digits++;
      if (frac >= 0) frac++;
    } else if (c === 0x2e && frac < 0) frac = 0;
    else return NaN;
  }
  return decimalValue(negative, m, digits, frac);
}

/**
 * {@link plainDecimal} on bytes: the number a plain decimal in the ASCII bytes `bytes[a, b)`
 * denotes (the same digits give the same double as from text), NaN otherwise.
 */
export function plainDecimalBytes(bytes: Uint8Array, a: number, b: number): number {
  if (a >= b) return NaN;
  let i = a;
  let c = bytes[i];
  const negative = c === 0x2d;
  if (negative || c === 0x2b) i++;
  let m = 0;
  let digits = 0;
  let frac = -1;
  for (; i < b; i++) {
    c = bytes[i];
    if (c >= 0x30 && c <= 0x39) {
      m = m * 10 + (c - 0x30);
      digits++;
      if (frac >= 0) frac++;
    } else if (c === 0x2e && frac < 0) frac = 0;
    else return NaN;
  }
  return decimalValue(negative, m, digits, frac);
}

/** The value of a plain decimal read by {@link plainDecimal} or {@link plainDecimalBytes}: mantissa m of `digits` digits, `frac` of them after the point (−1 without one). */
function decimalValue(negative: boolean, m: number, digits: number, frac: number): number {
  if (digits === 0 || digits > MAX_DIGITS) return NaN;
  const v = frac > 0 ? m / POW10[frac] : m;
  return negative ? -v : v;
}

/**
 * The whole number written as plain digits (no sign, no point) in `text[a, b)`, at most 15
 * of them; -1 for anything else (the caller then takes the general path).
 */
export function plainWhole(text: string, a: number, b: number): number {
  if (a >= b || b - a > MAX_DIGITS) return -1;
  let m = 0;
  for (let i = a; i < b; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return -1;
    m = m * 10 + (c - 0x30);
  }
  return m;
}

/** {@link plainWhole} on bytes: plain digits (at most 15) in `bytes[a, b)` as a whole number; −1 otherwise. */
export function plainWholeBytes(bytes: Uint8Array, a: number, b: number): number {
  if (a >= b || b - a > MAX_DIGITS) return -1;
  let m = 0;
  for (let i = a; i < b; i++) {
    const c = bytes[i];
    if (c < 0x30 || c > 0x39) return -1;
    m = m * 10 + (c - 0x30);
  }
  return m;
}

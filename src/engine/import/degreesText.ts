import type { ByteWriter } from './ByteWriter';

/**
 * A coordinate (degrees) rounded to 7 decimals — as convertTable writes every point — as
 * `String(v)` writes it, built from two integers: faster than the general double-to-text
 * conversion, which is a large part of writing a million buildings.
 *
 * Exact: when v is the double nearest m / 10^7 for an integer m, no shorter decimal than
 * m's digits with the point moved 7 places (trailing zeros dropped) reads back as v (two
 * decimals of at most 7 places differ by ≥ 10^-7, far more than v's spacing below 10^8),
 * so that decimal is String(v)'s shortest round-trip text. Anything else (more decimals,
 * |v| < 10^-6 where String uses an exponent, |v| ≥ 10^8, NaN) goes to String; -0 is '0'.
 */
export function degreesText(v: number): string {
  const m = Math.round(v * 1e7);
  const a = m < 0 ? -m : m;
  if (m / 1e7 !== v || a < 10 || a >= 1e15) return String(v === 0 ? 0 : v);
  const whole = Math.floor(a / 1e7);
  const frac = a - whole * 1e7;
  const sign = m < 0 ? '-' : '';
  if (frac === 0) return `${sign}${whole}`;
  const digits = String(frac + 1e7); // '1' and the 7 decimals, zero-padded
  let end = 8;
  while (digits.charCodeAt(end - 1) === 0x30) end--;
  return `${sign}${whole}.${digits.slice(1, end)}`;
}

/** A coordinate rounded to 7 decimals of a degree (≈ 1 cm), -0 as 0: the precision the importer writes. */
export function round7(v: number): number {
  const r = Math.round(v * 1e7) / 1e7;
  return r === 0 ? 0 : r;
}

/** {@link degreesText}'s characters written to `w`, without a string for the common case. */
export function writeDegrees(w: ByteWriter, v: number): void {
  const m = Math.round(v * 1e7);
  const a = m < 0 ? -m : m;
  if (m / 1e7 !== v || a < 10 || a >= 1e15) {
    w.text(String(v === 0 ? 0 : v));
    return;
  }
  const whole = Math.floor(a / 1e7);
  let frac = a - whole * 1e7;
  if (m < 0) w.byte(0x2d);
  w.whole(whole);
  if (frac === 0) return;
  let places = 7;
  while (frac % 10 === 0) {
    frac /= 10;
    places--;
  }
  w.byte(0x2e);
  w.whole(frac, places);
}

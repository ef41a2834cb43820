import { describe, expect, it } from 'vitest';
import { degreesText } from '../../src/engine/import/degreesText';
import { mulberry32 } from '../../src/engine/random';

const round7 = (v: number) => Math.round(v * 1e7) / 1e7;

describe('degreesText: String(v) of coordinates rounded to 7 decimals', () => {
  it('hand cases: trailing zeros, whole numbers, negatives, tiny values, -0, unrounded values', () => {
    expect(degreesText(106.506545)).toBe('106.506545');
    expect(degreesText(29.5)).toBe('29.5');
    expect(degreesText(106)).toBe('106');
    expect(degreesText(-0.0000123)).toBe('-0.0000123');
    expect(degreesText(0.000001)).toBe('0.000001');
    expect(degreesText(5e-7)).toBe('5e-7');
    expect(degreesText(-0)).toBe('0');
    expect(degreesText(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(degreesText(NaN)).toBe('NaN');
  });
  it('equals String on 200 000 random rounded coordinates of every magnitude', () => {
    const rng = mulberry32(7);
    for (let k = 0; k < 200_000; k++) {
      const scale = 10 ** Math.floor(rng() * 14 - 6); // 1e-6 … 1e7
      const v = round7((rng() * 2 - 1) * scale);
      if (degreesText(v) !== String(v === 0 ? 0 : v)) expect(degreesText(v), `${v}`).toBe(String(v));
    }
  });
});

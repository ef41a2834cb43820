import { describe, expect, it } from 'vitest';
import { IdSet } from '../../src/engine/package/IdSet';
import { mulberry32 } from '../../src/engine/random';

describe('IdSet: the duplicate-id set of the loader behaves as a Set<string>', () => {
  it('has / add / addIfNew, growing from the smallest table, against a Set on random ids', () => {
    const rnd = mulberry32(21);
    const ids = new IdSet(); // expected 16: grows many times
    const ref = new Set<string>();
    for (let k = 0; k < 20000; k++) {
      const id = `b${Math.floor(rnd() * 8000)}${rnd() < 0.1 ? ' ' : ''}`;
      if (rnd() < 0.5) expect(ids.addIfNew(id)).toBe(!ref.has(id));
      else {
        expect(ids.has(id)).toBe(ref.has(id));
        ids.add(id);
      }
      ref.add(id);
      expect(ids.size).toBe(ref.size);
    }
  });
  it('tells apart ids that differ only by case, spaces, width or a BOM; the empty id is an id', () => {
    const ids = new IdSet(4);
    for (const id of ['a', 'A', ' a', 'a ', 'ａ', '\uFEFFa', '', '社区1']) expect(ids.addIfNew(id)).toBe(true);
    for (const id of ['a', 'A', ' a', 'a ', 'ａ', '\uFEFFa', '', '社区1']) expect(ids.addIfNew(id)).toBe(false);
    expect(ids.has('社区2')).toBe(false);
    expect(ids.size).toBe(8);
  });
  it('ids added as spans of one text and as strings are one set: against a Set on random ids', () => {
    const rnd = mulberry32(8);
    const parts: string[] = [];
    for (let k = 0; k < 3000; k++) parts.push(`b${Math.floor(rnd() * 1500)}${rnd() < 0.1 ? '社' : ''}`);
    const text = parts.join(',');
    const ids = new IdSet(); // grows many times
    const ref = new Set<string>();
    let at = 0;
    for (const p of parts) {
      const fresh = !ref.has(p);
      if (rnd() < 0.7) expect(ids.addSpanIfNew(text, at, at + p.length)).toBe(fresh);
      else expect(ids.addIfNew(p)).toBe(fresh);
      ref.add(p);
      expect(ids.has(p)).toBe(true);
      expect(ids.has(p + 'x')).toBe(ref.has(p + 'x'));
      expect(ids.size).toBe(ref.size);
      at += p.length + 1;
    }
    expect(ref.size).toBeGreaterThan(1000);
    expect(ref.size).toBeLessThan(2500);
  });
  it('a span and a string of the same code units are the same id; a prefix is not', () => {
    const ids = new IdSet(2);
    expect(ids.addSpanIfNew('x,ab,abc', 2, 4)).toBe(true); // 'ab'
    expect(ids.addIfNew('ab')).toBe(false);
    expect(ids.addSpanIfNew('x,ab,abc', 5, 8)).toBe(true); // 'abc'
    expect(ids.addSpanIfNew('x,ab,abc', 5, 7)).toBe(false); // 'ab' again
    expect(ids.addIfNew('a')).toBe(true);
    expect(ids.has('abc')).toBe(true);
    expect(ids.size).toBe(3);
    expect(() => ids.addSpanIfNew('other', 0, 1)).toThrow(/two texts/);
  });
});

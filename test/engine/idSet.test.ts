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
});

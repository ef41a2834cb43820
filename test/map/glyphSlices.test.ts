import { describe, expect, it } from 'vitest';
import { sliceGlyphDrawing, type GlyphDrawer } from '../../src/map/glyphSlices';

/**
 * A fake GlyphManager: drawing a glyph advances a fake clock by 10 ms and logs which task drew it.
 * Tasks are run by hand (`runTask`), so the test sees exactly which glyphs share a task.
 */
function fixture() {
  let clock = 0;
  let task = 0;
  const log: string[] = [];
  const queue: (() => void)[] = [];
  const manager: GlyphDrawer = {
    _drawGlyph: () => Promise.reject(new Error('original')),
    _getTinySDF: async (_e, stack) => `sdf:${stack}`,
    _getRasterizedGlyph: (sdf, id) => {
      clock += 10;
      log.push(`${task}:${id}`);
      return { sdf, id };
    },
  };
  const undo = sliceGlyphDrawing(manager, { budgetMs: 24, now: () => clock, later: (f) => queue.push(f) });
  const flush = () => new Promise((r) => setTimeout(r, 0)); // every microtask of the current "task"
  const runTask = async () => {
    task++;
    queue.shift()?.();
    await flush();
  };
  return { manager, log, queue, runTask, flush, undo };
}

describe('sliceGlyphDrawing', () => {
  it('draws 7 glyphs of 10 ms in slices of 3 (24 ms budget), one task each, in request order, with the same results', async () => {
    const f = fixture();
    const ids = ['社', '区', '街', '道', '路', '村', '7'];
    const all = Promise.all(ids.map((id) => f.manager._drawGlyph({}, 'Noto', id)));
    await f.flush();
    expect(f.log).toEqual([]); // the first glyph waits for a task of its own
    expect(f.queue.length).toBe(1);
    await f.runTask();
    expect(f.log).toEqual(['1:社', '1:区', '1:街']); // 0, 10, 20 ms < 24; at 30 ms the slice ends
    await f.runTask();
    await f.runTask();
    expect(f.log).toEqual(['1:社', '1:区', '1:街', '2:道', '2:路', '2:村', '3:7']);
    expect(f.queue.length).toBe(0);
    expect(await all).toEqual(ids.map((id) => ({ sdf: 'sdf:Noto', id })));
  });

  it('undo puts the original drawing back', async () => {
    const f = fixture();
    f.undo();
    await expect(f.manager._drawGlyph({}, 'Noto', '社')).rejects.toThrow('original');
  });
});

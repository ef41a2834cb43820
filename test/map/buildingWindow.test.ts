/** The window of building dots drawn around the view (src/map/buildingWindow.ts), on hand-made points. */
import { describe, expect, it } from 'vitest';
import { covers, pointsInBox, windowAround, windowFor, WINDOW_MARGIN } from '../../src/map/buildingWindow';

describe('building window', () => {
  it('grows the view by a quarter of its size on every side', () => {
    expect(WINDOW_MARGIN).toBe(0.25);
    expect(windowAround([0, 0, 4, 2])).toEqual([-1, -0.5, 5, 2.5]);
    expect(windowAround([0, 0, 4, 2], 0.5)).toEqual([-2, -1, 6, 3]);
  });

  it('covers: the whole inner box, edges included', () => {
    expect(covers([0, 0, 10, 10], [0, 0, 10, 10])).toBe(true);
    expect(covers([0, 0, 10, 10], [1, 1, 9, 9])).toBe(true);
    expect(covers([0, 0, 10, 10], [1, 1, 10.5, 9])).toBe(false);
    expect(covers([0, 0, 10, 10], [-0.1, 1, 9, 9])).toBe(false);
  });

  it('pointsInBox: the indices inside, ascending, edges included', () => {
    const xy = new Float64Array([5, 5, 0, 0, 11, 5, 10, 10, 3, 12, 7, 2]);
    expect(Array.from(pointsInBox(xy, [0, 0, 10, 10]))).toEqual([0, 1, 3, 5]);
    expect(Array.from(pointsInBox(xy, [4, 4, 6, 6]))).toEqual([0]);
    expect(pointsInBox(xy, [20, 20, 30, 30]).length).toBe(0);
  });

  it('windowFor keeps the window while it holds the view, makes a new one when the view leaves it or the package changes', () => {
    const xy = new Float64Array([0, 0, 1, 1, 2, 2, 3, 3, 8, 8]);
    const w = windowFor(null, xy, [0.5, 0.5, 2.5, 2.5]); // window [0, 0, 3, 3]
    expect(w.box).toEqual([0, 0, 3, 3]);
    expect(Array.from(w.ids)).toEqual([0, 1, 2, 3]);
    expect(windowFor(w, xy, [0.2, 0.2, 2.9, 2.9])).toBe(w); // still inside
    const moved = windowFor(w, xy, [6, 6, 8, 8]);
    expect(moved).not.toBe(w);
    expect(Array.from(moved.ids)).toEqual([4]);
    expect(windowFor(w, new Float64Array(xy), [0.5, 0.5, 2.5, 2.5])).not.toBe(w); // another package
  });
});

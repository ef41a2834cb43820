import { describe, expect, it } from 'vitest';
import type { PickingInfo } from '@deck.gl/core';
import { clickTarget, markerScale, toMapClick } from '../../src/map/picking';

/** A deck pick as deck.gl reports it, with only the fields the click uses. */
const pick = (layer: string | null, index: number, object: unknown, x = 100, y = 80): PickingInfo =>
  ({ picked: layer !== null, layer: layer ? { id: layer } : null, index, object, x, y, coordinate: [106.55, 29.56] }) as unknown as PickingInfo;

describe('what a click selects (issue 9 item 14)', () => {
  const pickable = ['communities-fill', 'h3-uncovered', 'facilities', 'candidates'];

  it('a click on a hexagon goes through to the community under it, picked at the same pixel without the hexagons', () => {
    const asked: { x: number; y: number; ids: string[] }[] = [];
    const community = { properties: { i: 4 } };
    const r = clickTarget(pick('h3-uncovered', 12, 12), pickable, (x, y, ids) => {
      asked.push({ x, y, ids });
      return pick('communities-fill', 4, community, x, y);
    });
    expect(asked).toEqual([{ x: 100, y: 80, ids: ['communities-fill', 'facilities', 'candidates'] }]);
    expect(toMapClick(r)).toEqual({ coordinate: [106.55, 29.56], picked: true, layerId: 'communities-fill', index: 4, object: community });
  });

  it('a hexagon over nothing else selects nothing (the click still has its place, for the tools)', () => {
    const r = clickTarget(pick('h3-uncovered', 3, 3), pickable, () => pick(null, -1, undefined));
    expect(toMapClick(r)).toEqual({ coordinate: [106.55, 29.56], picked: false, layerId: undefined, index: -1, object: undefined });
  });

  it('any other pick is kept as deck made it, without picking again', () => {
    const f = { id: 'F001' };
    let asked = 0;
    const r = clickTarget(pick('facilities', 0, f), pickable, () => {
      asked++;
      return null;
    });
    expect(asked).toBe(0);
    expect(toMapClick(r).layerId).toBe('facilities');
    expect(toMapClick(r).object).toBe(f);
  });
});

describe('marker size by zoom', () => {
  it('full size from zoom 13, half at 12, never below 0.4', () => {
    expect(markerScale(16)).toBe(1);
    expect(markerScale(13)).toBe(1);
    expect(markerScale(12)).toBe(0.5);
    expect(markerScale(11)).toBe(0.4);
    expect(markerScale(8)).toBe(0.4);
    expect(markerScale(NaN)).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { buildingColors } from '../../src/map/layerStyles';
import { COVERED, UNCOVERED } from '../../src/map/colors';
import type { MapData } from '../../src/worker/protocol';

describe('buildingColors', () => {
  it("gives each building its service's covered or uncovered RGBA bytes (service-major flags)", () => {
    // 3 buildings, 2 services shown here: service 0 covers b0 and b2, service 1 covers b1 only
    const covered = new Uint8Array([1, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    const data = { buildings: { count: 3, covered } } as unknown as MapData;
    expect(Array.from(buildingColors(data, 'elderly_care'))).toEqual([...COVERED, ...UNCOVERED, ...COVERED]);
    expect(Array.from(buildingColors(data, 'childcare'))).toEqual([...UNCOVERED, ...COVERED, ...UNCOVERED]);
  });
});

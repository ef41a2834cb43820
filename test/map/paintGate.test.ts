import { describe, expect, it } from 'vitest';
import * as maplibregl from 'maplibre-gl';
import { gatePainting, type PaintGate } from '../../src/map/paintGate';

/**
 * src/map/paintGate.ts wraps a private part of maplibre: `Map#_setupPainter` sets `this.painter`,
 * and `Map#_render` draws each frame through `this.painter.render(...)`. A real Map needs WebGL,
 * so these tests read the installed maplibre-gl's Map prototype: when an upgrade renames or
 * removes either, the gate would silently stop gating (a slower first map) and these fail.
 */
describe('maplibre painter patch', () => {
  const proto = maplibregl.Map.prototype as unknown as Record<string, unknown>;

  it('maplibre sets up a `painter` on the map', () => {
    expect(typeof proto._setupPainter).toBe('function');
    expect(String(proto._setupPainter)).toMatch(/this\.painter\s*=\s*new\b/);
  });

  it("maplibre's render loop draws through `this.painter.render(`", () => {
    expect(typeof proto._render).toBe('function');
    expect(String(proto._render)).toMatch(/this\.painter\.render\(/);
  });

  it('draws only while the gate is open, with the painter as `this` and the same arguments', () => {
    const calls: unknown[][] = [];
    const painter = {
      self: 'painter',
      render(this: { self: string }, ...args: unknown[]) {
        calls.push([this.self, ...args]);
      },
    };
    const map = { painter } as unknown as maplibregl.Map;
    const gate: PaintGate = { closed: true };
    expect(gatePainting(map, gate)).toBe(true);
    painter.render('style', 1);
    expect(calls).toEqual([]);
    gate.closed = false;
    painter.render('style', 2);
    expect(calls).toEqual([['painter', 'style', 2]]);
    gate.closed = true;
    painter.render('style', 3);
    expect(calls).toHaveLength(1);
  });

  it('changes nothing on a map without a painter', () => {
    expect(gatePainting({} as maplibregl.Map, { closed: true })).toBe(false);
  });
});

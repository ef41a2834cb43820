// @vitest-environment jsdom
/**
 * The outline overlay (src/map/outlineOverlay.ts): polygons projected with a fake map.project
 * (x = 1000·(lon − 106), y = 1000·(30 − lat)) to hand-computed pixels, drawn into a recording
 * 2D context, and the canvas over the map redrawn only when there is something to draw or clear.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { OutlineOverlay, drawOutlines, projectRings, type OutlineContext, type Project } from '../../src/map/outlineOverlay';

const project: Project = (lon, lat) => [1000 * (lon - 106), 1000 * (30 - lat)];

/** A square from (lon, lat) with side d degrees, closed. */
const ring = (lon: number, lat: number, d: number) => [
  [lon, lat],
  [lon + d, lat],
  [lon + d, lat + d],
  [lon, lat + d],
  [lon, lat],
];
const poly = (r: number[][][]): Feature<Polygon> => ({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: r } });

/** A 2D context that records its path and paint calls. */
function recorder(): OutlineContext & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    fillStyle: '',
    strokeStyle: '',
    lineWidth: 1,
    lineJoin: 'miter',
    beginPath: () => calls.push('begin'),
    moveTo: (x, y) => calls.push(`M${x},${y}`),
    lineTo: (x, y) => calls.push(`L${x},${y}`),
    closePath: () => calls.push('Z'),
    fill: (rule) => calls.push(`fill ${rule}`),
    stroke: () => calls.push('stroke'),
  };
}

describe('projectRings', () => {
  it('projects every vertex of every ring of every polygon to pixels', () => {
    const square = poly([ring(106.1, 29.5, 0.1)]);
    const [p] = projectRings([square], project);
    expect(p).toHaveLength(1);
    // (106.1, 29.5) → (100, 500); (106.2, 29.5) → (200, 500); (106.2, 29.6) → (200, 400); (106.1, 29.6) → (100, 400).
    expect([...p[0]].map((v) => Math.round(v * 1e6) / 1e6)).toEqual([100, 500, 200, 500, 200, 400, 100, 400, 100, 500]);
  });

  it('keeps the holes with their polygon and splits a MultiPolygon into its polygons', () => {
    const multi: Feature<MultiPolygon> = {
      type: 'Feature',
      properties: {},
      geometry: { type: 'MultiPolygon', coordinates: [[ring(106, 29, 0.4), ring(106.1, 29.1, 0.1)], [ring(106.5, 29, 0.1)]] },
    };
    const out = projectRings([multi], project);
    expect(out.map((rings) => rings.length)).toEqual([2, 1]);
    expect(Math.round(out[0][1][0])).toBe(100); // the hole starts at lon 106.1
    expect(Math.round(out[1][0][0])).toBe(500);
  });
});

describe('drawOutlines', () => {
  it('one path of closed rings, filled even-odd when a fill is given, then stroked at the width', () => {
    const ctx = recorder();
    drawOutlines(ctx, projectRings([poly([ring(106.1, 29.5, 0.1)])], project), { line: [11, 92, 173, 255], widthPx: 3.2, fill: [255, 255, 255, 60] });
    expect(ctx.calls.map((c) => c.replace(/\d+\.\d+/g, (v) => String(Math.round(Number(v)))))).toEqual([
      'begin',
      'M100,500',
      'L200,500',
      'L200,400',
      'L100,400',
      'L100,500',
      'Z',
      'fill evenodd',
      'stroke',
    ]);
    expect(ctx.fillStyle).toBe('rgba(255,255,255,0.24)');
    expect(ctx.strokeStyle).toBe('rgba(11,92,173,1.00)');
    expect(ctx.lineWidth).toBe(3.2);
  });

  it('draws nothing for no polygons, and no fill without one', () => {
    const ctx = recorder();
    drawOutlines(ctx, [], { line: [0, 0, 0, 255], widthPx: 1 });
    expect(ctx.calls).toEqual([]);
    drawOutlines(ctx, projectRings([poly([ring(106, 29, 0.1)])], project), { line: [0, 0, 0, 255], widthPx: 1 });
    expect(ctx.calls).not.toContain('fill evenodd');
    expect(ctx.calls[ctx.calls.length - 1]).toBe('stroke');
  });
});

describe('OutlineOverlay', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    document.body.innerHTML = '';
  });

  /** An overlay in a 300 × 200 container whose canvas draws into a recorder. */
  function overlay() {
    const container = document.createElement('div');
    document.body.appendChild(container);
    const ctx = { ...recorder(), setTransform: vi.fn(), clearRect: vi.fn() };
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(ctx as unknown as CanvasRenderingContext2D);
    vi.spyOn(HTMLCanvasElement.prototype, 'clientWidth', 'get').mockReturnValue(300);
    vi.spyOn(HTMLCanvasElement.prototype, 'clientHeight', 'get').mockReturnValue(200);
    const proj = vi.fn(project);
    return { o: new OutlineOverlay(container, proj), ctx, proj, container };
  }

  it('lies over the map, lets the pointer through, and draws a selection at the projected pixels', () => {
    const { o, ctx, container } = overlay();
    expect(container.querySelector('canvas.map-outlines')).toBe(o.canvas);
    expect(o.canvas.style.pointerEvents).toBe('none');
    expect(o.canvas.getAttribute('aria-hidden')).toBe('true');
    o.set('selection', [poly([ring(106.1, 29.5, 0.1)])], { line: [11, 92, 173, 255], widthPx: 3.2 });
    expect(o.canvas.width).toBe(300 * (window.devicePixelRatio || 1));
    expect(ctx.clearRect).toHaveBeenCalledTimes(1);
    expect(ctx.calls.filter((c) => c.startsWith('M') || c.startsWith('L')).map((c) => c.replace(/\d+\.\d+/g, (v) => String(Math.round(Number(v)))))).toEqual([
      'M100,500',
      'L200,500',
      'L200,400',
      'L100,400',
      'L100,500',
    ]);
    expect(o.canvas.dataset.selection).toBe('1');
  });

  it('skips the same features, reprojects on draw (the map moved), and clears once when emptied', () => {
    const { o, ctx, proj } = overlay();
    const fs = [poly([ring(106.1, 29.5, 0.1)])];
    const style = { line: [0, 0, 0, 255] as [number, number, number, number], widthPx: 1 };
    o.set('hover', fs, style);
    expect(proj).toHaveBeenCalledTimes(5);
    o.set('hover', fs, style); // the same array: nothing to do
    expect(proj).toHaveBeenCalledTimes(5);
    o.draw(); // after a map frame
    expect(proj).toHaveBeenCalledTimes(10);
    o.set('hover', [], style);
    expect(ctx.clearRect).toHaveBeenCalledTimes(3);
    o.draw(); // nothing shown and nothing left to clear
    expect(ctx.clearRect).toHaveBeenCalledTimes(3);
    expect(o.canvas.dataset.selection).toBe('0');
  });
});

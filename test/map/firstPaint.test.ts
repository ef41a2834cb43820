import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Map as MaplibreMap } from 'maplibre-gl';
import { firstPaint, markFirstPicture, markIdle, type FirstPaintHooks } from '../../src/map/firstPaint';
import type { PaintGate } from '../../src/map/paintGate';

/**
 * A stand-in for maplibre's map as the gate sees it: `triggerRepaint` asks for a frame; a frame
 * (`step`) fires `render` when one was asked, draws it when the gate is open (`painted`), then
 * fires `idle` when nothing more is pending and the sources are loaded; animation-frame
 * callbacks run once per frame, after the map's own.
 */
class FakeMap {
  handlers = new Map<string, Set<() => void>>();
  pending = false;
  sourcesLoaded = true;
  painted = 0;
  container = { style: { visibility: 'hidden' } };
  constructor(public gate: PaintGate) {}
  on(type: string, fn: () => void) {
    if (!this.handlers.has(type)) this.handlers.set(type, new Set());
    this.handlers.get(type)!.add(fn);
  }
  off(type: string, fn: () => void) {
    this.handlers.get(type)?.delete(fn);
  }
  once(type: string, fn: () => void) {
    const wrap = () => {
      this.off(type, wrap);
      fn();
    };
    this.on(type, wrap);
  }
  fire(type: string) {
    for (const fn of [...(this.handlers.get(type) ?? [])]) fn();
  }
  triggerRepaint() {
    this.pending = true;
  }
  /** As maplibre's: style and sources loaded (a pending repaint does not count). */
  loaded() {
    return this.sourcesLoaded;
  }
  getContainer() {
    return this.container;
  }
}

let rafs: (() => void)[] = [];

/** One frame: the map's frame when asked (render, drawn if the gate is open, idle when done), then the animation-frame callbacks. */
function step(map: FakeMap) {
  if (map.pending) {
    map.pending = false;
    map.fire('render');
    if (!map.gate.closed) map.painted++;
    else map.gate.skipped = true; // as paintGate.ts's wrapper
    if (!map.pending && map.sourcesLoaded) map.fire('idle');
  }
  const now = rafs;
  rafs = [];
  for (const fn of now) fn();
}

function steps(map: FakeMap, n: number) {
  for (let k = 0; k < n; k++) step(map);
}

describe('firstPaint (the first-paint gate)', () => {
  let log: string[];
  let gate: PaintGate;
  let map: FakeMap;
  let near: boolean;
  const hooks = (): FirstPaintHooks => ({
    onShown: () => {
      log.push('shown');
      map.container.style.visibility = '';
    },
    analysisNear: () => near,
    onFirstPicture: () => log.push(`first@${map.painted}`),
    onIdle: () => log.push(`idle@${map.painted}`),
  });

  beforeEach(() => {
    rafs = [];
    vi.stubGlobal('requestAnimationFrame', (fn: () => void) => rafs.push(fn));
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    log = [];
    near = false;
    gate = { closed: true };
    map = new FakeMap(gate);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('shows a package part, then marks the analysed map at the first idle after its data', () => {
    const paint = firstPaint(map as unknown as MaplibreMap, gate, () => true, hooks());
    map.triggerRepaint(); // the part's sources and layers were set
    paint.part(7);
    steps(map, 3);
    // settled (idle, two quiet frames): one hidden frame is drawn, then it is shown
    expect(map.painted).toBe(1);
    steps(map, 6);
    expect(log).toEqual(['shown', 'first@1']);
    expect(paint.shown).toBe(true);
    expect(gate.closed).toBe(false);
    steps(map, 5);
    expect(log).toEqual(['shown', 'first@1']); // no analysed map without its data
    map.triggerRepaint(); // the analysed layers were set
    paint.full(7);
    step(map);
    expect(log).toEqual(['shown', 'first@1', 'idle@2']); // marked on the frame that drew the data
  });

  it('marks both on the one frame when the data landed before the part was shown', () => {
    const paint = firstPaint(map as unknown as MaplibreMap, gate, () => true, hooks());
    map.triggerRepaint();
    paint.part(3);
    step(map); // idle: settling starts
    map.triggerRepaint(); // the data's layers, while settling
    paint.full(3);
    steps(map, 20);
    expect(log).toEqual(['shown', 'first@1', 'idle@1']); // one frame drawn, with the data
    steps(map, 5);
    expect(log).toHaveLength(3);
  });

  it('does not draw a package part on its own when its analysis is about to land', () => {
    near = true;
    const paint = firstPaint(map as unknown as MaplibreMap, gate, () => true, hooks());
    map.triggerRepaint();
    paint.part(5);
    steps(map, 20);
    expect(map.painted).toBe(0); // parked: nothing drawn, nothing shown
    expect(gate.closed).toBe(true);
    expect(log).toEqual([]);
    map.triggerRepaint();
    paint.full(5);
    steps(map, 20);
    expect(map.painted).toBe(1); // only the analysed map is drawn
    expect(log).toEqual(['shown', 'first@1', 'idle@1']);
  });

  it('waits for the sources: nothing is drawn while they load', () => {
    const paint = firstPaint(map as unknown as MaplibreMap, gate, () => true, hooks());
    map.sourcesLoaded = false;
    map.triggerRepaint();
    paint.full(1);
    steps(map, 10);
    expect(map.painted).toBe(0);
    map.sourcesLoaded = true;
    map.triggerRepaint(); // the last tile came in
    steps(map, 20);
    expect(log).toEqual(['shown', 'first@1', 'idle@1']);
  });

  it("a mode switch marks nothing; another package's data marks the analysed map again", () => {
    const paint = firstPaint(map as unknown as MaplibreMap, gate, () => true, hooks());
    map.triggerRepaint();
    paint.full(1);
    steps(map, 20);
    expect(log).toEqual(['shown', 'first@1', 'idle@1']);
    map.triggerRepaint();
    paint.full(1); // another distance mode of package 1
    steps(map, 5);
    expect(log).toHaveLength(3);
    map.triggerRepaint();
    paint.part(2); // another package: its part first, then its data
    steps(map, 5);
    expect(log).toHaveLength(3);
    map.triggerRepaint();
    paint.full(2);
    step(map);
    expect(log).toEqual(['shown', 'first@1', 'idle@1', 'idle@4']);
  });

  it('shows the map after 8 s should it never settle', () => {
    const paint = firstPaint(map as unknown as MaplibreMap, gate, () => true, hooks());
    paint.part(1);
    map.on('render', () => map.triggerRepaint()); // a repaint loop: never idle
    map.triggerRepaint();
    steps(map, 10);
    expect(log).toEqual([]);
    vi.advanceTimersByTime(8000);
    expect(log).toEqual(['shown']);
    expect(gate.closed).toBe(false);
    steps(map, 3);
    expect(log).toEqual(['shown', 'first@2']);
  });

  it('a map still loading its sources is not shown by the fallback before 2 minutes', () => {
    const paint = firstPaint(map as unknown as MaplibreMap, gate, () => true, hooks());
    map.sourcesLoaded = false;
    paint.part(1);
    vi.advanceTimersByTime(60_000);
    expect(log).toEqual([]); // loading all along
    map.sourcesLoaded = true; // loaded, but (say) never idle: shown at the next check
    vi.advanceTimersByTime(8000);
    expect(log).toEqual(['shown']);
  });

  describe('shown once the GPU has finished the settled frame', () => {
    let done: (() => void)[];
    const gpuHooks = (): FirstPaintHooks => ({ ...hooks(), gpuDone: (then) => done.push(then) });
    beforeEach(() => {
      done = [];
    });

    it('the settled frame is drawn, then the map waits for the GPU before it is shown and marked', () => {
      const paint = firstPaint(map as unknown as MaplibreMap, gate, () => true, gpuHooks());
      map.triggerRepaint();
      paint.full(1);
      steps(map, 20);
      expect(map.painted).toBe(1);
      expect(done).toHaveLength(1); // one wait, however many frames pass
      expect(log).toEqual([]);
      done[0]();
      steps(map, 5);
      expect(log).toEqual(['shown', 'first@1', 'idle@1']);
      expect(map.painted).toBe(1); // nothing asked for during the wait: the drawn frame is shown, not drawn again
    });

    it('analysed data landing during the wait is marked on the frame that draws it, not with the first picture', () => {
      const paint = firstPaint(map as unknown as MaplibreMap, gate, () => true, gpuHooks());
      map.triggerRepaint();
      paint.part(4);
      steps(map, 20);
      expect(done).toHaveLength(1);
      map.triggerRepaint(); // the analysed layers were set
      paint.full(4);
      steps(map, 3);
      expect(map.painted).toBe(1); // not drawn meanwhile: the gate closed again for the wait
      expect(gate.closed).toBe(true);
      expect(log).toEqual([]);
      done[0]();
      steps(map, 5);
      expect(log.slice(0, 2)).toEqual(['shown', 'first@2']);
      expect(log[2]).toMatch(/^idle@[3-9]$/); // at an idle after the show, on a frame drawn with the data
      expect(log).toHaveLength(3);
    });

    it('the 8-s fallback does not show a map whose frame the GPU is still drawing', () => {
      const paint = firstPaint(map as unknown as MaplibreMap, gate, () => true, gpuHooks());
      map.triggerRepaint();
      paint.full(1);
      steps(map, 20);
      vi.advanceTimersByTime(60_000);
      expect(log).toEqual([]);
      done[0]();
      steps(map, 5);
      expect(log).toEqual(['shown', 'first@1', 'idle@1']);
      vi.advanceTimersByTime(60_000);
      expect(log).toHaveLength(3);
    });
  });

  it('does nothing for a map that went away', () => {
    let current = true;
    const paint = firstPaint(map as unknown as MaplibreMap, gate, () => current, hooks());
    map.triggerRepaint();
    paint.part(1);
    current = false;
    steps(map, 20);
    vi.advanceTimersByTime(8000);
    expect(log).toEqual([]);
  });
});

describe('window marks', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('the first picture is marked once, the analysed map at each call', () => {
    const w: Record<string, number> = {};
    vi.stubGlobal('window', w);
    let t = 10;
    vi.stubGlobal('performance', { now: () => t });
    markFirstPicture();
    t = 20;
    markFirstPicture();
    markIdle();
    t = 30;
    markIdle();
    expect(w).toEqual({ __yulintuFirstPicture: 10, __yulintuIdle: 30 });
  });
});

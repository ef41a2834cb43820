import type { Map as MaplibreMap } from 'maplibre-gl';
import type { PaintGate } from './paintGate';

/** `__yulintuIdle`: the time of the first frame that shows the map with its data (browser tests, benchmarks). */
export function markIdle(): void {
  (window as unknown as { __yulintuIdle?: number }).__yulintuIdle = performance.now();
}

/**
 * The first-paint gate. With the first data the map stays hidden and draws nothing
 * (gatePainting) while its sources load tile by tile and deck slots its layers. Once it has gone
 * idle with no repaint pending, it draws one frame and shows it (`onShown`); `__yulintuIdle`
 * marks the first frame that shows it. The settling is not cancelled by newer data (a mode switch
 * keeps the sources): it is about the map. `isCurrent` turns false when the map went away.
 * `onMark` is called in place of markIdle (MapView: a package part drawn ahead of its analysis).
 * Should the map never settle (a repaint loop), it is shown anyway after 8 s.
 */
export function settleFirstPaint(map: MaplibreMap, gate: PaintGate, isCurrent: () => boolean, onShown: () => void, onMark: () => void = markIdle): void {
  let shown = false;
  const show = () => {
    if (shown || !isCurrent()) return;
    shown = true;
    clearTimeout(fallback);
    if (gate.closed) {
      gate.closed = false;
      map.triggerRepaint();
    }
    onShown();
    // The frame after the one in which the map became visible: the shown map has been composited.
    const mark = () => {
      if (map.getContainer().style.visibility === 'hidden') return void requestAnimationFrame(mark);
      requestAnimationFrame(onMark);
    };
    requestAnimationFrame(mark);
  };
  const fallback = setTimeout(show, 8000);
  const settle = () => {
    let rendered = false;
    const onRender = () => {
      rendered = true;
    };
    map.on('render', onRender);
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        map.off('render', onRender);
        if (shown || !isCurrent()) return;
        if (rendered || !map.loaded()) {
          map.once('idle', settle);
          return;
        }
        if (gate.closed) {
          // Everything is loaded and placed: draw it once, hidden, then show it.
          gate.closed = false;
          map.triggerRepaint();
          map.once('idle', settle);
          return;
        }
        show();
      }),
    );
  };
  map.once('idle', settle);
}

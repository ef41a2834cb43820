import type { Map as MaplibreMap } from 'maplibre-gl';
import type { PaintGate } from './paintGate';

/** The window marks of the first map (browser tests, benchmarks): performance.now() of a frame. */
type Marks = { __yulintuFirstPicture?: number; __yulintuIdle?: number };

/** `__yulintuIdle`: the time of the first frame that shows the map with its analysed data (browser tests, benchmarks). */
export function markIdle(): void {
  (window as unknown as Marks).__yulintuIdle = performance.now();
}

/**
 * `__yulintuFirstPicture`: the time of the first frame that shows the map at all, with a package
 * part (outlines, labels, facilities; no analysis yet) or with the analysed data when that came
 * first. Set once per page.
 */
export function markFirstPicture(): void {
  const w = window as unknown as Marks;
  w.__yulintuFirstPicture ??= performance.now();
}

/** What the gate calls (MapView). */
export interface FirstPaintHooks {
  /** The map has been shown (its container may become visible now). */
  onShown: () => void;
  /**
   * Whether the analysis part is about to land (the worker is packing or sending it): a package
   * part not yet drawn is then not drawn on its own; the gate waits for the analysed data, so
   * that the full map is not delayed by a frame of the early picture. Default: never.
   */
  analysisNear?: () => boolean;
  /** The first-picture mark (default {@link markFirstPicture}). */
  onFirstPicture?: () => void;
  /** The analysed-map mark (default {@link markIdle}). */
  onIdle?: () => void;
  /**
   * Calls `then` once the GPU has carried out every command issued so far (default
   * {@link afterGpu}: a WebGL fence on the map's canvas, polled).
   */
  gpuDone?: (then: () => void) => void;
}

/** How often {@link afterGpu} looks at its fence, ms. */
const FENCE_POLL_MS = 16;

/**
 * Call `then` once the GPU has finished the commands issued on `map`'s WebGL2 context so far: a
 * fence (`fenceSync`), flushed, its status polled from later tasks. Why: the map's first frame is
 * drawn hidden, and showing it makes Chrome's compositor read the canvas back at once; in
 * software rendering (SwiftShader) that read waited for the whole first frame, seconds of the GPU
 * process (its one-time pipeline compiles and uploads among them: 2 s at 200k buildings, 5 s at
 * the 1M city), all of it one task of the page's main thread, which meanwhile could not take the
 * analysis landing from the worker. Shown once the fence has passed, the read finds the frame
 * done. Without WebGL2 (or its context lost) `then` runs at once.
 */
export function afterGpu(map: MaplibreMap, then: () => void): void {
  const canvas = (map as Partial<Pick<MaplibreMap, 'getCanvas'>>).getCanvas?.();
  const gl = canvas?.getContext('webgl2') ?? null; // the map's own context (maplibre makes a WebGL2 one); null for another kind
  const sync = gl && !gl.isContextLost() ? gl.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0) : null;
  if (!gl || !sync) return then();
  gl.flush();
  const poll = () => {
    if (!gl.isContextLost() && gl.getSyncParameter(sync, gl.SYNC_STATUS) !== gl.SIGNALED) return void setTimeout(poll, FENCE_POLL_MS);
    gl.deleteSync(sync);
    then();
  };
  setTimeout(poll, FENCE_POLL_MS);
}

/** The first-paint gate of one map: hand it what the map was given, in order. */
export interface FirstPaint {
  /** A package's part (no analysis) was handed to the map (its sources and deck layers set). */
  part: (packageId: number) => void;
  /** A package's analysed data was handed to the map (sources and deck layers set). */
  full: (packageId: number) => void;
  /** Whether the map has been shown. */
  readonly shown: boolean;
}

/** Shown anyway after this long when loaded but never settling (a repaint loop): ms. */
const STUCK_MS = 8000;
/** Shown anyway this long after the first data, loading or not: ms. */
const LATEST_MS = 120_000;

/**
 * The first-paint gate. With the first data (a package part or the analysed data) the map stays
 * hidden and draws nothing (paintGate.ts gatePainting) while its sources load tile by tile and
 * deck slots its layers. Once it has gone idle with no repaint pending, it draws one frame, shows
 * it (`onShown`) and marks the first picture (`__yulintuFirstPicture`) on the frame after. A
 * package part shown first is repainted by its analysed data like any other update: the analysed
 * map is marked (`__yulintuIdle`) at the first idle after `full` (on the same frame as the first
 * picture when the analysed data was there before the map was shown). A package part that has
 * not been drawn when `analysisNear` says its analysis is about to land is not drawn on its own.
 * The settling is not cancelled by newer data (a mode switch keeps the sources): it is about the
 * map. `isCurrent` turns false when the map went away. Should the map never settle (a repaint
 * loop), it is shown anyway after 8 s, unless its sources are still loading (maplibre's one
 * worker may take many seconds over a city's sources on a busy machine, and a map shown before
 * its sources have loaded is not the picture the marks claim): then at the latest 2 minutes after
 * the first data. A settled frame is shown once the GPU has finished it ({@link afterGpu}), so
 * that showing it does not hold the main thread while software rendering draws it; the fallback
 * waits for that too (up to the same 2 minutes).
 */
export function firstPaint(map: MaplibreMap, gate: PaintGate, isCurrent: () => boolean, hooks: FirstPaintHooks): FirstPaint {
  const onFirstPicture = hooks.onFirstPicture ?? markFirstPicture;
  const onIdle = hooks.onIdle ?? markIdle;
  const gpuDone = hooks.gpuDone ?? ((then: () => void) => afterGpu(map, then));
  let started = false;
  /** Settled: waiting for the GPU to finish the frame before showing it. */
  let waitingGpu = false;
  /** Whether the analysed data had been drawn in the frame the GPU wait is for. */
  let fullAtWait = false;
  let shown = false;
  /** The analysed data was handed over before the map was shown. */
  let fullBeforeShown = false;
  /** The package whose part is on the map and whose analysed data is awaited. */
  let awaiting: number | undefined;
  /** The package of the last analysed data handed over (a mode switch of it marks nothing). */
  let lastFull: number | undefined;
  /** Settling parked: a package part not drawn because its analysis is near (`full` resumes it). */
  let parked = false;
  let fallback: ReturnType<typeof setTimeout> | undefined;

  /** Show the map; `afterWait`: called when the GPU had finished the settled frame. */
  const show = (afterWait = false) => {
    if (shown || !isCurrent()) return;
    shown = true;
    clearTimeout(fallback);
    if (gate.closed) {
      gate.closed = false;
      if (gate.skipped !== false) map.triggerRepaint(); // the canvas holds an older picture than the map's state
    }
    hooks.onShown();
    // The analysed data landed while the GPU finished the part's frame: marked at an idle after the first picture.
    const late = afterWait && fullBeforeShown && !fullAtWait;
    const full = fullBeforeShown && !late;
    // The frame after the one in which the map became visible: the shown map has been composited.
    const mark = () => {
      if (map.getContainer().style.visibility === 'hidden') return void requestAnimationFrame(mark);
      requestAnimationFrame(() => {
        onFirstPicture();
        if (full) onIdle();
        else if (late) {
          map.once('idle', onIdle);
          map.triggerRepaint();
        }
      });
    };
    requestAnimationFrame(mark);
  };
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
        if (!map.loaded()) {
          map.once('idle', settle);
          return;
        }
        if (rendered) {
          // Loaded, but it drew (hidden) in these frames: look again. Waiting for the next `idle`
          // instead could wait for ever when that render was the last (its `idle` has passed).
          settle();
          return;
        }
        if (gate.closed) {
          if (!fullBeforeShown && hooks.analysisNear?.()) {
            parked = true; // the analysed data lands in a moment: draw that instead
            return;
          }
          // Everything is loaded and placed: draw it once, hidden, then show it.
          gate.closed = false;
          map.triggerRepaint();
          map.once('idle', settle);
          return;
        }
        // Drawn and idle: shown once the GPU has finished that frame (afterGpu). Meanwhile nothing more
        // is drawn (data landing now would queue a second whole frame behind the first): the gate
        // closes again, and `show` repaints if a frame was asked for meanwhile.
        if (waitingGpu) return;
        waitingGpu = true;
        fullAtWait = fullBeforeShown;
        gate.closed = true;
        gate.skipped = false;
        gpuDone(() => {
          waitingGpu = false;
          show(true);
        });
      }),
    );
  };
  let startedAt = 0;
  /** The fallback: a map still loading its sources waits (up to LATEST_MS); a loaded one that never settles is shown. */
  const stuck = () => {
    if ((!map.loaded() || waitingGpu) && performance.now() - startedAt < LATEST_MS) fallback = setTimeout(stuck, STUCK_MS);
    else show();
  };
  const start = () => {
    started = true;
    startedAt = performance.now();
    fallback = setTimeout(stuck, STUCK_MS);
    map.once('idle', settle);
  };

  return {
    part(packageId) {
      awaiting = packageId;
      if (!started) start();
    },
    full(packageId) {
      const same = packageId === lastFull;
      lastFull = packageId;
      if (!started) {
        fullBeforeShown = true;
        start();
        return;
      }
      if (!shown) {
        fullBeforeShown = true;
        awaiting = undefined;
        if (parked) {
          parked = false;
          map.once('idle', settle);
          map.triggerRepaint();
        }
        return;
      }
      if (same && awaiting !== packageId) return; // another mode of the package on the map
      awaiting = undefined;
      map.once('idle', onIdle);
      map.triggerRepaint();
    },
    get shown() {
      return shown;
    },
  };
}

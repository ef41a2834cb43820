/**
 * Maplibre draws every label character of the offline basemap itself (no glyph server: TinySDF
 * with `localIdeographFontFamily`, about 1–2 ms a CJK character in software rendering). A tile's
 * labels ask for all their new characters at once and maplibre draws them in one task: at 200k
 * buildings ~1,000 distinct characters held the page's main thread for 1.5–2.5 s.
 *
 * {@link sliceGlyphDrawing} makes that drawing yield: a character is drawn only while the
 * current slice of the main thread has budget left, otherwise it waits for the next task. Each
 * character is drawn exactly as before (the same rasteriser, font and cache); only when.
 */

/** Main-thread time (ms) a slice of glyph drawing may take before it gives way to other tasks. */
export const GLYPH_SLICE_MS = 24;

/** The part of maplibre's GlyphManager (not public API; maplibre-gl 6) that draws one glyph. */
export interface GlyphDrawer {
  _drawGlyph(entry: unknown, stack: string, id: string, fontFaceFamily?: string): Promise<unknown>;
  _getTinySDF(entry: unknown, stack: string, id: string, fontFaceFamily?: string): unknown;
  _getRasterizedGlyph(tinySDF: unknown, id: string): unknown;
}

/** Options of {@link sliceGlyphDrawing}. */
export interface GlyphSliceOptions {
  /** Budget of one slice, ms (default {@link GLYPH_SLICE_MS}). */
  budgetMs?: number;
  /** Clock, ms (default performance.now). */
  now?: () => number;
  /** Runs `f` in a later task (default a MessageChannel message: not clamped like nested setTimeout). */
  later?: (f: () => void) => void;
}

function messageLater(): (f: () => void) => void {
  const queue: (() => void)[] = [];
  const ch = new MessageChannel();
  ch.port1.onmessage = () => queue.shift()?.();
  return (f) => {
    queue.push(f);
    ch.port2.postMessage(0);
  };
}

/**
 * Patch `manager` (a maplibre GlyphManager, `map.style.glyphManager`) so that its glyph drawing
 * runs in slices of at most `budgetMs` of the main thread, each slice a task of its own. Drawing
 * order is kept (waiters resume first in, first out). Returns the patch's undo.
 */
export function sliceGlyphDrawing(manager: GlyphDrawer, o: GlyphSliceOptions = {}): () => void {
  const budget = o.budgetMs ?? GLYPH_SLICE_MS; // default: 24 ms, half a long task
  const now = o.now ?? (() => performance.now());
  const later = o.later ?? messageLater();
  const original = manager._drawGlyph;
  let sliceStart = Number.NEGATIVE_INFINITY; // no slice yet: the first glyph starts one in a task of its own
  let next: Promise<void> | null = null;
  const nextSlice = () =>
    (next ??= new Promise<void>((resolve) =>
      later(() => {
        next = null;
        sliceStart = now();
        resolve();
      }),
    ));
  manager._drawGlyph = async function (this: GlyphDrawer, entry, stack, id, fontFaceFamily) {
    const tinySDF = await this._getTinySDF(entry, stack, id, fontFaceFamily);
    // Checked and drawn in one synchronous stretch, so waiters resumed together cannot all pass the check first.
    while (now() - sliceStart >= budget) await nextSlice();
    return this._getRasterizedGlyph(tinySDF, id);
  };
  return () => {
    manager._drawGlyph = original;
  };
}

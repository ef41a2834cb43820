import { mapHandle, type MapHandle } from '../state/mapHandle';

/**
 * The map view as a PNG data URL. The deck.gl overlay is interleaved, so it draws into the
 * maplibre canvas; the canvas is read in the `render` event right after a repaint, while the
 * drawing buffer still holds the frame (no preserveDrawingBuffer needed). Null without a map
 * (the shown map's handle, state/mapHandle.ts, by default).
 */
export function mapPng(map: MapHandle | null = mapHandle()): Promise<string | null> {
  if (!map) return Promise.resolve(null);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(map.getCanvas().toDataURL('image/png')), 3000);
    map.onceRendered(() => {
      clearTimeout(timer);
      resolve(map.getCanvas().toDataURL('image/png'));
    });
    map.triggerRepaint();
  });
}

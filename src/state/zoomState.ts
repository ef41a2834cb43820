import { create } from 'zustand';
import type { LayerKey } from './viewState';

/**
 * Buildings are drawn as dots only from this zoom on (a few streets across the screen);
 * further out the map shows the households as H3 hexagons instead. At city scale this keeps
 * every frame to a few thousand hexagons instead of 200k dots (software WebGL: seconds a frame).
 */
export const BUILDINGS_MIN_ZOOM = 14;

/** Whether the camera is close enough for building dots; kept by the map, read by the legend. */
export const useMapZoom = create<{ buildingsZoom: boolean }>(() => ({ buildingsZoom: false }));

/** The layers actually drawn: buildings below {@link BUILDINGS_MIN_ZOOM} become the hexagon layer. */
export function effectiveLayers(layers: Record<LayerKey, boolean>, buildingsZoom: boolean): Record<LayerKey, boolean> {
  if (!layers.buildings || buildingsZoom) return layers;
  return { ...layers, buildings: false, h3: true };
}

import type { PickingInfo } from '@deck.gl/core';
import type { MapClick } from '../state/mapClick';
import type { HoverInfo } from './hoverInfo';

/** A deck.gl click as the state layer takes it (state/mapClick.ts). */
export function toMapClick(info: PickingInfo): MapClick {
  return {
    coordinate: info.coordinate as [number, number] | undefined,
    picked: info.picked === true,
    layerId: info.layer?.id,
    index: info.index,
    object: info.object,
  };
}

/** What the pointer is over, or null over nothing pickable. */
export function toHover(info: PickingInfo): HoverInfo | null {
  return info.picked ? { layer: info.layer?.id ?? '', index: info.index, object: info.object, x: info.x, y: info.y } : null;
}

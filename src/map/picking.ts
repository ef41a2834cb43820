import type { PickingInfo } from '@deck.gl/core';
import type { MapClick } from '../state/mapClick';
import type { HoverInfo } from './hoverInfo';

/**
 * Layers that answer the pointer for their tooltip only: a click goes through them to what lies
 * underneath (a hexagon of households is a reading of the map, not a thing to select; the
 * community under it is).
 */
export const HOVER_ONLY_LAYERS: ReadonlySet<string> = new Set(['h3-uncovered']);

/**
 * Deck layers that answer picks under another layer's name: the facilities far out are dots
 * (`facilities-dots`), close up icons (`facilities`), and a pick of either is a facility's. Their
 * deck ids differ because deck matches layers by id alone: given the icon layer's id, the dot
 * layer took over the icon layer's state (its attributes and model) when the map crossed zoom 12,
 * and drew the facilities as large squares and discs.
 */
export const PICKED_AS: Readonly<Record<string, string>> = { 'facilities-dots': 'facilities' };

/** The name a pick of deck layer `id` answers under ({@link PICKED_AS}). */
export const pickedAs = (id: string): string => PICKED_AS[id] ?? id;

/** Picks again at the click's pixel among the given deck layers (MapLibreOverlay.pickObject). */
export type Repick = (x: number, y: number, layerIds: string[]) => PickingInfo | null;

/**
 * What a click selects: deck's top pick, unless it is on a hover-only layer; then the topmost
 * pickable object of the other layers at the same pixel (or nothing picked, at the same place).
 * `pickableIds` lists the pickable deck layers, top-most last or in any order (deck orders them).
 */
export function clickTarget(info: PickingInfo, pickableIds: readonly string[], repick: Repick): PickingInfo {
  const id = info.layer?.id;
  if (!info.picked || !id || !HOVER_ONLY_LAYERS.has(id)) return info;
  const others = pickableIds.filter((l) => !HOVER_ONLY_LAYERS.has(l));
  const under = others.length ? repick(info.x, info.y, others) : null;
  if (under?.picked) return { ...under, coordinate: under.coordinate ?? info.coordinate };
  return { ...info, picked: false, layer: null, index: -1, object: undefined };
}

/** A deck.gl click as the state layer takes it (state/mapClick.ts). */
export function toMapClick(info: PickingInfo): MapClick {
  return {
    coordinate: info.coordinate as [number, number] | undefined,
    picked: info.picked === true,
    layerId: info.layer ? pickedAs(info.layer.id) : undefined,
    index: info.index,
    object: info.object,
  };
}

/** What the pointer is over, or null over nothing pickable. */
export function toHover(info: PickingInfo): HoverInfo | null {
  return info.picked ? { layer: info.layer?.id ?? '', index: info.index, object: info.object, x: info.x, y: info.y } : null;
}

/**
 * Scale of facility and candidate markers at a zoom: full size from zoom 13 (a district across
 * the screen) on, halving per zoom level further out, never below 0.4. At a whole city's extent
 * thousands of full-size markers would cover most of the map and take the clicks meant for the
 * communities under them; smaller markers take a click only where they are drawn.
 */
export function markerScale(zoom: number): number {
  if (!Number.isFinite(zoom)) return 1;
  return Math.min(1, Math.max(0.4, 2 ** (zoom - 13)));
}

/** A click picked on the CPU (cpuPicking.ts) at [lon, lat] `at`, as the state layer takes it. */
export function cpuMapClick(hit: { layer: string; index: number; object: unknown } | null, at: [number, number]): MapClick {
  return { coordinate: at, picked: hit !== null, layerId: hit?.layer, index: hit?.index ?? -1, object: hit?.object };
}

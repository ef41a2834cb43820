/**
 * The map as state-layer actions and exports may use it, without importing maplibre: the map
 * view registers a handle when it creates its map (and clears it when it goes away). Actions
 * that move the camera or read the picture ask for {@link mapHandle}; null means no map is shown.
 */
export interface MapHandle {
  /** Fit the camera to [west, south, east, north] (degrees); padding in px, duration in ms. */
  fitBounds(
    bounds: [number, number, number, number],
    options: { padding?: number | { left: number; top: number; right: number; bottom: number }; maxZoom?: number; duration?: number },
  ): void;
  /** The canvas the map (and the interleaved deck.gl overlay) draws into. */
  getCanvas(): HTMLCanvasElement;
  /** Call `listener` once, after the next frame is drawn. */
  onceRendered(listener: () => void): void;
  /** Ask for a new frame. */
  triggerRepaint(): void;
  /** The camera: centre latitude (degrees), zoom (maplibre, 512-px tiles) and bearing (degrees clockwise from north). */
  getView(): { lat: number; zoom: number; bearing: number };
}

let handle: MapHandle | null = null;

/** Register the shown map (MapView), or clear it with null. */
export function setMapHandle(h: MapHandle | null): void {
  handle = h;
}

/** The shown map, or null when there is none. */
export function mapHandle(): MapHandle | null {
  return handle;
}

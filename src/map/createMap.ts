import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { Camera } from '../state/viewState';
import { baseStyle, CJK_FONT_FAMILY } from './baseStyle';
import { provideNetworkImages } from './networkLayers';
import { gatePainting, type PaintGate } from './paintGate';
import { installWorkerJson } from './workerJson';
import { sliceGlyphDrawing, type GlyphDrawer } from './glyphSlices';

maplibregl.setWorkerUrl(workerUrl);

/**
 * The maplibre map of the planning map: the offline base style, centred on `camera` (or central
 * Chongqing), no rotation, zoom and scale controls, the road symbols; it paints only while
 * `gate` is open (paintGate.ts); its sources' JSON bytes are parsed in its worker (workerJson.ts).
 */
export function createMap(container: HTMLElement, camera: Camera | null, gate: PaintGate): maplibregl.Map {
  installWorkerJson(); // the sources' JSON is parsed in maplibre's worker, not on the page
  const map = new maplibregl.Map({
    container,
    style: baseStyle(),
    center: camera ? [camera.lon, camera.lat] : [106.56, 29.55],
    zoom: camera ? camera.zoom : 12,
    localIdeographFontFamily: CJK_FONT_FAMILY,
    attributionControl: { compact: true },
    maxPitch: 0,
    fadeDuration: 0, // no label fade-in: every extra frame costs a full canvas read-back in software rendering
  });
  gatePainting(map, gate);
  sliceGlyphDrawing((map.style as unknown as { glyphManager: GlyphDrawer }).glyphManager); // label characters drawn in slices, not one long task
  map.dragRotate.disable();
  map.touchZoomRotate.disableRotation();
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
  map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-right');
  provideNetworkImages(map);
  return map;
}

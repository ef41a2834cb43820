import type { LayerSpecification } from 'maplibre-gl';
import { BASEMAP_COLORS, WATER_COLORS } from './colors';

/**
 * Rivers from the optional water.geojson (source `water`), the bottom of the offline basemap:
 * a plain blue fill and the river's Chinese name (local CJK font, no glyph server).
 */
export function waterLayers(): LayerSpecification[] {
  return [
    {
      id: 'water',
      type: 'fill',
      source: 'water',
      paint: { 'fill-color': WATER_COLORS.fill, 'fill-outline-color': WATER_COLORS.line },
    },
    {
      id: 'water-label',
      type: 'symbol',
      source: 'water',
      layout: {
        'text-field': ['get', 'name'],
        'text-font': ['Noto Sans CJK SC Regular'],
        'text-size': ['interpolate', ['linear'], ['zoom'], 11, 12, 15, 17],
        'text-letter-spacing': 0.6,
        'text-allow-overlap': false,
      },
      paint: { 'text-color': WATER_COLORS.label, 'text-halo-color': BASEMAP_COLORS.waterHalo, 'text-halo-width': 1 },
    },
  ];
}

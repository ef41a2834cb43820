import type { LayerSpecification } from 'maplibre-gl';

/** Water colours (shared with the legend). */
export const WATER_COLORS = { fill: '#b5d3e7', line: '#8fb8d6', label: '#2f6690' } as const;

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
      paint: { 'text-color': WATER_COLORS.label, 'text-halo-color': 'rgba(255,255,255,0.7)', 'text-halo-width': 1 },
    },
  ];
}

import type { FeatureCollection } from 'geojson';
import type { StyleSpecification } from 'maplibre-gl';
import type { Basemap } from '../state/viewState';
import { tFor } from '../i18n';
import { BASEMAP_COLORS } from './colors';
import { networkLayers, PATHS_SOURCE_FILTER, STREETS_SOURCE_FILTER } from './networkLayers';
import { waterLayers } from './waterLayers';

/** System CJK fonts first (fonts-noto-cjk on Linux, YaHei on Windows, PingFang on macOS). */
export const CJK_FONT_FAMILY = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", sans-serif';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/**
 * GeoJSON sources cut into tiles up to zoom 14 only (maplibre over-zooms beyond: at z14 a tile
 * unit is ~0.6 m, finer than the data) with a smaller buffer than the default 128: fewer and
 * lighter tiles for maplibre's one worker on a 2-core machine.
 */
const geojson = (maxzoom = 14, buffer = 32) => ({ type: 'geojson' as const, data: EMPTY, maxzoom, buffer });

/** Raster tiles of the optional online basemaps (off by default: no request leaves the page's origin). */
export function basemapTiles(basemap: Basemap, tk: string): { tiles: string[]; attribution: string } | null {
  if (basemap === 'osm') {
    return { tiles: ['https://tile.openstreetmap.org/{z}/{x}/{y}.png'], attribution: '© OpenStreetMap contributors' };
  }
  if (basemap === 'tianditu' && tk) {
    const t = (layer: string) =>
      [0, 1, 2, 3].map(
        (s) =>
          `https://t${s}.tianditu.gov.cn/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${encodeURIComponent(tk)}`,
      );
    return { tiles: t('vec'), attribution: tFor('zh')('basemap.attribution') };
  }
  return null;
}

/**
 * The offline basemap: a plain background with the package's own roads, street and district
 * outlines and community names. No `glyphs` URL: maplibre draws the labels with local fonts.
 * Deck.gl layers are inserted before `roads` (fills) and before `community-labels` (points).
 */
export function baseStyle(): StyleSpecification {
  return {
    version: 8,
    sources: {
      communities: geojson(),
      labels: geojson(12, 64), // points: z12 places a label within ~10 m; the buffer keeps labels near tile edges
      // roads.geojson twice, split by kind: streets (drawn from the city zoom) and footways, stairs
      // and lifts (drawn from zoom 13/14 only: below it maplibre tiles nothing of `paths`)
      roads: { ...geojson(), filter: STREETS_SOURCE_FILTER },
      paths: { ...geojson(), filter: PATHS_SOURCE_FILTER },
      streetLines: geojson(),
      districtLines: geojson(),
      water: geojson(),
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': BASEMAP_COLORS.background } },
      ...waterLayers(),
      {
        id: 'community-base',
        type: 'fill',
        source: 'communities',
        paint: { 'fill-color': BASEMAP_COLORS.communityFill, 'fill-outline-color': BASEMAP_COLORS.communityOutline },
      },
      ...networkLayers(), // first id 'roads': deck fills go before it
      {
        id: 'community-lines',
        type: 'line',
        source: 'communities',
        paint: { 'line-color': BASEMAP_COLORS.communityLine, 'line-width': 0.5, 'line-opacity': 0.7 },
      },
      {
        id: 'street-lines',
        type: 'line',
        source: 'streetLines',
        paint: { 'line-color': BASEMAP_COLORS.streetLine, 'line-width': 1.4, 'line-dasharray': [3, 2] },
      },
      {
        id: 'district-lines',
        type: 'line',
        source: 'districtLines',
        paint: { 'line-color': BASEMAP_COLORS.districtLine, 'line-width': 2.6 },
      },
      {
        id: 'selection-line',
        type: 'line',
        source: 'communities',
        filter: ['==', ['get', 'id'], '\u0000'],
        paint: { 'line-color': BASEMAP_COLORS.selection, 'line-width': 3.2 },
      },
      {
        id: 'community-labels',
        type: 'symbol',
        source: 'labels',
        layout: {
          'text-field': ['get', 'name'],
          'text-font': ['Noto Sans CJK SC Regular'],
          'text-size': ['interpolate', ['linear'], ['zoom'], 11, 10, 15, 14],
          'text-max-width': 6,
          'text-allow-overlap': false,
        },
        paint: { 'text-color': BASEMAP_COLORS.label, 'text-halo-color': BASEMAP_COLORS.labelHalo, 'text-halo-width': 1.4 },
      },
    ],
  };
}

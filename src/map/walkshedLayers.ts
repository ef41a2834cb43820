import { GeoJsonLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { FacilityWalkshed, PointReach } from '../worker/networkApi';
import { FACILITY_RING_COLOR, RING_COLORS, SERVICE_COLORS, WHITE, type RGBA } from './colors';
import { BEFORE_FILL, BEFORE_POINTS } from './buildDeckLayers';

type Shed = Feature<Polygon | MultiPolygon, { thresholdM: number; minutes: number; cells: number }>;

const nonEmpty = (f: Shed) => f.properties.cells > 0;

/**
 * Deck layers of the walksheds: the rings from a clicked point (largest first, so the smaller
 * ones stay visible) and, in the network modes, the selected facility's catchment for the
 * service threshold plus its 5/10/15-minute outlines. Fills sit under the roads, outlines and
 * the start marker above the fills.
 */
export function walkshedLayers(point: PointReach | null, facility: FacilityWalkshed | null): Layer[] {
  const out: Layer[] = [];
  if (point) {
    const rings = point.walksheds.features.filter(nonEmpty).slice().reverse();
    const color = (f: Shed) => RING_COLORS[Math.max(0, point.walksheds.features.indexOf(f))] ?? RING_COLORS[2];
    out.push(
      new GeoJsonLayer({
        id: 'walkshed-point',
        data: rings as never,
        beforeId: BEFORE_FILL,
        filled: true,
        stroked: true,
        getFillColor: (f: Shed) => [...color(f).slice(0, 3), 70] as RGBA,
        getLineColor: (f: Shed) => color(f),
        getLineWidth: 2,
        lineWidthUnits: 'pixels',
        pickable: false,
      } as never),
      new ScatterplotLayer({
        id: 'walkshed-origin',
        data: [point],
        beforeId: BEFORE_POINTS,
        getPosition: (p: PointReach) => [p.lon, p.lat],
        getRadius: 7,
        radiusUnits: 'pixels',
        stroked: true,
        getFillColor: RING_COLORS[0],
        getLineColor: WHITE,
        lineWidthMinPixels: 2,
      } as never),
    );
  }
  if (facility) {
    const [catchment, ...rings] = facility.walksheds.features as Shed[];
    const c = SERVICE_COLORS[facility.service];
    if (catchment && nonEmpty(catchment)) {
      out.push(
        new GeoJsonLayer({
          id: 'walkshed-facility',
          data: [catchment] as never,
          beforeId: BEFORE_FILL,
          filled: true,
          stroked: true,
          getFillColor: [c[0], c[1], c[2], 55],
          getLineColor: [c[0], c[1], c[2], 235],
          getLineWidth: 2.5,
          lineWidthUnits: 'pixels',
        } as never),
      );
    }
    const shown = rings.filter(nonEmpty);
    if (shown.length) {
      out.push(
        new GeoJsonLayer({
          id: 'walkshed-facility-rings',
          data: shown as never,
          beforeId: BEFORE_FILL,
          filled: false,
          stroked: true,
          getLineColor: [...FACILITY_RING_COLOR.slice(0, 3), 210] as RGBA,
          getLineWidth: (f: Shed) => 1.5 + rings.indexOf(f) * 0.6,
          lineWidthUnits: 'pixels',
        } as never),
      );
    }
  }
  return out;
}

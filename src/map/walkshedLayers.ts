import { GeoJsonLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { Feature, Geometry, MultiPolygon, Polygon } from 'geojson';
import type { FacilityWalkshed, PointReach } from '../worker/protocol';
import { FACILITY_RING_COLOR, RING_COLORS, SERVICE_COLORS, WHITE, type RGBA } from './colors';
import { BEFORE_FILL, BEFORE_POINTS, type Interleaved } from './buildDeckLayers';

type Shed = Feature<Polygon | MultiPolygon, { thresholdM: number; minutes: number; cells: number }>;

const nonEmpty = (f: Shed) => f.properties.cells > 0;
/** A walkshed as deck's GeoJsonLayer hands it to accessors (any geometry). */
type DrawnShed = Feature<Geometry, Shed['properties']>;

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
      new GeoJsonLayer<Shed['properties'], Interleaved>({
        id: 'walkshed-point',
        data: rings,
        beforeId: BEFORE_FILL,
        filled: true,
        stroked: true,
        getFillColor: (f: DrawnShed) => [...color(f as Shed).slice(0, 3), 70] as RGBA,
        getLineColor: (f: DrawnShed) => color(f as Shed),
        getLineWidth: 2,
        lineWidthUnits: 'pixels',
        pickable: false,
      }),
      new ScatterplotLayer<PointReach, Interleaved>({
        id: 'walkshed-origin',
        data: [point],
        beforeId: BEFORE_POINTS,
        getPosition: (p: PointReach): [number, number] => [p.lon, p.lat],
        getRadius: 7,
        radiusUnits: 'pixels',
        stroked: true,
        getFillColor: RING_COLORS[0],
        getLineColor: WHITE,
        lineWidthMinPixels: 2,
      }),
    );
  }
  if (facility) {
    const [catchment, ...rings] = facility.walksheds.features as Shed[];
    const c = SERVICE_COLORS[facility.service];
    if (catchment && nonEmpty(catchment)) {
      out.push(
        new GeoJsonLayer<Shed['properties'], Interleaved>({
          id: 'walkshed-facility',
          data: [catchment],
          beforeId: BEFORE_FILL,
          filled: true,
          stroked: true,
          getFillColor: [c[0], c[1], c[2], 55],
          getLineColor: [c[0], c[1], c[2], 235],
          getLineWidth: 2.5,
          lineWidthUnits: 'pixels',
        }),
      );
    }
    const shown = rings.filter(nonEmpty);
    if (shown.length) {
      out.push(
        new GeoJsonLayer<Shed['properties'], Interleaved>({
          id: 'walkshed-facility-rings',
          data: shown,
          beforeId: BEFORE_FILL,
          filled: false,
          stroked: true,
          getLineColor: [...FACILITY_RING_COLOR.slice(0, 3), 210] as RGBA,
          getLineWidth: (f: DrawnShed) => 1.5 + rings.indexOf(f as Shed) * 0.6,
          lineWidthUnits: 'pixels',
        }),
      );
    }
  }
  return out;
}

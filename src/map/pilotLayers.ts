import { GeoJsonLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { LandingPoint } from '../engine/index';
import type { MapData, PilotBase, PilotView } from '../worker/protocol';
import { BEFORE_POINTS } from './buildDeckLayers';
import { FLAGGED_COLOR, LANDING_COLORS, NOT_REACHED_COLOR, REMOVED_COLOR, STAGE_COLORS } from './colors';

/** One pilot marker: at its community's label point. */
export interface PilotMarker {
  id: string;
  position: [number, number];
  stage: number;
  removed: boolean;
  flagged: boolean;
}

export interface PilotLayerInput {
  data: MapData;
  view: PilotView | null;
  base: PilotBase | null;
  showPilots: boolean;
  showLanding: boolean;
}

const markerCache = new WeakMap<PilotView, PilotMarker[]>();
const notReachedCache = new WeakMap<PilotView, object>();

/** Pilot markers of a programme, at the label points of their communities (cached per programme). */
export function pilotMarkers(data: MapData, view: PilotView): PilotMarker[] {
  let m = markerCache.get(view);
  if (!m) {
    const at = new Map<number, [number, number]>();
    for (const f of data.labels.features) at.set(f.properties.i, f.geometry.coordinates as [number, number]);
    m = [];
    for (const s of view.statuses) {
      const position = at.get(s.pilot.community);
      if (position) m.push({ id: s.pilot.communityId, position, stage: s.pilot.stage, removed: s.pilot.status === 'removed', flagged: s.flags.length > 0 });
    }
    markerCache.set(view, m);
  }
  return m;
}

/**
 * Deck layers of the pilot programme and the 低空+ network: pilots coloured by stage (a red ring
 * when flagged), landing points with their service radius (metres) and the outlines of the
 * communities no point reaches. Pure: styling of the worker's numbers only.
 */
export function pilotDeckLayers(inp: PilotLayerInput): Layer[] {
  const { data, view, base } = inp;
  const out: Layer[] = [];
  if (inp.showLanding && base && base.landingPoints.length) {
    if (view?.landing) {
      let fc = notReachedCache.get(view);
      if (!fc) {
        const ids = new Set(view.landing.communitiesNotReached);
        fc = { type: 'FeatureCollection', features: data.communities.features.filter((f) => ids.has(f.properties.id)) };
        notReachedCache.set(view, fc);
      }
      out.push(
        new GeoJsonLayer({
          id: 'landing-not-reached',
          data: fc as never,
          beforeId: BEFORE_POINTS,
          stroked: true,
          filled: false,
          getLineColor: NOT_REACHED_COLOR,
          lineWidthMinPixels: 2,
        } as never),
      );
    }
    out.push(
      new ScatterplotLayer<LandingPoint>({
        id: 'landing-radius',
        data: base.landingPoints,
        beforeId: BEFORE_POINTS,
        getPosition: (p: LandingPoint) => [p.lon, p.lat],
        getRadius: (p: LandingPoint) => p.radiusM,
        radiusUnits: 'meters',
        stroked: true,
        filled: true,
        getFillColor: (p: LandingPoint) => [...LANDING_COLORS[p.kind].slice(0, 3), 22] as never,
        getLineColor: (p: LandingPoint) => LANDING_COLORS[p.kind],
        lineWidthMinPixels: 1.5,
      } as never),
      new ScatterplotLayer<LandingPoint>({
        id: 'landing-points',
        data: base.landingPoints,
        beforeId: BEFORE_POINTS,
        pickable: true,
        getPosition: (p: LandingPoint) => [p.lon, p.lat],
        getRadius: 6,
        radiusUnits: 'pixels',
        stroked: true,
        getFillColor: (p: LandingPoint) => LANDING_COLORS[p.kind],
        getLineColor: [255, 255, 255, 255],
        lineWidthMinPixels: 2,
      } as never),
    );
  }
  if (inp.showPilots && view && view.statuses.length) {
    const markers = pilotMarkers(data, view);
    // A ring in the stage colour around a white disc: unlike the filled facility symbols.
    out.push(
      new ScatterplotLayer<PilotMarker>({
        id: 'pilots-flagged',
        data: markers.filter((m) => m.flagged),
        beforeId: BEFORE_POINTS,
        getPosition: (m: PilotMarker) => m.position,
        getRadius: 13,
        radiusUnits: 'pixels',
        stroked: true,
        filled: false,
        getLineColor: FLAGGED_COLOR,
        getLineWidth: 2,
        lineWidthUnits: 'pixels',
      } as never),
      new ScatterplotLayer<PilotMarker>({
        id: 'pilots',
        data: markers,
        beforeId: BEFORE_POINTS,
        pickable: true,
        getPosition: (m: PilotMarker) => m.position,
        getRadius: 9,
        radiusUnits: 'pixels',
        stroked: true,
        getFillColor: [255, 255, 255, 235],
        getLineColor: (m: PilotMarker) => (m.removed ? REMOVED_COLOR : STAGE_COLORS[m.stage - 1]),
        getLineWidth: 4,
        lineWidthUnits: 'pixels',
      } as never),
    );
  }
  return out;
}

import { IconLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import { bundleLevel, type Scenario, type ServiceCode, type SiteLevel } from '../engine/index';
import type { BlueprintRun, ScenarioRun } from '../worker/protocol';
import type { MapData } from '../worker/protocol';
import { BP_CIRCLE_ALPHA, BP_FALLBACK, BP_JOINT_RING, BP_MOVED, BP_SELECTED_HALO, NEWLY_REACHED, REMOVED, SERVICE_COLORS, WHITE, type RGBA } from './colors';
import { BEFORE_POINTS, type Interleaved } from './buildDeckLayers';
import { atlasImage, buildIconAtlas } from './iconAtlas';
import { FlatScatterplotLayer } from './flatLayers';

/** Blueprint marker shapes (24 × 24 SVG paths): star = enhanced complex, pentagon = complex, dot = scattered, ring = joint. */
export const BP_SHAPES = {
  enhanced: 'M12 1.8 L14.9 8.6 L22.2 9.2 L16.6 14 L18.3 21.2 L12 17.4 L5.7 21.2 L7.4 14 L1.8 9.2 L9.1 8.6 Z',
  complex: 'M12 2.5 L21.5 9.4 L17.9 20.5 H6.1 L2.5 9.4 Z',
  scattered: 'M12 6 A6 6 0 1 1 11.99 6 Z',
  ring: 'M12 1.5 A10.5 10.5 0 1 1 11.99 1.5 Z M12 4.5 A7.5 7.5 0 1 0 12.01 4.5 Z',
} as const;
export type BpShape = keyof typeof BP_SHAPES;
/** One site drawn by the blueprint layer (a recommended site or a scenario addition). */
export interface BpMarker {
  id: string;
  name: string;
  lon: number;
  lat: number;
  services: ServiceCode[];
  level: SiteLevel;
  joint: boolean;
}

const mainColor = (m: BpMarker): RGBA => SERVICE_COLORS[m.services[0]] ?? BP_FALLBACK;
const withAlpha = (c: RGBA, alpha: number): RGBA => [c[0], c[1], c[2], alpha];
type LonLat = { lon: number; lat: number };

export interface BlueprintLayerInput {
  data: MapData;
  service: ServiceCode;
  show: boolean;
  run: BlueprintRun | null;
  scenario: Scenario;
  scenarioRun: ScenarioRun | null;
  selectedSite: string | null;
}

/** Markers of what the layer shows: the scenario's additions when it has edits, else the blueprint's sites. */
export function bpMarkers(inp: BlueprintLayerInput): BpMarker[] {
  const policy = inp.data.analysis.policy;
  if (inp.scenarioRun) {
    return (inp.scenario.added ?? []).map((a, k) => {
      const c = a.candidateId ? inp.data.candidates.find((x) => x.id === a.candidateId) : undefined;
      const area = a.areaM2 ?? c?.areaM2 ?? 0;
      return {
        id: a.id ?? `new-${k}`,
        name: a.name ?? c?.name ?? a.id ?? '',
        lon: a.lon ?? c?.lon ?? 0,
        lat: a.lat ?? c?.lat ?? 0,
        services: a.services,
        level: bundleLevel(a.services, area, policy.complexMinAreaM2.base, policy.complexMinAreaM2.enhanced),
        joint: false,
      };
    });
  }
  return (inp.run?.result.sites ?? []).map((s) => ({
    id: s.candidateId,
    name: s.name,
    lon: s.lon,
    lat: s.lat,
    services: s.services,
    level: s.level,
    joint: s.joint,
  }));
}

/** The 一张蓝图 layers: newly reached homes, walking circles, site symbols (level) coloured by main service. */
export function blueprintDeckLayers(inp: BlueprintLayerInput): Layer[] {
  if (!inp.show || (!inp.run && !inp.scenarioRun)) return [];
  const markers = bpMarkers(inp);
  const reached = inp.scenarioRun ? inp.scenarioRun.newlyReached : (inp.run?.newlyReached ?? new Int32Array(0));
  const pos = inp.data.buildings.position;
  const th = inp.data.analysis.policy.thresholdsM;
  const a = buildIconAtlas(BP_SHAPES, 'evenodd');
  const out: Layer[] = [];
  out.push(
    new FlatScatterplotLayer<unknown, Interleaved>({
      id: 'bp-reached', // thousands of homes at city scale: drawn without instancing (flatLayers.ts)
      beforeId: BEFORE_POINTS,
      data: { length: reached.length },
      getPosition: (_: unknown, { index }: { index: number }): [number, number] => [pos[2 * reached[index]], pos[2 * reached[index] + 1]],
      getRadius: 6,
      radiusUnits: 'meters',
      radiusMinPixels: 2,
      radiusMaxPixels: 7,
      getFillColor: NEWLY_REACHED,
      updateTriggers: { getPosition: [reached] },
    }),
    new ScatterplotLayer<BpMarker, Interleaved>({
      id: 'bp-circles',
      beforeId: BEFORE_POINTS,
      data: markers,
      getPosition: (m: BpMarker): [number, number] => [m.lon, m.lat],
      getRadius: (m: BpMarker) => th[m.services.includes(inp.service) ? inp.service : m.services[0]],
      radiusUnits: 'meters',
      stroked: true,
      filled: true,
      getFillColor: (m: BpMarker) => withAlpha(mainColor(m), m.id === inp.selectedSite ? BP_CIRCLE_ALPHA.selected : BP_CIRCLE_ALPHA.fill),
      getLineColor: (m: BpMarker) => withAlpha(mainColor(m), BP_CIRCLE_ALPHA.line),
      lineWidthMinPixels: 1.5,
      updateTriggers: { getRadius: [inp.service], getFillColor: [inp.selectedSite] },
    }),
  );
  const icon = {
    iconAtlas: atlasImage(a),
    iconMapping: a.mapping,
    getPosition: (m: LonLat): [number, number] => [m.lon, m.lat],
    sizeUnits: 'pixels' as const,
    beforeId: BEFORE_POINTS,
  };
  const size = (m: BpMarker) => (m.level === 'enhanced' ? 26 : m.level === 'complex' ? 22 : 16);
  out.push(
    new IconLayer<BpMarker, Interleaved>({
      ...icon,
      id: 'bp-joint',
      data: markers.filter((m) => m.joint),
      getIcon: () => 'ring',
      getSize: (m: BpMarker) => size(m) + 14,
      getColor: BP_JOINT_RING,
    }),
    new IconLayer<BpMarker, Interleaved>({
      ...icon,
      id: 'bp-halo',
      data: markers,
      getIcon: (m: BpMarker) => m.level,
      getSize: (m: BpMarker) => size(m) + 6,
      getColor: (m: BpMarker) => (m.id === inp.selectedSite ? BP_SELECTED_HALO : WHITE),
      updateTriggers: { getColor: [inp.selectedSite] },
    }),
    new IconLayer<BpMarker, Interleaved>({
      ...icon,
      id: 'bp-sites',
      data: markers,
      pickable: true,
      getIcon: (m: BpMarker) => m.level,
      getSize: size,
      getColor: mainColor,
    }),
  );
  if (inp.scenarioRun) {
    const removed = new Set(inp.scenario.removed ?? []);
    const gone = inp.data.facilities.filter((f) => removed.has(f.id));
    out.push(
      new ScatterplotLayer<LonLat, Interleaved>({
        id: 'bp-removed',
        beforeId: BEFORE_POINTS,
        data: gone,
        getPosition: (f: LonLat): [number, number] => [f.lon, f.lat],
        getRadius: 9,
        radiusUnits: 'pixels',
        stroked: true,
        filled: false,
        getLineColor: REMOVED,
        lineWidthMinPixels: 3,
      }),
    );
    const moved = inp.scenario.moved ?? [];
    out.push(new IconLayer<LonLat, Interleaved>({ ...icon, id: 'bp-moved', data: moved, getIcon: () => 'scattered', getSize: 16, getColor: BP_MOVED }));
  }
  return out;
}

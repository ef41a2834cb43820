import { IconLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import { bundleLevel, type Scenario, type ServiceCode } from '../engine/index';
import type { BlueprintRun, ScenarioRun } from '../worker/protocol';
import type { MapData } from '../worker/protocol';
import { SERVICE_COLORS, type RGBA } from './colors';
import { BEFORE_POINTS } from './buildDeckLayers';

/** Blueprint marker shapes (24 × 24 SVG paths): star = enhanced complex, pentagon = complex, dot = scattered, ring = joint. */
export const BP_SHAPES = {
  enhanced: 'M12 1.8 L14.9 8.6 L22.2 9.2 L16.6 14 L18.3 21.2 L12 17.4 L5.7 21.2 L7.4 14 L1.8 9.2 L9.1 8.6 Z',
  complex: 'M12 2.5 L21.5 9.4 L17.9 20.5 H6.1 L2.5 9.4 Z',
  scattered: 'M12 6 A6 6 0 1 1 11.99 6 Z',
  ring: 'M12 1.5 A10.5 10.5 0 1 1 11.99 1.5 Z M12 4.5 A7.5 7.5 0 1 0 12.01 4.5 Z',
} as const;
export type BpShape = keyof typeof BP_SHAPES;
const CELL = 48;
let atlas: { url: string; mapping: Record<BpShape, object> } | null = null;

/** A mask atlas of the blueprint shapes, drawn once. */
function bpAtlas() {
  if (atlas) return atlas;
  const names = Object.keys(BP_SHAPES) as BpShape[];
  const canvas = document.createElement('canvas');
  canvas.width = CELL * names.length;
  canvas.height = CELL;
  const ctx = canvas.getContext('2d')!;
  const mapping = {} as Record<BpShape, object>;
  names.forEach((n, i) => {
    ctx.save();
    ctx.translate(i * CELL, 0);
    ctx.scale(CELL / 24, CELL / 24);
    ctx.fillStyle = '#fff';
    ctx.fill(new Path2D(BP_SHAPES[n]), 'evenodd');
    ctx.restore();
    mapping[n] = { x: i * CELL, y: 0, width: CELL, height: CELL, mask: true, anchorY: CELL / 2 };
  });
  atlas = { url: canvas.toDataURL('image/png'), mapping };
  return atlas;
}

/** One site drawn by the blueprint layer (a recommended site or a scenario addition). */
export interface BpMarker {
  id: string;
  name: string;
  lon: number;
  lat: number;
  services: ServiceCode[];
  level: 'complex' | 'enhanced' | 'scattered';
  joint: boolean;
}

export const NEWLY_REACHED: RGBA = [0, 150, 220, 235];
export const REMOVED: RGBA = [90, 90, 90, 220];
const mainColor = (m: BpMarker): RGBA => SERVICE_COLORS[m.services[0]] ?? [80, 80, 80, 255];

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
  return (inp.run?.result.sites ?? []).map((s) => ({ id: s.candidateId, name: s.name, lon: s.lon, lat: s.lat, services: s.services, level: s.level, joint: s.joint }));
}

/** The 一张蓝图 layers: newly reached homes, walking circles, site symbols (level) coloured by main service. */
export function blueprintDeckLayers(inp: BlueprintLayerInput): Layer[] {
  if (!inp.show || (!inp.run && !inp.scenarioRun)) return [];
  const markers = bpMarkers(inp);
  const reached = inp.scenarioRun ? inp.scenarioRun.newlyReached : (inp.run?.newlyReached ?? new Int32Array(0));
  const pos = inp.data.buildings.position;
  const th = inp.data.analysis.policy.thresholdsM;
  const a = bpAtlas();
  const out: Layer[] = [];
  out.push(
    new ScatterplotLayer({
      id: 'bp-reached',
      beforeId: BEFORE_POINTS,
      data: { length: reached.length },
      getPosition: (_: unknown, { index }: { index: number }) => [pos[2 * reached[index]], pos[2 * reached[index] + 1]],
      getRadius: 6,
      radiusUnits: 'meters',
      radiusMinPixels: 2,
      radiusMaxPixels: 7,
      getFillColor: NEWLY_REACHED,
      updateTriggers: { getPosition: [reached] },
    } as never),
    new ScatterplotLayer({
      id: 'bp-circles',
      beforeId: BEFORE_POINTS,
      data: markers,
      getPosition: (m: BpMarker) => [m.lon, m.lat],
      getRadius: (m: BpMarker) => th[m.services.includes(inp.service) ? inp.service : m.services[0]],
      radiusUnits: 'meters',
      stroked: true,
      filled: true,
      getFillColor: (m: BpMarker) => { const c = mainColor(m); return [c[0], c[1], c[2], m.id === inp.selectedSite ? 50 : 22]; },
      getLineColor: (m: BpMarker) => { const c = mainColor(m); return [c[0], c[1], c[2], 200]; },
      lineWidthMinPixels: 1.5,
      updateTriggers: { getRadius: [inp.service], getFillColor: [inp.selectedSite] },
    } as never),
  );
  const icon = { iconAtlas: a.url, iconMapping: a.mapping, getPosition: (m: BpMarker) => [m.lon, m.lat], sizeUnits: 'pixels', beforeId: BEFORE_POINTS };
  const size = (m: BpMarker) => (m.level === 'enhanced' ? 26 : m.level === 'complex' ? 22 : 16);
  out.push(
    new IconLayer({ ...icon, id: 'bp-joint', data: markers.filter((m) => m.joint), getIcon: () => 'ring', getSize: (m: BpMarker) => size(m) + 14, getColor: [40, 40, 40, 200] } as never),
    new IconLayer({ ...icon, id: 'bp-halo', data: markers, getIcon: (m: BpMarker) => m.level, getSize: (m: BpMarker) => size(m) + 6, getColor: (m: BpMarker) => (m.id === inp.selectedSite ? [20, 20, 20, 255] : [255, 255, 255, 255]), updateTriggers: { getColor: [inp.selectedSite] } } as never),
    new IconLayer({ ...icon, id: 'bp-sites', data: markers, pickable: true, getIcon: (m: BpMarker) => m.level, getSize: size, getColor: mainColor } as never),
  );
  if (inp.scenarioRun) {
    const removed = new Set(inp.scenario.removed ?? []);
    const gone = inp.data.facilities.filter((f) => removed.has(f.id));
    out.push(
      new ScatterplotLayer({ id: 'bp-removed', beforeId: BEFORE_POINTS, data: gone, getPosition: (f: { lon: number; lat: number }) => [f.lon, f.lat], getRadius: 9, radiusUnits: 'pixels', stroked: true, filled: false, getLineColor: REMOVED, lineWidthMinPixels: 3 } as never),
    );
    const moved = inp.scenario.moved ?? [];
    out.push(
      new IconLayer({ ...icon, id: 'bp-moved', data: moved, getPosition: (m: { lon: number; lat: number }) => [m.lon, m.lat], getIcon: () => 'scattered', getSize: 16, getColor: [60, 60, 60, 255] } as never),
    );
  }
  return out;
}

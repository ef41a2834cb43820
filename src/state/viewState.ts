import { SERVICES, isServiceCode, type ServiceCode, type DistanceMode } from '../engine/index';
import type { Lang } from '../i18n';

export const MEASURES = ['coverage', 'areaPer100', 'shortfall', 'shortfallEnhanced', 'rule', 'need'] as const;
export type Measure = (typeof MEASURES)[number];

export const LAYERS = ['communities', 'outlines', 'labels', 'roads', 'buildings', 'facilities', 'h3', 'candidates'] as const;
export type LayerKey = (typeof LAYERS)[number];

/** Short URL codes of the layers (`layers=cm,ol,...`). */
const LAYER_CODES: Record<LayerKey, string> = {
  communities: 'cm',
  outlines: 'ol',
  labels: 'lb',
  roads: 'rd',
  buildings: 'bd',
  facilities: 'fc',
  h3: 'hx',
  candidates: 'cd',
};

export const DEFAULT_LAYERS: Record<LayerKey, boolean> = {
  communities: true,
  outlines: true,
  labels: true,
  roads: true,
  buildings: false,
  facilities: true,
  h3: false,
  candidates: false,
};

export type SelectionKind = 'community' | 'street' | 'district' | 'facility' | 'candidate';
/** What is selected: a community/facility/candidate by id, a street or district by name. */
export interface Selection {
  kind: SelectionKind;
  id: string;
}
const SEL_CODES: Record<SelectionKind, string> = { community: 'c', street: 's', district: 'd', facility: 'f', candidate: 'k' };

export type Basemap = 'none' | 'osm' | 'tianditu';
export type ViewMode = 'planner' | 'public';
export type SelectLevel = 'community' | 'street' | 'district';

export interface Camera {
  lon: number;
  lat: number;
  zoom: number;
}

/** The part of the app state that a link carries. */
export interface ViewState {
  lang: Lang;
  service: ServiceCode;
  measure: Measure;
  layers: Record<LayerKey, boolean>;
  selection: Selection | null;
  view: ViewMode;
  basemap: Basemap;
  tk: string;
  mode: DistanceMode;
  /** With mode 'network': walking effort (slope, stairs, lifts) instead of length; URL `mode=effort`. */
  effort: boolean;
  camera: Camera | null;
  dataset: string;
}

export const DEFAULT_VIEW: ViewState = {
  lang: 'zh',
  service: SERVICES[0],
  measure: 'coverage',
  layers: DEFAULT_LAYERS,
  selection: null,
  view: 'planner',
  basemap: 'none',
  tk: '',
  mode: 'euclidean',
  effort: false,
  camera: null,
  dataset: 'sample',
};

/** Read a view from a query string; unknown or malformed values fall back to the defaults. */
export function parseView(search: string): ViewState {
  const q = new URLSearchParams(search);
  const v: ViewState = { ...DEFAULT_VIEW, layers: { ...DEFAULT_LAYERS } };
  const lang = q.get('lang');
  if (lang === 'en' || lang === 'zh') v.lang = lang;
  const service = q.get('service');
  if (service && isServiceCode(service)) v.service = service;
  const measure = q.get('measure');
  if (measure && (MEASURES as readonly string[]).includes(measure)) v.measure = measure as Measure;
  const layers = q.get('layers');
  if (layers !== null) {
    const on = new Set(layers.split(','));
    for (const k of Object.keys(LAYER_CODES) as LayerKey[]) v.layers[k] = on.has(LAYER_CODES[k]);
  }
  const sel = q.get('sel');
  if (sel) {
    const colon = sel.indexOf(':');
    const kind = (Object.keys(SEL_CODES) as SelectionKind[]).find((k) => SEL_CODES[k] === sel.slice(0, colon));
    if (kind && colon > 0) v.selection = { kind, id: sel.slice(colon + 1) };
  }
  if (q.get('view') === 'public') v.view = 'public';
  const basemap = q.get('basemap');
  if (basemap === 'osm' || basemap === 'tianditu') v.basemap = basemap;
  v.tk = q.get('tk') ?? '';
  const mode = q.get('mode');
  if (mode === 'network' || mode === 'matrix') v.mode = mode;
  if (mode === 'effort') {
    v.mode = 'network';
    v.effort = true;
  }
  const cam = q.get('map');
  if (cam) {
    const [z, lat, lon] = cam.split('/').map(Number);
    if ([z, lat, lon].every(Number.isFinite)) v.camera = { zoom: z, lat, lon };
  }
  const data = q.get('data');
  if (data && /^(generated\/)?[A-Za-z0-9_-]+$/.test(data)) v.dataset = data;
  return v;
}

/** Write a view as a query string, leaving out defaults so links stay short. */
export function formatView(v: ViewState): string {
  const q = new URLSearchParams();
  if (v.dataset !== DEFAULT_VIEW.dataset) q.set('data', v.dataset);
  if (v.lang !== DEFAULT_VIEW.lang) q.set('lang', v.lang);
  if (v.view === 'public') q.set('view', 'public');
  if (v.service !== DEFAULT_VIEW.service) q.set('service', v.service);
  if (v.measure !== DEFAULT_VIEW.measure) q.set('measure', v.measure);
  if (v.mode !== DEFAULT_VIEW.mode) q.set('mode', v.mode === 'network' && v.effort ? 'effort' : v.mode);
  const layerDiffers = (Object.keys(LAYER_CODES) as LayerKey[]).some((k) => v.layers[k] !== DEFAULT_LAYERS[k]);
  if (layerDiffers) {
    q.set(
      'layers',
      (Object.keys(LAYER_CODES) as LayerKey[])
        .filter((k) => v.layers[k])
        .map((k) => LAYER_CODES[k])
        .join(','),
    );
  }
  if (v.selection) q.set('sel', `${SEL_CODES[v.selection.kind]}:${v.selection.id}`);
  if (v.basemap !== 'none') q.set('basemap', v.basemap);
  if (v.tk) q.set('tk', v.tk);
  if (v.camera) q.set('map', `${v.camera.zoom.toFixed(2)}/${v.camera.lat.toFixed(5)}/${v.camera.lon.toFixed(5)}`);
  const s = q.toString().replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%2F/g, '/');
  return s ? `?${s}` : '';
}

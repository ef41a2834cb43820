import { SERVICES, isServiceCode, type ServiceCode } from '../engine/constants';
import type { DistanceMode } from '../engine/index';
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
  mode: DistanceMode;
  /** With mode 'network': walking effort (slope, stairs, lifts) instead of length; URL `mode=effort`. */
  effort: boolean;
  camera: Camera | null;
  dataset: string;
  /** What a click on a community selects (URL `lvl=s|d`). */
  selectLevel: SelectLevel;
  /** The ranking table is open (URL `rank=1`). */
  rankingOpen: boolean;
  /** The point of the last 从这里能到哪 walkshed, WGS84 degrees (URL `walk=lon,lat`). */
  walkPoint: { lon: number; lat: number } | null;
  /** Identity of the package the camera and selection belong to: `manifest name~content hash` (URL `pkg`). */
  pkg: string;
  /** The kept project the link belongs to (URL `project`). */
  project: string;
}

export const DEFAULT_VIEW: ViewState = {
  lang: 'zh',
  service: SERVICES[0],
  measure: 'coverage',
  layers: DEFAULT_LAYERS,
  selection: null,
  view: 'planner',
  basemap: 'none',
  mode: 'euclidean',
  effort: false,
  camera: null,
  dataset: 'sample',
  selectLevel: 'community',
  rankingOpen: false,
  walkPoint: null,
  pkg: '',
  project: '',
};

/** Longest id or name a link may carry in `sel`, `pkg` or `project` (characters). */
export const MAX_URL_TEXT = 200;
/** Zoom range a link may ask for (maplibre's own range). */
export const ZOOM_RANGE = [0, 22] as const;
/** Latitudes the web-mercator map can show, degrees. */
export const MAX_LAT = 85.05;

/** Plain text of at most {@link MAX_URL_TEXT} characters without control characters, or null. */
function cleanText(s: string | null): string | null {
  if (s === null || s.length === 0 || s.length > MAX_URL_TEXT) return null;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/.test(s)) return null;
  return s;
}

/** A number written plainly (no hex, no exponent, no Infinity), or NaN. */
function plainNumber(s: string): number {
  return /^-?\d{1,4}(\.\d{1,12})?$/.test(s) ? Number(s) : NaN;
}

/** `zoom/lat/lon` within the map's range, or null. */
export function parseCamera(s: string): Camera | null {
  const parts = s.split('/');
  if (parts.length !== 3) return null;
  const [zoom, lat, lon] = parts.map(plainNumber);
  if (!(zoom >= ZOOM_RANGE[0] && zoom <= ZOOM_RANGE[1])) return null;
  if (!(Math.abs(lat) <= MAX_LAT) || !(Math.abs(lon) <= 180)) return null;
  return { zoom, lat, lon };
}

/** `lon,lat` within the map's range, or null. */
function parsePoint(s: string): { lon: number; lat: number } | null {
  const parts = s.split(',');
  if (parts.length !== 2) return null;
  const [lon, lat] = parts.map(plainNumber);
  if (!(Math.abs(lat) <= MAX_LAT) || !(Math.abs(lon) <= 180)) return null;
  return { lon, lat };
}

/**
 * Read a view from a query string; unknown, malformed or out-of-range values fall back to the
 * defaults, one parameter at a time: a link never fails as a whole. The 天地图 key is not read
 * from links (it stays in local settings, state/localSettings.ts), and a public-view link never
 * switches on online tiles.
 */
export function parseView(search: string): ViewState {
  let q: URLSearchParams;
  try {
    q = new URLSearchParams(search);
  } catch {
    q = new URLSearchParams();
  }
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
    const id = cleanText(sel.slice(colon + 1));
    if (kind && colon > 0 && id !== null) v.selection = { kind, id };
  }
  if (q.get('view') === 'public') v.view = 'public';
  const basemap = q.get('basemap');
  if ((basemap === 'osm' || basemap === 'tianditu') && v.view !== 'public') v.basemap = basemap;
  const mode = q.get('mode');
  if (mode === 'network' || mode === 'matrix') v.mode = mode;
  if (mode === 'effort') {
    v.mode = 'network';
    v.effort = true;
  }
  const cam = q.get('map');
  if (cam) v.camera = parseCamera(cam);
  const data = q.get('data');
  if (data && data.length <= 64 && /^(generated\/)?[A-Za-z0-9_-]+$/.test(data)) v.dataset = data;
  const lvl = q.get('lvl');
  if (lvl === 's') v.selectLevel = 'street';
  if (lvl === 'd') v.selectLevel = 'district';
  if (q.get('rank') === '1') v.rankingOpen = true;
  const walk = q.get('walk');
  if (walk) v.walkPoint = parsePoint(walk);
  v.pkg = cleanText(q.get('pkg')) ?? '';
  const project = q.get('project');
  if (project && /^[A-Za-z0-9_-]{1,64}$/.test(project)) v.project = project;
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
  if (v.basemap !== 'none' && v.view !== 'public') q.set('basemap', v.basemap);
  if (v.camera) q.set('map', `${v.camera.zoom.toFixed(2)}/${v.camera.lat.toFixed(5)}/${v.camera.lon.toFixed(5)}`);
  if (v.selectLevel !== 'community') q.set('lvl', v.selectLevel === 'street' ? 's' : 'd');
  if (v.rankingOpen) q.set('rank', '1');
  if (v.walkPoint) q.set('walk', `${v.walkPoint.lon.toFixed(6)},${v.walkPoint.lat.toFixed(6)}`);
  if (v.pkg) q.set('pkg', v.pkg);
  if (v.project) q.set('project', v.project);
  const s = q.toString().replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%2F/g, '/');
  return s ? `?${s}` : '';
}

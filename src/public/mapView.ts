import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { Feature, FeatureCollection } from 'geojson';
import { SERVICES, type ServiceCode } from '../engine/public';
import { COLOURS, COVERAGE_STEPS, DEMAND_STEPS } from './colours';
import type { SiteData } from './siteData';

maplibregl.setWorkerUrl(workerUrl);

/** System CJK fonts first: maplibre draws labels locally (no glyph server). */
const CJK_FONT_FAMILY = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", sans-serif';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
const src = (data: FeatureCollection = EMPTY) => ({ type: 'geojson' as const, data: data as never, maxzoom: 14, buffer: 32 });

function steps(prop: maplibregl.ExpressionSpecification, stops: [number, string][]): maplibregl.ExpressionSpecification {
  const flat: (number | string)[] = [];
  stops.slice(1).forEach(([v, c]) => flat.push(v, c));
  return ['step', prop, stops[0][1], ...flat] as unknown as maplibregl.ExpressionSpecification;
}

const RING_COLOUR = ['match', ['get', 'ring'], 0, COLOURS.rings[0], 1, COLOURS.rings[1], COLOURS.rings[2]] as unknown as maplibregl.ExpressionSpecification;

/** A circle polygon (64 vertices) of `radiusM` metres around a point. */
function circle(lon: number, lat: number, radiusM: number): number[][] {
  const out: number[][] = [];
  const dLat = radiusM / 111_195;
  const dLon = dLat / Math.cos((lat * Math.PI) / 180);
  for (let i = 0; i <= 64; i++) {
    const a = (i / 64) * 2 * Math.PI;
    out.push([lon + dLon * Math.cos(a), lat + dLat * Math.sin(a)]);
  }
  return out;
}

/** Callbacks of the map: a tap on a facility or elsewhere. */
export interface MapHandlers {
  onFacility: (id: string) => void;
  onPoint: (lon: number, lat: number) => void;
}

/** The public site's map: the offline base, the published layers, the chosen place. */
export class MapView {
  readonly map: maplibregl.Map;
  private ready: Promise<void>;

  constructor(container: HTMLElement, data: SiteData, handlers: MapHandlers) {
    const [w, s, e, n] = data.meta.bounds;
    this.map = new maplibregl.Map({
      container,
      style: this.style(data),
      bounds: [w, s, e, n],
      fitBoundsOptions: { padding: 20 },
      localIdeographFontFamily: CJK_FONT_FAMILY,
      attributionControl: false,
      maxPitch: 0,
      fadeDuration: 0,
    });
    this.map.dragRotate.disable();
    this.map.touchZoomRotate.disableRotation();
    this.map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    this.map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
    this.ready = new Promise((resolve) => this.map.once('load', () => resolve()));
    this.map.on('click', (ev) => {
      const box: [maplibregl.PointLike, maplibregl.PointLike] = [
        [ev.point.x - 12, ev.point.y - 12],
        [ev.point.x + 12, ev.point.y + 12],
      ];
      const hit = this.map.queryRenderedFeatures(box, { layers: ['facilities', 'planned'] })[0];
      if (hit?.properties?.id) handlers.onFacility(String(hit.properties.id));
      else handlers.onPoint(ev.lngLat.lng, ev.lngLat.lat);
    });
    this.map.on('mouseenter', 'facilities', () => (this.map.getCanvas().style.cursor = 'pointer'));
    this.map.on('mouseleave', 'facilities', () => (this.map.getCanvas().style.cursor = ''));
  }

  /** Resolves once the style has loaded. */
  whenReady(): Promise<void> {
    return this.ready;
  }

  private style(data: SiteData): maplibregl.StyleSpecification {
    const communities: FeatureCollection = {
      type: 'FeatureCollection',
      features: data.communities.features.map((f) => {
        const props: Record<string, string | number> = { id: f.properties.id, name: f.properties.name };
        f.properties.coverage.forEach((c, i) => (props[`cov${i}`] = c === null ? -1 : c));
        return { type: 'Feature', geometry: f.geometry, properties: props };
      }),
    };
    const labels: FeatureCollection = {
      type: 'FeatureCollection',
      features: data.communities.features.map((f) => {
        const ring = f.geometry.type === 'Polygon' ? f.geometry.coordinates[0] : f.geometry.coordinates[0][0];
        const c = ring.reduce((a, p) => [a[0] + p[0] / ring.length, a[1] + p[1] / ring.length], [0, 0]);
        return { type: 'Feature', geometry: { type: 'Point', coordinates: c }, properties: { name: f.properties.name } };
      }),
    };
    const demand: FeatureCollection = {
      type: 'FeatureCollection',
      features: data.demand.map((d) => ({ type: 'Feature', geometry: { type: 'Polygon', coordinates: [d.ring] }, properties: { density: d.km2 > 0 ? d.households / d.km2 : 0, res: d.res } })),
    };
    const points = (list: { id: string; lon: number; lat: number; services: ServiceCode[] }[]): FeatureCollection => ({
      type: 'FeatureCollection',
      features: list.map((f) => {
        const props: Record<string, string | number> = { id: f.id };
        for (const s of f.services) props[s] = 1;
        return { type: 'Feature', geometry: { type: 'Point', coordinates: [f.lon, f.lat] }, properties: props };
      }),
    });
    return {
      version: 8,
      sources: {
        communities: src(communities),
        labels: { ...src(labels), maxzoom: 12 },
        demand: src(demand),
        rings: src(),
        edges: src(),
        facilities: src(points(data.facilities)),
        planned: src(points(data.planned)),
        place: src(),
        selected: src(),
      },
      layers: [
        { id: 'background', type: 'background', paint: { 'background-color': '#f3f1ec' } },
        { id: 'community-base', type: 'fill', source: 'communities', paint: { 'fill-color': '#fbfaf7' } },
        {
          id: 'demand',
          type: 'fill',
          source: 'demand',
          paint: { 'fill-color': steps(['get', 'density'], DEMAND_STEPS), 'fill-opacity': ['interpolate', ['linear'], ['zoom'], 12, 0.75, 15, 0.4] },
        },
        {
          id: 'coverage',
          type: 'fill',
          source: 'communities',
          layout: { visibility: 'none' },
          filter: ['>=', ['get', 'cov0'], 0],
          paint: { 'fill-color': steps(['get', 'cov0'], COVERAGE_STEPS), 'fill-opacity': 0.55 },
        },
        { id: 'community-lines', type: 'line', source: 'communities', paint: { 'line-color': '#6b665a', 'line-width': 0.8, 'line-opacity': 0.8 } },
        { id: 'rings-casing', type: 'line', source: 'rings', paint: { 'line-color': '#ffffff', 'line-width': 5.5, 'line-opacity': 0.85 } },
        { id: 'edges-casing', type: 'line', source: 'edges', layout: { 'line-cap': 'round' }, paint: { 'line-color': '#ffffff', 'line-width': ['interpolate', ['linear'], ['zoom'], 12, 4, 16, 8] } },
        ...[[1, 0], [3, 1.5], [1, 1.2]].map((dash, i) => ({
          id: `rings-${i}`,
          type: 'line' as const,
          source: 'rings',
          filter: ['==', ['get', 'ring'], i] as maplibregl.FilterSpecification,
          paint: { 'line-color': COLOURS.rings[i], 'line-width': 3, 'line-dasharray': dash },
        })),
        {
          id: 'edges',
          type: 'line',
          source: 'edges',
          layout: { 'line-cap': 'round' },
          paint: { 'line-color': RING_COLOUR, 'line-width': ['interpolate', ['linear'], ['zoom'], 12, 2, 16, 5] },
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
          },
          paint: { 'text-color': '#2b2a26', 'text-halo-color': 'rgba(255,255,255,0.9)', 'text-halo-width': 1.4 },
        },
        {
          id: 'planned',
          type: 'circle',
          source: 'planned',
          paint: { 'circle-radius': ['interpolate', ['linear'], ['zoom'], 11, 4, 16, 9], 'circle-color': '#ffffff', 'circle-stroke-color': COLOURS.planned, 'circle-stroke-width': 3 },
        },
        {
          id: 'facilities',
          type: 'circle',
          source: 'facilities',
          paint: { 'circle-radius': ['interpolate', ['linear'], ['zoom'], 11, 3.5, 16, 8], 'circle-color': COLOURS.open, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1.5 },
        },
        {
          id: 'selected',
          type: 'circle',
          source: 'selected',
          paint: { 'circle-radius': 13, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': '#000000', 'circle-stroke-width': 3 },
        },
        {
          id: 'place',
          type: 'circle',
          source: 'place',
          paint: { 'circle-radius': 8, 'circle-color': COLOURS.point, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 3 },
        },
      ],
    };
  }

  /** Show one service (coverage of communities, its facilities only) or all (demand cells). */
  async setService(service: ServiceCode | 'all'): Promise<void> {
    await this.ready;
    const m = this.map;
    const filter: maplibregl.FilterSpecification | null = service === 'all' ? null : ['==', ['get', service], 1];
    m.setFilter('facilities', filter);
    m.setFilter('planned', filter);
    if (service === 'all') {
      m.setLayoutProperty('coverage', 'visibility', 'none');
      m.setLayoutProperty('demand', 'visibility', 'visible');
    } else {
      const prop = `cov${SERVICES.indexOf(service)}`;
      m.setFilter('coverage', ['>=', ['get', prop], 0]);
      m.setPaintProperty('coverage', 'fill-color', steps(['get', prop], COVERAGE_STEPS));
      m.setLayoutProperty('coverage', 'visibility', 'visible');
      m.setLayoutProperty('demand', 'visibility', 'none');
    }
  }

  /** Mark a place with rings (straight line) or reached footpaths (network), and the selected facility. */
  async showPlace(p: { lon: number; lat: number } | null, ringsM: number[], edges: { coords: [number, number][]; ring: number }[] | null, selected: { lon: number; lat: number } | null): Promise<void> {
    await this.ready;
    const m = this.map;
    const set = (id: string, fc: FeatureCollection) => (m.getSource(id) as maplibregl.GeoJSONSource).setData(fc as never);
    set('place', p ? { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [p.lon, p.lat] }, properties: {} }] } : EMPTY);
    set('selected', selected ? { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [selected.lon, selected.lat] }, properties: {} }] } : EMPTY);
    const rings: Feature[] = p && !edges ? ringsM.map((r, i) => ({ type: 'Feature', geometry: { type: 'LineString', coordinates: circle(p.lon, p.lat, r) }, properties: { ring: i } })) : [];
    set('rings', { type: 'FeatureCollection', features: rings });
    set('edges', {
      type: 'FeatureCollection',
      features: (edges ?? []).map((e) => ({ type: 'Feature', geometry: { type: 'LineString', coordinates: e.coords }, properties: { ring: e.ring } })),
    });
  }

  /** Centre on a place, zooming in so the largest ring fits. */
  flyTo(lon: number, lat: number, radiusM: number): void {
    const dLat = radiusM / 111_195;
    const dLon = dLat / Math.cos((lat * Math.PI) / 180);
    this.map.fitBounds(
      [
        [lon - dLon, lat - dLat],
        [lon + dLon, lat + dLat],
      ],
      { padding: 16, duration: 0, maxZoom: 16 },
    );
  }
}

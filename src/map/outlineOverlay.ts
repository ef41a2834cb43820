import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { css, type RGBA } from './colors';

/** Map a position (WGS84 degrees) to CSS pixels of the map view (maplibre's `map.project`). */
export type Project = (lon: number, lat: number) => [number, number];

/** How one set of outlines is drawn. */
export interface OutlineStyle {
  /** Line colour. */
  line: RGBA;
  /** Line width, CSS pixels. */
  widthPx: number;
  /** Fill of the polygons (under the line); none by default. */
  fill?: RGBA;
}

/** The polygons of one set (the hovered community, the selection) and their style. */
export interface OutlineSet {
  features: readonly Feature<Polygon | MultiPolygon>[];
  style: OutlineStyle;
}

/** What {@link drawOutlines} needs of a 2D context (CanvasRenderingContext2D has it). */
export interface OutlineContext {
  fillStyle: unknown;
  strokeStyle: unknown;
  lineWidth: number;
  lineJoin: string;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  closePath(): void;
  fill(rule?: 'nonzero' | 'evenodd'): void;
  stroke(): void;
}

/**
 * Every polygon of `features` as rings projected to CSS pixels: one array of rings (the outer
 * ring, then its holes) per polygon, each ring flat [x0, y0, x1, y1, …] in the order given.
 */
export function projectRings(features: readonly Feature<Polygon | MultiPolygon>[], project: Project): Float64Array[][] {
  const out: Float64Array[][] = [];
  for (const f of features) {
    const g = f.geometry;
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    for (const p of polys) {
      out.push(
        p.map((ring) => {
          const xy = new Float64Array(ring.length * 2);
          ring.forEach(([lon, lat], k) => {
            const [x, y] = project(lon, lat);
            xy[2 * k] = x;
            xy[2 * k + 1] = y;
          });
          return xy;
        }),
      );
    }
  }
  return out;
}

/** Draw projected polygons (see {@link projectRings}) with `style`: the fill (holes left open), then the line. */
export function drawOutlines(ctx: OutlineContext, polygons: Float64Array[][], style: OutlineStyle): void {
  if (!polygons.length) return;
  ctx.beginPath();
  for (const rings of polygons) {
    for (const xy of rings) {
      if (xy.length < 4) continue;
      ctx.moveTo(xy[0], xy[1]);
      for (let k = 2; k < xy.length; k += 2) ctx.lineTo(xy[k], xy[k + 1]);
      ctx.closePath();
    }
  }
  if (style.fill) {
    ctx.fillStyle = css(style.fill);
    ctx.fill('evenodd');
  }
  ctx.strokeStyle = css(style.line);
  ctx.lineWidth = style.widthPx;
  ctx.lineJoin = 'round';
  ctx.stroke();
}

/**
 * A 2D canvas laid over the map that draws the hovered community and the selection's outline.
 * A change of hover or selection redraws this canvas alone (a few hundred vertices), never the
 * map: under software WebGL one map frame at a city's extent costs seconds. The map view
 * redraws it after each map frame (`render`), so the outlines move with the map as drawn.
 * Not interactive (pointer events pass through to the map); its `data-selection` attribute
 * counts the polygons of the selection last drawn (for the UI benchmark and tests).
 */
export class OutlineOverlay {
  readonly canvas: HTMLCanvasElement;
  private readonly sets = new Map<string, OutlineSet>();
  private drawn = false;

  /** Add the canvas to `container` (the map's container, positioned), projecting with `project`. */
  constructor(
    container: HTMLElement,
    private readonly project: Project,
  ) {
    const c = document.createElement('canvas');
    c.className = 'map-outlines';
    c.dataset.testid = 'map-outlines';
    c.dataset.selection = '0';
    c.setAttribute('aria-hidden', 'true');
    c.style.cssText = 'position:absolute;left:0;top:0;width:100%;height:100%;pointer-events:none;z-index:1';
    container.appendChild(c);
    this.canvas = c;
  }

  /** Show `features` under `key` ('hover', 'selection'; drawn in the order first set) and redraw; no features hides the set. */
  set(key: string, features: readonly Feature<Polygon | MultiPolygon>[], style: OutlineStyle): void {
    const old = this.sets.get(key);
    if (old && old.features === features && old.style === style) return;
    this.sets.set(key, { features, style });
    this.draw();
  }

  /** Redraw every set at the map's current camera (after a map frame, a resize). */
  draw(): void {
    const c = this.canvas;
    const w = c.clientWidth;
    const h = c.clientHeight;
    const ratio = window.devicePixelRatio || 1;
    const empty = [...this.sets.values()].every((s) => !s.features.length);
    if (empty && !this.drawn) return; // nothing shown, nothing to clear: the common frame costs nothing
    if (c.width !== Math.round(w * ratio) || c.height !== Math.round(h * ratio)) {
      c.width = Math.round(w * ratio);
      c.height = Math.round(h * ratio);
    }
    const ctx = c.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, c.width, c.height);
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    let selected = 0;
    for (const [key, s] of this.sets) {
      const polygons = projectRings(s.features, this.project);
      drawOutlines(ctx, polygons, s.style);
      if (key === 'selection') selected = polygons.length;
    }
    c.dataset.selection = String(selected);
    this.drawn = !empty;
  }

  /** Take the canvas off the map. */
  remove(): void {
    this.canvas.remove();
  }
}

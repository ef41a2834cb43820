import { mapHandle, type MapHandle } from '../state/mapHandle';
import { CJK_FONT_FAMILY } from '../map/baseStyle';
import { CHART_COLORS, MAP_EXPORT_COLORS, css } from '../map/colors';
import { SHAPES } from '../map/symbols';
import { decorationLayout, metresPerPixel, type DecorationLayout } from './mapDecoration';
import type { LegendBlock, LegendSwatch } from '../ui/legendBlocks';

/**
 * A copy of the map view's pixels. The deck.gl overlay is interleaved, so it draws into the
 * maplibre canvas; the canvas is copied in the `render` event right after a repaint, while the
 * drawing buffer still holds the frame (no preserveDrawingBuffer needed).
 */
function grabMap(map: MapHandle): Promise<HTMLCanvasElement> {
  return new Promise((resolve) => {
    const grab = () => {
      const src = map.getCanvas();
      const copy = document.createElement('canvas');
      copy.width = src.width;
      copy.height = src.height;
      copy.getContext('2d')!.drawImage(src, 0, 0);
      // The selection outline is drawn over the map in a canvas of its own (map/outlineOverlay.ts).
      const outlines = src.closest('.maplibregl-map')?.querySelector<HTMLCanvasElement>('canvas.map-outlines');
      if (outlines?.width) copy.getContext('2d')!.drawImage(outlines, 0, 0, copy.width, copy.height);
      return copy;
    };
    const timer = setTimeout(() => resolve(grab()), 3000);
    map.onceRendered(() => {
      clearTimeout(timer);
      resolve(grab());
    });
    map.triggerRepaint();
  });
}

/** The bare map view as a PNG data URL (the printable report's picture); null without a map. */
export async function mapPng(map: MapHandle | null = mapHandle()): Promise<string | null> {
  if (!map) return null;
  return (await grabMap(map)).toDataURL('image/png');
}

/** What the exported picture says around the map (already in the UI language). */
export interface MapPictureText {
  /** Package name. */
  title: string;
  /** The layer and service shown. */
  subtitle: string;
  legendHeading: string;
  legend: LegendBlock[];
  /** Source, synthetic-geometry note, date: one line each. */
  footer: string[];
  /** The "N" of the north arrow. */
  north: string;
}

const font = (px: number, bold = false) => `${bold ? 'bold ' : ''}${px}px ${CJK_FONT_FAMILY}`;

function drawSwatch(ctx: CanvasRenderingContext2D, s: LegendSwatch, x: number, y: number, size: number): void {
  if (s.line) {
    ctx.save();
    ctx.strokeStyle = css(s.color);
    ctx.lineWidth = (s.line === 'thick' ? 3 : 1.6) * (size / 14);
    ctx.setLineDash(s.line === 'dashed' ? [4 * (size / 14), 3 * (size / 14)] : []);
    ctx.beginPath();
    ctx.moveTo(x, y + size / 2);
    ctx.lineTo(x + size * 1.4, y + size / 2);
    ctx.stroke();
    ctx.restore();
    return;
  }
  ctx.save();
  ctx.translate(x, y);
  ctx.scale(size / 24, size / 24);
  if (s.shape || s.path) {
    const p = new Path2D(s.path ?? SHAPES[s.shape!]);
    ctx.fillStyle = css(s.color);
    ctx.fill(p, 'evenodd');
    ctx.strokeStyle = CHART_COLORS.halo;
    ctx.lineWidth = 1.5;
    ctx.stroke(p);
  } else {
    ctx.fillStyle = css(s.color);
    ctx.fillRect(2, 2, 20, 20);
    ctx.strokeStyle = CHART_COLORS.swatchEdge;
    ctx.lineWidth = 1;
    ctx.strokeRect(2, 2, 20, 20);
  }
  ctx.restore();
}

/** Draw the decoration and the map into `ctx` (sized to `L.width` × `L.height`). Text is drawn as text: no markup. */
function draw(ctx: CanvasRenderingContext2D, L: DecorationLayout, mapImg: CanvasImageSource, text: MapPictureText, bearing: number): void {
  const C = MAP_EXPORT_COLORS;
  const r = L.ratio;
  ctx.fillStyle = C.background;
  ctx.fillRect(0, 0, L.width, L.height);
  ctx.textBaseline = 'top';
  ctx.fillStyle = C.text;
  ctx.font = font(L.title.font, true);
  ctx.fillText(L.title.text, L.title.x, L.title.y);
  ctx.fillStyle = C.muted;
  ctx.font = font(L.subtitle.font);
  ctx.fillText(L.subtitle.text, L.subtitle.x, L.subtitle.y);
  // the map in a thin frame
  ctx.drawImage(mapImg, L.map.x, L.map.y, L.map.w, L.map.h);
  ctx.strokeStyle = C.frame;
  ctx.lineWidth = r;
  ctx.strokeRect(L.map.x - r / 2, L.map.y - r / 2, L.map.w + r, L.map.h + r);
  // north arrow: a split arrowhead and "N", turned by the map's bearing
  const n = L.north;
  ctx.save();
  ctx.translate(n.cx, n.cy);
  ctx.rotate((-bearing * Math.PI) / 180);
  const h = n.size * 0.42;
  const w = n.size * 0.18;
  ctx.fillStyle = C.bar;
  ctx.beginPath();
  ctx.moveTo(0, -h + n.size * 0.12);
  ctx.lineTo(-w, h);
  ctx.lineTo(0, h * 0.55);
  ctx.closePath();
  ctx.fill();
  ctx.strokeStyle = C.bar;
  ctx.lineWidth = r;
  ctx.beginPath();
  ctx.moveTo(0, -h + n.size * 0.12);
  ctx.lineTo(w, h);
  ctx.lineTo(0, h * 0.55);
  ctx.closePath();
  ctx.stroke();
  ctx.font = font(L.font, true);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  ctx.fillStyle = C.text;
  ctx.fillText(text.north, 0, -h + n.size * 0.1);
  ctx.restore();
  ctx.textAlign = 'left';
  ctx.textBaseline = 'top';
  // legend
  ctx.fillStyle = C.text;
  ctx.font = font(L.font + 2 * r, true);
  ctx.fillText(text.legendHeading, L.legendHeading.x, L.legendHeading.y);
  const sw = 14 * r;
  for (const line of L.legend) {
    if (line.kind === 'title') {
      ctx.fillStyle = C.text;
      ctx.font = font(L.font, true);
      ctx.fillText(line.text, line.x, line.y + 3 * r);
    } else {
      drawSwatch(ctx, line.swatch, line.x, line.y + 2 * r, sw);
      ctx.fillStyle = C.text;
      ctx.font = font(L.font);
      ctx.fillText(line.text, line.x + sw + 8 * r, line.y + 3 * r);
    }
  }
  // scale bar: a dark bar with its right half light inside a one-pixel edge, then 0 and the length
  const s = L.scale;
  const half = s.bar.px / 2;
  ctx.fillStyle = C.bar;
  ctx.fillRect(s.x, s.y, s.bar.px, s.height);
  ctx.fillStyle = C.barAlt;
  ctx.fillRect(s.x + half, s.y + r, half - r, s.height - 2 * r);
  ctx.fillStyle = C.text;
  ctx.font = font(L.font);
  ctx.fillText('0', s.x, s.y + s.height + 3 * r);
  ctx.textAlign = 'right';
  ctx.fillText(s.bar.label, s.x + s.bar.px, s.y + s.height + 3 * r);
  ctx.textAlign = 'left';
  // source, synthetic note, date
  ctx.fillStyle = C.muted;
  for (const f of L.footer) ctx.fillText(f.text, f.x, f.y);
}

/**
 * The map view as a PNG picture with a title, the legend, a scale bar for the map's centre
 * latitude and zoom, a north arrow, the data source and the date (data URL); null without a map.
 * Drawn with Canvas 2D: text from the data is painted as text, never parsed as markup.
 */
export async function decoratedMapPng(text: MapPictureText, map: MapHandle | null = mapHandle()): Promise<string | null> {
  if (!map) return null;
  const img = await grabMap(map);
  const src = map.getCanvas();
  const ratio = src.clientWidth > 0 ? src.width / src.clientWidth : 1;
  const view = map.getView();
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d')!;
  const L = decorationLayout({
    mapW: img.width,
    mapH: img.height,
    ratio,
    title: text.title,
    subtitle: text.subtitle,
    legend: text.legend,
    metresPerPx: metresPerPixel(view.lat, view.zoom) / ratio,
    footer: text.footer,
    measure: (s, px) => {
      ctx.font = font(px);
      return ctx.measureText(s).width;
    },
  });
  canvas.width = L.width;
  canvas.height = L.height;
  draw(ctx, L, img, text, view.bearing);
  return canvas.toDataURL('image/png');
}

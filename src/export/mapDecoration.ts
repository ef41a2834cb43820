import type { LegendBlock, LegendSwatch } from '../ui/legendBlocks';

/**
 * Layout of the exported map picture (export/mapImage.ts draws it): a title band above the map,
 * a column to its right with the north arrow and the legend, and a footer below with the scale
 * bar, the data source and the date. Pure: every length is in pixels of the image, text widths
 * come from the caller's `measure`, so the numbers can be checked by hand.
 */

/** Equatorial circumference of the WGS84 ellipsoid, m (the web-mercator world width). */
export const EARTH_CIRCUMFERENCE_M = 40_075_016.686;
/** maplibre's tile size: the world is 512 · 2^zoom CSS pixels wide. */
export const TILE_SIZE_PX = 512;

/**
 * Ground metres per CSS pixel along the parallel at `latDeg` (degrees) at maplibre zoom `zoom`:
 * 40,075,016.686 · cos(lat) / (512 · 2^zoom). maplibre's own scale control measures the same
 * pixel span with a great-circle distance on the mean radius (6,371,008.8 m), 0.11 % less: under
 * a quarter pixel on a 200-px bar.
 */
export function metresPerPixel(latDeg: number, zoom: number): number {
  return (EARTH_CIRCUMFERENCE_M * Math.cos((latDeg * Math.PI) / 180)) / (TILE_SIZE_PX * 2 ** zoom);
}

/** A scale bar: its ground length, its length in pixels and its label (`500 m`, `2 km`). */
export interface ScaleBar {
  metres: number;
  px: number;
  label: string;
}

/**
 * The longest "round" length (1, 2, 3 or 5 × 10^n m, as maplibre's scale control rounds) whose
 * bar is at most `maxPx` pixels at `metresPerPx`; lengths of 1,000 m and more in km.
 */
export function scaleBar(metresPerPx: number, maxPx: number): ScaleBar {
  const max = metresPerPx * maxPx;
  const pow10 = 10 ** Math.floor(Math.log10(max));
  const d = max / pow10;
  const step = d >= 5 ? 5 : d >= 3 ? 3 : d >= 2 ? 2 : 1;
  // 10^n is computed in floating point (1e-1 · 3 = 0.30000000000000004): keep 12 significant digits
  const metres = Number((step * pow10).toPrecision(12));
  const label = metres >= 1000 ? `${Number((metres / 1000).toPrecision(12))} km` : `${metres} m`;
  return { metres, px: metres / metresPerPx, label };
}

/** `text`, cut with an ellipsis so that `measure` gives at most `maxW` (whole text when it fits). */
export function fitText(text: string, maxW: number, measure: (s: string) => number): string {
  if (measure(text) <= maxW) return text;
  const chars = [...text];
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(chars.slice(0, mid).join('') + '…') <= maxW) lo = mid;
    else hi = mid - 1;
  }
  return chars.slice(0, lo).join('') + '…';
}

/** One line of the laid-out legend: a block title, or a swatch row at (x, y) with its fitted label. */
export type LegendLine = { kind: 'title'; x: number; y: number; text: string } | { kind: 'row'; x: number; y: number; swatch: LegendSwatch; text: string };

/** Sizes of the decoration in CSS pixels (multiplied by the picture's pixel ratio). */
export const DECORATION = {
  margin: 16,
  titleFont: 20,
  subtitleFont: 14,
  /** Title band: title line, subtitle line and the gap to the map. */
  titleBand: 60,
  column: 240,
  northArrow: 44,
  legendHeading: 24,
  blockTitle: 22,
  row: 20,
  swatch: 14,
  font: 12,
  /** The longest scale bar. */
  scaleMax: 160,
  scaleBarHeight: 6,
  /** One footer text line. */
  footerLine: 17,
} as const;

/** Where everything goes in the picture (image pixels, y downwards, text y = top of the line). */
export interface DecorationLayout {
  width: number;
  height: number;
  /** Pixels per CSS pixel of the decoration. */
  ratio: number;
  map: { x: number; y: number; w: number; h: number };
  title: { x: number; y: number; text: string; font: number };
  subtitle: { x: number; y: number; text: string; font: number };
  north: { cx: number; cy: number; size: number };
  legendHeading: { x: number; y: number };
  legend: LegendLine[];
  /** The legend's extent, from the heading to the last row. */
  legendBox: { x: number; y: number; w: number; h: number };
  scale: { x: number; y: number; bar: ScaleBar; height: number };
  footer: { x: number; y: number; text: string }[];
  font: number;
}

export interface DecorationInput {
  /** The map image, pixels. */
  mapW: number;
  mapH: number;
  /** Image pixels per CSS pixel (the canvas's devicePixelRatio; 1 by default). */
  ratio?: number;
  title: string;
  subtitle: string;
  legend: LegendBlock[];
  /** Ground metres per image pixel at the map's centre. */
  metresPerPx: number;
  /** Source, synthetic note, date: one line each. */
  footer: string[];
  /** Width of a text at a font size (image pixels). */
  measure: (text: string, fontPx: number) => number;
}

/**
 * The picture's layout: the map at (margin, margin + title band); the column (north arrow, then
 * the legend blocks) to its right; the footer (scale bar on the left, text lines to its right)
 * below whichever of map and column is taller. Labels wider than the column are cut with "…".
 */
export function decorationLayout(inp: DecorationInput): DecorationLayout {
  const r = inp.ratio ?? 1;
  const D = DECORATION;
  const m = D.margin * r;
  const textW = inp.mapW + m + D.column * r;
  const map = { x: m, y: m + D.titleBand * r, w: inp.mapW, h: inp.mapH };
  const colX = map.x + map.w + m;
  const colW = D.column * r;
  const north = { cx: colX + (D.northArrow * r) / 2, cy: map.y + (D.northArrow * r) / 2, size: D.northArrow * r };
  const headingY = map.y + D.northArrow * r + m;
  const legend: LegendLine[] = [];
  let y = headingY + D.legendHeading * r;
  const labelX = colX + (D.swatch + 8) * r;
  const fit = (s: string, x: number) => fitText(s, colX + colW - x, (t) => inp.measure(t, D.font * r));
  for (const b of inp.legend) {
    legend.push({ kind: 'title', x: colX, y, text: fit(b.title, colX) });
    y += D.blockTitle * r;
    for (const row of b.rows) {
      legend.push({ kind: 'row', x: colX, y, swatch: row.swatch, text: fit(row.label, labelX) });
      y += D.row * r;
    }
    y += (D.row / 2) * r;
  }
  const bodyBottom = Math.max(map.y + map.h, y);
  const bar = scaleBar(inp.metresPerPx, D.scaleMax * r);
  const footerY = bodyBottom + m;
  const scale = { x: m, y: footerY, bar, height: D.scaleBarHeight * r };
  const textX = m + D.scaleMax * r + 2 * m;
  const footer = inp.footer.map((text, i) => ({
    x: textX,
    y: footerY + i * D.footerLine * r,
    text: fitText(text, m + textW - textX, (t) => inp.measure(t, D.font * r)),
  }));
  const footerH = Math.max(D.scaleBarHeight * r + (D.font + 8) * r, inp.footer.length * D.footerLine * r);
  return {
    width: Math.ceil(m + textW + m),
    height: Math.ceil(footerY + footerH + m),
    ratio: r,
    map,
    title: { x: m, y: m, text: fitText(inp.title, textW, (t) => inp.measure(t, D.titleFont * r)), font: D.titleFont * r },
    subtitle: { x: m, y: m + (D.titleFont + 8) * r, text: fitText(inp.subtitle, textW, (t) => inp.measure(t, D.subtitleFont * r)), font: D.subtitleFont * r },
    north,
    legendHeading: { x: colX, y: headingY },
    legend,
    legendBox: { x: colX, y: headingY, w: colW, h: y - headingY },
    scale,
    footer,
    font: D.font * r,
  };
}

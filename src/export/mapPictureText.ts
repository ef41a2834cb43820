import type { Manifest } from '../engine/index';
import { tFor } from '../i18n';
import type { Lang } from '../i18n/lang';
import { basemapTiles } from '../map/baseStyle';
import type { Basemap } from '../state/viewState';
import { legendBlocks, type LegendBlock, type LegendInput, type LegendSwatch } from '../ui/legendBlocks';
import { networkLegendRows, type NetworkLegendKey } from '../ui/network/networkLegendRows';
import { BP_SHAPES } from '../map/blueprintLayers';
import { CHART_COLORS, NETWORK_COLORS, NEWLY_REACHED, WATER_COLORS, type RGBA } from '../map/colors';
import type { MapPictureText } from './mapImage';

/** A local date as `YYYY-MM-DD`. */
export function isoDay(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}`;
}

/** What the picture shows besides the legend input. */
export interface MapPictureInput extends LegendInput {
  manifest: Manifest;
  basemap: Basemap;
  /** 天地图 key (the basemap is drawn only with one). */
  tk: string;
  /** The 一张蓝图 layer is on and has something to show. */
  blueprintShown?: boolean;
}

/** `#rrggbb` as RGBA bytes. */
const hexRgba = (hex: string): RGBA => [parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(5, 7), 16), 255];

/** The picture's swatch of each kind of the walking network (the on-screen legend draws its own SVG). */
const NETWORK_SWATCHES: Record<NetworkLegendKey, LegendSwatch> = {
  street: { color: hexRgba(NETWORK_COLORS.casing), line: 'solid' },
  footway: { color: hexRgba(NETWORK_COLORS.casing), line: 'solid' },
  steps: { color: hexRgba(NETWORK_COLORS.steps), line: 'dashed' },
  elevator: { color: hexRgba(NETWORK_COLORS.lift) },
  bridge: { color: hexRgba(NETWORK_COLORS.bridgeCasing), line: 'thick' },
};

/**
 * Blocks the on-screen legend draws as React parts of its own (WalkLegend, BlueprintLegend):
 * the walking network, rivers and the 一张蓝图 symbols, as swatches the picture can paint.
 */
function extraBlocks(inp: MapPictureInput, lang: Lang): LegendBlock[] {
  const t = tFor(lang);
  const out: LegendBlock[] = [];
  const { data } = inp;
  if (inp.layers.roads && data.roadCount !== undefined) {
    out.push({
      id: 'network',
      title: t('walk:network.title'),
      rows: networkLegendRows(t).map((r) => ({ key: r.key, swatch: NETWORK_SWATCHES[r.key], label: r.label })),
    });
  }
  const rivers = data.water?.features ?? [];
  if (rivers.length) {
    const names = rivers.map((f) => f.properties.name).filter(Boolean);
    out.push({
      id: 'water',
      title: t('walk:water'),
      rows: [{ key: 'w', swatch: { color: hexRgba(WATER_COLORS.fill) }, label: [...new Set(names)].join(lang === 'en' ? ', ' : '、') }],
    });
  }
  if (inp.blueprintShown) {
    const grey = hexRgba(CHART_COLORS.legendGrey);
    out.push({
      id: 'blueprint',
      title: t('blueprint:legend.title'),
      rows: [
        { key: 'e', swatch: { color: grey, path: BP_SHAPES.enhanced }, label: t('blueprint:level.enhanced') },
        { key: 'c', swatch: { color: grey, path: BP_SHAPES.complex }, label: t('blueprint:level.complex') },
        { key: 's', swatch: { color: grey, path: BP_SHAPES.scattered }, label: t('blueprint:level.scattered') },
        { key: 'j', swatch: { color: grey, path: BP_SHAPES.ring }, label: t('blueprint:level.joint') },
        { key: 'n', swatch: { color: NEWLY_REACHED, path: BP_SHAPES.scattered }, label: t('blueprint:legend.newlyReached') },
      ],
    });
  }
  return out;
}

/** A manifest field as text when it is a non-empty string. */
const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);

/**
 * The words around the exported map, in `lang`: the package name as the title; the legend's
 * block titles (the measure and service shown, then the other layers) as the subtitle; the
 * legend blocks (the on-screen legend's, then the walking network, rivers and blueprint
 * symbols); and the footer lines — the data source (package name, the manifest's optional
 * `source` and `licence`/`license`), the synthetic-geometry note for generated packages, the
 * online basemap's attribution when one is drawn, and the date.
 */
export function mapPictureText(inp: MapPictureInput, lang: Lang, date: Date): MapPictureText {
  const t = tFor(lang);
  const legend = [...legendBlocks(inp, t, lang), ...extraBlocks(inp, lang)];
  const m = inp.manifest;
  const source = [t('report:png.source', { name: m.name }), str(m.source), str(m.licence) ?? str(m.license)]
    .filter((x): x is string => !!x)
    .map((x, i) => (i === 2 ? t('report:png.licence', { licence: x }) : x))
    .join(lang === 'en' ? '; ' : '；');
  const tiles = basemapTiles(inp.basemap, inp.tk);
  const footer = [
    source,
    ...(m.synthetic === true ? [t('banner.synthetic')] : []),
    ...(tiles ? [t('report:png.basemap', { attribution: tiles.attribution })] : []),
    t('report:png.date', { date: isoDay(date) }),
  ];
  return {
    title: m.name,
    subtitle: legend.map((b) => b.title).join(' / '),
    legendHeading: t('legend.title'),
    legend,
    footer,
    north: t('report:png.north'),
  };
}

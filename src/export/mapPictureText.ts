import type { Manifest } from '../engine/index';
import { tFor } from '../i18n';
import type { Lang } from '../i18n/lang';
import { basemapTiles } from '../map/baseStyle';
import type { Basemap } from '../state/viewState';
import { legendBlocks, type LegendInput } from '../ui/legendBlocks';
import type { MapPictureText } from './mapImage';

/** A local date as `YYYY-MM-DD`. */
export function isoDay(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}`;
}

/** A manifest field as text when it is a non-empty string. */
const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);

/**
 * The words around the exported map, in `lang`: the package name as the title; the legend's
 * block titles (the measure and service shown, then the other layers) as the subtitle; the
 * legend blocks; and the footer lines — the data source (package name, the manifest's optional
 * `source` and `licence`/`license`), the synthetic-geometry note for generated packages, the
 * online basemap's attribution when one is drawn, and the date.
 */
export function mapPictureText(inp: LegendInput & { manifest: Manifest; basemap: Basemap; tk: string }, lang: Lang, date: Date): MapPictureText {
  const t = tFor(lang);
  const legend = legendBlocks(inp, t, lang);
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

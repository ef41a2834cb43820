import type { TFunction } from 'i18next';
import { FOOTWAY_MINZOOM, STEPS_MINZOOM, STREET_MINZOOM } from '../../map/networkLayers';

/** The kinds of the walking network the legend names, top to bottom. */
export type NetworkLegendKey = 'street' | 'footway' | 'steps' | 'elevator' | 'bridge';

/** One row of the walking-network legend: what it is and the zoom from which the map draws it. */
export interface NetworkLegendRow {
  key: NetworkLegendKey;
  /** The map zoom from which this kind is drawn (src/map/networkLayers.ts). */
  minZoom: number;
  /** E.g. 人行道 / 小径 · 地图 13 级起显示. */
  label: string;
}

/**
 * The rows of the walking-network legend, in the language of `t` (namespace `walk`): streets and
 * bridges from zoom {@link STREET_MINZOOM}, footways from {@link FOOTWAY_MINZOOM}, stairs and
 * lifts from {@link STEPS_MINZOOM}, as networkLayers.ts draws them. The on-screen legend
 * (WalkLegend.tsx) and the exported map picture (export/mapPictureText.ts) both print these
 * words, each with its own swatches.
 */
export function networkLegendRows(t: TFunction<['translation', 'walk']>): NetworkLegendRow[] {
  const row = (key: NetworkLegendKey, minZoom: number): NetworkLegendRow => ({
    key,
    minZoom,
    label: t('walk:network.drawnFrom', { what: t(`walk:network.${key}`), z: minZoom }),
  });
  return [
    row('street', STREET_MINZOOM),
    row('footway', FOOTWAY_MINZOOM),
    row('steps', STEPS_MINZOOM),
    row('elevator', STEPS_MINZOOM),
    row('bridge', STREET_MINZOOM),
  ];
}

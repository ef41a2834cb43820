import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { CommunityProps, PackageMapData } from '../worker/protocol';
import { HIGHLIGHT, HOVER_LINE } from './colors';
import type { OutlineStyle } from './outlineOverlay';

/** Key of the hovered community in the map's outline overlay (outlineOverlay.ts). */
export const HOVER_KEY = 'hover';

/**
 * How the hovered community is drawn: lightened (a translucent white fill, as deck.gl's
 * autoHighlight drew it) with a thin white outline. Drawn in the outline overlay over the map
 * (outlineOverlay.ts), so a hover redraws that small canvas, never the map.
 */
export const HOVER_STYLE: OutlineStyle = { fill: HIGHLIGHT, line: HOVER_LINE, widthPx: 1.5 };

type CommunityFeature = Feature<Polygon | MultiPolygon, CommunityProps>;
const NONE: CommunityFeature[] = [];
/** One array per hovered feature: the overlay skips a redraw for the same array. */
const cache = new WeakMap<object, CommunityFeature[]>();

/** The hovered community (feature index into data.communities) as the overlay draws it: one feature, or none. */
export function hoveredCommunities(data: PackageMapData, index: number | null): CommunityFeature[] {
  const f = index === null ? undefined : (data.communities.features[index] as CommunityFeature | undefined);
  if (!f) return NONE;
  let out = cache.get(f);
  if (!out) cache.set(f, (out = [f]));
  return out;
}

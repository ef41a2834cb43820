import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { Selection } from '../state/viewState';
import type { CommunityProps, PackageMapData } from '../worker/protocol';
import { SELECTION_LINE } from './colors';
import type { OutlineStyle } from './outlineOverlay';

/** Key of the selection in the map's outline overlay (outlineOverlay.ts). */
export const SELECTION_KEY = 'selection';

/**
 * How the selection is outlined: a 3.2 px line in the selection colour, no fill. Drawn in the
 * outline overlay over the map (outlineOverlay.ts): a selection redraws that small canvas, never
 * the map (no map style, source or deck layer changes: each would cost a map frame, seconds at a
 * city's extent under software WebGL).
 */
export const SELECTION_STYLE: OutlineStyle = { line: SELECTION_LINE, widthPx: 3.2 };

type CommunityFeature = Feature<Polygon | MultiPolygon, CommunityProps>;

const NONE: CommunityFeature[] = [];
/** The outlined features per community collection and selection key: the same array for the same selection, so the overlay skips a redraw. */
const cache = new WeakMap<object, Map<string, CommunityFeature[]>>();

/**
 * The communities a selection outlines: the community itself, every community of a selected
 * street or district, none for other selections (a facility, a candidate) or none at all.
 */
export function selectedCommunities(data: PackageMapData, sel: Selection | null): CommunityFeature[] {
  if (!sel || (sel.kind !== 'community' && sel.kind !== 'street' && sel.kind !== 'district')) return NONE;
  const fc = data.communities;
  let byKey = cache.get(fc);
  if (!byKey) cache.set(fc, (byKey = new Map()));
  const key = `${sel.kind}\u0000${sel.id}`;
  let out = byKey.get(key);
  if (!out) {
    const field = sel.kind === 'community' ? 'id' : sel.kind;
    out = (fc.features as CommunityFeature[]).filter((f) => f.properties[field] === sel.id);
    byKey.set(key, out);
  }
  return out;
}

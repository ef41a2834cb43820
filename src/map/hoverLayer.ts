import { GeoJsonLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { CommunityProps, PackageMapData } from '../worker/protocol';
import { BEFORE_FILL, type Interleaved } from './buildDeckLayers';
import { HIGHLIGHT } from './colors';

/** Id of the hovered community's highlight layer. */
export const HOVER_LAYER_ID = 'community-hover';

/**
 * The hovered community, lightened (a translucent white fill over its colour, as deck.gl's
 * autoHighlight drew it): a one-feature layer driven by the hover state, so the hover needs no
 * GPU pick of the whole communities layer. Always in the layer list (empty when nothing is
 * hovered: a hover changes its data, never the map's style), right above `communities-fill`
 * (see {@link withOverlayLayers}); not pickable.
 */
export function communityHoverLayer(data: PackageMapData, index: number | null): Layer {
  const f = index === null ? undefined : data.communities.features[index];
  return new GeoJsonLayer<CommunityProps, Interleaved>({
    id: HOVER_LAYER_ID,
    data: f ? [f] : [],
    beforeId: BEFORE_FILL,
    pickable: false,
    stroked: false,
    filled: true,
    getFillColor: HIGHLIGHT,
  });
}

/**
 * `layers` with the hover layer right above `communities-fill` (left out when communities are
 * off) and the selection outline (selectionLayer.ts) after it: the first of the layers drawn
 * before the map's labels, so under the building dots and the markers.
 */
export function withOverlayLayers(layers: Layer[], hover: Layer, selection: Layer): Layer[] {
  const k = layers.findIndex((l) => l.id === 'communities-fill');
  if (k < 0) return [selection, ...layers];
  return [...layers.slice(0, k + 1), hover, selection, ...layers.slice(k + 1)];
}

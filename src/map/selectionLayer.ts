import { GeoJsonLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { Selection } from '../state/viewState';
import type { CommunityProps, PackageMapData } from '../worker/protocol';
import { BEFORE_POINTS, type Interleaved } from './buildDeckLayers';
import { SELECTION_LINE } from './colors';

/** Id of the selection outline layer. */
export const SELECTION_LAYER_ID = 'selection-outline';

/** Width of the selection outline, CSS pixels. */
const LINE_PX = 3.2;

type CommunityFeature = Feature<Polygon | MultiPolygon, CommunityProps>;

const NONE: CommunityFeature[] = [];
/** The outlined features per community collection and selection key: the same array for the same selection, so deck keeps its paths. */
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

/**
 * The selection's outline, drawn by deck.gl from the selected communities' polygons (see
 * {@link selectedCommunities}). A selection changes this layer's data only: no map style or
 * source changes (a filter on a maplibre layer re-cuts its source's tiles in maplibre's worker
 * and costs extra map frames). Always in the layer list, empty when nothing is outlined; drawn
 * above the basemap's lines and below the markers ({@link withOverlayLayers}); not pickable.
 */
export function selectionOutlineLayer(data: PackageMapData, sel: Selection | null): Layer {
  return new GeoJsonLayer<CommunityProps, Interleaved>({
    id: SELECTION_LAYER_ID,
    data: selectedCommunities(data, sel),
    beforeId: BEFORE_POINTS,
    pickable: false,
    stroked: true,
    filled: false,
    lineWidthUnits: 'pixels',
    getLineWidth: LINE_PX,
    getLineColor: SELECTION_LINE,
  });
}

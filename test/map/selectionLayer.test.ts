/**
 * The selection outline (src/map/selectionLayer.ts) and the order of the small overlay layers
 * (src/map/hoverLayer.ts withOverlayLayers), on four hand-made communities in two streets of two
 * districts.
 */
import { describe, expect, it } from 'vitest';
import { ScatterplotLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { Feature, Polygon } from 'geojson';
import { communityHoverLayer, HOVER_LAYER_ID, withOverlayLayers } from '../../src/map/hoverLayer';
import { SELECTION_LAYER_ID, selectedCommunities, selectionOutlineLayer } from '../../src/map/selectionLayer';
import { SELECTION_LINE } from '../../src/map/colors';
import type { CommunityProps, MapData } from '../../src/worker/protocol';

const square = (x: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, 0],
      [x + 1, 0],
      [x + 1, 1],
      [x, 1],
      [x, 0],
    ],
  ],
});
const community = (i: number, street: string, district: string): Feature<Polygon, CommunityProps> => ({
  type: 'Feature',
  properties: { i, id: `C${i}`, name: `C${i}`, street, district },
  geometry: square(i),
});
const features = [community(0, 'S1', 'D1'), community(1, 'S1', 'D1'), community(2, 'S2', 'D1'), community(3, 'S3', 'D2')];
const data = { communities: { type: 'FeatureCollection', features } } as unknown as MapData;
const ids = (fs: Feature[]) => fs.map((f) => (f.properties as CommunityProps).id);

describe('selectedCommunities', () => {
  it('a community outlines itself; a street or a district every community in it', () => {
    expect(ids(selectedCommunities(data, { kind: 'community', id: 'C2' }))).toEqual(['C2']);
    expect(ids(selectedCommunities(data, { kind: 'street', id: 'S1' }))).toEqual(['C0', 'C1']);
    expect(ids(selectedCommunities(data, { kind: 'district', id: 'D1' }))).toEqual(['C0', 'C1', 'C2']);
    expect(ids(selectedCommunities(data, { kind: 'district', id: 'D9' }))).toEqual([]);
  });

  it('nothing, a facility or a candidate outlines no community', () => {
    expect(selectedCommunities(data, null)).toEqual([]);
    expect(selectedCommunities(data, { kind: 'facility', id: 'C0' })).toEqual([]);
    expect(selectedCommunities(data, { kind: 'candidate', id: 'C0' })).toEqual([]);
  });

  it('the same selection gives the same array (deck keeps the outline it has drawn)', () => {
    const a = selectedCommunities(data, { kind: 'street', id: 'S1' });
    expect(selectedCommunities(data, { kind: 'street', id: 'S1' })).toBe(a);
    expect(selectedCommunities(data, { kind: 'community', id: 'S1' })).not.toBe(a);
  });
});

describe('selectionOutlineLayer', () => {
  it('outlines (3.2 px, the selection colour, no fill, not pickable) the selected features', () => {
    const l = selectionOutlineLayer(data, { kind: 'community', id: 'C3' });
    expect(l.id).toBe(SELECTION_LAYER_ID);
    expect(l.props).toMatchObject({ stroked: true, filled: false, pickable: false, lineWidthUnits: 'pixels', getLineWidth: 3.2, getLineColor: SELECTION_LINE });
    expect(ids(l.props.data as Feature<Polygon, CommunityProps>[])).toEqual(['C3']);
  });
});

describe('withOverlayLayers', () => {
  const fill = new ScatterplotLayer({ id: 'communities-fill', data: [] }) as Layer;
  const dots = new ScatterplotLayer({ id: 'buildings', data: [] }) as Layer;
  const hover = communityHoverLayer(data, 1);
  const sel = selectionOutlineLayer(data, null);

  it('hover right above the community fill, then the selection outline, then the rest', () => {
    expect(withOverlayLayers([fill, dots], hover, sel).map((l) => l.id)).toEqual(['communities-fill', HOVER_LAYER_ID, SELECTION_LAYER_ID, 'buildings']);
  });

  it('communities off: no hover, the selection outline still drawn (first)', () => {
    expect(withOverlayLayers([dots], hover, sel).map((l) => l.id)).toEqual([SELECTION_LAYER_ID, 'buildings']);
  });
});

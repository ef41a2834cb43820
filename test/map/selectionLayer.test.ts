/**
 * The selection outline (src/map/selectionLayer.ts) and the hovered community
 * (src/map/hoverLayer.ts) as the outline overlay draws them, on four hand-made communities in two
 * streets of two districts.
 */
import { describe, expect, it } from 'vitest';
import type { Feature, Polygon } from 'geojson';
import { HOVER_STYLE, hoveredCommunities } from '../../src/map/hoverLayer';
import { SELECTION_STYLE, selectedCommunities } from '../../src/map/selectionLayer';
import { HIGHLIGHT, SELECTION_LINE } from '../../src/map/colors';
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

  it('the same selection gives the same array (the overlay skips the redraw)', () => {
    const a = selectedCommunities(data, { kind: 'street', id: 'S1' });
    expect(selectedCommunities(data, { kind: 'street', id: 'S1' })).toBe(a);
    expect(selectedCommunities(data, { kind: 'community', id: 'S1' })).not.toBe(a);
  });

  it('is outlined 3.2 px in the selection colour, not filled', () => {
    expect(SELECTION_STYLE).toEqual({ line: SELECTION_LINE, widthPx: 3.2 });
  });
});

describe('hoveredCommunities', () => {
  it('the hovered feature alone, the same array each time; none for null or an index out of range', () => {
    const a = hoveredCommunities(data, 1);
    expect(ids(a)).toEqual(['C1']);
    expect(hoveredCommunities(data, 1)).toBe(a);
    expect(hoveredCommunities(data, null)).toEqual([]);
    expect(hoveredCommunities(data, 9)).toEqual([]);
  });

  it('is lightened with the highlight fill as before', () => {
    expect(HOVER_STYLE.fill).toEqual(HIGHLIGHT);
  });
});

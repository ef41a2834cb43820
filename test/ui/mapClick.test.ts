import { beforeEach, describe, expect, it } from 'vitest';
import { useApp } from '../../src/state/appStore';
import { useBlueprint } from '../../src/state/blueprintStore';
import { mapClick } from '../../src/state/mapClick';
import { useWalk } from '../../src/state/walkStore';
import { tinyMapData } from './tinyPackage';

/** What a map click selects (state/mapClick.ts), fed the plain clicks map/picking.ts makes of deck picks. */
describe('map clicks', () => {
  const { data } = tinyMapData();
  const community = data.communities.features[0].properties;

  beforeEach(() => {
    useApp.getState().set({ data, selection: null, selectLevel: 'community' });
    useWalk.getState().set({ tool: false });
    useBlueprint.getState().set({ tool: 'none', moveId: null, selectedSite: null });
  });

  it('a community polygon selects that community, its street or its district by the select level', () => {
    const click = { picked: true, layerId: 'communities-fill', index: 0, object: { properties: { i: 0 } } };
    mapClick(click, data);
    expect(useApp.getState().selection).toEqual({ kind: 'community', id: community.id });
    useApp.getState().set({ selectLevel: 'street' });
    mapClick(click, data);
    expect(useApp.getState().selection).toEqual({ kind: 'street', id: community.street });
    useApp.getState().set({ selectLevel: 'district' });
    mapClick(click, data);
    expect(useApp.getState().selection).toEqual({ kind: 'district', id: community.district });
  });

  it('a building selects its community; a facility or candidate selects itself', () => {
    const b = Array.from(data.buildings.community).findIndex((c) => c >= 0);
    mapClick({ picked: true, layerId: 'buildings', index: b }, data);
    expect(useApp.getState().selection).toEqual({ kind: 'community', id: data.communities.features[data.buildings.community[b]].properties.id });
    mapClick({ picked: true, layerId: 'facilities', index: 0, object: { id: 'F9' } }, data);
    expect(useApp.getState().selection).toEqual({ kind: 'facility', id: 'F9' });
    mapClick({ picked: true, layerId: 'candidates', index: 0, object: { id: 'K3' } }, data);
    expect(useApp.getState().selection).toEqual({ kind: 'candidate', id: 'K3' });
  });

  it('nothing picked, or the walkshed tool armed, selects nothing', () => {
    mapClick({ picked: false, index: -1, coordinate: [106.5, 29.5] }, data);
    expect(useApp.getState().selection).toBeNull();
    useWalk.getState().set({ tool: true });
    mapClick({ picked: true, layerId: 'facilities', index: 0, object: { id: 'F9' } }, data);
    expect(useApp.getState().selection).toBeNull();
  });

  it('a blueprint marker opens the blueprint dock on that site instead of selecting', () => {
    mapClick({ picked: true, layerId: 'bp-sites', index: 0, object: { id: 'K1' } }, data);
    expect(useBlueprint.getState()).toMatchObject({ selectedSite: 'K1', open: true, tab: 'blueprint' });
    expect(useApp.getState().selection).toBeNull();
  });

  it('the move tool takes the click: the tool is disarmed and nothing is selected', () => {
    useBlueprint.getState().set({ tool: 'move', moveId: 'F1' });
    mapClick({ picked: true, layerId: 'facilities', index: 0, object: { id: 'F9' }, coordinate: [106.51, 29.51] }, data);
    expect(useBlueprint.getState()).toMatchObject({ tool: 'none', moveId: null });
    expect(useApp.getState().selection).toBeNull();
  });
});

import type { MapData } from '../worker/protocol';
import { useApp } from './appStore';
import { useBlueprint } from './blueprintStore';
import { addPoint, moveSite } from './scenarioActions';
import { useWalk } from './walkStore';

/** A click on the map, as the map layer reports it (deck.gl picking, without its types). */
export interface MapClick {
  /** Where the click fell, [lon, lat] degrees (absent off the globe). */
  coordinate?: [number, number];
  /** True when a pickable object is under the click. */
  picked: boolean;
  /** Id of the picked deck layer. */
  layerId?: string;
  /** Index of the picked object in its layer's data. */
  index: number;
  object?: unknown;
}

/**
 * Map clicks for the blueprint tools: place a site, move one, or pick a blueprint marker
 * (deck layer `bp-sites`, objects carry their `id`). Returns true when the click was handled
 * (the map then selects nothing else).
 */
export function blueprintMapClick(click: MapClick): boolean {
  const s = useBlueprint.getState();
  const coord = click.coordinate;
  if (s.tool === 'place' && coord) {
    void addPoint(coord[0], coord[1]);
    return true;
  }
  if (s.tool === 'move' && s.moveId && coord) {
    const id = s.moveId;
    s.set({ tool: 'none', moveId: null });
    void moveSite(id, coord[0], coord[1]);
    return true;
  }
  if (click.picked && click.layerId === 'bp-sites') {
    const m = click.object as { id: string };
    s.set({ selectedSite: m.id, open: true, tab: s.scenarioRun ? 'scenario' : 'blueprint' });
    return true;
  }
  return false;
}

/** Select what a click picked, at the chosen level (community / street / district); the blueprint tools and the walkshed tool go first. */
export function mapClick(click: MapClick, data: MapData): void {
  const st = useApp.getState();
  if (blueprintMapClick(click)) return; // place / move tools, blueprint markers
  const id = click.layerId;
  if (!click.picked || !id || useWalk.getState().tool) return; // the walkshed tool takes the click
  if (id === 'facilities') {
    st.set({ selection: { kind: 'facility', id: (click.object as { id: string }).id } });
  } else if (id === 'candidates') {
    st.set({ selection: { kind: 'candidate', id: (click.object as { id: string }).id } });
  } else if (id === 'pilots') {
    st.set({ selection: { kind: 'community', id: (click.object as { id: string }).id } });
  } else if (id === 'communities-fill' || id === 'buildings') {
    // The community fill is binary (worker-triangulated): deck picks the community's index, with no object.
    const ci =
      id === 'buildings' ? data.buildings.community[click.index] : ((click.object as { properties?: { i: number } } | undefined)?.properties?.i ?? click.index);
    const c = data.communities.features[ci]?.properties;
    if (!c) return;
    if (st.selectLevel === 'street') st.set({ selection: { kind: 'street', id: c.street } });
    else if (st.selectLevel === 'district') st.set({ selection: { kind: 'district', id: c.district } });
    else st.set({ selection: { kind: 'community', id: c.id } });
  }
}

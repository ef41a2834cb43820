import type { Selection } from '../state/viewState';
import type { MapData } from '../worker/protocol';

type Bounds = [number, number, number, number];

function extend(b: Bounds, x: number, y: number) {
  if (x < b[0]) b[0] = x;
  if (y < b[1]) b[1] = y;
  if (x > b[2]) b[2] = x;
  if (y > b[3]) b[3] = y;
}

/** Bounding box of a selection (for "zoom to"), or null when it names nothing in the data. */
export function selectionBounds(data: MapData, sel: Selection): Bounds | null {
  const b: Bounds = [Infinity, Infinity, -Infinity, -Infinity];
  const point = (x: number, y: number, r = 0.004) => {
    extend(b, x - r, y - r);
    extend(b, x + r, y + r);
  };
  if (sel.kind === 'facility') {
    const f = data.facilities.find((x) => x.id === sel.id);
    if (f) point(f.lon, f.lat);
  } else if (sel.kind === 'candidate') {
    const c = data.candidates.find((x) => x.id === sel.id);
    if (c) point(c.lon, c.lat);
  } else {
    for (const f of data.communities.features) {
      const p = f.properties;
      const hit = sel.kind === 'community' ? p.id === sel.id : sel.kind === 'street' ? p.street === sel.id : p.district === sel.id;
      if (!hit) continue;
      const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const poly of polys) for (const [x, y] of poly[0]) extend(b, x, y);
    }
  }
  return Number.isFinite(b[0]) ? b : null;
}

import gcoord from 'gcoord';
import type { Crs } from '../types';

const FROM = { GCJ02: gcoord.GCJ02, BD09: gcoord.BD09 } as const;

/**
 * Convert one point to WGS84 (degrees). GCJ-02 and BD-09 are defined as functions of
 * WGS84, so the inverse is found by fixed-point iteration on gcoord's forward transform
 * until it reproduces the input to 1e-9° (about 0.1 mm). Points outside China are left as
 * they are, as GCJ-02 itself leaves them.
 */
export function toWgs84(lon: number, lat: number, crs: Crs): [number, number] {
  if (crs === 'WGS84') return [lon, lat];
  const from = FROM[crs];
  let [x, y] = gcoord.transform([lon, lat], from, gcoord.WGS84) as [number, number];
  for (let k = 0; k < 20; k++) {
    const [fx, fy] = gcoord.transform([x, y], gcoord.WGS84, from) as [number, number];
    const dx = fx - lon;
    const dy = fy - lat;
    if (Math.abs(dx) < 1e-9 && Math.abs(dy) < 1e-9) break;
    x -= dx;
    y -= dy;
  }
  return [x, y];
}

/** Convert one WGS84 point to another system (for writing test twins and exports). */
export function fromWgs84(lon: number, lat: number, crs: Crs): [number, number] {
  if (crs === 'WGS84') return [lon, lat];
  return gcoord.transform([lon, lat], gcoord.WGS84, FROM[crs]) as [number, number];
}

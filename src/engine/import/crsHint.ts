import type { MultiPolygon, Polygon } from 'geojson';
import { toWgs84 } from '../package/crs';
import { PolygonIndex } from '../spatial/polygonIndex';
import type { CrsHint } from './importTypes';
import { PointList } from './PointList';
import type { ImportRole } from './vocabulary';

const SYSTEMS = ['WGS84', 'GCJ02', 'BD09'] as const;
const NAMES = { WGS84: 'WGS84/CGCS2000', GCJ02: 'GCJ-02', BD09: 'BD-09' } as const;

/**
 * The GCJ-02 / BD-09 hint. `raw` are a file's points as written (degrees), read so far as
 * `current`. When at most half of them fall inside the communities, but read as another
 * of WGS84 / GCJ-02 / BD-09 more than half would and at least a quarter of all points more
 * than now, the hint names that system (the map offers the switch in one click).
 * Returns null when no hint is due (or there are no points or communities). `raw` may be
 * pairs or a {@link PointList}.
 */
export function crsHint(
  file: string,
  role: ImportRole,
  raw: readonly [number, number][] | PointList,
  current: string,
  communities: PolygonIndex | (Polygon | MultiPolygon)[],
): CrsHint | null {
  if (raw.length === 0) return null;
  const index = communities instanceof PolygonIndex ? communities : new PolygonIndex(communities);
  const xs = raw instanceof PointList ? raw.x : Float64Array.from(raw, (p) => p[0]);
  const ys = raw instanceof PointList ? raw.y : Float64Array.from(raw, (p) => p[1]);
  /** Points inside the communities read as `crs` (null: as they are). */
  const count = (crs: (typeof SYSTEMS)[number] | null) => {
    let n = 0;
    for (let k = 0; k < raw.length; k++) if ((crs ? index.locate(...toWgs84(xs[k], ys[k], crs)) : index.locate(xs[k], ys[k])) >= 0) n++;
    return n;
  };
  const cur = (SYSTEMS as readonly string[]).includes(current) ? (current as (typeof SYSTEMS)[number]) : null;
  const insideCurrent = count(cur);
  if (insideCurrent > raw.length / 2) return null;
  let best: { crs: (typeof SYSTEMS)[number]; n: number } | null = null;
  for (const s of SYSTEMS) {
    if (s === cur) continue;
    const n = count(s);
    if (n > raw.length / 2 && n - insideCurrent >= raw.length / 4 && (!best || n > best.n)) best = { crs: s, n };
  }
  if (!best) return null;
  const flag = `--crs ${role}=${best.crs.toLowerCase()}`;
  return {
    file,
    role,
    points: raw.length,
    current,
    insideCurrent,
    suggested: best.crs,
    insideSuggested: best.n,
    zh: `${file}：${raw.length} 个点中只有 ${insideCurrent} 个落在社区内；若按 ${NAMES[best.crs]} 坐标读取，则有 ${best.n} 个。坐标可能取自在线地图，可改用 ${flag}`,
    en: `${file}: only ${insideCurrent} of ${raw.length} points fall inside the communities; read as ${NAMES[best.crs]}, ${best.n} would. The coordinates may come from an online map: try ${flag}`,
  };
}

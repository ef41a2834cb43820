/**
 * The rivers around the 渝中 peninsula as polygons, for the optional `water.geojson` the map
 * draws under everything (a project extension, not part of the data contract; the engine
 * ignores it). The near banks are exactly the peninsula's edges (v = 0 and v = 1 of
 * {@link peninsulaDomain}); the far banks run at the river widths the bridges span, so the
 * far-bank roads 南滨路 / 北滨路 stay 70 m outside the water.
 */
import { JIALING_WIDTH, YANGTZE_WIDTH, northBankY, peninsulaX, southBankY, toLonLat } from './geometry';

/** How far the rivers run beyond the peninsula: upstream (west) and downstream of 朝天门 (u units). */
const UPSTREAM_U = -0.09; // ≈ 770 m west of the peninsula's land border, short of any district tile
const DOWNSTREAM_U = 1.3; // ≈ 2.5 km east of 朝天门
const STEP_U = 1 / 220; // one vertex every ≈ 40 m along the banks

type Pt = [number, number];

function range(a: number, b: number): number[] {
  const n = Math.max(1, Math.round(Math.abs(b - a) / STEP_U));
  return Array.from({ length: n + 1 }, (_, k) => a + ((b - a) * k) / n);
}

/** Counter-clockwise (RFC 7946) closed ring in metres. */
function ccw(ring: Pt[]): Pt[] {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  const r = a < 0 ? [...ring].reverse() : ring;
  return [...r, r[0]];
}

/** 长江 (south of the peninsula, and the whole channel below 朝天门) and 嘉陵江 (north), in metres. */
export function riverRings(): { name: string; nameEn: string; ring: Pt[] }[] {
  const yangtzeNear = range(UPSTREAM_U, 1).map((u): Pt => [peninsulaX(u), southBankY(u)]);
  const yangtzeFar = range(DOWNSTREAM_U, UPSTREAM_U).map((u): Pt => [peninsulaX(u), southBankY(u) - YANGTZE_WIDTH]);
  // Below the confluence the channel's north side is the 嘉陵江's far bank carried on.
  const confluenceNorth = range(1, DOWNSTREAM_U).map((u): Pt => [peninsulaX(u), northBankY(u) + JIALING_WIDTH]);
  const yangtze: Pt[] = [...yangtzeNear, [peninsulaX(1), northBankY(1)], ...confluenceNorth, ...yangtzeFar];
  const jialingNear = range(UPSTREAM_U, 1).map((u): Pt => [peninsulaX(u), northBankY(u)]);
  const jialingFar = range(1, UPSTREAM_U).map((u): Pt => [peninsulaX(u), northBankY(u) + JIALING_WIDTH]);
  const jialing: Pt[] = [...jialingNear, ...jialingFar];
  return [
    { name: '长江', nameEn: 'Yangtze River', ring: ccw(yangtze) },
    { name: '嘉陵江', nameEn: 'Jialing River', ring: ccw(jialing) },
  ];
}

const deg = (x: number) => String(Number(x.toFixed(7)));

/** water.geojson: one Polygon feature per river with `name` (Chinese) and `name_en`. */
export function waterGeojson(): string {
  const feats = riverRings().map((r) => {
    const coords = r.ring.map(([x, y]) => {
      const [lon, lat] = toLonLat(x, y);
      return `[${deg(lon)},${deg(lat)}]`;
    });
    const props = JSON.stringify({ name: r.name, name_en: r.nameEn, kind: 'river' });
    return `{"type":"Feature","properties":${props},"geometry":{"type":"Polygon","coordinates":[[${coords.join(',')}]]}}`;
  });
  return `{"type":"FeatureCollection","features":[\n${feats.join(',\n')}\n]}\n`;
}

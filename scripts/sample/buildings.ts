/**
 * Residential buildings, the demand: per community about its official household count,
 * denser where the ground is gentle, a few buildings outside every community. Rows are
 * produced community by community so that a million of them can be streamed to disk.
 */
import { type CommunityCell, samplePoint } from './communities';
import { JIALING_WIDTH, YANGTZE_WIDTH, northBankY, peninsulaX, slopeAt, southBankY, toLonLat } from './geometry';
import { apportion, lognormal, stream, uniform } from './rng';

export const BUILDINGS_HEADER = 'id,lon,lat,households,community_id\n';

/** Share of rows that name their community explicitly (the rest are assigned by polygon). */
const WITH_COMMUNITY_ID = 0.15;

export interface BuildingPlan {
  seed: number;
  cells: CommunityCell[];
  /** Buildings per cell (same order as `cells`). */
  counts: number[];
  /** Buildings placed outside every community (riverside, far banks), 渝中 only. */
  unassigned: number;
}

const fmt = (x: number) => String(Number(x.toFixed(6)));

/** Rows of buildings.csv (without header), one chunk per community; ids B0000001… */
export function* buildingRows(plan: BuildingPlan): Generator<string> {
  let next = 1;
  const id = () => 'B' + String(next++).padStart(7, '0');
  for (let k = 0; k < plan.cells.length; k++) {
    const c = plan.cells[k];
    const n = plan.counts[k];
    if (n <= 0) continue;
    const rng = stream(plan.seed, 'buildings:' + c.id);
    const xs = new Float64Array(n);
    const ys = new Float64Array(n);
    const weights: number[] = new Array(n);
    const onIsland = c.island ? Math.min(3, Math.floor(n / 10)) : 0;
    for (let b = 0; b < n; b++) {
      if (b < onIsland) {
        const ring = c.island!.ring;
        const p = ring[Math.floor(rng() * (ring.length - 1))];
        const cx = ring.reduce((a, q) => a + q[0], 0) / ring.length;
        const cy = ring.reduce((a, q) => a + q[1], 0) / ring.length;
        const f = uniform(rng, 0.1, 0.5);
        xs[b] = cx + f * (p[0] - cx);
        ys[b] = cy + f * (p[1] - cy);
        weights[b] = 0.3;
        continue;
      }
      let p = samplePoint(c, rng);
      for (let tries = 0; tries < 20; tries++) {
        const s = slopeAt(c.domain, p.u, p.v);
        if (rng() < 1 / (1 + (s / 0.3) ** 2)) break;
        p = samplePoint(c, rng);
      }
      xs[b] = p.x;
      ys[b] = p.y;
      weights[b] = rng() < 0.006 ? 0 : 0.12 + lognormal(rng, 0.85);
    }
    const target = Math.round(c.households * uniform(rng, 0.9, 1.1));
    const hh = apportion(target, weights);
    let out = '';
    for (let b = 0; b < n; b++) {
      const [lon, lat] = toLonLat(xs[b], ys[b]);
      out += `${id()},${fmt(lon)},${fmt(lat)},${hh[b]},${rng() < WITH_COMMUNITY_ID ? c.id : ''}\n`;
    }
    yield out;
  }
  if (plan.unassigned > 0) {
    const rng = stream(plan.seed, 'buildings:unassigned');
    let out = '';
    for (let b = 0; b < plan.unassigned; b++) {
      const u = uniform(rng, 0.05, 0.95);
      const north = b % 2 === 0;
      const farBank = b % 3 !== 2;
      const off = farBank ? uniform(rng, 110, 260) + (north ? JIALING_WIDTH : YANGTZE_WIDTH) : uniform(rng, 12, 30);
      const x = peninsulaX(u);
      const y = north ? northBankY(u) + off : southBankY(u) - off;
      const [lon, lat] = toLonLat(x, y);
      out += `${id()},${fmt(lon)},${fmt(lat)},${Math.round(uniform(rng, 2, 40))},\n`;
    }
    yield out;
  }
}

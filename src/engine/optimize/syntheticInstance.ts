import type { CoverageInstance } from './coverageInstance';
import { mulberry32 } from '../random';

/**
 * A small random covering instance for tests: each candidate covers each demand point
 * independently with probability `density`; integer weights in [0, maxWeight].
 */
export function randomCoverageInstance(opts: {
  seed: number;
  demand: number;
  candidates: number;
  density?: number; // probability a candidate covers a point, default 0.2
  maxWeight?: number; // largest integer weight, default 20
}): CoverageInstance {
  const rnd = mulberry32(opts.seed);
  const density = opts.density ?? 0.2;
  const maxW = opts.maxWeight ?? 20;
  const demandWeight = new Float64Array(opts.demand);
  for (let i = 0; i < opts.demand; i++) demandWeight[i] = Math.floor(rnd() * (maxW + 1));
  const candidateCovers: Int32Array[] = [];
  for (let j = 0; j < opts.candidates; j++) {
    const cov: number[] = [];
    for (let i = 0; i < opts.demand; i++) if (rnd() < density) cov.push(i);
    candidateCovers.push(Int32Array.from(cov));
  }
  return { demandWeight, candidateCovers };
}

/** Points in a plane and a coverage instance by radius, for benchmarks. Units: metres. */
export interface PlaneInstance extends CoverageInstance {
  x: Float64Array;
  y: Float64Array;
  cx: Float64Array;
  cy: Float64Array;
}

/**
 * A city-like plane: buildings in Gaussian clusters (plus 10 % scattered), integer
 * households per building, candidates placed near random buildings, coverage = straight
 * line distance ≤ `radiusM`. Seeded, deterministic.
 */
export function planeCoverageInstance(opts: {
  seed: number;
  buildings: number;
  candidates: number;
  sizeM?: number; // side of the square city, default 30,000 m
  clusters?: number; // number of dense neighbourhoods, default 80
  radiusM?: number; // coverage radius, default 1,000 m (15-minute circle)
}): PlaneInstance {
  const rnd = mulberry32(opts.seed);
  const size = opts.sizeM ?? 30_000;
  const nc = opts.clusters ?? 80;
  const r = opts.radiusM ?? 1000;
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  const ccx = Float64Array.from({ length: nc }, () => rnd() * size);
  const ccy = Float64Array.from({ length: nc }, () => rnd() * size);
  const csd = Float64Array.from({ length: nc }, () => 400 + rnd() * 1600);
  const n = opts.buildings;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (rnd() < 0.1) {
      x[i] = rnd() * size;
      y[i] = rnd() * size;
    } else {
      const c = Math.floor(rnd() * nc);
      x[i] = ccx[c] + gauss() * csd[c];
      y[i] = ccy[c] + gauss() * csd[c];
    }
    w[i] = 10 + Math.floor(rnd() * 190);
  }
  const m = opts.candidates;
  const cx = new Float64Array(m);
  const cy = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    const b = Math.floor(rnd() * n);
    cx[j] = x[b] + (rnd() - 0.5) * 400;
    cy[j] = y[b] + (rnd() - 0.5) * 400;
  }
  // Grid buckets of side r: a point within r lies in the 3×3 neighbouring cells.
  let loX = Infinity,
    loY = Infinity,
    hiX = -Infinity,
    hiY = -Infinity;
  for (let i = 0; i < n; i++) {
    loX = Math.min(loX, x[i]);
    hiX = Math.max(hiX, x[i]);
    loY = Math.min(loY, y[i]);
    hiY = Math.max(hiY, y[i]);
  }
  const minX = loX - r,
    minY = loY - r;
  const gw = Math.ceil((hiX - minX + r) / r) + 1;
  const gh = Math.ceil((hiY - minY + r) / r) + 1;
  const cellOf = (px: number, py: number) => Math.floor((py - minY) / r) * gw + Math.floor((px - minX) / r);
  const start = new Int32Array(gw * gh + 1);
  for (let i = 0; i < n; i++) start[cellOf(x[i], y[i]) + 1]++;
  for (let c = 0; c < gw * gh; c++) start[c + 1] += start[c];
  const items = new Int32Array(n);
  const fill = start.slice(0, gw * gh);
  for (let i = 0; i < n; i++) items[fill[cellOf(x[i], y[i])]++] = i;
  const r2 = r * r;
  const candidateCovers: Int32Array[] = [];
  for (let j = 0; j < m; j++) {
    const gx = Math.floor((cx[j] - minX) / r);
    const gy = Math.floor((cy[j] - minY) / r);
    const cov: number[] = [];
    for (let yy = gy - 1; yy <= gy + 1; yy++) {
      for (let xx = gx - 1; xx <= gx + 1; xx++) {
        if (xx < 0 || yy < 0 || xx >= gw || yy >= gh) continue;
        const c = yy * gw + xx;
        for (let k = start[c]; k < start[c + 1]; k++) {
          const i = items[k];
          const dx = x[i] - cx[j],
            dy = y[i] - cy[j];
          if (dx * dx + dy * dy <= r2) cov.push(i);
        }
      }
    }
    candidateCovers.push(Int32Array.from(cov).sort());
  }
  return { demandWeight: w, candidateCovers, x, y, cx, cy };
}

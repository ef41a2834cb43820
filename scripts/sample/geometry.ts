/**
 * Synthetic ground for the sample: a local metric projection, the 渝中 peninsula between the
 * 长江 and the 嘉陵江, plain rectangular "tiles" for further districts, and a terrain model.
 *
 * Every shape is built on a lattice in (u, v) space: u runs along a domain (west → east),
 * v across it (south → north). A domain maps (u, v) to metres; polygons and roads sample
 * that map at lattice points, so shared edges are bit-identical.
 */
import { type Rng, uniform } from './rng';

/** Projection origin (渝中 centre) and metres per degree there. */
export const LON0 = 106.545;
export const LAT0 = 29.555;
const M_PER_DEG_LAT = 110_574;
const M_PER_DEG_LON = 111_320 * Math.cos((LAT0 * Math.PI) / 180);

/** Metres east/north of the origin → [lon, lat] in WGS84 degrees. */
export function toLonLat(x: number, y: number): [number, number] {
  return [LON0 + x / M_PER_DEG_LON, LAT0 + y / M_PER_DEG_LAT];
}

export function lonToX(lon: number): number {
  return (lon - LON0) * M_PER_DEG_LON;
}

export function latToY(lat: number): number {
  return (lat - LAT0) * M_PER_DEG_LAT;
}

/** Cubic Hermite interpolation through (t, value) knots, clamped-linear outside. */
export function interp(knots: readonly (readonly [number, number])[], t: number): number {
  const n = knots.length;
  if (t <= knots[0][0]) {
    const [t0, y0] = knots[0];
    const [t1, y1] = knots[1];
    return y0 + ((y1 - y0) * (t - t0)) / (t1 - t0);
  }
  if (t >= knots[n - 1][0]) {
    const [t0, y0] = knots[n - 2];
    const [t1, y1] = knots[n - 1];
    return y1 + ((y1 - y0) * (t - t1)) / (t1 - t0);
  }
  let k = 0;
  while (knots[k + 1][0] < t) k++;
  const slope = (i: number) => {
    const a = knots[Math.max(0, i - 1)];
    const b = knots[Math.min(n - 1, i + 1)];
    return (b[1] - a[1]) / (b[0] - a[0]);
  };
  const [t0, y0] = knots[k];
  const [t1, y1] = knots[k + 1];
  const h = t1 - t0;
  const s = (t - t0) / h;
  const m0 = slope(k) * h;
  const m1 = slope(k + 1) * h;
  const s2 = s * s;
  const s3 = s2 * s;
  return (2 * s3 - 3 * s2 + 1) * y0 + (s3 - 2 * s2 + s) * m0 + (-2 * s3 + 3 * s2) * y1 + (s3 - s2) * m1;
}

/** A lattice-mapped piece of ground: one district's territory. */
export interface Domain {
  /** District code this domain holds. */
  key: string;
  /** Lattice cells along u and across v. */
  nu: number;
  nv: number;
  /** (u, v) in [0,1]² → metres [x, y]. */
  point(u: number, v: number): [number, number];
  /** Ground elevation at (u, v), metres above sea level. */
  elevation(u: number, v: number): number;
  /** Approximate metres spanned by v = 0…1 at u. */
  widthAt(u: number): number;
  /** Approximate metres spanned by u = 0…1. */
  lengthM: number;
  /** v of the ridge line (the highest ground across the domain). */
  spineV: number;
  /** True for the 渝中 peninsula (rivers on both long sides). */
  peninsula: boolean;
}

// ---------------------------------------------------------------- the 渝中 peninsula

/** West edge (land border with 沙坪坝/九龙坡) and the 朝天门 tip, as longitudes. */
const LON_WEST = 106.5;
const LON_TIP = 106.588;
/** 长江 (south) bank latitude along u. */
const SOUTH_BANK: [number, number][] = [
  [0, 29.5355],
  [0.15, 29.537],
  [0.3, 29.54],
  [0.45, 29.544],
  [0.6, 29.5495],
  [0.75, 29.5545],
  [0.9, 29.559],
  [1, 29.5624],
];
/** 嘉陵江 (north) bank latitude along u. */
const NORTH_BANK: [number, number][] = [
  [0, 29.5752],
  [0.15, 29.5745],
  [0.3, 29.5728],
  [0.45, 29.5718],
  [0.6, 29.5702],
  [0.75, 29.5686],
  [0.9, 29.5672],
  [1, 29.5652],
];
/** Ridge elevation along the spine: 鹅岭 ~390 m, falling to ~205 m at 朝天门. */
const RIDGE: [number, number][] = [
  [0, 350],
  [0.15, 366],
  [0.3, 378],
  [0.4, 382],
  [0.5, 362],
  [0.6, 346],
  [0.7, 318],
  [0.8, 282],
  [0.9, 246],
  [1, 206],
];
export const Z_YANGTZE = 176;
export const Z_JIALING = 179;

const X_WEST = lonToX(LON_WEST);
const X_TIP = lonToX(LON_TIP);

/** South bank y (metres) at u, with a little natural meander. */
export function southBankY(u: number): number {
  return latToY(interp(SOUTH_BANK, u)) + 22 * Math.sin(2 * Math.PI * 6.3 * u + 0.8) * Math.min(1, 3 * (1.05 - u));
}

/** North bank y (metres) at u. */
export function northBankY(u: number): number {
  return latToY(interp(NORTH_BANK, u)) + 18 * Math.sin(2 * Math.PI * 5.1 * u + 2.1) * Math.min(1, 3 * (1.05 - u));
}

export function peninsulaX(u: number): number {
  return X_WEST + u * (X_TIP - X_WEST);
}

/** River widths (metres): 嘉陵江 ~400 m, 长江 ~750 m. */
export const JIALING_WIDTH = 420;
export const YANGTZE_WIDTH = 760;

/** Profile across a domain: 0 at the edges, 1 on the spine; steep near the rivers. */
function profile(v: number, spine: number, steep = 0.75): number {
  const t = v < spine ? v / spine : (1 - v) / (1 - spine);
  return Math.pow(Math.sin((Math.PI / 2) * Math.max(0, Math.min(1, t))), steep);
}

export function peninsulaDomain(nu = 440, nv = 120): Domain {
  const spineV = 0.46;
  return {
    key: '500103',
    nu,
    nv,
    peninsula: true,
    spineV,
    lengthM: X_TIP - X_WEST,
    widthAt: (u) => northBankY(u) - southBankY(u),
    point(u, v) {
      const ys = southBankY(u);
      const yn = northBankY(u);
      const w = yn - ys;
      const s = Math.sin(Math.PI * v);
      const a = 35 * Math.min(1, w / 2000) * s;
      let x = peninsulaX(u) + a * (Math.sin(2 * Math.PI * (1.7 * u + 0.3 * v) + 1.1) + 0.5 * Math.sin(2 * Math.PI * (3.1 * u - 1.3 * v) + 2.3));
      const y = ys + v * w + a * (Math.sin(2 * Math.PI * (2.3 * u - 0.4 * v) + 0.4) + 0.5 * Math.sin(2 * Math.PI * (4.1 * u + 1.1 * v) + 5.1));
      const tip = Math.max(0, (u - 0.93) / 0.07);
      x += 110 * s * tip * tip;
      return [x, y];
    },
    elevation(u, v) {
      const base = v < spineV ? Z_YANGTZE : Z_JIALING;
      const f = profile(v, spineV, 0.45);
      const t = v < spineV ? v / spineV : (1 - v) / (1 - spineV);
      const bumps = 10 * t * Math.sin(2 * Math.PI * (6.1 * u + 1.7 * v) + 0.7) * Math.cos(2 * Math.PI * (3.3 * u - 2.9 * v));
      return base + 2 + (interp(RIDGE, u) - base - 2) * f + bumps;
    },
  };
}

// ---------------------------------------------------------------- tiles for further districts

/** A rectangular district tile of `widthM` × `heightM` metres, south-west corner at (x0, y0). */
export function tileDomain(key: string, x0: number, y0: number, widthM: number, heightM: number, nu: number, nv: number, rng: Rng): Domain {
  const p1 = uniform(rng, 0, 6.28);
  const p2 = uniform(rng, 0, 6.28);
  const ridgeBase = uniform(rng, 260, 360);
  const ridgeAmp = uniform(rng, 20, 70);
  const valley = uniform(rng, 170, 240);
  const spineV = uniform(rng, 0.4, 0.6);
  return {
    key,
    nu,
    nv,
    peninsula: false,
    spineV,
    lengthM: widthM,
    widthAt: () => heightM,
    point(u, v) {
      const s = Math.sin(Math.PI * u) * Math.sin(Math.PI * v) * 30;
      return [x0 + u * widthM + s * Math.sin(2 * Math.PI * (2.1 * u + 1.3 * v) + p1), y0 + v * heightM + s * Math.sin(2 * Math.PI * (1.4 * u - 2.2 * v) + p2)];
    },
    elevation(u, v) {
      const ridge = ridgeBase + ridgeAmp * Math.sin(2 * Math.PI * 0.9 * u + p1);
      const t = v < spineV ? v / spineV : (1 - v) / (1 - spineV);
      const bumps = 12 * t * Math.sin(2 * Math.PI * (5.3 * u + 2.1 * v) + p2);
      return valley + (ridge - valley) * profile(v, spineV) + bumps;
    },
  };
}

/** Slope magnitude (rise over run) of a domain's ground at (u, v), by finite differences. */
export function slopeAt(d: Domain, u: number, v: number): number {
  const du = 1 / d.nu;
  const dv = 1 / d.nv;
  const gu = (d.elevation(Math.min(1, u + du), v) - d.elevation(Math.max(0, u - du), v)) / (2 * du * d.lengthM);
  const gv = (d.elevation(u, Math.min(1, v + dv)) - d.elevation(u, Math.max(0, v - dv))) / (2 * dv * d.widthAt(u));
  return Math.hypot(gu, gv);
}

/** Shoelace area of a ring in metres² (absolute). */
export function ringArea(ring: readonly (readonly [number, number])[]): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += (ring[j][0] + ring[i][0]) * (ring[j][1] - ring[i][1]);
  return Math.abs(a / 2);
}

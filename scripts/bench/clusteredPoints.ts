import { mulberry32 } from '../../src/engine/index';

/**
 * `n` seeded points in clusters of 50 (a few streets each, ±0.002°) over ~30 × 20 km around
 * Yuzhong, as buildings lie: the H3 benchmark's and cellIndex tests' points.
 */
export function clusteredPoints(n: number, seed: number): { lon: Float64Array; lat: Float64Array } {
  const r = mulberry32(seed);
  const lon = new Float64Array(n);
  const lat = new Float64Array(n);
  for (let i = 0; i < n; i += 50) {
    const x0 = 106.4 + r() * 0.3;
    const y0 = 29.45 + r() * 0.2;
    for (let k = i; k < Math.min(n, i + 50); k++) {
      lon[k] = x0 + (r() - 0.5) * 0.004;
      lat[k] = y0 + (r() - 0.5) * 0.004;
    }
  }
  return { lon, lat };
}

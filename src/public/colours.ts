/**
 * Colours of the public map, chosen to read for colour-blind viewers: Okabe-Ito hues for
 * the point kinds (blue open, vermilion planned; also told apart by shape: filled / hollow),
 * and single-ramp sequential scales (viridis for coverage, a light-to-dark ramp for
 * demand) that vary in lightness, not only in hue. Text on colour meets WCAG AA contrast.
 */
export const COLOURS = {
  open: '#0072B2',
  planned: '#D55E00',
  point: '#000000',
  /** 5, 10, 15-minute rings: dark to light, with different dash patterns too. */
  rings: ['#0b3d91', '#3a6fc4', '#7ea6e0'],
  accent: '#0b5cad',
};

/** Coverage 0…100 % → viridis (reversed so that low coverage is light). */
export const COVERAGE_STEPS: [number, string][] = [
  [0, '#fde725'],
  [20, '#7ad151'],
  [40, '#22a884'],
  [60, '#2a788e'],
  [80, '#414487'],
];

/** Households per km² → light-to-dark ramp. */
export const DEMAND_STEPS: [number, string][] = [
  [0, '#f2efe9'],
  [2000, '#d9d0e8'],
  [5000, '#b3a3d1'],
  [10000, '#8670b5'],
  [20000, '#5a3f91'],
];

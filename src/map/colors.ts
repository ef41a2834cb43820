import type { ServiceCode, CandidateSource } from '../engine/index';

export type RGBA = [number, number, number, number];

/** One distinct colour per service (POLICY.md order), readable on a light background. */
export const SERVICE_COLORS: Record<ServiceCode, RGBA> = {
  elderly_care: [196, 62, 55, 255],
  childcare: [232, 131, 39, 255],
  after_school: [201, 162, 26, 255],
  meals: [142, 84, 40, 255],
  housekeeping: [94, 111, 138, 255],
  health: [33, 133, 90, 255],
  fitness: [38, 120, 178, 255],
  culture: [126, 79, 166, 255],
  play: [214, 88, 155, 255],
};

/** Candidate site colours by source type. */
export const SOURCE_COLORS: Record<CandidateSource, RGBA> = {
  idle_state_property: [20, 84, 148, 255],
  vacant_public_rental: [0, 140, 150, 255],
  idle_office: [90, 60, 160, 255],
  commercial_vacancy: [200, 110, 0, 255],
  old_factory: [120, 90, 60, 255],
  leftover_land: [80, 140, 40, 255],
  new_build_colocated: [190, 40, 110, 255],
  other: [110, 110, 110, 255],
};

export const NO_DATA: RGBA = [205, 205, 200, 200];
/** Red → amber → green, five classes: bad to good. */
export const RYG5: RGBA[] = [
  [202, 55, 45, 210],
  [236, 128, 70, 210],
  [247, 203, 112, 210],
  [170, 210, 130, 210],
  [70, 160, 95, 210],
];
/** Light to dark orange-red, five classes: little to much need. */
export const ORANGE5: RGBA[] = [
  [254, 237, 222, 210],
  [253, 190, 133, 210],
  [253, 141, 60, 210],
  [230, 85, 13, 210],
  [166, 54, 3, 220],
];
/** Hexagons: light to dark purple. */
export const PURPLE5: RGBA[] = [
  [218, 218, 235, 170],
  [188, 189, 220, 190],
  [158, 154, 200, 200],
  [117, 107, 177, 215],
  [84, 39, 143, 230],
];

export const COVERED: RGBA = [46, 125, 90, 230];
export const UNCOVERED: RGBA = [200, 50, 40, 235];

/** CSS colour of an RGBA. */
export function css(c: RGBA): string {
  return `rgba(${c[0]},${c[1]},${c[2]},${(c[3] / 255).toFixed(2)})`;
}

/** A "nice" number near x (1, 2, 2.5, 5 × 10^k) for class breaks. */
export function niceStep(x: number): number {
  if (!(x > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(x));
  const f = x / p;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * p;
}

/** Four upper breaks splitting 0…max into five nice classes. */
export function niceBreaks(max: number): number[] {
  const step = niceStep(max / 5);
  return [1, 2, 3, 4].map((k) => k * step);
}

/** Index of the class of v among breaks (v < breaks[0] → 0, …, ≥ last → breaks.length). */
export function classOf(v: number, breaks: number[]): number {
  let k = 0;
  while (k < breaks.length && v >= breaks[k]) k++;
  return k;
}

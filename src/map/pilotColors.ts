import type { RGBA } from './colors';

/**
 * Pilot colours by stage 1–9 (index = stage − 1): applicants (1–3) in blues, listed and planning
 * (4–6) in oranges, construction, trial operation and evaluation (7–9) in greens.
 */
export const STAGE_COLORS: RGBA[] = [
  [198, 219, 239, 255],
  [142, 190, 222, 255],
  [84, 150, 200, 255],
  [253, 208, 150, 255],
  [250, 160, 90, 255],
  [222, 100, 20, 255],
  [150, 210, 140, 255],
  [60, 160, 85, 255],
  [0, 100, 45, 255],
];

/** A pilot that has left the list. */
export const REMOVED_COLOR: RGBA = [150, 150, 150, 255];

/** Landing points by kind: drone teal, eVTOL violet. */
export const LANDING_COLORS: Record<'drone' | 'evtol', RGBA> = { drone: [0, 140, 150, 255], evtol: [120, 70, 170, 255] };

/** Outer ring of a pilot with a flag (overdue, removal candidate …). */
export const FLAGGED_COLOR: RGBA = [200, 30, 30, 255];

/** Outline of the communities no landing point reaches. */
export const NOT_REACHED_COLOR: RGBA = [214, 96, 20, 255];

import type { ServiceCode, CandidateSource } from '../engine/index';

/**
 * The palette: every colour of the map, its legend and the panels, in one place (deck.gl
 * layers take RGBA bytes, maplibre styles and SVG take CSS hex).
 */
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

/** White halos and outlines of markers and hexagons. */
export const WHITE: RGBA = [255, 255, 255, 255];
export const HALO_DIM: RGBA = [255, 255, 255, 110]; // halo of a facility without the chosen service
export const HEX_OUTLINE: RGBA = [255, 255, 255, 140];
export const HIGHLIGHT: RGBA = [255, 255, 255, 60]; // hovered community
export const HOVER_LINE: RGBA = [255, 255, 255, 220]; // outline of the hovered community
export const SELECTION_LINE: RGBA = [11, 92, 173, 255]; // outline of the selected communities (BASEMAP_COLORS.selection)
export const TRANSPARENT: RGBA = [0, 0, 0, 0];

/** Colours of the 5 / 10 / 15-minute rings from a clicked point: dark to light teal. */
export const RING_COLORS: RGBA[] = [
  [0, 109, 119, 255],
  [42, 157, 143, 255],
  [131, 197, 190, 255],
];
/** Outline of the minute rings around a selected facility. */
export const FACILITY_RING_COLOR: RGBA = [60, 60, 60, 255];

/** 一张蓝图 layer: homes a blueprint or scenario newly reaches, and facilities a scenario removes. */
export const NEWLY_REACHED: RGBA = [0, 150, 220, 235];
export const REMOVED: RGBA = [90, 90, 90, 220];
/** 一张蓝图 markers: a site without a service colour, the 跨社区联合体 ring, the selected site's halo, a moved facility. */
export const BP_FALLBACK: RGBA = [80, 80, 80, 255];
export const BP_JOINT_RING: RGBA = [40, 40, 40, 200];
export const BP_SELECTED_HALO: RGBA = [20, 20, 20, 255];
export const BP_MOVED: RGBA = [60, 60, 60, 255];
/** Alpha (0–255) of a blueprint site's walking circle: fill, fill when selected, outline. */
export const BP_CIRCLE_ALPHA = { fill: 22, selected: 50, line: 200 } as const;

/** Colours of the walking network (maplibre style and legend). */
export const NETWORK_COLORS = {
  casing: '#bdb6a8',
  road: '#ffffff',
  bridgeCasing: '#5d5a53',
  steps: '#9a5b2e',
  lift: '#1f5fa8',
} as const;

/** Water colours (maplibre style and legend). */
export const WATER_COLORS = { fill: '#b5d3e7', line: '#8fb8d6', label: '#2f6690' } as const;

/** The offline basemap drawn from the data (maplibre style). */
export const BASEMAP_COLORS = {
  background: '#f3f1ec',
  communityFill: '#fbfaf7',
  communityOutline: '#d9d5cc',
  communityLine: '#8c8778',
  streetLine: '#4d4a42',
  districtLine: '#2b2a26',
  selection: '#0b5cad',
  label: '#2b2a26',
  labelHalo: 'rgba(255,255,255,0.9)',
  waterHalo: 'rgba(255,255,255,0.7)',
} as const;

/** Legend swatches of the boundary lines and marker samples (the same greys as the basemap). */
export const LEGEND_COLORS = {
  streetLine: [77, 74, 66, 255] as RGBA,
  districtLine: [43, 42, 38, 255] as RGBA,
  sample: [120, 120, 120, 255] as RGBA, // "dot size = households"
  dim: [150, 150, 150, 90] as RGBA, // facility without the chosen service
  level: [90, 90, 90, 255] as RGBA, // facility level shapes
  none: [0, 0, 0, 0] as RGBA,
};

/** Panel charts (SVG). */
export const CHART_COLORS = {
  track: '#ebe8e1', // empty part of a bar
  selected: '#0b5cad', // outline of the selected service
  good: '#46a05f', // area per 100 households ≥ enhanced standard
  fair: '#e0a93a', // ≥ base standard
  poor: '#ca372d', // below the base standard
  none: '#bbb',
  mark: '#333', // 30 / 80 m² marks
  halo: '#fff',
  swatchEdge: 'rgba(0,0,0,0.15)',
  legendGrey: '#555', // blueprint level shapes in the legend
} as const;

/** The printable report (CSS). */
export const REPORT_COLORS = {
  text: '#1c2430',
  syntheticBg: '#fff3cd',
  syntheticBorder: '#e8d48a',
  syntheticText: '#6b4e00',
  tableHead: '#eef1f5',
  bar: '#c43e37', // = SERVICE_COLORS.elderly_care
} as const;

/** Mask icons are drawn white on the atlas and take the layer's colour. */
export const ICON_MASK = '#ffffff';

/** CSS colour of an RGBA. */
export function css(c: RGBA): string {
  return `rgba(${c[0]},${c[1]},${c[2]},${(c[3] / 255).toFixed(2)})`;
}

// ---------------------------------------------------------------------------------------------
// Pilot programme and 低空+ layers (docs/PILOTS.md)

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

/** The exported map picture (export/mapImage.ts): background, text, frame, scale bar and north arrow. */
export const MAP_EXPORT_COLORS = {
  background: '#ffffff',
  text: '#1c2430',
  muted: '#5b6472',
  frame: '#8c8778',
  bar: '#1c2430',
  barAlt: '#ffffff',
} as const;

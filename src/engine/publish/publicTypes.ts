import type { ServiceCode } from '../standards/services';

/**
 * The public data files of a published service map (docs/PUBLISHING.md). Every field is
 * listed here on purpose: the publisher copies these fields one by one from the package and
 * the analysis, never a whole source object, so nothing else can reach the site.
 * Coordinates are WGS84 degrees (lon, lat): points to 6 decimals (≈ 0.1 m), outlines to 5 (≈ 1 m).
 */

/** Distance modes a public site can be published with. */
export type PublicMode = 'euclidean' | 'network';

/** Accessibility (无障碍) flags a facility may declare in the optional `accessibility` column. */
export const ACCESS_FLAGS = ['entrance', 'ramp', 'lift', 'toilet', 'parking', 'tactile'] as const;
export type AccessFlag = (typeof ACCESS_FLAGS)[number];

/** Properties of one community feature of `data/communities.json`. */
export interface PublicCommunity {
  /** The community's own id (a 12-digit 统计用区划代码 where known). */
  id: string;
  name: string;
  street: string;
  district: string;
  /** Official household count (the community's `households` property). */
  households: number;
  /** Open facility area per 100 households, m², 1 decimal; null when households = 0. */
  areaPer100hh: number | null;
  /** areaPer100hh ≥ the policy's base standard (30 m² per 100 households). */
  meetsArea: boolean;
  /** ≥ 2 一老一小 functions. */
  meetsBasicRule: boolean;
  /** ≥ 3 functions of which ≥ 2 一老一小. */
  meetsComplexRule: boolean;
  /** Households' coverage per service in SERVICES order, whole percent 0…100; null where it has no buildings. */
  coverage: (number | null)[];
}

/** One open facility of `data/facilities.json`. */
export interface PublicFacility {
  /** A stable public id (a hash of the source id, not the source id itself). */
  id: string;
  name: string;
  services: ServiceCode[];
  level?: 'street' | 'community' | 'compound';
  operator?: string;
  access?: AccessFlag[];
  address?: string;
  phone?: string;
  /** Opening information as written by the publisher (free text). */
  hours?: string;
  lon: number;
  lat: number;
}

/** One approved planned site of `data/planned.json` (规划中): no operator, cost, ownership or note. */
export interface PublicPlannedSite {
  id: string;
  name: string;
  services: ServiceCode[];
  level?: 'complex' | 'enhanced' | 'scattered';
  lon: number;
  lat: number;
}

/** One demand cell of `data/demand.json`: H3 cell households, rounded (see publicDemand.ts). */
export interface PublicDemandCell {
  h3: string;
  /** H3 resolution: the publishing resolution, or one coarser for a merged parent. */
  res: number;
  /** Households, rounded to the nearest 10 (≥ 20). */
  households: number;
  /** Cell area, km² (3 decimals). */
  km2: number;
  /** Cell outline, [lon, lat] pairs to 5 decimals (closed ring). */
  ring: [number, number][];
}

/** `data/site.json`: what the site is and the figures behind it. */
export interface PublicSiteMeta {
  format: 1;
  title: string;
  mode: PublicMode;
  /** The package's geometry is synthetic (a sample): the site says so on every page. */
  synthetic: boolean;
  /** YYYY-MM-DD of the data, when known. */
  dataDate?: string;
  /** YYYY-MM-DD the site was published. */
  published: string;
  /** [west, south, east, north], degrees. */
  bounds: [number, number, number, number];
  policy: {
    /** Walking threshold per service, metres, SERVICES order. */
    thresholdsM: number[];
    /** m² of facilities per 100 households: base 30, enhanced 80. */
    areaPer100Households: { base: number; enhanced: number };
    /** Farthest straight walk onto the network, metres (network mode). */
    maxSnapM: number;
  };
  walk: {
    /** Walking speed used to turn minutes into metres, m/min. */
    metresPerMinute: number;
    minutes: number[];
  };
  demand: {
    resolution: number;
    roundTo: number;
    minHouseholds: number;
  };
  counts: { communities: number; facilities: number; planned: number; demandCells: number };
  /** Which data files the site holds (relative to the site root). */
  files: string[];
}

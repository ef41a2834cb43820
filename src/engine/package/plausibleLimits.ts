/**
 * Plausibility limits of the data contract (DATA-FORMAT.md section 1). A value beyond its
 * limit is a typing or unit mistake (1e308 households, an area in mm²), never data: its row
 * is rejected with R_TOO_LARGE and the rest of the package loads, so one absurd value cannot
 * turn totals into Infinity / null or make the solver fail. Counts must also be whole
 * numbers no larger than 2^53 − 1 (Number.MAX_SAFE_INTEGER), checked on the text itself so
 * that 2^53 + 1 is rejected, not rounded to 2^53.
 */
export const PLAUSIBLE_LIMITS = {
  buildingHouseholds: 100_000, // households in one building (buildings.csv `households`)
  communityHouseholds: 1_000_000, // households of one community (communities.geojson `households`)
  communityPeople: 10_000_000, // persons: `population`, `elderly`, `children` of one community
  areaM2: 1_000_000, // m², building area of one facility or candidate (`area_m2`)
  costWan: 1_000_000, // 万元 (10,000 yuan), estimated cost of one candidate (`cost_wan`)
} as const;

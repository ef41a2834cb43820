import type { Feature, FeatureCollection, Point } from 'geojson';
import { UTF8_BOM, num4, safeCell, toCsv } from '../report/csv';
import { SERVICES } from '../standards/services';
import type { BlueprintResult, BlueprintSiteResult } from './blueprintTypes';

export { safeCell }; // defined with the other CSV helpers, shared with rejected.csv

/** The blueprint as GeoJSON: one Point feature per recommended site, its explanation as properties. */
export function blueprintGeoJson(r: BlueprintResult): FeatureCollection<Point> {
  const features: Feature<Point>[] = r.sites.map((s) => {
    const { lon, lat, ...props } = s;
    return { type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties: { id: s.candidateId, ...props } };
  });
  return { type: 'FeatureCollection', features };
}

export const SITES_CSV_HEADER = [
  'candidate_id', 'name', 'source', 'source_tier', 'ownership', 'lon', 'lat', 'area_m2', 'cost_wan', 'cost_estimated',
  'level', 'joint', 'services', 'community_id', 'community_name',
  ...SERVICES.map((s) => `newly_covered_${s}`),
  'communities_served', 'shortfall_closed_m2', 'subsidy_yuan', 'levers', 'why_source',
] as const;

const served = (s: BlueprintSiteResult) => s.communitiesServed.map((c) => `${c.id}:${c.households}:${num4(c.sharedAreaM2)}`).join(';');

/** sites.csv: one row per recommended site, UTF-8 BOM first; `communities_served` is `id:households:shared_area_m2` joined by `;`. */
export function blueprintSitesCsv(r: BlueprintResult): string {
  const rows = r.sites.map((s) => [
    safeCell(s.candidateId),
    safeCell(s.name),
    s.source,
    String(s.sourceTier),
    s.ownership,
    String(s.lon),
    String(s.lat),
    num4(s.areaM2),
    num4(s.costWan),
    String(s.costEstimated),
    s.level,
    String(s.joint),
    s.services.join(';'),
    safeCell(s.communityId ?? ''),
    safeCell(s.communityName ?? ''),
    ...SERVICES.map((k) => num4(s.newlyCoveredHouseholds[k] ?? null)),
    safeCell(served(s)),
    num4(s.shortfallClosedM2),
    String(s.subsidyYuan),
    s.levers.filter((l) => l.applicable).map((l) => l.code).join(';'),
    s.whySource.zh,
  ]);
  return UTF8_BOM + toCsv(SITES_CSV_HEADER, rows);
}

export const COMMUNITIES_BEFORE_AFTER_HEADER = [
  'id', 'name', 'street', 'district', 'households', 'new_sites',
  'facility_area_m2_before', 'facility_area_m2_after',
  'shortfall_base_m2_before', 'shortfall_base_m2_after',
  'shortfall_enhanced_m2_before', 'shortfall_enhanced_m2_after',
  'functions_before', 'functions_after',
  'meets_complex_rule_before', 'meets_complex_rule_after',
  'meets_basic_rule_before', 'meets_basic_rule_after',
  ...SERVICES.flatMap((s) => [`coverage_${s}_before`, `coverage_${s}_after`]),
] as const;

/** communities-before-after.csv: one row per scope community, UTF-8 BOM first, numbers to 4 decimals. */
export function communitiesBeforeAfterCsv(r: BlueprintResult): string {
  const rows = r.communities.map((c) => [
    safeCell(c.id),
    safeCell(c.name),
    safeCell(c.street),
    safeCell(c.district),
    String(c.households),
    safeCell(c.newSites.join(';')),
    num4(c.before.facilityAreaM2),
    num4(c.after.facilityAreaM2),
    num4(c.before.shortfallBaseM2),
    num4(c.after.shortfallBaseM2),
    num4(c.before.shortfallEnhancedM2),
    num4(c.after.shortfallEnhancedM2),
    c.before.functions.join(';'),
    c.after.functions.join(';'),
    String(c.before.meetsComplexRule),
    String(c.after.meetsComplexRule),
    String(c.before.meetsBasicRule),
    String(c.after.meetsBasicRule),
    ...SERVICES.flatMap((_, k) => [num4(c.before.coverage[k]), num4(c.after.coverage[k])]),
  ]);
  return UTF8_BOM + toCsv(COMMUNITIES_BEFORE_AFTER_HEADER, rows);
}

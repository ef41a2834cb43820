import type { Feature, FeatureCollection, Point } from 'geojson';
import { UTF8_BOM, toCsv } from '../report/csv';
import { COMMUNITIES_COLUMNS, SITES_COLUMNS, csvValue } from './blueprintColumns';
import type { BlueprintResult } from './blueprintTypes';

export { safeCell } from '../report/csv'; // shared with rejected.csv

/** The blueprint as GeoJSON: one Point feature per recommended site, its explanation as properties. */
export function blueprintGeoJson(r: BlueprintResult): FeatureCollection<Point> {
  const features: Feature<Point>[] = r.sites.map((s) => {
    const { lon, lat, ...props } = s;
    return { type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties: { id: s.candidateId, ...props } };
  });
  return { type: 'FeatureCollection', features };
}

/** sites.csv header: the keys of {@link SITES_COLUMNS}. */
export const SITES_CSV_HEADER = SITES_COLUMNS.map((c) => c.key);

/** sites.csv: one row per recommended site, UTF-8 BOM first; `communities_served` is `id:households:shared_area_m2` joined by `;`. */
export function blueprintSitesCsv(r: BlueprintResult): string {
  return (
    UTF8_BOM +
    toCsv(
      SITES_CSV_HEADER,
      r.sites.map((s) => SITES_COLUMNS.map((c) => csvValue(c, s))),
    )
  );
}

/** communities-before-after.csv header: the keys of {@link COMMUNITIES_COLUMNS}. */
export const COMMUNITIES_BEFORE_AFTER_HEADER = COMMUNITIES_COLUMNS.map((c) => c.key);

/** communities-before-after.csv: one row per scope community, UTF-8 BOM first, numbers to 4 decimals. */
export function communitiesBeforeAfterCsv(r: BlueprintResult): string {
  return (
    UTF8_BOM +
    toCsv(
      COMMUNITIES_BEFORE_AFTER_HEADER,
      r.communities.map((c) => COMMUNITIES_COLUMNS.map((col) => csvValue(col, c))),
    )
  );
}

/** The files of the data contract (DATA-FORMAT.md section 1), required ones first. */
export const CONTRACT_FILES = [
  'manifest.json',
  'communities.geojson',
  'buildings.csv',
  'facilities.csv',
  'candidates.csv',
  'roads.geojson',
  'distances.csv',
  'policy.json',
] as const;

/** Optional project extensions outside the contract: the map draws them, the analysis ignores them; the pilot files are read by `pilots`. */
export const EXTRA_FILES = [
  'water.geojson', // rivers and lakes under the offline basemap
  'pilots.csv', // the pilot programme: one row per pilot community (docs/PILOTS.md)
  'evaluations.csv', // operator evaluations of the pilots (docs/PILOTS.md)
  'landing_points.csv', // 低空+ drone / eVTOL landing points (docs/PILOTS.md)
] as const;

/** Every file name a package folder may hold that the project reads. */
export const PACKAGE_FILE_NAMES: readonly string[] = [...CONTRACT_FILES, ...EXTRA_FILES];

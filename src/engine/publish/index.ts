/** Publishing the public service map: pure functions from a package to the site's data files. */
export { publishSite, DEFAULT_SITE_TITLE, PUBLIC_WALK_M_PER_MIN } from './publishSite';
export type { PublishInput, PublishOptions, PublishedData } from './publishSite';
export { readApprovedSites, PLANNED_LEVELS } from './approvedSites';
export type { ApprovedSite } from './approvedSites';
export { publicDemand } from './publicDemand';
export type { PublicDemandOptions } from './publicDemand';
export { readFacilityExtras, FACILITY_PUBLIC_COLUMNS, cleanText } from './facilityExtras';
export type { FacilityExtras } from './facilityExtras';
export { serviceWorkerJs } from './serviceWorkerJs';
export * from './publicTypes';
export { assembleSite, compareSitePaths, siteVersion } from './assembleSite';
export { manifestDataDate } from './manifestDataDate';

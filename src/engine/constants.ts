/**
 * The engine's third entry point: plain data and the checks on it (service codes, blueprint
 * defaults, site levels, error texts, the pilot programme's names), with none of the engine's
 * code. The page's first chunk (src/main.tsx: stores, project, the engine worker's client)
 * imports these from here: through index.ts that chunk would also carry every engine module
 * with side effects and their packages (h3-js, proj4, the OSM and XML readers), parsed before
 * the engine worker could start. Everything else outside src/engine imports ./index.
 */
export { SERVICES, isServiceCode } from './standards/services';
export type { ServiceCode } from './standards/services';
export { BLUEPRINT_DEFAULTS } from './blueprint/blueprintDefaults';
export { SITE_LEVEL_NAMES } from './blueprint/siteLevel';
export { ERROR_MESSAGES } from './errors';
export { PILOT_STAGES, PILOT_FLAGS, PILOT_FLAG_NAMES, RATING_NAMES, EVALUATION_SCORE_NAMES } from './pilots/pilotTypes';

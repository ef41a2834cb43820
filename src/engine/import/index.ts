/**
 * Import of a district's own files (docs/IMPORT.md): pure functions on bytes, used by the
 * CLI (`npm run cli -- import`) and the map's import wizard in a worker alike.
 */
export { importPackage } from './importPackage';
export { packageZip } from './packageZip';
export type { ImportRequest, ImportResult, ImportReport, ImportSource, ImportProgress } from './importPackage';
export { inspectSource, guessRole, headerSetKey } from './inspectSource';
export type { SourcePreview, InspectOptions } from './inspectSource';
export { mapColumns } from './mapColumns';
export type { ColumnMapping, FieldSource, FileMapping } from './mapColumns';
export { resolveCrs, crsFromPrj, WGS84_CRS } from './resolveCrs';
export type { SourceCrs } from './resolveCrs';
export { epsgDefinition } from './epsgDefinitions';
export { crsHint } from './crsHint';
export { readSources } from './readSources';
export type { NamedBytes, SourceTable, SourceRow } from './sourceTable';
export { importRoads } from './roads/importRoads';
export type { RoadsReport } from './roads/importRoads';
export { osmWalkNetwork, WALKABLE_HIGHWAYS } from './roads/osmWalkNetwork';
export { readOsmXml } from './roads/readOsmXml';
export { readOsmPbf } from './roads/readOsmPbf';
export { readDem } from './roads/demSampler';
export { pointInside, polygonAreaM2 } from './polygonPoint';
export { parseNumberCell, parseCoordinateCell } from './parseCell';
export * from './vocabulary';
export { VALUE_FIELDS, valueCodes, valueLookup, cellWords, unknownWords, columnValues, MAX_COLUMN_VALUES } from './valueWords';
export type { ColumnValue } from './valueWords';
export type * from './importTypes';

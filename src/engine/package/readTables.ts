import type { Rejection } from '../errors';
import { SERVICES, isServiceCode, servicesToMask, type ServiceCode } from '../standards/services';
import { CANDIDATE_SOURCES, OWNERSHIPS, type Candidate, type Crs, type Facility } from '../types';
import type { CsvTable } from './parseCsv';
import { readRows, clip, type RowReader } from './rowReader';
import { readCommunityRef, readLonLat } from './readPoints';
import { PLAUSIBLE_LIMITS } from './plausibleLimits';

/** Required columns per file (DATA-FORMAT.md section 1). */
export const REQUIRED_COLUMNS = {
  'buildings.csv': ['id', 'lon', 'lat', 'households'],
  'facilities.csv': ['id', 'name', 'lon', 'lat', 'area_m2', 'services'],
  'candidates.csv': ['id', 'name', 'lon', 'lat', 'area_m2', 'source', 'ownership'],
  'distances.csv': ['from_id', 'to_id', 'distance_m'],
} as const;

/** Optional columns per file (DATA-FORMAT.md section 1): with the required ones, every column the contract names. */
export const OPTIONAL_COLUMNS = {
  'buildings.csv': ['community_id'],
  'facilities.csv': ['community_id', 'level', 'operator', 'status', 'barrier_free', 'elder_friendly', 'child_friendly'],
  'candidates.csv': ['cost_wan', 'community_id', 'note'],
  'distances.csv': [],
} as const;

/** A building row before community assignment; community is -2 where it must be located by polygon. */
export interface BuildingRow {
  id: string;
  lon: number;
  lat: number;
  households: number;
  community: number;
}

/** One buildings.csv row (after the id checks of readRows); any bad value rejects it. */
export function readBuildingRow(r: RowReader, crs: Crs, communities: Map<string, number>): BuildingRow {
  const id = r.str('id');
  const [lon, lat] = readLonLat(r, crs);
  const households = r.limited('households', PLAUSIBLE_LIMITS.buildingHouseholds, true);
  const community = readCommunityRef(r, communities) ?? -2;
  return { id, lon, lat, households, community };
}

export function readBuildingRows(t: CsvTable, crs: Crs, communities: Map<string, number>, rejected: Rejection[]): BuildingRow[] {
  return readRows(t, rejected, (r) => readBuildingRow(r, crs, communities));
}

const LEVELS = ['street', 'community', 'compound'] as const;
const STATUSES = ['open', 'planned'] as const;

/** An optional true/false cell (also TRUE/False, 1/0, 是/否); undefined when empty, rejected (R_UNKNOWN_CODE) otherwise. */
function optBool(r: RowReader, name: string): boolean | undefined {
  const v = r.raw(name).toLowerCase();
  if (v === '') return undefined;
  if (v === 'true' || v === '1' || v === '是') return true;
  if (v === 'false' || v === '0' || v === '否') return false;
  return r.reject(name, 'R_UNKNOWN_CODE', `${name} '${clip(v)}' is not true or false`);
}

export function readFacilities(t: CsvTable, crs: Crs, communities: Map<string, number>, rejected: Rejection[]): Facility[] {
  return readRows(t, rejected, (r) => {
    const id = r.str('id');
    const name = r.str('name');
    const [lon, lat] = readLonLat(r, crs);
    const areaM2 = r.limited('area_m2', PLAUSIBLE_LIMITS.areaM2);
    const codes = r
      .str('services')
      .split(';')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    if (codes.length === 0) r.reject('services', 'R_EMPTY', 'services lists no service');
    for (const c of codes) if (!isServiceCode(c)) r.reject('services', 'R_UNKNOWN_CODE', `service '${clip(c)}' is not one of ${SERVICES.join('|')}`);
    const mask = servicesToMask(codes as ServiceCode[]);
    const services = SERVICES.filter((_, i) => mask & (1 << i));
    const level = r.raw('level') === '' ? undefined : r.oneOf('level', LEVELS);
    const status = r.oneOf('status', STATUSES, 'open');
    const community = readCommunityRef(r, communities) ?? -2;
    const f: Facility = { id, name, lon, lat, areaM2, services, serviceMask: mask, status, community };
    if (level) f.level = level;
    const operator = r.optStr('operator');
    if (operator) f.operator = operator;
    const barrierFree = optBool(r, 'barrier_free');
    if (barrierFree !== undefined) f.barrierFree = barrierFree;
    const elderFriendly = optBool(r, 'elder_friendly');
    if (elderFriendly !== undefined) f.elderFriendly = elderFriendly;
    const childFriendly = optBool(r, 'child_friendly');
    if (childFriendly !== undefined) f.childFriendly = childFriendly;
    return f;
  });
}

export function readCandidates(t: CsvTable, crs: Crs, communities: Map<string, number>, rejected: Rejection[]): Candidate[] {
  return readRows(t, rejected, (r) => {
    const id = r.str('id');
    const name = r.str('name');
    const [lon, lat] = readLonLat(r, crs);
    const areaM2 = r.limited('area_m2', PLAUSIBLE_LIMITS.areaM2);
    const source = r.oneOf('source', CANDIDATE_SOURCES);
    const ownership = r.oneOf('ownership', OWNERSHIPS);
    const costWan = r.optLimited('cost_wan', PLAUSIBLE_LIMITS.costWan);
    const community = readCommunityRef(r, communities) ?? -2;
    const c: Candidate = { id, name, lon, lat, areaM2, source, ownership, community };
    if (costWan !== undefined) c.costWan = costWan;
    const note = r.optStr('note');
    if (note) c.note = note;
    return c;
  });
}

/** A distances.csv row resolved to a building index and a target id. */
export interface DistanceRow {
  building: number;
  to: string;
  distanceM: number;
}

export function readDistanceRows(t: CsvTable, buildings: Map<string, number>, targets: Set<string>, rejected: Rejection[]): DistanceRow[] {
  return readRows(
    t,
    rejected,
    (r) => {
      const from = r.str('from_id');
      const to = r.str('to_id');
      const distanceM = r.num('distance_m', 0);
      const building = buildings.get(from);
      if (building === undefined) r.reject('from_id', 'R_UNKNOWN_BUILDING', `from_id '${clip(from)}' names no accepted building`);
      if (!targets.has(to)) r.reject('to_id', 'R_UNKNOWN_TARGET', `to_id '${clip(to)}' names no accepted facility or candidate`);
      return { building: building as number, to, distanceM };
    },
    false,
  ); // distances.csv has no id column in the contract: an `id` column there is unknown, ignored
}

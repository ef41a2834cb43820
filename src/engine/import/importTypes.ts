import type { MultiPolygon, Polygon } from 'geojson';
import type { Rejection } from '../errors';
import type { ServiceCode } from '../standards/services';
import type { CandidateSource, FacilityLevel, Ownership } from '../types';
import type { ImportRole } from './vocabulary';

/** A community ready for communities.geojson (WGS84). */
export interface ImportedCommunity {
  id: string;
  name: string;
  street: string;
  district: string;
  households: number;
  population?: number;
  elderly?: number;
  children?: number;
  geometry: Polygon | MultiPolygon;
}

/** A building ready for buildings.csv (WGS84); `estimated` when households were estimated. */
export interface ImportedBuilding {
  id: string;
  lon: number;
  lat: number;
  households: number;
  communityId?: string;
  estimated: boolean;
}

/** A facility ready for facilities.csv (WGS84). */
export interface ImportedFacility {
  id: string;
  name: string;
  lon: number;
  lat: number;
  areaM2: number;
  services: ServiceCode[];
  communityId?: string;
  level?: FacilityLevel;
  operator?: string;
  status: 'open' | 'planned';
}

/** A candidate site ready for candidates.csv (WGS84). */
export interface ImportedCandidate {
  id: string;
  name: string;
  lon: number;
  lat: number;
  areaM2: number;
  source: CandidateSource;
  ownership: Ownership;
  costWan?: number;
  communityId?: string;
  note?: string;
}

/** What happened to one source file (import-report.json, the wizard's validation step). */
export interface FileReport {
  file: string;
  role: ImportRole;
  format: string;
  encoding?: string;
  delimiter?: string;
  sheet?: string;
  headerLine?: number;
  /** CRS label used (WGS84, GCJ02, BD09, EPSG:4545, PRJ:…) and where it came from. */
  crs: string;
  crsFrom: 'option' | 'mapping' | 'file' | 'default';
  /** Field → source header, or `=TEXT` for a constant. */
  columns: Record<string, string>;
  unmapped: string[];
  /** Data rows seen (blank rows and summary rows not counted). */
  rowsRead: number;
  imported: number;
  rejected: number;
  summaryRowsSkipped: number[];
  estimatedHouseholds?: number;
  notes: string[];
}

/** A GCJ-02 / BD-09 hint: the file's points fit the communities better read in another CRS. */
export interface CrsHint {
  file: string;
  role: ImportRole;
  points: number;
  current: string;
  insideCurrent: number;
  suggested: 'WGS84' | 'GCJ02' | 'BD09';
  insideSuggested: number;
  zh: string;
  en: string;
}

/** Result rows of one role (all its files). */
export interface RoleRecords {
  communities: ImportedCommunity[];
  buildings: ImportedBuilding[];
  facilities: ImportedFacility[];
  candidates: ImportedCandidate[];
}

export type { Rejection };

import type { Analysis } from '../analysisTypes';
import { escapeControl, type Rejection } from '../errors';
import { SERVICES } from '../standards/services';
import { UTF8_BOM, capEcho, num4, safeCell, toCsv } from './csv';

/** Header of the CLI's communities.csv (DATA-FORMAT.md section 4), exactly. */
export const COMMUNITIES_CSV_HEADER = [
  'id',
  'name',
  'street',
  'district',
  'households',
  'facility_area_m2',
  'area_per_100hh',
  'shortfall_base_m2',
  'shortfall_enhanced_m2',
  'functions',
  'meets_complex_rule',
  'meets_basic_rule',
  ...SERVICES.map((s) => `coverage_${s}`),
] as const;

/** communities.csv as text, UTF-8 BOM first: one row per community, numbers to 4 decimals. */
export function communitiesCsv(a: Analysis): string {
  const rows = a.communities.map((c) => [
    c.id,
    c.name,
    c.street,
    c.district,
    String(c.households),
    num4(c.facilityAreaM2),
    num4(c.areaPer100hh),
    num4(c.shortfallBaseM2),
    num4(c.shortfallEnhancedM2),
    c.functions.join(';'),
    String(c.meetsComplexRule),
    String(c.meetsBasicRule),
    ...c.coverage.map(num4),
  ]);
  return UTF8_BOM + toCsv(COMMUNITIES_CSV_HEADER, rows);
}

/**
 * rejected.csv as text (columns file,row,id,field,reason), UTF-8 BOM first; the command line
 * and the map's download both write it. Cells echo data, so each is made safe: control
 * characters escaped, the id cut to 200 characters (ECHO_MAX_CHARS), and a cell that
 * would start a spreadsheet formula (= + - @ tab CR) guarded by {@link safeCell}.
 */
export function rejectedCsv(rejected: readonly Rejection[]): string {
  const cell = (v: string) => safeCell(escapeControl(v));
  return (
    UTF8_BOM +
    toCsv(
      ['file', 'row', 'id', 'field', 'reason'],
      rejected.map((r) => [cell(r.file), String(r.row), safeCell(capEcho(escapeControl(r.id))), cell(r.field), cell(r.reason)]),
    )
  );
}

/** summary.json content: the contract's counts first, then the rest of the summary. */
export function summaryJson(a: Analysis, extra: Record<string, unknown> = {}): string {
  // the summary's first five keys are the contract's counts, in the contract's order
  const out = { ...a.summary, policy: a.policy, ...extra };
  return JSON.stringify(out, null, 2) + '\n';
}

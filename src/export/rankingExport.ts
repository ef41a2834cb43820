import { SERVICES, SERVICE_NAMES, UTF8_BOM, safeCell, toCsv, type CommunityResult } from '../engine/index';
import { tFor, type Lang } from '../i18n';
import type { Table } from './blueprintTables';

/**
 * The community analysis / ranking table as shown (the rows given, in their order): need rank,
 * id, name, street, district, households (official count), m² per 100 households (1 decimal),
 * shortfalls at 30 and 80 m² per 100 households (m², whole), walking coverage of each service
 * in percent (1 decimal) and the functions present. Works on the analysis or on a what-if
 * scenario's community results, so no solver run is needed.
 */
export function rankingTable(communities: readonly CommunityResult[], lang: Lang = 'zh'): Table {
  const t = tFor(lang);
  const r1 = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? null : Math.round(v * 10) / 10);
  return {
    name: t('ranking.title'),
    header: [
      t('ranking.rank'),
      t('ranking.id'),
      t('ranking.name'),
      t('ranking.street'),
      t('ranking.district'),
      t('ranking.officialHouseholds'),
      t('ranking.areaPer100'),
      t('ranking.shortfall30'),
      t('ranking.shortfall80'),
      ...SERVICES.map((s) => t('ranking.coverageOf', { service: SERVICE_NAMES[s][lang] })),
      t('ranking.functionsList'),
    ],
    rows: communities.map((c) => [
      c.needRank,
      c.id,
      c.name,
      c.street,
      c.district,
      c.households,
      r1(c.areaPer100hh),
      Math.round(c.shortfallBaseM2),
      Math.round(c.shortfallEnhancedM2),
      ...SERVICES.map((_, k) => r1(c.coverage[k] === null || c.coverage[k] === undefined ? null : c.coverage[k]! * 100)),
      c.functions.map((s) => SERVICE_NAMES[s][lang]).join(lang === 'en' ? '; ' : '、'),
    ]),
  };
}

/** A table as CSV for Excel: UTF-8 with a BOM, CRLF, text guarded against formula injection. */
export function tableCsv(table: Table): string {
  const cell = (v: Table['rows'][number][number]) => (v === null ? '' : typeof v === 'string' ? safeCell(v) : String(v));
  return (
    UTF8_BOM +
    toCsv(
      table.header.map((h) => safeCell(h)),
      table.rows.map((r) => r.map(cell)),
    )
  );
}

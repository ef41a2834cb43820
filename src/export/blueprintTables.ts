import { COMMUNITIES_COLUMNS, SITES_COLUMNS, cellValue, type BlueprintResult, type CodeLabels, type TableCell, type TableColumn } from '../engine/index';
import { tFor, type Lang } from '../i18n';

/** A table with headers in a language, cells as numbers, strings or booleans (for XLSX, CSV and the report). */
export interface Table {
  name: string;
  header: string[];
  rows: TableCell[][];
}

/**
 * A table of engine-style columns (the same ones as the CSV, less the CSV-only codes), headers,
 * levels, services and engine texts in `lang`. The one table builder of the exports: the
 * blueprint's sites and communities and the what-if scenario's sites (scenarioTables.ts).
 */
export function columnsTable<R>(name: string, columns: TableColumn<R>[], rows: readonly R[], labels: CodeLabels, lang: Lang = 'zh'): Table {
  const cols = columns.filter((c) => !c.csvOnly);
  return { name, header: cols.map((c) => c[lang]), rows: rows.map((r) => cols.map((c) => cellValue(c, r, labels, lang))) };
}

/** 点位表 / Sites: one row per recommended site. */
export function sitesTable(r: BlueprintResult, labels: CodeLabels, lang: Lang = 'zh'): Table {
  return columnsTable(tFor(lang)('report:table.sites'), SITES_COLUMNS, r.sites, labels, lang);
}

/** 社区表 / Communities: one row per scope community, before and after. */
export function communitiesTable(r: BlueprintResult, lang: Lang = 'zh'): Table {
  const codes = { source: (c: string) => c, ownership: (c: string) => c }; // no source or ownership column
  return columnsTable(tFor(lang)('report:table.communities'), COMMUNITIES_COLUMNS, r.communities, codes, lang);
}

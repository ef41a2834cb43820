import { COMMUNITIES_COLUMNS, SITES_COLUMNS, cellValue, type BlueprintResult, type CodeLabels, type TableCell, type TableColumn } from '../engine/index';
import { tFor } from '../i18n';

/** A table with Chinese headers, cells as numbers, strings or booleans (for XLSX and the report). */
export interface Table {
  name: string;
  header: string[];
  rows: TableCell[][];
}

/** A table of the engine's columns (the same ones as the CSV, less the CSV-only codes), Chinese headers. */
function table<R>(name: string, columns: TableColumn<R>[], rows: R[], labels: CodeLabels): Table {
  const cols = columns.filter((c) => !c.csvOnly);
  return { name, header: cols.map((c) => c.zh), rows: rows.map((r) => cols.map((c) => cellValue(c, r, labels))) };
}

/** 点位表: one row per recommended site. */
export function sitesTable(r: BlueprintResult, labels: CodeLabels): Table {
  return table(tFor('zh')('report:table.sites'), SITES_COLUMNS, r.sites, labels);
}

/** 社区表: one row per scope community, before and after. */
export function communitiesTable(r: BlueprintResult): Table {
  const codes = { source: (c: string) => c, ownership: (c: string) => c }; // no source or ownership column
  return table(tFor('zh')('report:table.communities'), COMMUNITIES_COLUMNS, r.communities, codes);
}

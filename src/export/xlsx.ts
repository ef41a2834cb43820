import { tFor, type Lang } from '../i18n';
import type { Table } from './blueprintTables';

/**
 * An .xlsx workbook with one sheet per table (the tables' headers, bold, frozen first row); the
 * workbook's creator is the app's name in `lang`.
 * exceljs is loaded on demand (its browser build, ~1 MB) so the map does not pay for it.
 * Text cells stay text: xlsx stores them as strings, never as formulas.
 */
export async function tablesXlsx(tables: Table[], lang: Lang = 'zh'): Promise<Uint8Array> {
  const mod = await import('exceljs');
  const ExcelJS = (mod as unknown as { default?: typeof mod }).default ?? mod;
  const wb = new ExcelJS.Workbook();
  wb.creator = tFor(lang)('app.title');
  wb.created = new Date(0);
  for (const t of tables) {
    const ws = wb.addWorksheet(t.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow(t.header);
    ws.getRow(1).font = { bold: true };
    for (const row of t.rows) ws.addRow(row.map((v) => (v === null ? null : v)));
    ws.columns.forEach((col, i) => {
      col.width = Math.min(40, Math.max(8, t.header[i].length * 2 + 2));
    });
  }
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}

import { type Rejection, rejectedCsv, safeCell, toCsv } from '../../engine/index';
import { downloadText } from '../../export/download';
import { datedName } from '../../export/fileName';
import { tFor, type Lang } from '../../i18n';

/** The file name of the command line's list of rejected rows. */
export const REJECTED_CSV = 'rejected.csv';

/**
 * The rejected rows as the command line writes rejected.csv (UTF-8 with BOM, ids and values
 * guarded against formula injection, control characters escaped), with the header row
 * (file, row, id, field, reason) in `lang`: every line after the header is the CLI's.
 */
export function rejectedCsvIn(rejected: readonly Rejection[], lang: Lang): string {
  const t = tFor(lang);
  const csv = rejectedCsv(rejected);
  const header = toCsv(
    [t('dataCheck:file'), t('dataCheck:row'), t('dataCheck:id'), t('dataCheck:field'), t('dataCheck:reason')].map((h) => safeCell(h)),
    [],
  );
  const body = csv.slice(csv.indexOf('\r\n') + 2);
  return csv.slice(0, 1) + header + body; // BOM, header, the CLI's rows
}

/** Save the rejected rows, file name and header in the UI language (`渝邻图_被剔除的行_2026-11-30.csv`). */
export function downloadRejected(rejected: readonly Rejection[], lang: Lang = 'zh'): void {
  downloadText(datedName(tFor(lang)('dataCheck:rejectedFile'), 'csv'), rejectedCsvIn(rejected, lang), 'text/csv;charset=utf-8');
}

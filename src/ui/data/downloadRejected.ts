import { type Rejection, rejectedCsv } from '../../engine/index';
import { downloadText } from '../../export/download';

/** The file name of the download, as the command line writes it. */
export const REJECTED_CSV = 'rejected.csv';

/** Save the rejected rows as rejected.csv (file,row,id,field,reason; UTF-8 with BOM, as `analyze` writes it). */
export function downloadRejected(rejected: readonly Rejection[]): void {
  downloadText(REJECTED_CSV, rejectedCsv(rejected), 'text/csv;charset=utf-8');
}

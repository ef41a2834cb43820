import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REJECT_REASONS, type Rejection } from '../../engine/index';
import { fmtNum } from '../format';
import { useLang } from '../../i18n/lang';

/** Rows per page of the rejected list: a page renders at once, thousands of rows do not. */
export const REJECTED_PAGE_SIZE = 100;

/** The reason of a rejection in the UI language: the policy wording in Chinese, the engine's own sentence (with the value) in English. */
export function reasonText(r: Rejection, lang: string): string {
  return lang === 'en' ? r.reason : REJECT_REASONS[r.code].zh;
}

/**
 * The rejected rows (file, row, id, field, reason), filterable by file and paged. Every value
 * from the data is React text, never markup.
 */
export function RejectedTable({ rejected }: { rejected: readonly Rejection[] }) {
  const { t } = useTranslation(['translation', 'dataCheck']);
  const lang = useLang();
  const [file, setFile] = useState('');
  const [page, setPage] = useState(0);
  const files = useMemo(() => [...new Set(rejected.map((r) => r.file))], [rejected]);
  const shown = useMemo(() => (file ? rejected.filter((r) => r.file === file) : rejected), [rejected, file]);
  const pages = Math.max(1, Math.ceil(shown.length / REJECTED_PAGE_SIZE));
  const p = Math.min(page, pages - 1);
  const rows = shown.slice(p * REJECTED_PAGE_SIZE, (p + 1) * REJECTED_PAGE_SIZE);

  if (rejected.length === 0) return <p className="muted">{t('dataCheck:none')}</p>;
  return (
    <div className="rejected-list">
      <label className="rejected-filter">
        <span>{t('dataCheck:filter')}</span>
        <select
          value={file}
          data-testid="rejected-filter"
          onChange={(e) => {
            setFile(e.target.value);
            setPage(0);
          }}
        >
          <option value="">{t('dataCheck:allFiles')}</option>
          {files.map((f) => (
            <option key={f} value={f}>
              {f}
            </option>
          ))}
        </select>
      </label>
      <div className="rejected-scroll">
        <table className="data-table" data-testid="rejected-rows">
          <thead>
            <tr>
              <th>{t('dataCheck:file')}</th>
              <th className="num">{t('dataCheck:row')}</th>
              <th>{t('dataCheck:id')}</th>
              <th>{t('dataCheck:field')}</th>
              <th>{t('dataCheck:reason')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.file}:${r.row}`} data-file={r.file} data-row={r.row}>
                <td>{r.file}</td>
                <td className="num">{r.row}</td>
                <td className="rejected-id">{r.id}</td>
                <td>{r.field}</td>
                <td data-code={r.code} title={r.reason}>
                  {reasonText(r, lang)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 && (
        <div className="pager" data-testid="rejected-pager">
          <button type="button" disabled={p === 0} onClick={() => setPage(p - 1)}>
            {t('dataCheck:prev')}
          </button>
          <span>{t('dataCheck:page', { page: p + 1, pages, n: fmtNum(shown.length, lang) })}</span>
          <button type="button" disabled={p >= pages - 1} onClick={() => setPage(p + 1)}>
            {t('dataCheck:next')}
          </button>
        </div>
      )}
    </div>
  );
}

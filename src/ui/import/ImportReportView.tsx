import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportResult } from '../../engine/index';
import { useLang } from '../../i18n/lang';
import { applyHint } from '../../state/importActions';
import { RejectedTable } from '../data/RejectedTable';
import { fmtNum } from '../format';

/** The validation report: per file rows read / imported / rejected, the CRS hints with their one-click fix, the rejected rows. */
export function ImportReportView({ result, onDownloadRejected }: { result: ImportResult; onDownloadRejected: () => void }) {
  const { t } = useTranslation('import');
  const lang = useLang();
  const r = result.report;
  const imported = r.files.reduce((s, f) => s + f.imported, 0);
  const top = useRef<HTMLElement>(null);
  // a new report comes into view. A block body, not an expression: Chromium's scrollIntoView now
  // returns a Promise, which React would take for the effect's cleanup and call on unmount
  // ("destroy is not a function"), blanking the app when a hint's fix clears the report.
  useEffect(() => {
    void top.current?.scrollIntoView({ block: 'start' });
  }, [result]);
  return (
    <section className="import-report" data-testid="import-report" ref={top}>
      <h3>{t('report')}</h3>
      <table className="data-table">
        <thead>
          <tr>
            <th>{t('colFile')}</th>
            <th>{t('colRole')}</th>
            <th>{t('colCrs')}</th>
            <th className="num">{t('colRead')}</th>
            <th className="num">{t('colImported')}</th>
            <th className="num">{t('colRejected')}</th>
          </tr>
        </thead>
        <tbody>
          {r.files.map((f, i) => (
            <tr key={i} data-testid={`report-row-${f.file}`}>
              <td>{f.file}</td>
              <td>{t(`roles.${f.role}`)}</td>
              <td>{f.crs}</td>
              <td className="num">{fmtNum(f.rowsRead, lang)}</td>
              <td className="num">{fmtNum(f.imported, lang)}</td>
              <td className={`num ${f.rejected ? 'bad' : ''}`}>{fmtNum(f.rejected, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {r.roads && <p className="muted">{t('roadsLine', { file: r.roads.file, n: r.roads.features })}</p>}
      <p data-testid="import-total">{t('total', { imported: fmtNum(imported, lang), rejected: fmtNum(r.rejectedRows, lang) })}</p>
      {r.hints.map((h, i) => (
        <p key={i} className="import-hint" role="status" data-testid="import-hint">
          <span>{t('hintText', { text: lang === 'en' ? h.en : h.zh })}</span>
          <button type="button" data-testid={`hint-fix-${h.file}`} onClick={() => applyHint(h.file, h.suggested)}>
            {t('fix', { crs: h.suggested })}
          </button>
        </p>
      ))}
      {result.rejected.length > 0 && (
        <>
          <RejectedTable rejected={result.rejected} />
          <button type="button" className="secondary" data-testid="import-download-rejected" onClick={onDownloadRejected}>
            {t('downloadRejected')}
          </button>
        </>
      )}
    </section>
  );
}

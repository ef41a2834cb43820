import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { DataNote, DataReport } from '../../worker/protocol';
import { fmtNum } from '../format';
import { downloadRejected } from './downloadRejected';
import { noteText } from './noteText';
import { RejectedTable } from './RejectedTable';
import './data.css';
import { useLang } from '../../i18n/lang';

/** The notes of a report plus the note of files ignored when the folder was opened. */
export function notesWithIgnored(report: DataReport, ignored: readonly string[]): DataNote[] {
  return ignored.length > 0 ? [...report.notes, { kind: 'ignored', files: [...ignored] }] : report.notes;
}

/**
 * 数据检查 / Data check: rows accepted and rejected per file, the loader's notes, every
 * rejected row (filterable, paged) and rejected.csv to download.
 */
export function DataCheckDialog({ report, ignored = [], packageName, onClose }: { report: DataReport; ignored?: readonly string[]; packageName?: string; onClose: () => void }) {
  const { t } = useTranslation(['translation', 'dataCheck']);
  const lang = useLang();
  const box = useRef<HTMLDivElement>(null);
  const notes = notesWithIgnored(report, ignored);
  const total = report.files.reduce((s, f) => ({ accepted: s.accepted + f.accepted, rejected: s.rejected + f.rejected }), { accepted: 0, rejected: 0 });

  useEffect(() => {
    box.current?.focus();
  }, []);

  return (
    <div className="data-check-backdrop" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={box}
        className="data-check"
        role="dialog"
        aria-modal="true"
        aria-labelledby="data-check-title"
        tabIndex={-1}
        data-testid="data-check"
        onKeyDown={(e) => e.key === 'Escape' && onClose()}
      >
        <header className="data-check-head">
          <h2 id="data-check-title">{t('dataCheck:title')}</h2>
          {packageName && <span className="muted">{packageName}</span>}
          <button type="button" className="data-check-close" onClick={onClose} aria-label={t('common.close')}>
            ×
          </button>
        </header>

        <section>
          <h3>{t('dataCheck:files')}</h3>
          <table className="data-table" data-testid="file-counts">
            <thead>
              <tr>
                <th>{t('dataCheck:file')}</th>
                <th className="num">{t('dataCheck:accepted')}</th>
                <th className="num">{t('dataCheck:rejectedRows')}</th>
              </tr>
            </thead>
            <tbody>
              {report.files.map((f) => (
                <tr key={f.file} data-file={f.file}>
                  <td>{f.file}</td>
                  <td className="num" data-testid="accepted">
                    {fmtNum(f.accepted, lang)}
                  </td>
                  <td className={`num ${f.rejected > 0 ? 'bad' : ''}`} data-testid="rejected">
                    {fmtNum(f.rejected, lang)}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr data-file="">
                <th>{t('dataCheck:total')}</th>
                <th className="num">{fmtNum(total.accepted, lang)}</th>
                <th className="num" data-testid="rejected-total">
                  {fmtNum(total.rejected, lang)}
                </th>
              </tr>
            </tfoot>
          </table>
        </section>

        <section>
          <h3>{t('dataCheck:notes')}</h3>
          {notes.length === 0 ? (
            <p className="muted">{t('dataCheck:noNotes')}</p>
          ) : (
            <ul className="data-notes" data-testid="data-notes">
              {notes.map((n, i) => (
                <li key={i} data-kind={n.kind}>
                  {noteText(n, t, lang)}
                </li>
              ))}
            </ul>
          )}
        </section>

        <section>
          <h3>{t('dataCheck:list')}</h3>
          <RejectedTable rejected={report.rejected} />
        </section>

        <footer className="data-check-foot">
          {report.rejected.length > 0 && (
            <>
              <button type="button" data-testid="download-rejected" onClick={() => downloadRejected(report.rejected, lang)}>
                {t('dataCheck:download')}
              </button>
              <span className="muted">{t('dataCheck:downloadHint')}</span>
            </>
          )}
          <div className="spacer" />
          <button type="button" onClick={onClose}>
            {t('common.close')}
          </button>
        </footer>
      </div>
    </div>
  );
}

import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useLang } from '../../i18n/lang';
import { TABLE_ROLES, type WizardRole } from '../../state/importRequest';
import {
  addImportFiles,
  importedPackageZip,
  openImport,
  removeEntry,
  resetImport,
  runWizardImport,
  setEntryRole,
  setEstimate,
  wizardMappingJson,
} from '../../state/importActions';
import { useImport } from '../../state/importStore';
import { downloadBlob } from '../../export/download';
import { CrsSelect } from './CrsSelect';
import { ImportReportView } from './ImportReportView';
import { MappingTable } from './MappingTable';
import './import.css';

const ROLES: readonly WizardRole[] = [...TABLE_ROLES, 'roads', 'dem', 'mapping', 'ignore'];
/** The import's progress (stage and per cent), subscribed to on its own so that progress messages repaint only this. */
function ImportProgressBar() {
  const { t } = useTranslation('import');
  const progress = useImport((s) => s.progress);
  if (!progress) return null;
  return (
    <div className="import-progress" role="status" data-testid="import-progress">
      {t('importing', { stage: progress.stage, pct: Math.round(progress.fraction * 100) })}
      <progress max={1} value={progress.fraction} aria-label={t('importing', { stage: progress.stage, pct: Math.round(progress.fraction * 100) })} />
    </div>
  );
}

/** Package files handed to the map (the report files stay in the saved zip). */
const PACKAGE_FILES = /^(manifest\.json|communities\.geojson|buildings\.csv|facilities\.csv|candidates\.csv|roads\.geojson)$/;

/**
 * The 导入数据 wizard: files → roles → column mapping with a preview → CRS per file → import in
 * the worker with progress → validation report → 分析 (the package loaded as an opened folder
 * is) or 保存数据包 (a deterministic zip). Errors are shown here, in the UI language, naming the file.
 */
export function ImportWizard({ onAnalyse }: { onAnalyse: (files: File[]) => void }) {
  const { t } = useTranslation('import');
  const lang = useLang();
  // everything but the progress: a progress message re-renders only <ImportProgressBar>
  const s = useImport(useShallow(({ open, entries, estimate, phase, error, result }) => ({ open, entries, estimate, phase, error, result })));
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  if (!s.open) return null;
  const tables = s.entries.filter((e) => (TABLE_ROLES as readonly string[]).includes(e.role));
  const busy = s.phase === 'importing' || s.entries.some((e) => e.busy);
  const result = s.result;
  const files = (list: FileList | null) => {
    if (list && list.length) void addImportFiles([...list]);
  };
  const packageFiles = () =>
    Object.entries(result?.files ?? {})
      .filter(([n]) => PACKAGE_FILES.test(n))
      .map(([n, b]) => new File([b as Uint8Array<ArrayBuffer>], n));
  return (
    <div className="import-backdrop">
      <div className="import-wizard" role="dialog" aria-modal="true" aria-labelledby="import-title" data-testid="import-wizard">
        <div className="import-head">
          <h2 id="import-title">{t('title')}</h2>
          <button type="button" className="secondary" onClick={resetImport} disabled={busy}>
            {t('reset')}
          </button>
          <button type="button" className="import-close" aria-label={t('close')} onClick={() => openImport(false)}>
            ×
          </button>
        </div>
        <p className="muted">{t('intro')}</p>
        <div
          className={`import-drop ${over ? 'over' : ''}`}
          data-testid="import-drop"
          onDragOver={(e) => {
            e.preventDefault();
            e.stopPropagation();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={(e) => {
            e.preventDefault();
            e.stopPropagation();
            setOver(false);
            files(e.dataTransfer.files);
          }}
        >
          <span>{t('drop')}</span>
          <button type="button" onClick={() => input.current?.click()}>
            {t('pick')}
          </button>
          <input
            ref={input}
            type="file"
            hidden
            multiple
            data-testid="import-input"
            onChange={(e) => {
              files(e.target.files);
              e.target.value = '';
            }}
          />
        </div>

        {s.entries.length > 0 && (
          <section>
            <h3>{t('files')}</h3>
            <table className="data-table" data-testid="import-files">
              <thead>
                <tr>
                  <th>{t('file')}</th>
                  <th>{t('role')}</th>
                  <th className="num">{t('colRead')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {s.entries.map((e) => (
                  <tr key={e.id} data-testid={`entry-${e.name}`}>
                    <td>
                      {e.name}
                      {e.files.length > 1 && (
                        <span className="muted">
                          {' '}
                          (+
                          {e.files
                            .slice(1)
                            .map((f) => f.name.replace(/^.*\./, '.'))
                            .join(' ')}
                          )
                        </span>
                      )}
                      {e.error && (
                        <div className="import-error" role="alert" data-testid="entry-error">
                          {lang === 'en' ? e.error.en : e.error.zh}
                        </div>
                      )}
                    </td>
                    <td>
                      <select
                        aria-label={`${t('role')} · ${e.name}`}
                        data-testid={`role-${e.name}`}
                        value={e.role}
                        onChange={(ev) => void setEntryRole(e.id, ev.target.value as WizardRole)}
                      >
                        {ROLES.map((r) => (
                          <option key={r} value={r}>
                            {t(`roles.${r}`)}
                          </option>
                        ))}
                      </select>
                      {e.guessed && e.guessed !== e.role && <span className="muted"> {t('guessed', { role: t(`roles.${e.guessed}`) })}</span>}
                    </td>
                    <td className="num">
                      {e.busy
                        ? t('reading')
                        : e.previews.length
                          ? t(e.previews.every((p) => p.complete) ? 'rows' : 'rowsAbout', { n: e.previews.reduce((n, p) => n + p.rows, 0) })
                          : ''}
                    </td>
                    <td>
                      <button type="button" className="secondary" onClick={() => removeEntry(e.id)} disabled={busy}>
                        {t('remove')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}

        {tables.some((e) => e.previews.length) && (
          <section>
            <h3>{t('mapping')}</h3>
            <p className="muted">{t('mappingNote')}</p>
            {tables.map((e) => (
              <MappingTable key={e.id} entry={e} estimate={s.estimate} />
            ))}
          </section>
        )}

        {tables.length > 0 && (
          <section>
            <h3>{t('crs')}</h3>
            {tables.map((e) => (
              <CrsSelect key={e.id} entry={e} />
            ))}
          </section>
        )}

        <div className="import-actions">
          <label>
            <input type="checkbox" checked={s.estimate} onChange={(e) => setEstimate(e.target.checked)} data-testid="import-estimate" /> {t('estimate')}
          </label>
          <div className="spacer" />
          <button type="button" data-testid="import-run" disabled={busy || tables.length === 0} onClick={() => void runWizardImport()}>
            {t('run')}
          </button>
        </div>
        {tables.length === 0 && s.entries.length > 0 && <p className="muted">{t('noTables')}</p>}
        <ImportProgressBar />
        {s.error && (
          <div className="import-error" role="alert" data-testid="import-error">
            <strong>{t('failed')}</strong> {lang === 'en' ? s.error.en : s.error.zh}
          </div>
        )}
        {result && (
          <>
            <ImportReportView
              result={result}
              onDownloadRejected={() =>
                downloadBlob(
                  'import-rejected.csv',
                  new Blob([result.files['import-rejected.csv'] as Uint8Array<ArrayBuffer>], { type: 'text/csv;charset=utf-8' }),
                )
              }
            />
            <div className="import-actions">
              <div className="spacer" />
              <button
                type="button"
                data-testid="import-save-mapping"
                className="secondary"
                onClick={() =>
                  void wizardMappingJson().then((b) => downloadBlob('mapping.json', new Blob([b as Uint8Array<ArrayBuffer>], { type: 'application/json' })))
                }
              >
                {t('saveMapping')}
              </button>
              <button
                type="button"
                data-testid="import-save"
                className="secondary"
                onClick={() =>
                  void importedPackageZip(result.files).then((zip) =>
                    downloadBlob(`${result.report.package}.zip`, new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' })),
                  )
                }
              >
                {t('save')}
              </button>
              <button
                type="button"
                data-testid="import-analyse"
                onClick={() => {
                  onAnalyse(packageFiles());
                  openImport(false);
                }}
              >
                {t('analyse')}
              </button>
            </div>
          </>
        )}
      </div>
    </div>
  );
}

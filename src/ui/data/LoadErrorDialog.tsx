import { useTranslation } from 'react-i18next';
import type { WorkerFailure } from '../../worker/protocol';
import './data.css';
import { useLang } from '../../i18n/lang';

/**
 * A folder that cannot be loaded (missing file or column, bad JSON, unknown crs, bad
 * encoding…): the engine's message in Chinese and in English, both naming the file and field,
 * the error code, and — when the map still shows the previous package — that nothing is lost.
 */
export function LoadErrorDialog({ error, kept, ignored = [], onClose }: { error: WorkerFailure; kept: boolean; ignored?: readonly string[]; onClose: () => void }) {
  const { t } = useTranslation(['translation', 'dataCheck']);
  const en = useLang() === 'en';
  const first = en ? error.en : error.zh;
  const second = en ? error.zh : error.en;
  return (
    <div className="data-check-backdrop">
      <div className="data-check load-error" role="alertdialog" aria-labelledby="load-error-title" data-testid="load-error" data-code={error.code}>
        <header className="data-check-head">
          <h2 id="load-error-title">{t('dataCheck:errorTitle')}</h2>
        </header>
        <p className="load-error-msg" lang={en ? 'en' : 'zh-CN'} data-testid="load-error-first">
          {first}
        </p>
        {second !== first && (
          <p className="load-error-msg muted" lang={en ? 'zh-CN' : 'en'} data-testid="load-error-second">
            {second}
          </p>
        )}
        <p className="muted">
          {t('dataCheck:errorCode')}: <code>{error.code}</code>
        </p>
        {kept && <p data-testid="load-error-kept">{t('dataCheck:errorKept')}</p>}
        {ignored.length > 0 && (
          <p className="muted" data-testid="load-error-ignored">
            {t('dataCheck:note.ignored', { files: ignored.join(en ? ', ' : '、') })}
          </p>
        )}
        <footer className="data-check-foot">
          <div className="spacer" />
          <button type="button" onClick={onClose} autoFocus>
            {t('common.close')}
          </button>
        </footer>
      </div>
    </div>
  );
}

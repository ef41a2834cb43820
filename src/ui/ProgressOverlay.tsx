import { useTranslation } from 'react-i18next';
import { useApp } from '../app/store';

/** Loading progress from the worker, or the error the engine reported, in the UI language. */
export function ProgressOverlay() {
  const { t, i18n } = useTranslation();
  const status = useApp((s) => s.status);
  const progress = useApp((s) => s.progress);
  const error = useApp((s) => s.error);
  if (status === 'loading') {
    const stage = t(`data.stage.${progress.stage}`, { defaultValue: progress.stage });
    return (
      <div className="overlay" data-testid="progress" role="status">
        <div className="overlay-box">
          <div>{t('data.loading')}</div>
          <div className="muted">{stage}</div>
          <progress max={1} value={progress.fraction} />
        </div>
      </div>
    );
  }
  if (status === 'error' && error) {
    return (
      <div className="overlay" role="alert" data-testid="load-error">
        <div className="overlay-box error">
          <strong>{t('data.failed')}</strong>
          <div data-code={error.code}>{i18n.language === 'en' ? error.en : error.zh}</div>
          <button type="button" onClick={() => useApp.getState().set({ status: 'ready' })}>
            {t('common.close')}
          </button>
        </div>
      </div>
    );
  }
  return null;
}

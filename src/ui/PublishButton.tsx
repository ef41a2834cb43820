import { useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { DEFAULT_SITE_TITLE } from '../engine/index';
import { useLang } from '../i18n/lang';
import { useApp } from '../state/appStore';
import { useBlueprint } from '../state/blueprintStore';
import { publishPublicMap, type PublishStage } from '../state/publishActions';
import type { PublishApproval, WorkerFailure } from '../worker/protocol';

/** The downloaded zip's file name. */
const ZIP_NAME = 'yulintu-public-map.zip';

function message(err: unknown, lang: 'zh' | 'en'): string {
  const f = err as Partial<WorkerFailure> | null;
  if (f && typeof f.zh === 'string' && typeof f.en === 'string') return lang === 'zh' ? f.zh : f.en;
  return err instanceof Error ? err.message : String(err);
}

function download(bytes: Uint8Array, name: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/zip' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * 发布公众地图: the header button and its dialog. Title, walking mode (along the network only
 * when the package has roads), and which sites of the current blueprint are approved (with
 * their public names); then the site is made (publishActions) and downloaded as a zip.
 */
export function PublishButton() {
  const { t } = useTranslation(['translation', 'publish']);
  const lang = useLang();
  const data = useApp((s) => s.data);
  const sites = useBlueprint((s) => s.run?.result.sites ?? null);
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [mode, setMode] = useState<'euclidean' | 'network'>('euclidean');
  const [approved, setApproved] = useState<Record<string, string | undefined>>({}); // candidate id → public name ('' = none)
  const [stage, setStage] = useState<PublishStage | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!data) return null;
  const hasRoads = (data.roadCount ?? 0) > 0;

  const run = async () => {
    setError(null);
    setResult(null);
    const list: PublishApproval[] = (sites ?? [])
      .filter((s) => approved[s.candidateId] !== undefined)
      .map((s) => ({ candidateId: s.candidateId, services: s.services, level: s.level, publicName: approved[s.candidateId] || undefined }));
    try {
      const out = await publishPublicMap({ title: title.trim() || undefined, mode: hasRoads ? mode : 'euclidean', approved: list }, setStage);
      download(out.zip, ZIP_NAME);
      setResult(t('publish:done', { n: out.fileCount, file: ZIP_NAME }));
    } catch (e) {
      setError(t('publish:failed', { message: message(e, lang) }));
    } finally {
      setStage(null);
    }
  };

  return (
    <>
      <button type="button" data-testid="publish-open" onClick={() => setOpen(!open)} aria-expanded={open}>
        {t('publish:button')}
      </button>
      {open &&
        createPortal(
          <div
            className="dialog"
            role="dialog"
            aria-label={t('publish:title')}
            data-testid="publish-dialog"
            style={{ position: 'fixed', top: 56, right: 12, maxHeight: '80vh', overflowY: 'auto', width: 360 }}
          >
            <h2>{t('publish:title')}</h2>
            <p className="muted">{t('publish:intro')}</p>
            <label className="field">
              <span>{t('publish:siteTitle')}</span>
              <input type="text" value={title} placeholder={DEFAULT_SITE_TITLE} onChange={(e) => setTitle(e.target.value)} data-testid="publish-title" />
            </label>
            <fieldset>
              <legend>{t('publish:mode')}</legend>
              <label className="check">
                <input type="radio" name="publish-mode" checked={mode === 'euclidean' || !hasRoads} onChange={() => setMode('euclidean')} />
                {t('publish:modeEuclidean')}
              </label>
              <label className="check">
                <input
                  type="radio"
                  name="publish-mode"
                  disabled={!hasRoads}
                  checked={hasRoads && mode === 'network'}
                  onChange={() => setMode('network')}
                  data-testid="publish-network"
                />
                {t('publish:modeNetwork')}
              </label>
              {!hasRoads && <p className="muted">{t('publish:noRoads')}</p>}
            </fieldset>
            <fieldset>
              <legend>{t('publish:approvedTitle')}</legend>
              {!sites || sites.length === 0 ? (
                <p className="muted">{t('publish:noBlueprint')}</p>
              ) : (
                sites.map((s) => (
                  <div key={s.candidateId} className="publish-site">
                    <label className="check">
                      <input
                        type="checkbox"
                        checked={approved[s.candidateId] !== undefined}
                        onChange={(e) => setApproved({ ...approved, [s.candidateId]: e.target.checked ? '' : undefined })}
                        data-testid={`publish-approve-${s.candidateId}`}
                      />
                      {t('publish:approve')}: {s.name}
                    </label>
                    {approved[s.candidateId] !== undefined && (
                      <label className="field">
                        <span>{t('publish:publicName')}</span>
                        <input
                          type="text"
                          value={approved[s.candidateId]}
                          title={t('publish:publicNameHint')}
                          onChange={(e) => setApproved({ ...approved, [s.candidateId]: e.target.value })}
                        />
                      </label>
                    )}
                  </div>
                ))
              )}
            </fieldset>
            {stage && (
              <p role="status" data-testid="publish-stage">
                {t(`publish:stage.${stage}`)}
              </p>
            )}
            {result && (
              <p role="status" data-testid="publish-done">
                {result}
              </p>
            )}
            {error && (
              <p role="alert" className="error" data-testid="publish-error">
                {error}
              </p>
            )}
            <button type="button" onClick={run} disabled={stage !== null} data-testid="publish-run">
              {t('publish:publish')}
            </button>{' '}
            <button type="button" className="secondary" onClick={() => setOpen(false)}>
              {t('publish:cancel')}
            </button>
          </div>,
          document.body, // outside the header, whose light-on-dark text colours it would inherit
        )}
    </>
  );
}

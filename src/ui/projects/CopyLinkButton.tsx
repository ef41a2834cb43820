import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** 复制链接: copies the page's URL (view, selection, package and project) and says 已复制. */
export function CopyLinkButton() {
  const { t } = useTranslation('projects');
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2500);
    return () => clearTimeout(timer);
  }, [state]);
  const copy = () => {
    const url = location.href;
    const done = navigator.clipboard?.writeText(url);
    if (!done) {
      setState('failed');
      return;
    }
    done.then(
      () => setState('copied'),
      () => setState('failed'),
    );
  };
  return (
    <button type="button" className="secondary" data-testid="copy-link" data-keep-open onClick={copy} aria-live="polite">
      {state === 'copied' ? t('copied') : state === 'failed' ? t('copyFailed') : t('copyLink')}
    </button>
  );
}

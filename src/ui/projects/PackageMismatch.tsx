import { useTranslation } from 'react-i18next';
import { useApp } from '../../state/appStore';

/** Says that a link named another package, so its camera and selection were not applied. */
export function PackageMismatch() {
  const { t } = useTranslation(['projects', 'translation']);
  const mismatch = useApp((s) => s.pkgMismatch);
  const want = useApp((s) => s.linkPkg);
  const have = useApp((s) => s.pkg);
  const set = useApp((s) => s.set);
  if (!mismatch) return null;
  return (
    <div className="banners">
      <div className="banner mismatch" role="status" data-testid="pkg-mismatch">
        {t('pkgMismatch', { want, have })}{' '}
        <button type="button" className="link" aria-label={t('translation:common.close')} onClick={() => set({ pkgMismatch: false })}>
          ×
        </button>
      </div>
    </div>
  );
}

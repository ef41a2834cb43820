import { useTranslation } from 'react-i18next';
import { tFor } from '../i18n';

/** Marks synthetic sample data and the public view on screen. */
export function Banner({ synthetic, publicView }: { synthetic: boolean; publicView: boolean }) {
  const { t } = useTranslation();
  if (!synthetic && !publicView) return null;
  return (
    <div className="banners">
      {synthetic && (
        <div className="banner synthetic" data-testid="synthetic-banner" role="note">
          {tFor('zh')('banner.synthetic')} / {tFor('en')('banner.synthetic')}
        </div>
      )}
      {publicView && <div className="banner public">{t('banner.publicView')}</div>}
    </div>
  );
}

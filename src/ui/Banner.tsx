import { useTranslation } from 'react-i18next';

/** Marks synthetic sample data and the public view on screen. */
export function Banner({ synthetic, publicView }: { synthetic: boolean; publicView: boolean }) {
  const { t } = useTranslation();
  if (!synthetic && !publicView) return null;
  return (
    <div className="banners">
      {synthetic && (
        <div className="banner synthetic" data-testid="synthetic-banner" role="note">
          示例数据：几何为合成 / Sample data: synthetic geometry
        </div>
      )}
      {publicView && <div className="banner public">{t('banner.publicView')}</div>}
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { useApp } from '../state/appStore';

/** 中文 ⇄ English. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const lang = useApp((s) => s.lang);
  const set = useApp((s) => s.set);
  return (
    <button
      type="button"
      className="lang-switch"
      data-testid="lang-switch"
      aria-label={t('lang.label')}
      onClick={() => set({ lang: lang === 'zh' ? 'en' : 'zh' })}
    >
      {t('lang.switch')}
    </button>
  );
}

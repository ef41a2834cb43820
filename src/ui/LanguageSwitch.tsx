import { useTranslation } from 'react-i18next';
import { useApp } from '../state/appStore';

/**
 * 中文 ⇄ English. Its name is the visible word of the other language (marked with that
 * language); 语言 / Language is its tooltip, so the name and the label agree (WCAG 2.5.3).
 */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const lang = useApp((s) => s.lang);
  const set = useApp((s) => s.set);
  return (
    <button type="button" className="lang-switch" data-testid="lang-switch" title={t('lang.label')} onClick={() => set({ lang: lang === 'zh' ? 'en' : 'zh' })}>
      <span lang={lang === 'zh' ? 'en' : 'zh-CN'}>{t('lang.switch')}</span>
    </button>
  );
}

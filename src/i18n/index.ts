import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { zh } from './zh';
import { en } from './en';
import { registerPilots } from './pilots';

export type Lang = 'zh' | 'en';

/** Initialise i18next once, Chinese by default. */
export function initI18n(lng: Lang = 'zh') {
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      resources: { zh: { translation: zh }, en: { translation: en } },
      lng,
      fallbackLng: 'zh',
      interpolation: { escapeValue: false }, // React escapes; strings are never injected as HTML
      initAsync: false, // resources are bundled: initialise synchronously
    });
    registerPilots(i18next);
  } else if (i18next.language !== lng) {
    void i18next.changeLanguage(lng);
  }
  return i18next;
}

export { i18next };

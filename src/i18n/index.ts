import i18next, { type TFunction } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { NAMESPACES, resources } from './resources';
import type { Lang } from './lang';

export type { Lang } from './lang';
export { toLang, useLang } from './lang';

/** Initialise i18next once, Chinese by default. */
export function initI18n(lng: Lang = 'zh') {
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      resources,
      ns: [...NAMESPACES],
      defaultNS: 'translation',
      lng,
      fallbackLng: 'zh',
      interpolation: { escapeValue: false }, // React escapes; strings are never injected as HTML
      initAsync: false, // resources are bundled: initialise synchronously
    });
  } else if (i18next.language !== lng) {
    void i18next.changeLanguage(lng);
  }
  return i18next;
}

/**
 * A t() bound to one language, for code outside components (actions, exports, formatting):
 * initialises i18next (Chinese) when nothing has yet, without changing the current language.
 */
export function tFor(lng: Lang): TFunction<AllNamespaces> {
  if (!i18next.isInitialized) initI18n('zh');
  return i18next.getFixedT(lng, [...NAMESPACES]);
}

/** Every namespace, `translation` first (its keys need no prefix; the others take `ns:`). */
export type AllNamespaces = ['translation', 'walk', 'dataCheck', 'blueprint', 'report', 'pilots', 'import', 'publish', 'projects'];

export { i18next };

import { useTranslation } from 'react-i18next';

/** A UI language. */
export type Lang = 'zh' | 'en';

/** The UI language of an i18next language tag (`en`, `en-US` → en; anything else → zh). */
export function toLang(tag: string | undefined): Lang {
  return tag?.startsWith('en') ? 'en' : 'zh';
}

/** The UI language, in a component: the one way the UI reads it (follows i18next). */
export function useLang(): Lang {
  const { i18n } = useTranslation();
  return toLang(i18n.language);
}

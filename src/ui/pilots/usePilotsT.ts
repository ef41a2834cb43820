import { useTranslation } from 'react-i18next';
import { PILOTS_NS } from '../../i18n/pilots';

/** `t` of the pilots namespace, and the language. */
export function usePilotsT() {
  const { t, i18n } = useTranslation(PILOTS_NS);
  return { t, lang: i18n.language };
}

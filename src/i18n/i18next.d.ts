import 'i18next';
import type { resources } from './resources';

/** Keys of every t() call are checked against the Chinese resources (the default language). */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: (typeof resources)['zh'];
  }
}

import { blueprintEn, blueprintZh } from './blueprint';
import { dataCheckEn, dataCheckZh } from './dataCheck';
import { en } from './en';
import { publishEn, publishZh } from './publish';
import { reportZh } from './report';
import { walkEn, walkZh } from './walk';
import { zh } from './zh';

/**
 * Every UI string, by language and i18next namespace: `translation` (the default: app, panels,
 * legend), `walk` (walking modes and network), `dataCheck` (data check and load errors),
 * `blueprint` (blueprint, what-if, compare, export panels) and `report` (exported documents,
 * Chinese only: English falls back to it) and `publish` (the 发布公众地图 dialog).
 */
export const resources = {
  zh: { translation: zh, walk: walkZh, dataCheck: dataCheckZh, blueprint: blueprintZh, report: reportZh, publish: publishZh },
  en: { translation: en, walk: walkEn, dataCheck: dataCheckEn, blueprint: blueprintEn, publish: publishEn },
} as const;

export const NAMESPACES = ['translation', 'walk', 'dataCheck', 'blueprint', 'report', 'publish'] as const;

import { blueprintEn, blueprintZh } from './blueprint';
import { dataCheckEn, dataCheckZh } from './dataCheck';
import { en } from './en';
import { projectsEn, projectsZh } from './projects';
import { reportZh } from './report';
import { walkEn, walkZh } from './walk';
import { zh } from './zh';

/**
 * Every UI string, by language and i18next namespace: `translation` (the default: app, panels,
 * legend), `walk` (walking modes and network), `dataCheck` (data check and load errors),
 * `blueprint` (blueprint, what-if, compare, export panels) and `report` (exported documents,
 * Chinese only: English falls back to it), `projects` (kept work, project files, links).
 */
export const resources = {
  zh: { translation: zh, walk: walkZh, dataCheck: dataCheckZh, blueprint: blueprintZh, report: reportZh, projects: projectsZh },
  en: { translation: en, walk: walkEn, dataCheck: dataCheckEn, blueprint: blueprintEn, projects: projectsEn },
} as const;

export const NAMESPACES = ['translation', 'walk', 'dataCheck', 'blueprint', 'report', 'projects'] as const;

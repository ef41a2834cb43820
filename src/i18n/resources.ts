import { blueprintEn, blueprintZh } from './blueprint';
import { dataCheckEn, dataCheckZh } from './dataCheck';
import { en } from './en';
import { importEn, importZh } from './import';
import { projectsEn, projectsZh } from './projects';
import { publishEn, publishZh } from './publish';
import { reportEn, reportZh } from './report';
import { walkEn, walkZh } from './walk';
import { zh } from './zh';
import { pilotsEn, pilotsZh } from './pilots';

/**
 * Every UI string, by language and i18next namespace: `translation` (the default: app, panels,
 * legend), `walk` (walking modes and network), `dataCheck` (data check and load errors),
 * `blueprint` (blueprint, what-if, compare, export panels), `report` (exported documents,
 * Chinese by default; the printable report in English when the UI is), `pilots` (the pilot
 * programme panel), `import` (the 导入数据 wizard), `publish` (the 发布公众地图 dialog) and
 * `projects` (kept work, project files, links).
 */
export const resources = {
  zh: {
    translation: zh,
    walk: walkZh,
    dataCheck: dataCheckZh,
    blueprint: blueprintZh,
    report: reportZh,
    pilots: pilotsZh,
    import: importZh,
    publish: publishZh,
    projects: projectsZh,
  },
  en: {
    translation: en,
    walk: walkEn,
    dataCheck: dataCheckEn,
    blueprint: blueprintEn,
    report: reportEn,
    pilots: pilotsEn,
    import: importEn,
    publish: publishEn,
    projects: projectsEn,
  },
} as const;

export const NAMESPACES = ['translation', 'walk', 'dataCheck', 'blueprint', 'report', 'pilots', 'import', 'publish', 'projects'] as const;

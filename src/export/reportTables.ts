import { SERVICES, SERVICE_NAMES, SITES_COLUMNS, YILAO_YIXIAO, cellValue, type BlueprintResult, type CodeLabels } from '../engine/index';
import { tFor, type Lang } from '../i18n';
import type { Table } from './blueprintTables';

/** A share 0…1 as a percentage with one decimal (`0.0261` → `2.6%`); `—` when missing. */
export function percent(v: number | null | undefined): string {
  return v === null || v === undefined || !Number.isFinite(v) ? '—' : `${(v * 100).toFixed(1)}%`;
}

/** The site columns that fit on paper (the full set stays in the CSV and XLSX). */
const PAPER_SITE_KEYS = ['name', 'community_name', 'level', 'area_m2', 'cost_wan', 'services'];

/**
 * 点位表 for the printable report: name, community, level, floor area (m²), cost (万元) and
 * the bundle, headers and names in the report's language.
 */
export function reportSitesTable(r: BlueprintResult, labels: CodeLabels, lang: Lang = 'zh'): Table {
  const cols = PAPER_SITE_KEYS.map((k) => SITES_COLUMNS.find((c) => c.key === k)!);
  return {
    name: tFor(lang)('report:table.sites'),
    header: cols.map((c) => (lang === 'en' ? c.en : c.zh)),
    rows: r.sites.map((s) =>
      cols.map((c) => {
        const v = cellValue(c, s, labels, lang);
        return c.kind === 'number' && typeof v === 'number' ? Math.round(v * 10) / 10 : v;
      }),
    ),
  };
}

/**
 * 社区表 for the printable report, a short set of columns that fits A4: name, households,
 * facility area per 100 households after the blueprint (m², one decimal), the 30 m² shortfall
 * after (m², whole), the walking coverage of each 一老一小 service after, as percentages, and
 * the new sites.
 */
export function reportCommunitiesTable(r: BlueprintResult, lang: Lang = 'zh'): Table {
  const t = tFor(lang);
  const idx = YILAO_YIXIAO.map((s) => SERVICES.indexOf(s));
  return {
    name: t('report:table.communities'),
    header: [
      t('report:paper.name'),
      t('report:paper.households'),
      t('report:paper.areaPer100'),
      t('report:paper.shortfall'),
      ...YILAO_YIXIAO.map((s) => t('report:paper.coverage', { service: SERVICE_NAMES[s][lang] })),
      t('report:paper.newSites'),
    ],
    rows: r.communities.map((c) => [
      c.name,
      c.households,
      c.households > 0 ? Math.round((c.after.facilityAreaM2 / c.households) * 1000) / 10 : null,
      Math.round(c.after.shortfallBaseM2),
      ...idx.map((k) => percent(c.after.coverage[k])),
      c.newSites.join(lang === 'en' ? ', ' : '、'),
    ]),
  };
}

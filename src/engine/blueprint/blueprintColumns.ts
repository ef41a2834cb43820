import { num4, safeCell } from '../report/csv';
import { SERVICES, SERVICE_NAMES, type ServiceCode } from '../standards/services';
import type { BlueprintSiteResult, CommunityBeforeAfter } from './blueprintTypes';
import { SITE_LEVEL_NAMES, type SiteLevel } from './siteLevel';

/** A cell of a formatted table (XLSX, the printable report): text, number, yes/no or empty. */
export type TableCell = string | number | boolean | null;

/**
 * How a column's value is written:
 * - text: data text; CSV guards it against formula injection ({@link safeCell}), tables keep it;
 * - code: a code or engine text as it is;
 * - raw: a number as it is (coordinates, counts, yuan);
 * - number: CSV to 4 decimals, tables rounded to 4 decimals;
 * - count: CSV to 4 decimals, tables as it is (empty when missing);
 * - boolean: CSV `true`/`false`, tables yes/no;
 * - level: CSV the code, tables its Chinese name;
 * - services: CSV codes joined by `;`, tables Chinese names joined by `、`;
 * - source, ownership: CSV the code, tables the label the caller gives;
 * - custom: the column's own `csv` and `cell`.
 */
export type ColumnKind = 'text' | 'code' | 'raw' | 'number' | 'count' | 'boolean' | 'level' | 'services' | 'source' | 'ownership' | 'custom';

type Value = string | number | boolean | null | undefined | readonly string[];

/** One column of a blueprint table, defined once for CSV, XLSX and the report. */
export interface TableColumn<R> {
  /** CSV header (snake_case, stable: golden files and the CLI read it). */
  key: string;
  /** Header of the XLSX sheet and the report. */
  zh: string;
  en: string;
  kind: ColumnKind;
  get: (r: R) => Value;
  /** Only in the CSV (codes a reader of the Chinese tables does not need). */
  csvOnly?: boolean;
  /** For kind `custom`. */
  csv?: (r: R) => string;
  /** For kind `custom`: the table cell in a language (Chinese by default). */
  cell?: (r: R, lang: 'zh' | 'en') => TableCell;
}

/** Labels of source and ownership codes in the tables (from the UI's strings). */
export interface CodeLabels {
  source: (code: string) => string;
  ownership: (code: string) => string;
}

export { safeCell }; // one definition, with the other CSV helpers (report/csv.ts)

const round4 = (v: number | null, d = 4) => (v === null || !Number.isFinite(v) ? null : Math.round(v * 10 ** d) / 10 ** d);
const serviceNames = (list: readonly string[], lang: 'zh' | 'en') =>
  list.map((s) => SERVICE_NAMES[s as ServiceCode]?.[lang] ?? s).join(lang === 'en' ? ', ' : '、');

/** A column's value as CSV text (before RFC 4180 quoting). */
export function csvValue<R>(col: TableColumn<R>, r: R): string {
  const v = col.get(r);
  switch (col.kind) {
    case 'text':
      return safeCell(String(v ?? ''));
    case 'number':
    case 'count':
      return num4((v ?? null) as number | null);
    case 'services':
      return (v as readonly string[]).join(';');
    case 'custom':
      return col.csv!(r);
    default:
      return String(v ?? '');
  }
}

/**
 * A column's value as a table cell (XLSX, report), source and ownership through `labels`;
 * levels, services and engine texts in `lang` (Chinese by default).
 */
export function cellValue<R>(col: TableColumn<R>, r: R, labels: CodeLabels, lang: 'zh' | 'en' = 'zh'): TableCell {
  const v = col.get(r);
  switch (col.kind) {
    case 'text':
      return (v ?? '') as string;
    case 'number':
      return round4((v ?? null) as number | null);
    case 'level':
      return SITE_LEVEL_NAMES[v as SiteLevel][lang];
    case 'services':
      return serviceNames(v as readonly string[], lang);
    case 'source':
      return labels.source(v as string);
    case 'ownership':
      return labels.ownership(v as string);
    case 'custom':
      return col.cell!(r, lang);
    default:
      return (v ?? null) as TableCell;
  }
}

type Site = BlueprintSiteResult;
type Community = CommunityBeforeAfter;

/** Columns of the sites table (sites.csv, 点位表): one row per recommended site. */
export const SITES_COLUMNS: TableColumn<Site>[] = [
  { key: 'candidate_id', zh: '候选点编号', en: 'Candidate id', kind: 'text', get: (s) => s.candidateId },
  { key: 'name', zh: '名称', en: 'Name', kind: 'text', get: (s) => s.name },
  { key: 'source', zh: '来源类型', en: 'Source', kind: 'source', get: (s) => s.source },
  { key: 'source_tier', zh: '来源优先级', en: 'Source tier', kind: 'raw', get: (s) => s.sourceTier, csvOnly: true },
  { key: 'ownership', zh: '权属', en: 'Ownership', kind: 'ownership', get: (s) => s.ownership },
  { key: 'lon', zh: '经度', en: 'Longitude', kind: 'raw', get: (s) => s.lon },
  { key: 'lat', zh: '纬度', en: 'Latitude', kind: 'raw', get: (s) => s.lat },
  { key: 'area_m2', zh: '建筑面积(m²)', en: 'Floor area (m²)', kind: 'number', get: (s) => s.areaM2 },
  { key: 'cost_wan', zh: '估算投资(万元)', en: 'Estimated cost (10k yuan)', kind: 'number', get: (s) => s.costWan },
  { key: 'cost_estimated', zh: '投资为估算', en: 'Cost estimated from area', kind: 'boolean', get: (s) => s.costEstimated },
  { key: 'level', zh: '类型', en: 'Level', kind: 'level', get: (s) => s.level },
  { key: 'joint', zh: '跨社区联合体', en: 'Joint complex', kind: 'boolean', get: (s) => s.joint },
  { key: 'services', zh: '功能配置', en: 'Bundle', kind: 'services', get: (s) => s.services },
  { key: 'community_id', zh: '所在社区代码', en: 'Community id', kind: 'text', get: (s) => s.communityId, csvOnly: true },
  { key: 'community_name', zh: '所在社区', en: 'Community', kind: 'text', get: (s) => s.communityName },
  ...SERVICES.map((k): TableColumn<Site> => ({
    key: `newly_covered_${k}`,
    zh: `新增覆盖户数_${SERVICE_NAMES[k].zh}`,
    en: `Households newly covered: ${SERVICE_NAMES[k].en}`,
    kind: 'count',
    get: (s) => s.newlyCoveredHouseholds[k] ?? null,
  })),
  {
    key: 'communities_served',
    zh: '服务社区',
    en: 'Communities served',
    kind: 'custom',
    get: () => null,
    csv: (s) => safeCell(s.communitiesServed.map((c) => `${c.id}:${c.households}:${num4(c.sharedAreaM2)}`).join(';')),
    cell: (s, lang) =>
      s.communitiesServed.map((c) => (lang === 'en' ? `${c.name} (${c.households} hh)` : `${c.name}(${c.households}户)`)).join(lang === 'en' ? '; ' : '；'),
  },
  { key: 'shortfall_closed_m2', zh: '弥补30m²缺口(m²)', en: 'Shortfall closed at 30 m² (m²)', kind: 'number', get: (s) => s.shortfallClosedM2 },
  { key: 'subsidy_yuan', zh: '可申请补贴(元)', en: 'Subsidies available (yuan)', kind: 'raw', get: (s) => s.subsidyYuan },
  {
    key: 'levers',
    zh: '适用政策',
    en: 'Policy levers',
    kind: 'custom',
    get: () => null,
    csv: (s) =>
      s.levers
        .filter((l) => l.applicable)
        .map((l) => l.code)
        .join(';'),
    cell: (s, lang) =>
      s.levers
        .filter((l) => l.applicable)
        .map((l) => l[lang])
        .join(lang === 'en' ? '; ' : '；'),
  },
  {
    key: 'why_source',
    zh: '选址理由',
    en: 'Why this source',
    kind: 'custom',
    get: () => null,
    csv: (s) => s.whySource.zh,
    cell: (s, lang) => s.whySource[lang],
  },
];

/** Columns of the communities table (communities-before-after.csv, 社区表): one row per scope community. */
export const COMMUNITIES_COLUMNS: TableColumn<Community>[] = [
  { key: 'id', zh: '社区代码', en: 'Community id', kind: 'text', get: (c) => c.id },
  { key: 'name', zh: '社区名称', en: 'Community', kind: 'text', get: (c) => c.name },
  { key: 'street', zh: '街道', en: 'Street', kind: 'text', get: (c) => c.street },
  { key: 'district', zh: '区县', en: 'District', kind: 'text', get: (c) => c.district },
  { key: 'households', zh: '户数', en: 'Households', kind: 'raw', get: (c) => c.households },
  {
    key: 'new_sites',
    zh: '新增点位',
    en: 'New sites',
    kind: 'custom',
    get: () => null,
    csv: (c) => safeCell(c.newSites.join(';')),
    cell: (c, lang) => c.newSites.join(lang === 'en' ? '; ' : '；'),
  },
  { key: 'facility_area_m2_before', zh: '设施面积_前(m²)', en: 'Facility area before (m²)', kind: 'number', get: (c) => c.before.facilityAreaM2 },
  { key: 'facility_area_m2_after', zh: '设施面积_后(m²)', en: 'Facility area after (m²)', kind: 'number', get: (c) => c.after.facilityAreaM2 },
  { key: 'shortfall_base_m2_before', zh: '30m²缺口_前(m²)', en: 'Shortfall at 30 m² before (m²)', kind: 'number', get: (c) => c.before.shortfallBaseM2 },
  { key: 'shortfall_base_m2_after', zh: '30m²缺口_后(m²)', en: 'Shortfall at 30 m² after (m²)', kind: 'number', get: (c) => c.after.shortfallBaseM2 },
  {
    key: 'shortfall_enhanced_m2_before',
    zh: '80m²缺口_前(m²)',
    en: 'Shortfall at 80 m² before (m²)',
    kind: 'number',
    get: (c) => c.before.shortfallEnhancedM2,
  },
  { key: 'shortfall_enhanced_m2_after', zh: '80m²缺口_后(m²)', en: 'Shortfall at 80 m² after (m²)', kind: 'number', get: (c) => c.after.shortfallEnhancedM2 },
  { key: 'functions_before', zh: '功能_前', en: 'Functions before', kind: 'services', get: (c) => c.before.functions },
  { key: 'functions_after', zh: '功能_后', en: 'Functions after', kind: 'services', get: (c) => c.after.functions },
  { key: 'meets_complex_rule_before', zh: '综合体规则_前', en: 'Complex rule before', kind: 'boolean', get: (c) => c.before.meetsComplexRule },
  { key: 'meets_complex_rule_after', zh: '综合体规则_后', en: 'Complex rule after', kind: 'boolean', get: (c) => c.after.meetsComplexRule },
  { key: 'meets_basic_rule_before', zh: '基本规则_前', en: 'Basic rule before', kind: 'boolean', get: (c) => c.before.meetsBasicRule },
  { key: 'meets_basic_rule_after', zh: '基本规则_后', en: 'Basic rule after', kind: 'boolean', get: (c) => c.after.meetsBasicRule },
  ...SERVICES.flatMap((s, k): TableColumn<Community>[] => [
    {
      key: `coverage_${s}_before`,
      zh: `覆盖率_${SERVICE_NAMES[s].zh}_前`,
      en: `Coverage ${SERVICE_NAMES[s].en} before`,
      kind: 'number',
      get: (c) => c.before.coverage[k],
    },
    {
      key: `coverage_${s}_after`,
      zh: `覆盖率_${SERVICE_NAMES[s].zh}_后`,
      en: `Coverage ${SERVICE_NAMES[s].en} after`,
      kind: 'number',
      get: (c) => c.after.coverage[k],
    },
  ]),
];

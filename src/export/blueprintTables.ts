import { type BlueprintResult, SERVICES, SERVICE_NAMES } from '../engine/index';

/** A table with Chinese headers, cells as numbers, strings or booleans (for XLSX and the report). */
export interface Table {
  name: string;
  header: string[];
  rows: (string | number | boolean | null)[][];
}

const LEVEL_ZH = { complex: '综合体', enhanced: '增强型综合体', scattered: '插花式' } as const;
const svc = (list: readonly string[]) => list.map((s) => SERVICE_NAMES[s as keyof typeof SERVICE_NAMES]?.zh ?? s).join('、');
const round = (v: number | null, d = 4) => (v === null || !Number.isFinite(v) ? null : Math.round(v * 10 ** d) / 10 ** d);

/** 点位表: one row per recommended site. */
export function sitesTable(r: BlueprintResult, labels: { source: (c: string) => string; ownership: (c: string) => string }): Table {
  return {
    name: '点位表',
    header: ['候选点编号', '名称', '来源类型', '权属', '经度', '纬度', '建筑面积(m²)', '估算投资(万元)', '投资为估算', '类型', '跨社区联合体', '功能配置', '所在社区', ...SERVICES.map((s) => `新增覆盖户数_${SERVICE_NAMES[s].zh}`), '服务社区', '弥补30m²缺口(m²)', '可申请补贴(元)', '适用政策', '选址理由'],
    rows: r.sites.map((s) => [
      s.candidateId,
      s.name,
      labels.source(s.source),
      labels.ownership(s.ownership),
      s.lon,
      s.lat,
      round(s.areaM2),
      round(s.costWan),
      s.costEstimated,
      LEVEL_ZH[s.level],
      s.joint,
      svc(s.services),
      s.communityName ?? '',
      ...SERVICES.map((k) => s.newlyCoveredHouseholds[k] ?? null),
      s.communitiesServed.map((c) => `${c.name}(${c.households}户)`).join('；'),
      round(s.shortfallClosedM2),
      s.subsidyYuan,
      s.levers.filter((l) => l.applicable).map((l) => l.zh).join('；'),
      s.whySource.zh,
    ]),
  };
}

/** 社区表: one row per scope community, before and after. */
export function communitiesTable(r: BlueprintResult): Table {
  return {
    name: '社区表',
    header: ['社区代码', '社区名称', '街道', '区县', '户数', '新增点位', '设施面积_前(m²)', '设施面积_后(m²)', '30m²缺口_前(m²)', '30m²缺口_后(m²)', '80m²缺口_前(m²)', '80m²缺口_后(m²)', '功能_前', '功能_后', '综合体规则_前', '综合体规则_后', '基本规则_前', '基本规则_后', ...SERVICES.flatMap((s) => [`覆盖率_${SERVICE_NAMES[s].zh}_前`, `覆盖率_${SERVICE_NAMES[s].zh}_后`])],
    rows: r.communities.map((c) => [
      c.id,
      c.name,
      c.street,
      c.district,
      c.households,
      c.newSites.join('；'),
      round(c.before.facilityAreaM2),
      round(c.after.facilityAreaM2),
      round(c.before.shortfallBaseM2),
      round(c.after.shortfallBaseM2),
      round(c.before.shortfallEnhancedM2),
      round(c.after.shortfallEnhancedM2),
      svc(c.before.functions),
      svc(c.after.functions),
      c.before.meetsComplexRule,
      c.after.meetsComplexRule,
      c.before.meetsBasicRule,
      c.after.meetsBasicRule,
      ...SERVICES.flatMap((_, k) => [round(c.before.coverage[k]), round(c.after.coverage[k])]),
    ]),
  };
}

/**
 * i18next namespace `report`: the exported documents (file names, the printable report). They
 * are Chinese planning documents whatever the UI language, so this namespace has Chinese only
 * and is always read with `lng: 'zh'` (see {@link tFor}).
 */
export const reportZh = {
  file: {
    blueprint: '一张蓝图_{{scope}}',
    sites: '{{base}}_点位表',
    communities: '{{base}}_社区表',
    map: '渝邻图_地图',
    scenario: '渝邻图方案',
    scenarioName: '方案',
  },
  table: { sites: '点位表', communities: '社区表' },
  scope: { selected: '所选 {{n}} 个社区', all: '全部社区' },
  title: '社区嵌入式服务设施“一张蓝图”——{{scope}}',
  print: '打印 / 存为 PDF',
  meta: '数据包：{{pkg}}\u3000范围：{{scope}}\u3000日期：{{date}}',
  synthetic: '示例数据：几何为合成（社区名称与户数总量来自公开统计资料），不作为规划依据。',
  mapAlt: '地图',
  result: '结果',
  kpi: {
    sites: '新增点位',
    area: '总建筑面积',
    cost: '估算投资',
    subsidy: '可申请补贴',
    solve: '求解',
    optimal: '已证明最优',
    gap: '差距 {{gap}}%',
    wan: '{{v}} 万元',
  },
  coverageTitle: '实施前后：步行覆盖率（浅色为实施前）',
  rulesTitle: '实施前后：达标与缺口',
  yes: '是',
  no: '否',
  assumptions: '假设',
  rules: {
    measure: '指标',
    before: '实施前',
    after: '实施后',
    meetingArea: '每百户 30 m² 达标社区',
    meetingComplex: '综合体功能规则达标社区',
    meetingBasic: '一老一小基本规则达标社区',
    shortfall30: '30 m² 标准缺口合计 (m²)',
    shortfall80: '80 m² 标准缺口合计 (m²)',
    beyond: '步行范围外户数：{{service}}',
  },
};

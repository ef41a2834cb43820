/**
 * Existing facilities and candidate sites: synthetic, with realistic names, service mixes,
 * areas, levels, operators and costs. Some communities are well served, many fall short of
 * 30 m² per 100 households, a few have nothing at all.
 */
import { CANDIDATE_SOURCES, type CandidateSource, type FacilityLevel, type Ownership, type ServiceCode, SERVICES } from '../../src/engine/index';
import { type CommunityCell, samplePoint } from './communities';
import { type Rng, pick, randInt, stream, uniform, weightedIndex } from './rng';

export interface FacilityRow {
  id: string;
  name: string;
  x: number;
  y: number;
  areaM2: number;
  services: ServiceCode[];
  communityId: string;
  level: FacilityLevel;
  operator: string;
  status: 'open' | 'planned';
}

export interface CandidateRow {
  id: string;
  name: string;
  x: number;
  y: number;
  areaM2: number;
  source: CandidateSource;
  ownership: Ownership;
  costWan: number | null;
  communityId: string;
  note: string;
}

/** How well a community is served (drives how many facilities it gets). */
export type ServiceClass = 'none' | 'poor' | 'medium' | 'good';

const root = (c: CommunityCell) => c.name.replace(/(社区|村)$/, '');
const streetRoot = (c: CommunityCell) => c.street.replace(/(街道|镇|乡)$/, '');
const order = (s: ServiceCode[]) => SERVICES.filter((x) => s.includes(x));

interface Template {
  name: (c: CommunityCell, rng: Rng) => string;
  services: (rng: Rng) => ServiceCode[];
  area: [number, number];
  level: FacilityLevel;
  operator: (c: CommunityCell, rng: Rng) => string;
  weight: number;
}

const maybe = (rng: Rng, p: number, s: ServiceCode): ServiceCode[] => (rng() < p ? [s] : []);
const resident = (c: CommunityCell) => (c.name.endsWith('村') ? `${c.name}村民委员会` : `${c.name}居民委员会`);
const ELDER_OPS = ['重庆康颐居家养老服务中心', '重庆乐龄养老服务有限公司', '重庆福寿康养老服务有限公司', '重庆夕阳红养老服务中心（民办非企业）'];
const CHILD_OPS = ['重庆小橡树托育服务有限公司', '重庆童心托育服务中心', '重庆禾苗普惠托育有限公司'];
const MEAL_OPS = ['重庆邻里餐饮管理有限公司', '重庆社区助餐服务有限公司', '重庆家常味餐饮有限公司'];

const COMMUNITY_TEMPLATES: Template[] = [
  {
    name: (c) => `${c.name}养老服务站`,
    services: (r) => ['elderly_care', 'meals', ...maybe(r, 0.4, 'health')],
    area: [100, 300],
    level: 'community',
    operator: (c, r) => (r() < 0.5 ? resident(c) : pick(r, ELDER_OPS)),
    weight: 5,
  },
  {
    name: (c, r) => `${c.name}${pick(r, ['托育园', '普惠托育点', '托育服务中心'])}`,
    services: (r) => ['childcare', ...maybe(r, 0.3, 'play')],
    area: [80, 260],
    level: 'community',
    operator: (_c, r) => pick(r, CHILD_OPS),
    weight: 3,
  },
  {
    name: (c, r) => `${c.name}${pick(r, ['社区食堂', '老年食堂', '长者食堂'])}`,
    services: (r) => ['meals', ...maybe(r, 0.3, 'elderly_care')],
    area: [80, 250],
    level: 'community',
    operator: (_c, r) => pick(r, MEAL_OPS),
    weight: 4,
  },
  { name: (c) => `${c.name}儿童之家`, services: () => ['after_school', 'play'], area: [50, 160], level: 'community', operator: resident, weight: 3 },
  {
    name: (c) => `${c.name}党群服务中心`,
    services: (r) => ['culture', 'housekeeping', ...maybe(r, 0.4, 'fitness')],
    area: [120, 400],
    level: 'community',
    operator: resident,
    weight: 4,
  },
  {
    name: (c) => `${c.name}卫生服务站`,
    services: () => ['health'],
    area: [80, 220],
    level: 'community',
    operator: (c) => `${c.street}社区卫生服务中心`,
    weight: 3,
  },
  { name: (c) => `${c.name}全民健身点`, services: () => ['fitness'], area: [50, 200], level: 'community', operator: resident, weight: 2 },
  {
    name: (c) => `${c.name}便民服务站`,
    services: (r) => ['housekeeping', ...maybe(r, 0.3, 'meals')],
    area: [40, 120],
    level: 'community',
    operator: (_c, r) => pick(r, ['重庆邻帮家政服务有限公司', '重庆小蜜蜂家政服务有限公司']),
    weight: 2,
  },
  { name: (c) => `${c.name}四点半课堂`, services: () => ['after_school'], area: [50, 120], level: 'community', operator: resident, weight: 2 },
];

const COMPLEX: Template = {
  name: (c) => `渝邻汇·${c.name}嵌入式服务综合体`,
  services: (r) => {
    const s: ServiceCode[] = ['elderly_care', 'meals'];
    if (r() < 0.6) s.push('childcare');
    if (r() < 0.5) s.push('after_school');
    for (const x of ['health', 'culture', 'fitness', 'housekeeping', 'play'] as const) if (r() < 0.35) s.push(x);
    if (s.length < 3) s.push('culture');
    return s;
  },
  area: [600, 1100],
  level: 'community',
  operator: (c, r) => (r() < 0.5 ? `${c.street}办事处` : pick(r, ELDER_OPS)),
  weight: 0,
};

const STREET_TEMPLATES: [Template, number][] = [
  [
    {
      name: (c) => `${c.street}社区养老服务中心`,
      services: (r) => ['elderly_care', 'meals', 'health', 'culture', ...maybe(r, 0.5, 'housekeeping')],
      area: [600, 2000],
      level: 'street',
      operator: (_c, r) => pick(r, ELDER_OPS),
      weight: 0,
    },
    1,
  ],
  [
    {
      name: (c) => `${c.street}社区卫生服务中心`,
      services: (r) => ['health', ...maybe(r, 0.4, 'elderly_care')],
      area: [800, 2000],
      level: 'street',
      operator: (c) => `${c.district}卫生健康委员会`,
      weight: 0,
    },
    0.5,
  ],
  [
    {
      name: (c) => `${c.street}综合文化站`,
      services: () => ['culture', 'fitness', 'play'],
      area: [600, 1500],
      level: 'street',
      operator: (c) => `${c.street}办事处`,
      weight: 0,
    },
    0.35,
  ],
];

const COMPOUND_TEMPLATES: Template[] = [
  {
    name: (c, r) => `${root(c)}${randInt(r, 1, 12)}号院老年活动室`,
    services: (r) => ['culture', ...maybe(r, 0.5, 'elderly_care')],
    area: [30, 120],
    level: 'compound',
    operator: (_c, r) => pick(r, ['小区物业服务中心', '小区业主委员会']),
    weight: 2,
  },
  { name: (c) => `${root(c)}小区儿童游乐场`, services: () => ['play'], area: [40, 150], level: 'compound', operator: () => '小区物业服务中心', weight: 1 },
  {
    name: (c) => `${root(c)}小区便民服务点`,
    services: () => ['housekeeping'],
    area: [20, 60],
    level: 'compound',
    operator: () => '小区物业服务中心',
    weight: 1,
  },
];

function classify(cells: CommunityCell[], rng: Rng): ServiceClass[] {
  const n = cells.length;
  const classes: ServiceClass[] = cells.map(() => {
    const r = rng();
    return r < 0.15 ? 'good' : r < 0.6 ? 'medium' : 'poor';
  });
  const none = Math.max(1, Math.round(n * 0.05));
  for (let k = 0, placed = 0; placed < none && k < 10 * n; k++) {
    const i = Math.floor(rng() * n);
    if (classes[i] !== 'none') {
      classes[i] = 'none';
      placed++;
    }
  }
  return classes;
}

/** Facilities of one district. Ids are assigned by the caller. */
export function makeFacilities(cells: CommunityCell[], seed: number, districtCode: string): { rows: FacilityRow[]; classes: ServiceClass[] } {
  const rng = stream(seed, 'facilities:' + districtCode);
  const classes = classify(cells, rng);
  const rows: FacilityRow[] = [];
  const add = (c: CommunityCell, t: Template, plannedP: number) => {
    const p = samplePoint(c, rng);
    rows.push({
      id: '',
      name: t.name(c, rng),
      x: p.x,
      y: p.y,
      areaM2: Math.round(uniform(rng, t.area[0], t.area[1])),
      services: order(t.services(rng)),
      communityId: rng() < 0.6 ? c.id : '',
      level: t.level,
      operator: t.operator(c, rng),
      status: rng() < plannedP ? 'planned' : 'open',
    });
  };
  const weights = COMMUNITY_TEMPLATES.map((t) => t.weight);
  cells.forEach((c, k) => {
    const cls = classes[k];
    if (cls === 'none') return;
    const scale = Math.max(0.4, Math.min(1.6, c.households / 2600));
    const base = cls === 'good' ? randInt(rng, 4, 6) : cls === 'medium' ? randInt(rng, 2, 3) : 1;
    const count = Math.max(1, Math.round(base * scale));
    if (cls === 'good' && rng() < 0.5) add(c, COMPLEX, 0.4);
    for (let f = 0; f < count; f++) add(c, COMMUNITY_TEMPLATES[weightedIndex(rng, weights)], 0.08);
    if (rng() < 0.3)
      add(
        c,
        COMPOUND_TEMPLATES[
          weightedIndex(
            rng,
            COMPOUND_TEMPLATES.map((t) => t.weight),
          )
        ],
        0.05,
      );
  });
  const streets = [...new Set(cells.map((c) => c.streetCode))];
  for (const s of streets) {
    const hosts = cells.filter((c, k) => c.streetCode === s && classes[k] !== 'none');
    if (!hosts.length) continue;
    for (const [t, p] of STREET_TEMPLATES) if (rng() < p) add(pick(rng, hosts), t, 0.1);
  }
  return { rows, classes };
}

interface SourceTemplate {
  names: ((c: CommunityCell, rng: Rng) => string)[];
  ownership: [Ownership, number][];
  area: [number, number];
  /** Cost per m², 万元. */
  unitCost: [number, number];
  notes: string[];
  weight: number;
}

const ROADS = ['中山路', '新华路', '民生路', '和平路', '长江路', '人民路', '正街', '健康路', '北区路', '南区路'];

const SOURCES: Record<CandidateSource, SourceTemplate> = {
  idle_state_property: {
    names: [(c) => `${root(c)}国有闲置房产`, (c) => `原${streetRoot(c)}粮站闲置用房`, (c, r) => `${pick(r, ROADS)}${randInt(r, 1, 299)}号国有闲置门面`],
    ownership: [
      ['state', 0.9],
      ['collective', 0.1],
    ],
    area: [150, 1200],
    unitCost: [0.15, 0.3],
    notes: ['产权清晰，国有资产可免租或低租使用', '建筑年代较早，需结构安全鉴定', '临街一层，出入方便', '需加装无障碍坡道'],
    weight: 18,
  },
  vacant_public_rental: {
    names: [(c) => `${root(c)}公租房底层空置用房`, (c) => `${root(c)}公租房小区配套用房`],
    ownership: [['state', 1]],
    area: [80, 400],
    unitCost: [0.1, 0.2],
    notes: ['公租房配套用房，租金低', '位于小区内部，居民步行便利', '层高偏低，适合插花式小型设施'],
    weight: 12,
  },
  idle_office: {
    names: [
      (c) => `原${c.street}办事处旧址`,
      (c) => `${c.name}党群服务中心闲置用房`,
      (c, r) => `原${c.district}${pick(r, ['档案馆', '规划展览室', '机关服务中心'])}闲置办公楼`,
    ],
    ownership: [['state', 1]],
    area: [200, 1500],
    unitCost: [0.2, 0.35],
    notes: ['机构改革后腾退的办公用房', '可整体改造为社区嵌入式服务综合体', '多层无电梯，需加装电梯'],
    weight: 14,
  },
  commercial_vacancy: {
    names: [(c, r) => `${pick(r, ROADS)}商业楼${randInt(r, 1, 4)}层空置底商`, (c) => `${root(c)}商业街空置商铺`],
    ownership: [
      ['private', 0.85],
      ['collective', 0.15],
    ],
    area: [150, 1500],
    unitCost: [0.3, 0.6],
    notes: ['需长期租赁，租金较高', '临主干道，人流量大', '业主愿意合作运营', '商业综合体低效楼层，可整层改造'],
    weight: 18,
  },
  old_factory: {
    names: [(c) => `原重庆${root(c)}机械厂老厂房`, (c) => `原${root(c)}印刷厂旧厂区`, (c) => `原${root(c)}物资仓库`],
    ownership: [
      ['state', 0.7],
      ['collective', 0.3],
    ],
    area: [800, 3000],
    unitCost: [0.25, 0.45],
    notes: ['老旧厂区更新，可申请增加不超过15%建筑面积', '5年过渡期内可继续按原用途和土地权利类型使用', '层高大，适合改造为综合体'],
    weight: 6,
  },
  leftover_land: {
    names: [(c, r) => `${pick(r, ROADS)}边角地`, (c) => `${root(c)}夹心地`, (c) => `${root(c)}插花地`],
    ownership: [
      ['state', 0.7],
      ['collective', 0.3],
    ],
    area: [100, 600],
    unitCost: [0.4, 0.7],
    notes: ['坡地，需筑台后新建', '可建设小型插花式设施', '靠近梯坎，无障碍条件较差', '用地零碎，宜建单层便民设施'],
    weight: 12,
  },
  new_build_colocated: {
    names: [(c, r) => `${root(c)}${pick(r, ['府', '苑', '公馆', '江山'])}项目配建社区用房`, (c) => `${root(c)}新建小区配建用房`],
    ownership: [['private', 1]],
    area: [300, 1500],
    unitCost: [0, 0.05],
    notes: ['开发商无偿提供，面积不计入容积率', '同步规划、同步建设、同步验收、同步交付', '预计2026年交付'],
    weight: 12,
  },
  other: {
    names: [(c) => `原${root(c)}小学闲置校舍`, (c) => `${root(c)}闲置人防工程`, (c) => `原${root(c)}农贸市场`],
    ownership: [
      ['state', 0.8],
      ['collective', 0.2],
    ],
    area: [200, 1200],
    unitCost: [0.2, 0.4],
    notes: ['闲置校舍，需教育部门同意后划转', '人防工程，通风采光需改造', '原市场搬迁后闲置'],
    weight: 8,
  },
};

/** Candidate sites of one district, about 1.1 per community; the first eight cover every source. */
export function makeCandidates(cells: CommunityCell[], classes: ServiceClass[], seed: number, districtCode: string): CandidateRow[] {
  const rng = stream(seed, 'candidates:' + districtCode);
  const n = Math.max(CANDIDATE_SOURCES.length, Math.round(cells.length * 1.1));
  const classWeight = { none: 1.6, poor: 1.4, medium: 1, good: 0.5 };
  const weights = cells.map((c, k) => classWeight[classes[k]] * Math.sqrt(c.households + 100));
  const srcWeights = CANDIDATE_SOURCES.map((s) => SOURCES[s].weight);
  const rows: CandidateRow[] = [];
  for (let k = 0; k < n; k++) {
    const source = k < CANDIDATE_SOURCES.length ? CANDIDATE_SOURCES[k] : CANDIDATE_SOURCES[weightedIndex(rng, srcWeights)];
    const t = SOURCES[source];
    const c = cells[weightedIndex(rng, weights)];
    const p = samplePoint(c, rng);
    const area = Math.round((t.area[0] + (t.area[1] - t.area[0]) * rng() ** 1.8) / 5) * 5;
    const unknownCost = rng() < 0.06;
    rows.push({
      id: '',
      name: pick(rng, t.names)(c, rng),
      x: p.x,
      y: p.y,
      areaM2: area,
      source,
      ownership:
        t.ownership[
          weightedIndex(
            rng,
            t.ownership.map((o) => o[1]),
          )
        ][0],
      costWan: unknownCost ? null : Math.round(area * uniform(rng, t.unitCost[0], t.unitCost[1]) * 10) / 10,
      communityId: rng() < 0.5 ? c.id : '',
      note: pick(rng, t.notes),
    });
  }
  return rows;
}

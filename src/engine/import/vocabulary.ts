/**
 * The import vocabulary: which source headers mean which contract field, and which words
 * in a cell mean which contract code. This one module is the documented table
 * (docs/IMPORT.md prints it); `--mapping FILE` overrides any of it per file.
 *
 * Headers and words are compared after {@link normaliseWord}: Unicode NFKC (full-width
 * letters, digits and brackets become half-width, ㎡ becomes m2), lower case, spaces and a
 * trailing unit in brackets removed (`建筑面积（㎡）` → `建筑面积`), a leading `*` removed.
 */
import type { ServiceCode } from '../standards/services';
import type { CandidateSource, FacilityLevel, Ownership } from '../types';

/** What a source file holds. */
export type ImportRole = 'communities' | 'buildings' | 'facilities' | 'candidates';

export const IMPORT_ROLES: readonly ImportRole[] = ['communities', 'buildings', 'facilities', 'candidates'];

/** Normalise a header or a value word for comparison (see the module comment). */
export function normaliseWord(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^\uFEFF/, '')
    .replace(/\s+/g, '')
    .replace(/^\*+/, '')
    .replace(/[([][^()[\]]*[)\]]$/, '');
}

const ID = ['id', 'code', '编号', '代码', '编码'];
const LON = ['lon', 'lng', 'long', 'longitude', 'x', '经度', '东经', 'x坐标', '横坐标'];
const LAT = ['lat', 'latitude', 'y', '纬度', '北纬', 'y坐标', '纵坐标'];
const HOUSEHOLDS = ['households', '户数', '住户数', '户籍户数', '常住户数', '总户数', '居民户数'];
const COMMUNITY_REF = ['community_id', '所属社区代码', '所属社区编码', '社区代码', '社区编码', '统计用区划代码'];
const AREA = ['area_m2', 'area', '建筑面积', '面积', '使用面积', '房屋面积', '用房面积'];

/**
 * Header synonyms per role: contract field → source headers that mean it. Fields that are
 * not contract columns (`floors`, `floor_area_m2`, `footprint_m2`) feed the households
 * estimate of buildings.
 */
export const HEADER_SYNONYMS: Record<ImportRole, Record<string, readonly string[]>> = {
  communities: {
    id: [...ID, '社区代码', '社区编码', '统计用区划代码', '区划代码', '村社区代码'],
    name: ['name', '名称', '社区名称', '社区', '村社区名称'],
    street: ['street', '所属街道', '街道', '街道名称', '镇街', '所属镇街'],
    district: ['district', '所属区县', '区县', '区', '区县名称'],
    households: HOUSEHOLDS,
    population: ['population', '常住人口', '人口', '总人口'],
    elderly: ['elderly', '老年人口', '60岁以上人口', '60周岁以上人口', '60岁及以上人口'],
    children: ['children', '儿童人口', '0-12岁人口', '0-12周岁人口', '0~12岁人口'],
  },
  buildings: {
    id: [...ID, '楼栋编号', '楼栋代码', '楼栋id', '建筑编号', '建筑代码'],
    lon: LON,
    lat: LAT,
    households: HOUSEHOLDS,
    community_id: COMMUNITY_REF,
    floors: ['floors', '层数', '楼层数', '地上层数', '总层数'],
    floor_area_m2: ['floor_area_m2', '建筑面积', '总建筑面积', '面积'],
    footprint_m2: ['footprint_m2', '基底面积', '占地面积', '建筑基底面积'],
  },
  facilities: {
    id: [...ID, '设施编号', '设施代码', '设施id'],
    name: ['name', '名称', '设施名称', '站点名称', '机构名称'],
    lon: LON,
    lat: LAT,
    area_m2: AREA,
    services: ['services', '服务功能', '服务类型', '功能', '服务内容', '服务项目'],
    community_id: COMMUNITY_REF,
    level: ['level', '设施层级', '层级', '级别', '设施级别'],
    operator: ['operator', '运营单位', '运营主体', '运营方', '运营机构'],
    status: ['status', '运营状态', '状态', '建设状态'],
  },
  candidates: {
    id: [...ID, '候选点编号', '房源编号', '点位编号'],
    name: ['name', '名称', '候选点名称', '房源名称', '点位名称', '地址'],
    lon: LON,
    lat: LAT,
    area_m2: AREA,
    source: ['source', '来源', '房源类型', '用房来源', '房源来源'],
    ownership: ['ownership', '权属', '产权', '产权性质', '权属性质'],
    cost_wan: ['cost_wan', '估算投资', '投资估算', '预计投资', '投资'],
    community_id: COMMUNITY_REF,
    note: ['note', '备注', '说明'],
  },
};

/** Fields a role cannot do without (lon/lat may instead come from a file's geometry). */
export const REQUIRED_FIELDS: Record<ImportRole, readonly string[]> = {
  communities: ['id', 'name', 'street', 'district', 'households'],
  buildings: ['id', 'lon', 'lat', 'households'],
  facilities: ['id', 'name', 'lon', 'lat', 'area_m2', 'services'],
  candidates: ['id', 'name', 'lon', 'lat', 'area_m2', 'source', 'ownership'],
};

/** Service words: the nine names of POLICY.md, their short forms and common variants. */
export const SERVICE_WORDS: Record<ServiceCode, readonly string[]> = {
  elderly_care: ['养老服务', '养老', '居家养老', '社区养老', '日间照料', '养老照护', '助老'],
  childcare: ['托育服务', '托育', '婴幼儿照护', '婴幼儿托育'],
  after_school: ['儿童托管', '托管', '课后托管', '四点半课堂', '托管服务'],
  meals: ['社区助餐', '助餐', '老年食堂', '社区食堂', '长者食堂', '助餐服务'],
  housekeeping: ['家政便民', '家政', '便民', '家政服务', '便民服务'],
  health: ['健康服务', '健康', '卫生服务', '医疗卫生', '卫生'],
  fitness: ['体育健身', '体育', '健身', '全民健身'],
  culture: ['文化休闲', '文化', '休闲', '文化服务', '文化活动'],
  play: ['儿童游憩', '游憩', '儿童游乐', '儿童活动'],
};

/** Separators between service words in one cell: 、 ； ; ， , / | and spaces. */
export const SERVICE_SEPARATORS = /[、；;，,/|\s]+/;

/** Status words: only open facilities count in the analysis. */
export const STATUS_WORDS: Record<'open' | 'planned', readonly string[]> = {
  open: ['运营中', '运营', '已运营', '在运营', '正常运营', '已建成', '建成', '试运营', '开放'],
  planned: ['在建', '规划中', '规划', '拟建', '筹建', '待建', '计划', '建设中'],
};

/** Level words. */
export const LEVEL_WORDS: Record<FacilityLevel, readonly string[]> = {
  street: ['街道级', '街道'],
  community: ['社区级', '社区'],
  compound: ['小区级', '小区', '院落级', '院落'],
};

/** Candidate source words (房源类型). */
export const SOURCE_WORDS: Record<CandidateSource, readonly string[]> = {
  idle_state_property: ['闲置国有房产', '国有闲置房产', '闲置国有资产', '国有闲置用房'],
  vacant_public_rental: ['公租房空置', '空置公租房', '公租房', '闲置公租房'],
  idle_office: ['闲置办公用房', '闲置办公', '办公用房', '闲置党政机关办公用房'],
  commercial_vacancy: ['商业空置', '空置商业', '闲置商铺', '空置商铺', '商业用房'],
  old_factory: ['老旧厂房', '旧厂房', '闲置厂房', '老厂房'],
  leftover_land: ['边角地', '零星用地', '边角空地', '闲置边角地'],
  new_build_colocated: ['新建配建', '配建', '新建', '新建小区配建'],
  other: ['其他', '其它'],
};

/** Ownership words (权属). */
export const OWNERSHIP_WORDS: Record<Ownership, readonly string[]> = {
  state: ['国有', '全民所有', '国有产权'],
  collective: ['集体', '集体所有', '集体产权'],
  private: ['私有', '个人', '私人', '民营', '个人产权'],
};

/** Words that mark a summary line (合计 …): such rows are skipped with a note. */
export const SUMMARY_WORDS: readonly string[] = ['合计', '小计', '总计', '总数', '汇总', 'total', 'subtotal'];

/** Average dwelling size for the households estimate (m² of floor area per household). */
export const DEFAULT_DWELLING_M2 = 90;

/** A lookup from normalised word to code, the codes themselves included. */
export function wordLookup<T extends string>(table: Record<T, readonly string[]>): Map<string, T> {
  const m = new Map<string, T>();
  for (const code of Object.keys(table) as T[]) {
    m.set(normaliseWord(code), code);
    for (const w of table[code]) m.set(normaliseWord(w), code);
  }
  return m;
}

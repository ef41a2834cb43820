import { escapeControl } from './errors';

/**
 * Non-fatal notes about a loaded package, each a code with parameters and a message in
 * Chinese and English (`{name}` is replaced by the parameter). Like the rejection reasons of
 * errors.ts, the code is stable: the UI and tests rely on it, never on the wording.
 */
export const NOTE_MESSAGES = {
  N_GBK: { zh: '{file}：检测到 GBK 编码，已自动转换', en: '{file}: GBK encoding detected' },
  N_CRS: { zh: '坐标已从 {from} 转换为 WGS84', en: 'coordinates converted from {from} to WGS84' },
  N_REPEATED_COLUMN: {
    zh: "{file}：列 '{column}' 出现了不止一次，只读取第一列",
    en: "{file}: column '{column}' appears more than once; the first one is read",
  },
  N_COLUMN_LIKE: {
    zh: "{file}：列 '{column}' 不是 '{like}'（列名须完全一致），已忽略",
    en: "{file}: column '{column}' is not '{like}' (names are exact) and is ignored",
  },
  N_SHARED_TARGET_IDS: {
    zh: 'distances.csv：{count} 个 id 同时是设施和候选点的 id（{ids}），这些距离行对两者都适用',
    en: 'distances.csv: {count} id(s) name both a facility and a candidate ({ids}); their rows apply to both',
  },
  N_DUPLICATE_PAIRS: {
    zh: 'distances.csv：{count} 行重复了前面已有的 from_id / to_id 组合，每组取最短距离',
    en: 'distances.csv: {count} row(s) repeat an earlier from_id / to_id pair; the shortest distance of each pair stands',
  },
  N_FACILITIES_OUTSIDE: {
    zh: '{count} 处设施不在任何社区范围内，其中开放设施的 {areaM2} m² 面积不计入任何社区',
    en: 'facilities in no community: {count}; the {areaM2} m² of the open ones counts for no community',
  },
  N_SELF_INTERSECTING: {
    zh: 'communities.geojson：{count} 个社区的边界自相交（如 {ids}），楼栋归属按奇偶规则判断，请核对边界',
    en: 'communities.geojson: {count} community boundaries cross themselves (e.g. {ids}); buildings are assigned by the even-odd rule, check the boundaries',
  },
} as const;

export type NoteCode = keyof typeof NOTE_MESSAGES;

/** A non-fatal note: a code and the values its message names (file, column, count, m²…). */
export interface EngineNote {
  code: NoteCode;
  params: Readonly<Record<string, string | number>>;
}

/** A note in one language; parameters from data files are escaped ({@link escapeControl}). */
export function noteText(note: EngineNote, lang: 'zh' | 'en'): string {
  return NOTE_MESSAGES[note.code][lang].replace(/\{(\w+)\}/g, (m, k: string) => (k in note.params ? escapeControl(String(note.params[k])) : m));
}

/** A note as written to summary.json: code, parameters and the message in both languages. */
export function noteJson(note: EngineNote): { code: NoteCode; params: EngineNote['params']; zh: string; en: string } {
  return { code: note.code, params: note.params, zh: noteText(note, 'zh'), en: noteText(note, 'en') };
}

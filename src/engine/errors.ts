/**
 * Error codes of the engine, each with a message a planner understands, in Chinese and
 * English. File-level problems throw {@link EngineError}; row-level problems become
 * {@link Rejection}s and never stop a load.
 */
export const ERROR_MESSAGES = {
  E_MISSING_FILE: { zh: '缺少必需文件', en: 'Required file is missing' },
  E_MISSING_COLUMN: { zh: '缺少必需列', en: 'Required column is missing' },
  E_BAD_JSON: { zh: 'JSON 无法解析', en: 'File is not valid JSON' },
  E_BAD_MANIFEST: { zh: 'manifest.json 内容不正确', en: 'manifest.json is not valid' },
  E_BAD_CRS: { zh: '不支持的坐标系（应为 WGS84、GCJ02 或 BD09）', en: 'Unsupported coordinate system (WGS84, GCJ02 or BD09)' },
  E_BAD_GEOJSON: { zh: 'GeoJSON 结构不正确', en: 'GeoJSON structure is not valid' },
  E_BAD_ENCODING: { zh: '文件编码无法识别（应为 UTF-8 或 GBK）', en: 'File encoding not recognised (UTF-8 or GBK expected)' },
  E_MIXED_ENCODING: {
    zh: '文件混用了编码（UTF-8 中夹有无效字节），请整体另存为 UTF-8',
    en: 'File mixes encodings (UTF-8 with an invalid byte); save it all as UTF-8',
  },
  E_UNREADABLE_FILE: { zh: '文件无法读取', en: 'File cannot be read' },
  E_POLICY: { zh: '政策参数文件不正确', en: 'Policy file is not valid' },
  E_NO_ROADS: { zh: '步行网络模式需要 roads.geojson', en: 'Network mode needs roads.geojson' },
  E_NO_DISTANCES: { zh: '矩阵模式需要 distances.csv', en: 'Matrix mode needs distances.csv' },
  E_NO_CANDIDATES: { zh: '选址优化需要 candidates.csv', en: 'Optimisation needs candidates.csv' },
  E_MODE: { zh: '未知的距离模式', en: 'Unknown distance mode' },
  E_NOT_SUPPORTED: { zh: '暂不支持', en: 'Not yet supported' },
  E_ARGUMENT: { zh: '参数不正确', en: 'Invalid argument' },
  E_NOT_SOLVED: { zh: '模型尚未求解', en: 'Model has not been solved' },
  E_SOLVER: { zh: '求解器出错', en: 'Solver failed' },
  E_NO_DATA: { zh: '尚未加载数据', en: 'No data loaded yet' },
  E_CANCELLED: { zh: '已取消', en: 'Cancelled' },
  E_INTERNAL: { zh: '内部错误', en: 'Internal error' },
  E_UNKNOWN_CRS: {
    zh: '未知或缺失的坐标系（可用 wgs84、cgcs2000、gcj02、bd09 或 EPSG:代码）',
    en: 'Unknown or missing coordinate system (wgs84, cgcs2000, gcj02, bd09 or EPSG:code)',
  },
  E_BAD_FILE: { zh: '文件无法读取', en: 'File cannot be read' },
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

/** Where an error or rejection points: file, 1-based data row (or 1-based line of the file), field. */
export interface ErrorPlace {
  file?: string;
  row?: number;
  line?: number;
  field?: string;
  detail?: string;
}

/** An error that stops an operation. `code` is stable; tests and the UI rely on it. */
export class EngineError extends Error {
  readonly code: ErrorCode;
  readonly place: ErrorPlace;
  constructor(code: ErrorCode, place: ErrorPlace = {}) {
    super(formatError(code, place, 'en'));
    this.name = 'EngineError';
    this.code = code;
    this.place = place;
  }
  /** The message in one language. */
  messageIn(lang: 'zh' | 'en'): string {
    return formatError(this.code, this.place, lang);
  }
}

/**
 * Text from a data file made safe to echo in a message or a terminal: control characters
 * (C0, DEL, C1 — among them ESC, which starts ANSI escape sequences) are written as visible
 * escapes (`\x1b`, `\n`), and so are the Unicode line separators and bidirectional overrides
 * (`\u202e`), so a hostile value cannot move the cursor, recolour or clear a terminal, split a
 * message over lines or reverse the text around it.
 */
export function escapeControl(v: string): string {
  // eslint-disable-next-line no-control-regex
  return v.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    const code = c.charCodeAt(0);
    return code > 0xff ? `\\u${code.toString(16)}` : `\\x${code.toString(16).padStart(2, '0')}`;
  });
}

/** One sentence for an error code and place, e.g. `缺少必需列: buildings.csv, lat`; data text escaped ({@link escapeControl}). */
export function formatError(code: ErrorCode, place: ErrorPlace, lang: 'zh' | 'en'): string {
  const parts: string[] = [];
  if (place.file) parts.push(escapeControl(place.file));
  if (place.row !== undefined) parts.push(lang === 'zh' ? `第 ${place.row} 行` : `row ${place.row}`);
  if (place.line !== undefined) parts.push(lang === 'zh' ? `文件第 ${place.line} 行` : `line ${place.line}`);
  if (place.field) parts.push(escapeControl(place.field));
  if (place.detail) parts.push(escapeControl(place.detail));
  const base = ERROR_MESSAGES[code][lang];
  return parts.length ? `${base}: ${parts.join(', ')}` : base;
}

/** Reasons a data row is rejected. */
export const REJECT_REASONS = {
  R_EMPTY: { zh: '必填值为空', en: 'required value is empty' },
  R_NOT_NUMBER: { zh: '不是数字', en: 'not a number' },
  R_NOT_INTEGER: { zh: '不是整数', en: 'not a whole number' },
  R_OUT_OF_RANGE: { zh: '数值超出范围', en: 'value out of range' },
  R_TOO_LARGE: { zh: '数值超出合理上限（见 DATA-FORMAT.md）', en: 'value beyond the plausible limit (see DATA-FORMAT.md)' },
  R_UNKNOWN_CODE: { zh: '代码不在允许列表中', en: 'code not in the allowed list' },
  R_UNKNOWN_COMMUNITY: { zh: 'community_id 不对应任何社区', en: 'community_id names no community' },
  R_DUPLICATE_ID: { zh: 'id 与前面的行重复', en: 'id repeats an earlier row' },
  R_UNKNOWN_BUILDING: { zh: 'from_id 不对应任何建筑', en: 'from_id names no building' },
  R_UNKNOWN_TARGET: { zh: 'to_id 不对应任何设施或候选点', en: 'to_id names no facility or candidate' },
  R_BAD_DATE: { zh: '日期无效（应为 YYYY-MM-DD）', en: 'not a valid date (YYYY-MM-DD)' },
  R_DATE_ORDER: { zh: '日期先后顺序不对', en: 'dates in the wrong order' },
  R_STAGE_BEFORE_DATES: { zh: '阶段早于日期所表明的阶段', en: 'stage earlier than its dates imply' },
  R_NOT_PILOT: { zh: 'community_id 不是试点社区', en: 'community_id names no pilot' },
  R_BAD_GEOMETRY: { zh: '几何无效', en: 'invalid geometry' },
  R_PARSE: { zh: '行格式错误', en: 'malformed row' },
} as const;

export type RejectCode = keyof typeof REJECT_REASONS;

/** A rejected row: kept out of the analysis, counted and listed (DATA-FORMAT.md section 4). */
export interface Rejection {
  file: string;
  /** 1-based data row, header not counted (for GeoJSON: 1-based feature index). */
  row: number;
  id: string;
  field: string;
  code: RejectCode;
  /** English reason with the offending value, as written to rejected.csv. */
  reason: string;
}

/** Human text of a rejection in one language. */
export function rejectionText(r: Rejection, lang: 'zh' | 'en'): string {
  const row = lang === 'zh' ? `第 ${r.row} 行` : `row ${r.row}`;
  return `${escapeControl(r.file)} ${row} ${escapeControl(r.field)}: ${REJECT_REASONS[r.code][lang]}`;
}

/**
 * Reads the real reference tables in data/reference/ (names, codes, census totals).
 * Only files inside the repository are read.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** data/reference/ of this repository. */
export const REFERENCE_DIR = fileURLToPath(new URL('../../data/reference/', import.meta.url));

/** Minimal RFC 4180 CSV parser (quoted fields, "" escapes); returns header-keyed rows. */
export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"') {
        if (s[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  const header = rows.shift() ?? [];
  return rows.filter((r) => r.length > 1 || r[0] !== '').map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

export interface RefCommunity {
  /** 12-digit 统计用区划代码. */
  code: string;
  /** Short name: "东方广场社区" from "东方广场社区居民委员会", "XX村" from "XX村民委员会". */
  name: string;
}

export interface RefStreet {
  /** 9-digit code. */
  code: string;
  name: string;
  communities: RefCommunity[];
}

export interface RefDistrict {
  /** 6-digit code. */
  code: string;
  name: string;
  /** 2020 census: residents. */
  population: number;
  /** 2020 census: 家庭户数. */
  households: number;
  /** Share of residents aged 60+ (census age bands). */
  elderlyShare: number;
  /** Share of residents aged 0-12 (0-9 bands plus 3/5 of the 10-14 band). */
  childShare: number;
  streets: RefStreet[];
}

/** "东方广场社区居民委员会" → "东方广场社区"; "XX村民委员会" → "XX村"; "化龙桥社区工作站" → "化龙桥社区". */
export function shortCommunityName(full: string): string {
  if (full.endsWith('村民委员会')) return full.slice(0, -5) + '村';
  if (full.endsWith('社区居民委员会')) return full.slice(0, -5);
  if (full.endsWith('居民委员会')) return full.slice(0, -5) + '社区';
  if (full.endsWith('社区工作站')) return full.slice(0, -3);
  return full;
}

const read = (file: string) => parseCsv(readFileSync(REFERENCE_DIR + file, 'utf8'));

let cache: Map<string, RefDistrict> | undefined;

/** All districts with both census figures and streets, keyed by 6-digit code. */
export function loadDistricts(): Map<string, RefDistrict> {
  if (cache) return cache;
  const census = read('census2020-chongqing-counties.csv');
  const streets = read('admin-streets-chongqing-2023.csv');
  const villages = read('admin-communities-chongqing-2023.csv');
  const byStreet = new Map<string, RefCommunity[]>();
  for (const v of villages) {
    const list = byStreet.get(v.streetCode) ?? [];
    list.push({ code: v.code, name: shortCommunityName(v.name) });
    byStreet.set(v.streetCode, list);
  }
  const out = new Map<string, RefDistrict>();
  for (const row of census) {
    const code = row['区划代码'];
    if (!/^50\d{4}$/.test(code) || code.endsWith('00')) continue;
    const n = (k: string) => Number(row[k]) || 0;
    const band = (k: string) => n('男_' + k) + n('女_' + k);
    const population = n('人口数_合计');
    const elderly = ['60到64岁', '65到69岁', '70到74岁', '75到79岁', '80到84岁', '85岁以上'].reduce((a, k) => a + band(k), 0);
    const children = band('0岁') + band('1到4岁') + band('5到9岁') + 0.6 * band('10到14岁');
    const ds = streets
      .filter((s) => s.areaCode === code)
      .map((s) => ({ code: s.code, name: s.name, communities: (byStreet.get(s.code) ?? []).sort((a, b) => a.code.localeCompare(b.code)) }))
      .filter((s) => s.communities.length > 0)
      .sort((a, b) => a.code.localeCompare(b.code));
    if (!ds.length || !population) continue;
    out.set(code, {
      code,
      name: row['区县'],
      population,
      households: n('家庭户数'),
      elderlyShare: elderly / population,
      childShare: children / population,
      streets: ds,
    });
  }
  cache = out;
  return out;
}

import { decodeText } from '../package/decodeText';
import { parseCsv } from '../package/parseCsv';
import { ACCESS_FLAGS, type AccessFlag } from './publicTypes';

/** The optional public columns of facilities.csv read by the publisher (outside the data contract). */
export const FACILITY_PUBLIC_COLUMNS = ['accessibility', 'address', 'phone', 'hours'] as const;

/** Public details of one facility, as given in facilities.csv. */
export interface FacilityExtras {
  access?: AccessFlag[];
  address?: string;
  phone?: string;
  hours?: string;
}

/** Zh words publishers may write for a flag, besides the codes themselves. */
const ACCESS_WORDS: Record<string, AccessFlag> = {
  无障碍出入口: 'entrance',
  无障碍入口: 'entrance',
  坡道: 'ramp',
  无障碍坡道: 'ramp',
  电梯: 'lift',
  无障碍电梯: 'lift',
  无障碍卫生间: 'toilet',
  无障碍厕所: 'toilet',
  无障碍停车位: 'parking',
  盲道: 'tactile',
};

/** Strip control characters and clip free text to `max` characters. */
export function cleanText(v: string, max: number): string {
  // eslint-disable-next-line no-control-regex
  const one = v.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();
  return one.length > max ? one.slice(0, max) : one;
}

/**
 * Read the optional public columns of facilities.csv — `accessibility` (flags from
 * {@link ACCESS_FLAGS} or their Chinese names, separated by `;`), `address`, `phone`,
 * `hours` — by facility id. The data contract keeps unknown columns and ignores them, so a
 * package with these columns still loads everywhere. Unknown flags are left out and listed in
 * `notes`. Returns an empty map when none of the columns is present.
 */
export function readFacilityExtras(bytes: Uint8Array | undefined): { byId: Map<string, FacilityExtras>; notes: string[] } {
  const byId = new Map<string, FacilityExtras>();
  const notes: string[] = [];
  if (!bytes) return { byId, notes };
  const { text } = decodeText(bytes, 'facilities.csv');
  const t = parseCsv(text, 'facilities.csv', ['id']);
  const cols = FACILITY_PUBLIC_COLUMNS.filter((c) => t.col.has(c));
  if (cols.length === 0) return { byId, notes };
  const cell = (row: string[], name: string) => {
    const i = t.col.get(name);
    return i === undefined ? '' : (row[i] ?? '').trim();
  };
  t.rows.forEach((row, k) => {
    const id = cell(row, 'id');
    if (!id || byId.has(id)) return;
    const e: FacilityExtras = {};
    const acc = cell(row, 'accessibility');
    if (acc) {
      const flags = new Set<AccessFlag>();
      for (const raw of acc.split(/[;；,，]/)) {
        const w = raw.trim();
        if (!w) continue;
        const f = (ACCESS_FLAGS as readonly string[]).includes(w) ? (w as AccessFlag) : ACCESS_WORDS[w];
        if (f) flags.add(f);
        else notes.push(`facilities.csv: row ${k + 1}, accessibility: '${cleanText(w, 20)}' is not one of ${ACCESS_FLAGS.join('|')}; left out`);
      }
      if (flags.size) e.access = ACCESS_FLAGS.filter((f) => flags.has(f));
    }
    const address = cleanText(cell(row, 'address'), 120);
    if (address) e.address = address;
    const phone = cleanText(cell(row, 'phone'), 40);
    if (phone) e.phone = phone;
    const hours = cleanText(cell(row, 'hours'), 120);
    if (hours) e.hours = hours;
    byId.set(id, e);
  });
  return { byId, notes };
}

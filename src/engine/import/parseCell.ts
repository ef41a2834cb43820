/**
 * Reading numbers as offices write them. A cell is normalised (NFKC: full-width digits
 * become ASCII), a thousands separator between digit groups (`1,234.5`) and one trailing
 * unit (㎡ m2 m² 平方米 平米 户 层 人 万元 元 米 m) are removed; what is left must be a plain
 * decimal. Anything else (`约50`, `0x10`, `12-15`) is not a number.
 */
const UNIT = /(㎡|m2|m²|平方米|平米|户|层|人|万元|元|米|m)$/i;

export function parseNumberCell(cell: string): number | null {
  if (/^-?\d+(\.\d+)?$/.test(cell)) return Number(cell); // the usual case, without normalising
  let s = cell.normalize('NFKC').trim().replace(/\s+/g, '');
  if (s === '') return null;
  s = s.replace(UNIT, '');
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/**
 * A coordinate in decimal degrees, or in degrees-minutes-seconds (`106°33′12.3″`,
 * `106度33分12.3秒`, with `'` and `"` too; an E/W/N/S or 东经/北纬 mark allowed), or a
 * plain number (degrees or projected metres). null when unreadable.
 */
export function parseCoordinateCell(cell: string): number | null {
  const plain = parseNumberCell(cell);
  if (plain !== null) return plain;
  const s = cell
    .normalize('NFKC')
    .trim()
    .replace(/\s+/g, '')
    .replace(/^(东经|北纬|E|N)/i, '')
    .replace(/(E|N)$/i, '');
  const m = /^(\d+(?:\.\d+)?)[°度](?:(\d+(?:\.\d+)?)['′分])?(?:(\d+(?:\.\d+)?)(?:"|″|''|′′|秒))?$/.exec(s);
  if (!m) return null;
  const min = m[2] ? Number(m[2]) : 0;
  const sec = m[3] ? Number(m[3]) : 0;
  if (min >= 60 || sec >= 60) return null;
  return Number(m[1]) + min / 60 + sec / 3600;
}

/**
 * Calendar dates as `YYYY-MM-DD` strings: no time of day, no time zone. Such strings sort
 * and compare as dates (`a < b` ⇔ a is earlier), so the pilot rules compare them directly.
 *
 * "One year" and "three months" after a date are calendar months with end-of-month
 * clamping: the same day of the month N months later, or the last day of that month when it
 * is shorter (2024-02-29 + 12 months = 2025-02-28; 2025-11-30 + 3 months = 2026-02-28;
 * 2025-01-31 + 3 months = 2025-04-30). See docs/PILOTS.md.
 */

/** A calendar date `YYYY-MM-DD` (Gregorian, years 1000–9999). */
export type IsoDate = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days in month `m` (1–12) of year `y`. */
export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function pad(n: number, w: number): string {
  return String(n).padStart(w, '0');
}

/** Format year, month (1–12) and day as `YYYY-MM-DD`. */
export function formatDate(y: number, m: number, d: number): IsoDate {
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/**
 * Read a date written `YYYY-MM-DD`, or as Excel on a Chinese system writes it, `YYYY/M/D`
 * or `YYYY-M-D`; returns the normalised `YYYY-MM-DD`, or null when it is not a real date
 * (2025-02-29, 2025-13-01, 20250101, 2025.1.1).
 */
export function parseDate(text: string): IsoDate | null {
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(text.trim());
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < 1000 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return formatDate(y, mo, d);
}

function parts(date: IsoDate): [number, number, number] {
  const m = ISO.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** `date` plus `months` calendar months (may be negative), the day clamped to the month's end. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = parts(date);
  const k = y * 12 + (m - 1) + months;
  const ny = Math.floor(k / 12);
  const nm = k - ny * 12 + 1;
  return formatDate(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/** Day number of a date: days since 1970-01-01 (proleptic Gregorian, UTC has no time zone shift). */
export function dayNumber(date: IsoDate): number {
  const [y, m, d] = parts(date);
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
}

/** Whole days from `from` to `to` (negative when `to` is earlier): 2024-02-28 → 2024-03-01 is 2. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** `date` plus `days` days. */
export function addDays(date: IsoDate, days: number): IsoDate {
  const t = new Date((dayNumber(date) + days) * 86_400_000);
  return formatDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

import { SERVICE_NAMES, type ServiceCode } from '../engine/index';
import { tFor, toLang } from '../i18n';

/** Locale of a UI language. */
export function locale(lang: string): string {
  return toLang(lang) === 'en' ? 'en-US' : 'zh-CN';
}

/** Number formats per locale and digits: building an Intl.NumberFormat costs far more than using one. */
const formats = new Map<string, Intl.NumberFormat>();

/** A number with grouping and at most `digits` decimals; '—' for null. */
export function fmtNum(v: number | null | undefined, lang: string, digits = 0): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  const loc = locale(lang);
  const key = `${loc}|${digits}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.NumberFormat(loc, { maximumFractionDigits: digits, minimumFractionDigits: 0 })));
  return f.format(v);
}

/**
 * Build the number formats of both UI languages, one a task (`later`, default setTimeout 0). A
 * page's first Intl.NumberFormat loads the locale data (measured 60–250 ms in headless Chromium):
 * called while the package loads, that cost is not part of the first render of its numbers.
 */
export function warmNumberFormats(later: (f: () => void) => void = (f) => setTimeout(f, 0)): void {
  const todo: [string, number][] = [
    ['zh', 0],
    ['zh', 1],
    ['en', 0],
    ['en', 1],
  ];
  const next = () => {
    const [lang, digits] = todo.shift()!;
    fmtNum(1234.5, lang, digits);
    if (todo.length) later(next);
  };
  next();
}

/** Square metres: `1,234 m²`. */
export function fmtM2(v: number | null | undefined, lang: string, digits = 0): string {
  const s = fmtNum(v, lang, digits);
  return s === '—' ? s : `${s} m²`;
}

/** A fraction 0…1 as a percentage: `45.3%`. */
export function fmtPct(v: number | null | undefined, lang: string, digits = 1): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  return `${fmtNum(v * 100, lang, digits)}%`;
}

/** Households: `1,234 户` / `1,234 hh`. */
export function fmtHh(v: number | null | undefined, lang: string): string {
  const s = fmtNum(v, lang, 0);
  return s === '—' ? s : tFor(toLang(lang))('fmt.hh', { n: s });
}

/** Metres: `300 米` / `300 m`. */
export function fmtM(v: number | null | undefined, lang: string): string {
  const s = fmtNum(v, lang, 0);
  return s === '—' ? s : tFor(toLang(lang))('fmt.m', { n: s });
}

/** The service's name in the UI language (POLICY.md's Chinese names). */
export function serviceName(code: ServiceCode, lang: string): string {
  return SERVICE_NAMES[code][toLang(lang)];
}

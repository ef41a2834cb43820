/** Byte order mark that makes Excel read UTF-8 CSV as UTF-8. */
export const UTF8_BOM = '\uFEFF';

/** Quote a CSV cell when it holds a comma, quote, line break or edge spaces (RFC 4180). */
export function csvCell(v: string): string {
  return /[",\r\n]|^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** A number rounded to 4 decimals as text; '' for null / NaN; -0 written as 0. */
export function num4(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '';
  const r = Math.round(v * 1e4) / 1e4;
  return String(r === 0 ? 0 : r);
}

/** Join rows of cells into CSV text with CRLF line ends (what Excel writes). */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [header.map(csvCell).join(',')];
  for (const r of rows) lines.push(r.map(csvCell).join(','));
  return lines.join('\r\n') + '\r\n';
}

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

/**
 * A text cell from data made safe for spreadsheets: a cell starting with = + - @ (or a tab or
 * carriage return) is prefixed with ' so Excel / WPS show it as text instead of running it as
 * a formula (CSV injection). For the blueprint exports and rejected.csv; communities.csv of
 * the contract keeps its cells as they are.
 */
export function safeCell(v: string): string {
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

/** Most characters of a data value echoed in a report (rejected.csv's id): longer ones are cut with an ellipsis. */
export const ECHO_MAX_CHARS = 200;

/** A value from a data file as echoed in a report: cut to {@link ECHO_MAX_CHARS} with '…'. */
export function capEcho(v: string, max = ECHO_MAX_CHARS): string {
  return v.length > max ? `${v.slice(0, max)}…` : v;
}

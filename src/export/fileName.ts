/** A file name in Chinese with the local date: `一张蓝图_点位表_2025-03-01.csv`. */
export function datedName(base: string, ext: string, date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const d = `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}`;
  return `${base.replace(/[\\/:*?"<>|]/g, '_')}_${d}.${ext}`;
}

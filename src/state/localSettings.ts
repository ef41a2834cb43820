/**
 * Settings kept in this browser only (localStorage), never in a link: the 天地图 key. Reading
 * or writing fails quietly where storage is unavailable (private mode, tests without storage).
 */
const TK_KEY = 'yulintu.tk';

/** The 天地图 key kept in this browser, or ''. */
export function loadTk(): string {
  try {
    return globalThis.localStorage?.getItem(TK_KEY) ?? '';
  } catch {
    return '';
  }
}

/** Keep (or, when empty, forget) the 天地图 key in this browser. */
export function saveTk(tk: string): void {
  try {
    if (tk) globalThis.localStorage?.setItem(TK_KEY, tk);
    else globalThis.localStorage?.removeItem(TK_KEY);
  } catch {
    // storage unavailable: the key lasts for this page only
  }
}

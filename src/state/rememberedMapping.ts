import { headerSetKey, type ImportRole } from '../engine/index';

const PREFIX = 'yulintu.import.columns:';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage blocked (private mode, sandboxed frame): nothing is remembered
  }
}

/** The localStorage key of a role's column choices for files with this header set. */
export function rememberKey(role: ImportRole, header: readonly string[]): string {
  return `${PREFIX}${role}:${headerSetKey([...header])}`;
}

/** Column choices made before for files of this role with the same headers (field → header or null), if any. */
export function recallColumns(role: ImportRole, header: readonly string[]): Record<string, string | null> | undefined {
  const raw = storage()?.getItem(rememberKey(role, header));
  if (!raw) return undefined;
  try {
    const v = JSON.parse(raw) as unknown;
    if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
    const out: Record<string, string | null> = {};
    for (const [k, x] of Object.entries(v)) if (x === null || (typeof x === 'string' && header.includes(x))) out[k] = x;
    return out;
  } catch {
    return undefined;
  }
}

/** Remember the column choices for files of this role with this header set. */
export function rememberColumns(role: ImportRole, header: readonly string[], columns: Record<string, string | null>): void {
  try {
    storage()?.setItem(rememberKey(role, header), JSON.stringify(columns));
  } catch {
    // quota or blocked storage: the choice applies to this import only
  }
}

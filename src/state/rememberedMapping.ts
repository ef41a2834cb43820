import { headerSetKey, type ImportRole } from '../engine/index';

const PREFIX = 'yulintu.import.columns:';
const VALUES_PREFIX = 'yulintu.import.values:';

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

/** The localStorage key of a role's value-word choices for files with this header set (beside the column choices' key). */
export function rememberValuesKey(role: ImportRole, header: readonly string[]): string {
  return `${VALUES_PREFIX}${role}:${headerSetKey([...header])}`;
}

/** Value words chosen before for files of this role with the same headers (field → word → code), if any. */
export function recallValues(role: ImportRole, header: readonly string[]): Record<string, Record<string, string>> | undefined {
  const raw = storage()?.getItem(rememberValuesKey(role, header));
  if (!raw) return undefined;
  try {
    const v = JSON.parse(raw) as unknown;
    if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
    const out: Record<string, Record<string, string>> = {};
    for (const [field, words] of Object.entries(v)) {
      if (!words || typeof words !== 'object' || Array.isArray(words)) continue;
      const ok = Object.entries(words as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string');
      if (ok.length) out[field] = Object.fromEntries(ok);
    }
    return out;
  } catch {
    return undefined;
  }
}

/** Remember the value-word choices for files of this role with this header set. */
export function rememberValues(role: ImportRole, header: readonly string[], values: Record<string, Record<string, string>>): void {
  try {
    storage()?.setItem(rememberValuesKey(role, header), JSON.stringify(values));
  } catch {
    // quota or blocked storage: the choice applies to this import only
  }
}

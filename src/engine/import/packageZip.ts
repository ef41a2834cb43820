import { zipSync, type Zippable } from 'fflate';

/** Fixed entry time (1980-01-01 00:00, the DOS epoch, local time as zip stores it), so the same package gives the same zip bytes. */
const ZIP_TIME = new Date(1980, 0, 1, 0, 0, 0);

/**
 * A contract package as one zip (entries at the top level in name order, deflate level 6,
 * fixed times): deterministic, so the same import always saves the same bytes. The map
 * compresses in its import worker (a million buildings take seconds at level 6).
 */
export function packageZip(files: Readonly<Record<string, Uint8Array>>): Uint8Array {
  const entries: Zippable = {};
  for (const name of Object.keys(files).sort()) entries[name] = [files[name], { mtime: ZIP_TIME }];
  return zipSync(entries, { level: 6, mtime: ZIP_TIME });
}

import { PACKAGE_FILE_NAMES } from '../../engine/index';

/** The package files among what the user offered, and the names of the rest. */
export interface PickedFiles<F extends { name: string }> {
  files: F[];
  ignored: string[];
}

/**
 * Keep the files a data package may hold (DATA-FORMAT.md section 1, plus the map's
 * `water.geojson`), matched without regard to case; list the others by name, sorted.
 * When two files share a package name the first one stays and the second is ignored.
 */
export function pickPackageFiles<F extends { name: string }>(offered: readonly F[]): PickedFiles<F> {
  const known = new Set(PACKAGE_FILE_NAMES);
  const seen = new Set<string>();
  const files: F[] = [];
  const ignored: string[] = [];
  for (const f of offered) {
    const name = f.name.toLowerCase();
    if (known.has(name) && !seen.has(name)) {
      seen.add(name);
      files.push(f);
    } else ignored.push(f.name);
  }
  ignored.sort();
  return { files, ignored };
}

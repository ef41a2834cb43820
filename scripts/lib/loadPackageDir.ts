import { loadPackage, noteText, type DataPackage, type LoadPackageOptions, type PackageFiles } from '../../src/engine/index';
import { mark } from './phaseTimes';
import { NODE_FS } from './readDataFile';
import { readPackageDir } from './readPackageDir';

/**
 * Read and load a package folder, telling on stderr what was loaded, rejected and noted.
 * `options(files)`, when given, sees the files once read and gives loadPackage's options;
 * the files named in `shared` (default none) are read into shared memory, for a worker thread.
 */
export function loadPackageDir(
  dir: string,
  options?: (files: PackageFiles) => LoadPackageOptions,
  shared: readonly string[] = [],
): { pkg: DataPackage; files: PackageFiles } {
  const files = readPackageDir(dir, NODE_FS, shared);
  mark('files read');
  const t0 = Date.now();
  const pkg = loadPackage(files, options?.(files));
  process.stderr.write(
    `loaded ${pkg.communities.length} communities, ${pkg.buildings.count} buildings, ${pkg.facilities.length} facilities, ${pkg.rejected.length} rejected rows (${Date.now() - t0} ms)\n`,
  );
  for (const note of pkg.notes) process.stderr.write(`提示 ${note.code}: ${noteText(note, 'zh')}\nnote ${note.code}: ${noteText(note, 'en')}\n`);
  return { pkg, files };
}

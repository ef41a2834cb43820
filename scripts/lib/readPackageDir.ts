import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { EngineError, PACKAGE_FILE_NAMES, type PackageFiles } from '../../src/engine/index';
import { NODE_FS, readDataFile, type DataFileSystem } from './readDataFile';

export { PACKAGE_FILE_NAMES };

/**
 * Read a package folder's known files as bytes. A missing folder is E_MISSING_FILE naming
 * it; a known file that is a folder, a FIFO or unreadable is E_UNREADABLE_FILE naming it.
 * The files named in `shared` (default none) are read into shared memory, for a worker thread.
 */
export function readPackageDir(dir: string, fs: DataFileSystem = NODE_FS, shared: readonly string[] = []): PackageFiles {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new EngineError('E_MISSING_FILE', { file: dir, detail: 'data folder not found' });
  const files: PackageFiles = {};
  for (const name of PACKAGE_FILE_NAMES) {
    const bytes = readDataFile(join(dir, name), join(dir, name), fs, shared.includes(name));
    if (bytes) files[name] = bytes;
  }
  return files;
}

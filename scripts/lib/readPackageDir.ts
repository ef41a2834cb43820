import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { EngineError, type PackageFiles } from '../../src/engine/index';
import { PACKAGE_FILE_NAMES } from '../../src/engine/package/packageFiles';

export { PACKAGE_FILE_NAMES };


/** Read a package folder's known files as bytes. A missing folder is E_MISSING_FILE naming it. */
export function readPackageDir(dir: string): PackageFiles {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new EngineError('E_MISSING_FILE', { file: dir, detail: 'data folder not found' });
  const files: PackageFiles = {};
  for (const name of PACKAGE_FILE_NAMES) {
    const p = join(dir, name);
    if (existsSync(p)) files[name] = new Uint8Array(readFileSync(p));
  }
  return files;
}

import { join } from 'node:path';
import { readPackageDir } from '../../scripts/lib/readPackageDir';
import { analyze, loadPackage, resolvePolicy, type Analysis, type DataPackage, type DistanceMode, type PackageFiles } from '../../src/engine/index';
export { mulberry32 } from '../../src/engine/index';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

/** Bytes of a fixture package's files. */
export function fixtureFiles(name: string): PackageFiles {
  return readPackageDir(join(FIXTURES, name));
}

/** Load and analyse a package from its files. */
export function run(files: PackageFiles, mode: DistanceMode = 'euclidean'): { pkg: DataPackage; a: Analysis } {
  const pkg = loadPackage(files);
  return { pkg, a: analyze(pkg, { mode, policy: resolvePolicy(pkg) }) };
}

const enc = new TextEncoder();
/** UTF-8 bytes of a string. */
export const utf8 = (s: string): Uint8Array => enc.encode(s);
/** Text of bytes (UTF-8). */
export const text = (b: Uint8Array | undefined): string => new TextDecoder().decode(b);

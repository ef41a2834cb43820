import { mkdirSync, writeFileSync } from 'node:fs';
import { EngineError } from '../../src/engine/index';

/**
 * Create an output folder (and its parents). An --out that cannot be made — a file in the
 * way, no permission — is a bad argument: E_ARGUMENT naming it (exit status 2), not a crash.
 */
export function makeOutDir(dir: string, flag = '--out'): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new EngineError('E_ARGUMENT', { field: flag, file: dir, detail: `cannot create the folder (${(e as NodeJS.ErrnoException).code ?? 'error'})` });
  }
}

/** Write one output file; a path that cannot be written is E_ARGUMENT naming it (exit status 2). */
export function writeOutput(path: string, body: string | Uint8Array, flag = '--out'): void {
  try {
    writeFileSync(path, body);
  } catch (e) {
    throw new EngineError('E_ARGUMENT', { field: flag, file: path, detail: `cannot write the file (${(e as NodeJS.ErrnoException).code ?? 'error'})` });
  }
}

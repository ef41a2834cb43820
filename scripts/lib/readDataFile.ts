import { readFileSync, statSync } from 'node:fs';
import { EngineError } from '../../src/engine/index';

/** The file system calls {@link readDataFile} makes; tests inject failures (a root user can read anything). */
export interface DataFileSystem {
  stat(path: string): { isFile(): boolean; isDirectory(): boolean; isFIFO(): boolean };
  read(path: string): Uint8Array;
}

/** Node's file system. */
export const NODE_FS: DataFileSystem = { stat: (p) => statSync(p), read: (p) => readFileSync(p) };

const errno = (e: unknown): string | undefined => (e as NodeJS.ErrnoException).code;

/**
 * Read one input file as bytes, or undefined when there is none at `path`. Only a regular
 * file is read: a folder, a FIFO or a device in its place, or a file that cannot be read
 * (permissions), is E_UNREADABLE_FILE naming `name` (exit status 2) — stat comes first, so a
 * FIFO never blocks the command.
 */
export function readDataFile(path: string, name = path, fs: DataFileSystem = NODE_FS): Uint8Array | undefined {
  let st: ReturnType<DataFileSystem['stat']>;
  try {
    st = fs.stat(path);
  } catch (e) {
    if (errno(e) === 'ENOENT' || errno(e) === 'ENOTDIR') return undefined;
    throw new EngineError('E_UNREADABLE_FILE', { file: name, detail: errno(e) ?? 'stat failed' });
  }
  if (st.isDirectory()) throw new EngineError('E_UNREADABLE_FILE', { file: name, detail: 'a folder, not a file' });
  if (st.isFIFO()) throw new EngineError('E_UNREADABLE_FILE', { file: name, detail: 'a FIFO (named pipe), not a regular file' });
  if (!st.isFile()) throw new EngineError('E_UNREADABLE_FILE', { file: name, detail: 'not a regular file' });
  try {
    // a plain Uint8Array over the Buffer's memory, not a copy (52 MB for a 1M-building package)
    const b = fs.read(path);
    return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  } catch (e) {
    const code = errno(e);
    throw new EngineError('E_UNREADABLE_FILE', {
      file: name,
      detail: code === 'EACCES' || code === 'EPERM' ? `permission denied (${code})` : (code ?? 'read failed'),
    });
  }
}

import { closeSync, fstatSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { EngineError } from '../../src/engine/index';

/** The file system calls {@link readDataFile} makes; tests inject failures (a root user can read anything). */
export interface DataFileSystem {
  stat(path: string): { isFile(): boolean; isDirectory(): boolean; isFIFO(): boolean };
  read(path: string): Uint8Array;
  /** The file's bytes in shared memory (a worker thread reads them with no copy); default: {@link read}, then copied there. */
  readShared?(path: string): Uint8Array;
}

/**
 * A file read straight into a SharedArrayBuffer: no copy of its bytes made afterwards for
 * another thread (on this machine first touching fresh memory costs more than reading the file).
 */
function readFileShared(path: string): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const out = new Uint8Array(new SharedArrayBuffer(size));
    let at = 0;
    while (at < size) {
      const n = readSync(fd, out, at, size - at, at);
      if (n === 0) break; // the file shrank while read: what there was
      at += n;
    }
    return at === size ? out : out.subarray(0, at);
  } finally {
    closeSync(fd);
  }
}

/** Node's file system. */
export const NODE_FS: DataFileSystem = { stat: (p) => statSync(p), read: (p) => readFileSync(p), readShared: readFileShared };

const errno = (e: unknown): string | undefined => (e as NodeJS.ErrnoException).code;

/**
 * Read one input file as bytes, or undefined when there is none at `path`. Only a regular
 * file is read: a folder, a FIFO or a device in its place, or a file that cannot be read
 * (permissions), is E_UNREADABLE_FILE naming `name` (exit status 2) — stat comes first, so a
 * FIFO never blocks the command.
 */
export function readDataFile(path: string, name = path, fs: DataFileSystem = NODE_FS, shared = false): Uint8Array | undefined {
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
    if (shared) return fs.readShared ? fs.readShared(path) : sharedBytes(fs.read(path));
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

/** `b` in shared memory (copied unless it is there already). */
function sharedBytes(b: Uint8Array): Uint8Array {
  if (b.buffer instanceof SharedArrayBuffer) return b;
  const out = new Uint8Array(new SharedArrayBuffer(b.byteLength));
  out.set(b);
  return out;
}

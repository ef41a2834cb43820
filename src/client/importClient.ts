import * as Comlink from 'comlink';
import type { FileMapping, ImportRequest, ImportResult, ImportRole, NamedBytes, SourcePreview } from '../engine/index';
import type { ImportWorkerApi, ProgressCallback } from '../worker/protocol';

let remote: Comlink.Remote<ImportWorkerApi> | null = null;

function importer(): Comlink.Remote<ImportWorkerApi> {
  if (!remote) {
    const worker = new Worker(new URL('../worker/import.worker.ts', import.meta.url), { type: 'module', name: 'import' });
    remote = Comlink.wrap<ImportWorkerApi>(worker);
  }
  return remote;
}

/**
 * Start the import worker now (it loads the whole engine: seconds from a dev server), so that
 * the first file picked in the wizard is read without waiting for it. Idempotent.
 */
export function startImportWorker(): void {
  if (typeof Worker !== 'undefined') importer(); // none under jsdom
}

/** The distinct ArrayBuffers under these files, for a transfer list (a buffer listed twice fails the postMessage). */
function buffersOf(files: readonly NamedBytes[]): ArrayBuffer[] {
  return [...new Set(files.map((f) => f.bytes.buffer as ArrayBuffer))];
}

/**
 * Describe one wizard source's tables in the import worker: large files only by their first
 * rows (inspectSource maxRows). The bytes are transferred, not copied: the caller's buffers
 * are detached afterwards (the wizard reads its Blobs afresh for each call).
 */
export function inspectInWorker(files: NamedBytes[], role?: ImportRole, mapping?: FileMapping): Promise<SourcePreview[]> {
  return importer().inspect(Comlink.transfer(files, buffersOf(files)), role, mapping) as Promise<SourcePreview[]>;
}

/** A package's files as one zip, compressed in the worker (packageZip). The files are copied to it, not transferred: the caller keeps them. */
export function zipInWorker(files: Record<string, Uint8Array>): Promise<Uint8Array> {
  return importer().zip(files) as Promise<Uint8Array>;
}

/** Import in the worker, with progress (stage, fraction 0…1). The request's bytes are transferred, not copied (detached here afterwards). */
export function importInWorker(req: ImportRequest, onProgress?: ProgressCallback): Promise<ImportResult> {
  const files = [...req.sources.flatMap((s) => s.files), ...(req.roads ? [req.roads.file] : []), ...(req.dem ? [req.dem] : [])];
  return importer().run(Comlink.transfer(req, buffersOf(files)), onProgress ? Comlink.proxy(onProgress) : undefined) as Promise<ImportResult>;
}

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

/** Import in the worker, with progress (stage, fraction 0…1). The request's bytes are transferred, not copied (detached here afterwards). */
export function importInWorker(req: ImportRequest, onProgress?: ProgressCallback): Promise<ImportResult> {
  const files = [...req.sources.flatMap((s) => s.files), ...(req.roads ? [req.roads.file] : []), ...(req.dem ? [req.dem] : [])];
  return importer().run(Comlink.transfer(req, buffersOf(files)), onProgress ? Comlink.proxy(onProgress) : undefined) as Promise<ImportResult>;
}

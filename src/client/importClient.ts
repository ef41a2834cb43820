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

/** Describe one wizard source's tables in the import worker (bytes copied: the wizard keeps them). */
export function inspectInWorker(files: NamedBytes[], role?: ImportRole, mapping?: FileMapping): Promise<SourcePreview[]> {
  return importer().inspect(files, role, mapping) as Promise<SourcePreview[]>;
}

/** Import in the worker, with progress (stage, fraction 0…1). */
export function importInWorker(req: ImportRequest, onProgress?: ProgressCallback): Promise<ImportResult> {
  return importer().run(req, onProgress ? Comlink.proxy(onProgress) : undefined) as Promise<ImportResult>;
}

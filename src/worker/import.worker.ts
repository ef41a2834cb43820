/**
 * The import worker: reads dropped files and runs the engine's importPackage off the main
 * thread for the 导入数据 wizard. Errors come back as WorkerFailure (zh/en, naming the file).
 */
import * as Comlink from 'comlink';
import { importPackage, inspectSource } from '../engine/index';
import { asFailure } from './failure';
import type { ImportWorkerApi } from './protocol';

const api: ImportWorkerApi = {
  inspect: (files, role, mapping) => asFailure(() => inspectSource(files, { role, mapping, previewRows: 5 })),
  run: (req, onProgress) =>
    asFailure(async () => {
      const result = await importPackage(req, onProgress ? (stage, fraction) => void onProgress(stage, fraction) : undefined);
      return Comlink.transfer(
        result,
        Object.values(result.files).map((b) => b.buffer as ArrayBuffer),
      );
    }),
};

Comlink.expose(api);

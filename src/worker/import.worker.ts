/**
 * The import worker: reads dropped files and runs the engine's importPackage off the main
 * thread for the 导入数据 wizard. Errors come back as WorkerFailure (zh/en, naming the file).
 */
import * as Comlink from 'comlink';
import { importPackage, inspectSource, packageZip } from '../engine/index';
import { asFailure } from './failure';
import type { ImportWorkerApi } from './protocol';

/** Data rows the wizard's preview reads of a file (CSV and XLSX; see inspectSource maxRows): enough to guess roles and columns. */
const PREVIEW_READ_ROWS = 1000;

const api: ImportWorkerApi = {
  inspect: (files, role, mapping) => asFailure(() => inspectSource(files, { role, mapping, previewRows: 5, maxRows: PREVIEW_READ_ROWS })),
  run: (req, onProgress) =>
    asFailure(async () => {
      const result = await importPackage(req, onProgress ? (stage, fraction) => void onProgress(stage, fraction) : undefined);
      return Comlink.transfer(
        result,
        Object.values(result.files).map((b) => b.buffer as ArrayBuffer),
      );
    }),
  zip: (files) =>
    asFailure(() => {
      const zip = packageZip(files);
      return Comlink.transfer(zip, [zip.buffer as ArrayBuffer]);
    }),
};

Comlink.expose(api);

import * as Comlink from 'comlink';
import { requirePackage, sessionFiles } from './packageSession';
import { asFailure } from './failure';
import type { SnapshotWorkerApi, SolverInput } from './protocol';

/** The part of the engine worker's API that hands the loaded package to the solver worker. */
export const snapshotApi: SnapshotWorkerApi = {
  packageSnapshot: (withFiles) =>
    asFailure(async () => {
      const s = requirePackage();
      const out: SolverInput = { key: `${s.id}:${s.key}`, mode: s.mode, effort: s.effort };
      if (!withFiles) return out;
      const kept = await sessionFiles(s);
      const files: Record<string, Uint8Array> = {};
      for (const [name, bytes] of Object.entries(kept.files)) files[name] = kept.fresh ? bytes : bytes.slice();
      out.files = files;
      return Comlink.transfer(
        out,
        Object.values(files).map((b) => b.buffer as ArrayBuffer),
      );
    }),
};

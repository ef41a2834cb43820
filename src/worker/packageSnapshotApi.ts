import * as Comlink from 'comlink';
import { currentPackage } from './networkApi';
import type { SolverInput } from './solverApi';

/** The part of the engine worker's API that hands the loaded package to the solver worker. */
export interface SnapshotWorkerApi {
  /** Key and distance mode of the loaded package; with `withFiles`, copies of its files (transferred). */
  packageSnapshot(withFiles: boolean): Promise<SolverInput>;
}

export const snapshotApi: SnapshotWorkerApi = {
  async packageSnapshot(withFiles) {
    const s = currentPackage();
    if (!s) throw { code: 'E_ARGUMENT', zh: '尚未加载数据', en: 'No data loaded yet' };
    const out: SolverInput = { key: `${s.id}:${s.key}`, mode: s.mode, effort: s.effort };
    if (!withFiles) return out;
    const files: Record<string, Uint8Array> = {};
    for (const [name, bytes] of Object.entries(s.files)) files[name] = bytes.slice();
    out.files = files;
    return Comlink.transfer(out, Object.values(files).map((b) => b.buffer as ArrayBuffer));
  },
};

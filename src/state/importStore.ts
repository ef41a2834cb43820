import { create } from 'zustand';
import type { FileMapping, ImportResult, ImportRole, SourcePreview } from '../engine/index';
import type { WorkerFailure } from '../worker/protocol';
import type { WizardSource } from './importRequest';

/**
 * A file of the wizard held as a Blob (the dropped File, or a file from inside a dropped zip):
 * its bytes are read afresh for each worker call and transferred, so the main thread neither
 * keeps nor copies them.
 */
export interface NamedBlob {
  name: string;
  blob: Blob;
}

/** One source in the wizard: what was dropped, its role, column and CRS choices, and what reading it showed. */
export interface ImportEntry extends WizardSource<NamedBlob> {
  id: number;
  /** The tables read from it (a zip may hold several layers); empty until read. */
  previews: SourcePreview[];
  /** The role guessed from its headers and name. */
  guessed?: ImportRole;
  /** Reading it failed: the message names the file. */
  error?: WorkerFailure;
  busy: boolean;
  /** Column or value-word choices were recalled from an earlier import of the same header set. */
  recalled?: boolean;
  /** The dropped mapping file's entry for this file when it was read (its value words count as known). */
  dropped?: FileMapping;
}

/** The import wizard's state (src/ui/import). */
export interface ImportState {
  open: boolean;
  entries: ImportEntry[];
  /** Estimate missing building households from floor area (docs/IMPORT.md). */
  estimate: boolean;
  phase: 'idle' | 'reading' | 'importing' | 'done';
  progress: { stage: string; fraction: number } | null;
  error: WorkerFailure | null;
  result: ImportResult | null;
  set: (patch: Partial<ImportState>) => void;
}

/** Store of the 导入数据 wizard. */
export const useImport = create<ImportState>((set) => ({
  open: false,
  entries: [],
  estimate: false,
  phase: 'idle',
  progress: null,
  error: null,
  result: null,
  set: (patch) => set(patch),
}));

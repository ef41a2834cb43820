import { create } from 'zustand';

/** State of the data check: the dialog, and what the latest "open data" picked and ignored. */
export interface DataCheckState {
  /** The data check dialog is shown. */
  open: boolean;
  /** Names of the files ignored when the package on the map was opened (not package files). */
  ignored: string[];
  /** The same for the latest attempt to open data, which may have failed or still be loading. */
  attemptIgnored: string[];
  /** A package the user opened is loading: show the data check when it arrives with remarks. */
  pending: boolean;
  set: (patch: Partial<Omit<DataCheckState, 'set'>>) => void;
}

/** The data check's own store (kept apart from the app store). */
export const useDataCheck = create<DataCheckState>((set) => ({
  open: false,
  ignored: [],
  attemptIgnored: [],
  pending: false,
  set: (patch) => set(patch),
}));

import { create } from 'zustand';
import type { MapData } from '../worker/protocol';
import type { WorkerFailure } from '../worker/protocol';
import { DEFAULT_VIEW, type SelectLevel, type ViewState } from './viewState';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface AppState extends ViewState {
  status: LoadStatus;
  progress: { stage: string; fraction: number };
  error: WorkerFailure | null;
  data: MapData | null;
  selectLevel: SelectLevel;
  rankingOpen: boolean;
  settingsOpen: boolean;
  /** Bumped to ask the map to fly to the selection. */
  zoomRequest: number;
  set: (patch: Partial<AppState>) => void;
}

/** The one app store: view state (mirrored in the URL), load status and the engine's result. */
export const useApp = create<AppState>((set) => ({
  ...DEFAULT_VIEW,
  status: 'idle',
  progress: { stage: 'fetch', fraction: 0 },
  error: null,
  data: null,
  selectLevel: 'community',
  rankingOpen: false,
  settingsOpen: false,
  zoomRequest: 0,
  set: (patch) => set(patch),
}));

/** The URL-carried part of the state. */
export function pickView(s: AppState): ViewState {
  return {
    lang: s.lang,
    service: s.service,
    measure: s.measure,
    layers: s.layers,
    selection: s.selection,
    view: s.view,
    basemap: s.basemap,
    tk: s.tk,
    mode: s.mode,
    effort: s.effort,
    camera: s.camera,
    dataset: s.dataset,
  };
}

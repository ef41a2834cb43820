import { create } from 'zustand';
import type { MapData, PackageMapData } from '../worker/protocol';
import type { WorkerFailure } from '../worker/protocol';
import { DEFAULT_VIEW, type ViewState } from './viewState';
import { loadTk } from './localSettings';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface AppState extends ViewState {
  status: LoadStatus;
  progress: { stage: string; fraction: number };
  error: WorkerFailure | null;
  data: MapData | null;
  /**
   * The package part of the package being loaded, on the map while its analysis runs (the worker
   * sends it ahead); null once that package's data has arrived, and when no package part is pending.
   */
  pkgData: PackageMapData | null;
  /**
   * A map is on the page and has not shown its first picture yet (MapView: set when it is made,
   * cleared when that picture is shown, firstPaint.ts). With the data ready the progress box stays
   * until then ('draw'), and work that picture does not show waits for it (pilotActions.ts
   * afterFirstMap). Its own flag, not a progress stage: a later run's progress (another mode;
   * React's second effect run in development) must not end it, and the data may land before the
   * map is ready to take it.
   */
  firstMapPending: boolean;
  settingsOpen: boolean;
  /** The 天地图 key: local settings only, never in the URL (localSettings.ts). */
  tk: string;
  /** The package on the map differs from the link's `pkg`: its camera and selection were not applied. */
  pkgMismatch: boolean;
  /** The `pkg` the link asked for when it did not match (shown in the message). */
  linkPkg: string;
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
  pkgData: null,
  firstMapPending: false,
  settingsOpen: false,
  tk: loadTk(),
  pkgMismatch: false,
  linkPkg: '',
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
    mode: s.mode,
    effort: s.effort,
    camera: s.camera,
    dataset: s.dataset,
    selectLevel: s.selectLevel,
    rankingOpen: s.rankingOpen,
    walkPoint: s.walkPoint,
    pkg: s.pkg,
    project: s.project,
  };
}

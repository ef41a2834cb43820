import { analyzeUrlCached } from '../client/modeRunCache';
import type { MapData, PackageMapData } from '../worker/protocol';
import type { DistanceMode } from '../engine/index';
import { useApp } from './appStore';

/**
 * The first analysis, started by main.tsx before the application's code (maplibre, deck.gl,
 * React) is even loaded: the engine worker fetches and analyses the package meanwhile. App
 * takes the pending job instead of starting the same analysis a second time.
 */
let pending: { key: string; job: Promise<MapData> } | null = null;
/** False once App runs another analysis: the first one's progress no longer shows. */
let showsProgress = true;

const keyOf = (dataset: string, mode: DistanceMode, effort: boolean) => `${dataset}\u0000${mode}\u0000${effort}`;

/** Start analysing `data/<dataset>/` in the engine worker. */
export function prestartAnalysis(dataset: string, mode: DistanceMode, effort: boolean): void {
  const onProgress = (stage: string, fraction: number) => {
    if (showsProgress) useApp.getState().set({ progress: { stage, fraction } });
  };
  // The package's outlines and facilities go on the map while its analysis runs (App clears it with the data).
  const onPackage = (part: PackageMapData) => {
    if (showsProgress) useApp.getState().set({ pkgData: part });
  };
  useApp.getState().set({ status: 'loading', progress: { stage: 'fetch', fraction: 0 } });
  const job = analyzeUrlCached(`data/${dataset}/`, mode, onProgress, effort, onPackage);
  job.catch(() => undefined); // App reports failures when it takes the job
  pending = { key: keyOf(dataset, mode, effort), job };
}

/** The prestarted job when it is the analysis asked for (once); null otherwise. */
export function takePrestarted(dataset: string, mode: DistanceMode, effort: boolean): Promise<MapData> | null {
  const p = pending;
  pending = null;
  if (p && p.key === keyOf(dataset, mode, effort)) return p.job;
  showsProgress = false;
  return null;
}

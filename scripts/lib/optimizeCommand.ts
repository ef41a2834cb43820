import { EngineError, type DataPackage, type DistanceMode, type Policy, type ProgressFn } from '../../src/engine/index';

export interface OptimizeCommand {
  mode: DistanceMode;
  policy: Policy;
  service: string;
  sites: string;
  out: string;
  onProgress?: ProgressFn;
}

/** Placeholder until the optimiser lands. */
export async function runOptimize(pkg: DataPackage, cmd: OptimizeCommand): Promise<void> {
  void pkg;
  void cmd;
  throw new EngineError('E_NOT_SUPPORTED', { detail: 'optimize' });
}

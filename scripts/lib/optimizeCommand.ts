import { EngineError, optimizeService, type DataPackage, type DistanceMode, type PackageFiles, type Policy } from '../../src/engine/index';
import { writeOutput } from './writeOutput';

export interface OptimizeCommand {
  mode: DistanceMode;
  policy: Policy;
  service: string;
  sites: string;
  out: string;
  effort?: boolean;
  timeLimitS?: number;
}

/**
 * `optimize`: maximal covering for one service; writes the contract's JSON
 * (`service`, `sites`, `newlyCoveredHouseholds`, `optimal`) plus bound, gap and timing.
 */
export async function runOptimize(pkg: DataPackage, files: PackageFiles, cmd: OptimizeCommand): Promise<void> {
  if (!files['candidates.csv']) throw new EngineError('E_NO_CANDIDATES', { file: 'candidates.csv' });
  const sites = Number(cmd.sites);
  const r = await optimizeService(pkg, { service: cmd.service, sites, mode: cmd.mode, policy: cmd.policy, effort: cmd.effort, timeLimitS: cmd.timeLimitS });
  const out = {
    service: r.service,
    sites: r.sites,
    newlyCoveredHouseholds: r.newlyCoveredHouseholds,
    optimal: r.optimal,
    bound: r.bound,
    gap: r.gap,
    method: r.method,
    mode: r.mode,
    thresholdM: r.thresholdM,
    uncoveredHouseholdsBefore: r.uncoveredHouseholdsBefore,
    seconds: r.seconds,
  };
  writeOutput(cmd.out, JSON.stringify(out, null, 2) + '\n');
  process.stderr.write(`${r.service}: ${r.sites.length} sites, ${r.newlyCoveredHouseholds} households newly covered, ${r.optimal ? 'optimum proved' : `not proved (gap ${(r.gap * 100).toFixed(2)} %)`} → ${cmd.out}\n`);
}

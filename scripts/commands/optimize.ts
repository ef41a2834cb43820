import { dirname } from 'node:path';
import { EngineError, SERVICES, isServiceCode, optimizeService, resolvePolicy } from '../../src/engine/index';
import { parseArgs } from '../lib/args';
import { DATA_FLAGS, readEffort, readMode, readPolicyFile, readTimeLimit } from '../lib/commonOptions';
import { loadPackageDir } from '../lib/loadPackageDir';
import { UsageError } from '../lib/UsageError';
import { makeOutDir, writeOutput } from '../lib/writeOutput';

export const usage =
  'npm run cli -- optimize --data DIR --service CODE --sites K --out FILE.json [--mode euclidean|network|matrix] [--policy FILE] [--effort] [--time-limit S]';

const FLAGS = { ...DATA_FLAGS, service: 'value', sites: 'value', 'time-limit': 'value' } as const;

/**
 * `optimize`: maximal covering for one service; writes the contract's JSON
 * (`service`, `sites`, `newlyCoveredHouseholds`, `optimal`) plus bound, gap and timing.
 */
export async function run(argv: readonly string[]): Promise<void> {
  const args = parseArgs(argv, FLAGS);
  const mode = readMode(args);
  const effort = readEffort(args, mode);
  const override = readPolicyFile(args);
  const service = args.need('service');
  if (!isServiceCode(service)) throw new UsageError('U_BAD_VALUE', `--service ${service}`, SERVICES.join(' | '));
  const sitesText = args.need('sites');
  const sites = Number(sitesText);
  if (!/^\d+$/.test(sitesText.trim()) || sites < 1) throw new UsageError('U_BAD_VALUE', `--sites ${sitesText}`, 'a whole number ≥ 1');
  const out = args.need('out');
  const timeLimitS = readTimeLimit(args);
  const { pkg, files } = loadPackageDir(args.need('data'));
  makeOutDir(dirname(out));
  if (!files['candidates.csv']) throw new EngineError('E_NO_CANDIDATES', { file: 'candidates.csv' });
  const r = await optimizeService(pkg, { service, sites, mode, policy: resolvePolicy(pkg, override), effort, timeLimitS });
  const result = {
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
  writeOutput(out, JSON.stringify(result, null, 2) + '\n');
  process.stderr.write(
    `${r.service}: ${r.sites.length} sites, ${r.newlyCoveredHouseholds} households newly covered, ${r.optimal ? 'optimum proved' : `not proved (gap ${(r.gap * 100).toFixed(2)} %)`} → ${out}\n`,
  );
}

import { join } from 'node:path';
import { analyze, communitiesCsv, noteJson, rejectedCsv, resolvePolicy, summaryJson } from '../../src/engine/index';
import { parseArgs } from '../lib/args';
import { DATA_FLAGS, readEffort, readMode, readPolicyFile } from '../lib/commonOptions';
import { loadPackageDir } from '../lib/loadPackageDir';
import { progress } from '../lib/progress';
import { makeOutDir, writeOutput } from '../lib/writeOutput';

export const usage = 'npm run cli -- analyze  --data DIR --out OUTDIR [--mode euclidean|network|matrix] [--policy FILE] [--effort]';

/**
 * `analyze` (DATA-FORMAT.md section 4): writes OUTDIR/communities.csv, summary.json and
 * rejected.csv for a package.
 */
export function run(argv: readonly string[]): void {
  const args = parseArgs(argv, DATA_FLAGS);
  const dir = args.need('data');
  const out = args.need('out');
  const mode = readMode(args);
  const effort = readEffort(args, mode);
  const override = readPolicyFile(args);
  const { pkg } = loadPackageDir(dir);
  const policy = resolvePolicy(pkg, override);
  const a = analyze(pkg, { mode, policy, effort, onProgress: progress });
  if (process.stderr.isTTY) process.stderr.write('\n');
  makeOutDir(out);
  writeOutput(join(out, 'communities.csv'), communitiesCsv(a));
  writeOutput(
    join(out, 'summary.json'),
    summaryJson(a, { package: pkg.manifest.name, synthetic: pkg.manifest.synthetic === true, notes: pkg.notes.map(noteJson) }),
  );
  writeOutput(join(out, 'rejected.csv'), rejectedCsv(pkg.rejected));
  process.stderr.write(`wrote ${join(out, 'communities.csv')}, summary.json, rejected.csv (${pkg.rejected.length} rejected rows)\n`);
}

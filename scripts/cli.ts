/**
 * Command line of 渝邻图 (DATA-FORMAT.md section 4):
 *   npm run cli -- analyze  --data DIR --out OUTDIR [--mode euclidean|network|matrix] [--policy FILE]
 *   npm run cli -- optimize --data DIR --service CODE --sites K --out FILE.json [--mode …] [--policy FILE]
 * Exit status: 0 done, 2 a missing/unreadable file or column or a bad argument, 1 anything else.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  EngineError,
  analyze,
  communitiesCsv,
  decodeText,
  loadPackage,
  parsePolicyOverride,
  rejectedCsv,
  resolvePolicy,
  summaryJson,
  type DataPackage,
  type DistanceMode,
  type PolicyOverride,
} from '../src/engine/index';
import { parseArgs } from './lib/args';
import { readPackageDir } from './lib/readPackageDir';
import { runOptimize } from './lib/optimizeCommand';
import { runBlueprint } from './lib/blueprintCommand';
import { runPilots } from './commands/pilots';
import { makeOutDir, writeOutput } from './lib/writeOutput';

const USAGE = `用法 / usage:
  npm run cli -- analyze  --data DIR --out OUTDIR [--mode euclidean|network|matrix] [--policy FILE] [--effort]
  npm run cli -- optimize --data DIR --service CODE --sites K --out FILE.json [--mode euclidean|network|matrix] [--policy FILE] [--effort] [--time-limit S]
  npm run cli -- blueprint --data DIR --out OUTDIR [--mode euclidean|network|matrix] [--district NAME] [--street NAME] [--sites K] [--budget WAN] [--policy FILE] [--time-limit S]
  npm run cli -- pilots --data DIR --out OUTDIR [--as-of YYYY-MM-DD] | --propose N [--per-district K]  [--mode euclidean|network|matrix] [--policy FILE]`;

class UsageError extends Error {}

function need(opts: Map<string, string>, key: string): string {
  const v = opts.get(key);
  if (!v || v === 'true') throw new UsageError(`missing --${key}`);
  return v;
}

function readMode(opts: Map<string, string>): DistanceMode {
  const m = opts.get('mode') ?? 'euclidean';
  if (m !== 'euclidean' && m !== 'network' && m !== 'matrix') throw new UsageError(`--mode must be euclidean, network or matrix, not '${m}'`);
  return m;
}

function readPolicyFile(opts: Map<string, string>): PolicyOverride | undefined {
  if (!opts.has('policy')) return undefined;
  const file = need(opts, 'policy');
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
    throw new EngineError(missing ? 'E_MISSING_FILE' : 'E_BAD_JSON', { file, detail: missing ? undefined : (e as NodeJS.ErrnoException).code });
  }
  // decoded as the package's own policy.json is: UTF-8 with or without BOM (Notepad writes one), or GBK
  const { text } = decodeText(bytes, file);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new EngineError('E_BAD_JSON', { file, detail: (e as Error).message.slice(0, 120) });
  }
  return parsePolicyOverride(raw, file);
}

/** --time-limit S: seconds ≥ 0, or undefined when not given; anything else is a usage error. */
function readTimeLimit(opts: Map<string, string>): number | undefined {
  if (!opts.has('time-limit')) return undefined;
  const s = Number(need(opts, 'time-limit'));
  if (!Number.isFinite(s) || s < 0) throw new UsageError(`--time-limit must be seconds ≥ 0, not '${opts.get('time-limit')}'`);
  return s;
}

/** A progress line on stderr, rewritten in place on a terminal. */
function progress(stage: string, fraction: number): void {
  const line = `… ${stage} ${Math.round(fraction * 100)}%`;
  if (process.stderr.isTTY) process.stderr.write(`\r${line.padEnd(40)}`);
  else if (fraction === 0 || fraction === 1) process.stderr.write(`${line}\n`);
}

function load(opts: Map<string, string>, files = readPackageDir(need(opts, 'data'))): DataPackage {
  const t0 = Date.now();
  const pkg = loadPackage(files);
  process.stderr.write(`loaded ${pkg.communities.length} communities, ${pkg.buildings.count} buildings, ${pkg.facilities.length} facilities, ${pkg.rejected.length} rejected rows (${Date.now() - t0} ms)\n`);
  for (const note of pkg.notes) process.stderr.write(`note: ${note}\n`);
  return pkg;
}

function runAnalyze(opts: Map<string, string>): void {
  const out = need(opts, 'out');
  const mode = readMode(opts);
  const override = readPolicyFile(opts);
  const pkg = load(opts);
  const policy = resolvePolicy(pkg, override);
  const effort = opts.get('effort') === 'true';
  if (effort && mode !== 'network') throw new UsageError('--effort goes with --mode network');
  const a = analyze(pkg, { mode, policy, effort, onProgress: progress });
  if (process.stderr.isTTY) process.stderr.write('\n');
  makeOutDir(out);
  writeOutput(join(out, 'communities.csv'), communitiesCsv(a));
  writeOutput(join(out, 'summary.json'), summaryJson(a, { package: pkg.manifest.name, synthetic: pkg.manifest.synthetic === true }));
  writeOutput(join(out, 'rejected.csv'), rejectedCsv(pkg.rejected));
  process.stderr.write(`wrote ${join(out, 'communities.csv')}, summary.json, rejected.csv (${pkg.rejected.length} rejected rows)\n`);
}

async function main(argv: string[]): Promise<number> {
  try {
    const { command, opts } = parseArgs(argv);
    if (command === 'analyze') runAnalyze(opts);
    else if (command === 'optimize') {
      const mode = readMode(opts);
      const override = readPolicyFile(opts);
      const service = need(opts, 'service');
      const sites = need(opts, 'sites');
      const out = need(opts, 'out');
      const effort = opts.get('effort') === 'true';
      const timeLimitS = readTimeLimit(opts);
      const files = readPackageDir(need(opts, 'data'));
      const pkg = load(opts, files);
      makeOutDir(dirname(out));
      await runOptimize(pkg, files, { mode, policy: resolvePolicy(pkg, override), service, sites, out, effort, timeLimitS });
    } else if (command === 'blueprint') {
      const mode = readMode(opts);
      const override = readPolicyFile(opts);
      const out = need(opts, 'out');
      const files = readPackageDir(need(opts, 'data'));
      const pkg = load(opts, files);
      const timeLimitS = readTimeLimit(opts);
      await runBlueprint(pkg, files, { mode, policy: resolvePolicy(pkg, override), out, district: opts.get('district'), street: opts.get('street'), sites: opts.get('sites'), budget: opts.get('budget'), timeLimitS, effort: opts.get('effort') === 'true' });
    } else if (command === 'pilots') await runPilots(opts);
    else throw new UsageError(command ? `unknown command '${command}'` : 'no command');
    return 0;
  } catch (e) {
    if (e instanceof EngineError) {
      process.stderr.write(`错误 ${e.code}: ${e.messageIn('zh')}\nerror ${e.code}: ${e.messageIn('en')}\n`);
      return 2;
    }
    if (e instanceof UsageError || (e instanceof Error && e.message.startsWith('unexpected argument'))) {
      process.stderr.write(`${e.message}\n${USAGE}\n`);
      return 2;
    }
    process.stderr.write(`unexpected error: ${(e as Error).stack ?? e}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));

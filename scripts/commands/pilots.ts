/**
 * `pilots`: the pilot programme on a date, or a proposal of new pilot communities.
 *
 *   npm run cli -- pilots --data PKG --out DIR [--as-of YYYY-MM-DD] [--mode euclidean|network|matrix] [--policy FILE]
 *     → DIR/pilot-status.csv, DIR/programme.json, DIR/rejected.csv
 *   npm run cli -- pilots --propose N --data PKG --out DIR [--per-district K] [--mode …] [--policy FILE]
 *     → DIR/proposal.csv
 *
 * Rules and formats: docs/PILOTS.md. Bad arguments and missing files are EngineErrors
 * (exit status 2 in scripts/cli.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  EngineError,
  analyze,
  decodeText,
  loadPackage,
  parsePolicyOverride,
  pilotProgramme,
  pilotStatusCsv,
  programmeJson,
  proposalCsv,
  proposePilots,
  rejectedCsv,
  resolvePolicy,
  resolveRatingBands,
  type DistanceMode,
  type PolicyOverride,
  pilots,
} from '../../src/engine/index';
import { type Args, parseArgs } from '../lib/args';

const { parseDate, serviceLevels } = pilots;
import { readPackageDir } from '../lib/readPackageDir';
import { makeOutDir, writeOutput } from '../lib/writeOutput';

const bad = (field: string, detail: string): never => {
  throw new EngineError('E_ARGUMENT', { field, detail });
};

function wholeNumber(opts: Args, key: string, min: number): number | undefined {
  const v = opts.get(key);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!/^\d+$/.test(v) || n < min) bad(`--${key}`, `'${v}' is not a whole number ≥ ${min}`);
  return n;
}

/** Today's date on this machine's calendar, YYYY-MM-DD. */
export function today(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

function readPolicy(opts: Args): PolicyOverride | undefined {
  const file = opts.get('policy');
  if (file === undefined) return undefined;
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new EngineError('E_MISSING_FILE', { file, field: '--policy' });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(decodeText(bytes, file).text);
  } catch (e) {
    throw new EngineError('E_BAD_JSON', { file, detail: (e as Error).message.slice(0, 120) });
  }
  return parsePolicyOverride(raw, file);
}

/** Options `pilots` knows; any other is a bad argument (a typo such as --as_of must not silently mean today). */
export const PILOTS_OPTIONS = ['data', 'out', 'as-of', 'mode', 'policy', 'propose', 'per-district'] as const;

/** Run `pilots` with its parsed flags (scripts/lib/args.ts: unknown flags were refused there). */
export async function runPilots(opts: Args): Promise<void> {
  const out = opts.need('out');
  const dataDir = opts.need('data');
  const modeArg = opts.get('mode') ?? 'euclidean';
  if (modeArg !== 'euclidean' && modeArg !== 'network' && modeArg !== 'matrix') bad('--mode', `'${modeArg}' is not euclidean, network or matrix`);
  const mode = modeArg as DistanceMode;
  const propose = wholeNumber(opts, 'propose', 0);
  const perDistrict = wholeNumber(opts, 'per-district', 1);
  if (perDistrict !== undefined && propose === undefined) bad('--per-district', 'goes with --propose N');
  let asOf = today();
  const asOfArg = opts.get('as-of');
  if (asOfArg !== undefined) asOf = parseDate(asOfArg) ?? bad('--as-of', `'${asOfArg}' is not a date (YYYY-MM-DD)`);
  const override = readPolicy(opts);
  const files = readPackageDir(dataDir);
  const pkg = loadPackage(files);
  process.stderr.write(
    `loaded ${pkg.communities.length} communities, ${pkg.pilots?.length ?? 0} pilots, ${pkg.evaluations?.length ?? 0} evaluations, ${pkg.landingPoints?.length ?? 0} landing points, ${pkg.rejected.length} rejected rows\n`,
  );
  for (const note of pkg.notes) process.stderr.write(`note: ${note}\n`);
  if (propose === undefined && !pkg.pilots) throw new EngineError('E_MISSING_FILE', { file: join(dataDir, 'pilots.csv') });
  const policy = resolvePolicy(pkg, override);
  const bands = resolveRatingBands(pkg.policyOverride, override);
  const analysis = analyze(pkg, { mode, policy });
  makeOutDir(out);
  if (propose !== undefined) {
    const proposal = proposePilots(analysis, pkg.buildings, { count: propose, perDistrict, pilots: pkg.pilots, levels: serviceLevels(pkg) });
    writeOutput(join(out, 'proposal.csv'), proposalCsv(proposal));
    process.stderr.write(
      `proposed ${proposal.length} of ${propose} pilot communities${perDistrict ? ` (≤ ${perDistrict} per district)` : ''} → ${join(out, 'proposal.csv')}\n`,
    );
    return;
  }
  const prog = pilotProgramme(pkg, { asOf, bands, analysis });
  writeOutput(join(out, 'pilot-status.csv'), pilotStatusCsv(prog.statuses, pkg.communities));
  writeOutput(
    join(out, 'programme.json'),
    programmeJson(prog.summary, {
      package: pkg.manifest.name,
      synthetic: pkg.manifest.synthetic === true,
      mode,
      ratingBands: bands,
      rejectedRows: pkg.rejected.length,
    }),
  );
  writeOutput(join(out, 'rejected.csv'), rejectedCsv(pkg.rejected));
  const s = prog.summary;
  process.stderr.write(
    `pilots as of ${asOf}: ${s.byStatus.active} active, ${s.byStatus.removed} removed, ${s.started} started; ` +
      `${s.flagged.length} flagged → ${join(out, 'pilot-status.csv')}, programme.json, rejected.csv\n`,
  );
}

export const usage =
  'npm run cli -- pilots --data DIR --out OUTDIR [--as-of YYYY-MM-DD] | --propose N [--per-district K] [--mode euclidean|network|matrix] [--policy FILE]';

/** The flags `pilots` knows (all take a value). */
export const PILOTS_FLAGS = Object.fromEntries(PILOTS_OPTIONS.map((k) => [k, 'value'])) as Record<(typeof PILOTS_OPTIONS)[number], 'value'>;

/** The command table's entry: the shared parser (typed usage errors, closest-flag hints), then {@link runPilots}. */
export async function run(argv: readonly string[]): Promise<void> {
  await runPilots(parseArgs(argv, PILOTS_FLAGS));
}

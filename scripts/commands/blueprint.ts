import { join } from 'node:path';
import {
  EngineError,
  analyze,
  BLUEPRINT_DEFAULTS,
  blueprint,
  blueprintGeoJson,
  blueprintSitesCsv,
  communitiesBeforeAfterCsv,
  createProvider,
  createScenarioContext,
  resolvePolicy,
  type BlueprintOptions,
} from '../../src/engine/index';
import { parseArgs } from '../lib/args';
import { DATA_FLAGS, readEffort, readMode, readPolicyFile, readTimeLimit } from '../lib/commonOptions';
import { loadPackageDir } from '../lib/loadPackageDir';
import { makeOutDir, writeOutput } from '../lib/writeOutput';

export const usage =
  'npm run cli -- blueprint --data DIR --out OUTDIR [--mode euclidean|network|matrix] [--district NAME] [--street NAME] [--sites K] [--budget WAN] [--policy FILE] [--effort] [--time-limit S]';

const FLAGS = { ...DATA_FLAGS, district: 'value', street: 'value', sites: 'value', budget: 'value', 'time-limit': 'value' } as const;

const bad = (field: string, detail: string): never => {
  throw new EngineError('E_ARGUMENT', { field, detail });
};

/**
 * `blueprint`: the multi-service blueprint for a scope. Writes OUTDIR/blueprint.geojson,
 * sites.csv, communities-before-after.csv (UTF-8 BOM) and blueprint.json (the full result).
 */
export async function run(argv: readonly string[]): Promise<void> {
  const args = parseArgs(argv, FLAGS);
  const mode = readMode(args);
  const effort = readEffort(args, mode);
  const override = readPolicyFile(args);
  const out = args.need('out');
  const { pkg, files } = loadPackageDir(args.need('data'));
  const timeLimitS = readTimeLimit(args);
  const policy = resolvePolicy(pkg, override);
  if (!files['candidates.csv']) throw new EngineError('E_NO_CANDIDATES', { file: 'candidates.csv' });
  const limitS = timeLimitS ?? BLUEPRINT_DEFAULTS.timeLimitS;
  // the limit is the whole command's promise: counted from the process start (loading and analysis included)
  const opts: BlueprintOptions = {
    scope: { district: args.get('district'), street: args.get('street') },
    timeLimitS: limitS,
    deadline: { now: Date.now, endMs: performance.timeOrigin + limitS * 1000 },
  };
  const sites = args.get('sites');
  if (sites !== undefined) {
    const k = Number(sites);
    if (sites.trim() === '' || !Number.isInteger(k) || k < 0) bad('--sites', 'a whole number ≥ 0');
    opts.maxSites = k;
  }
  const budget = args.get('budget');
  if (budget !== undefined) {
    const b = Number(budget);
    if (budget.trim() === '' || !Number.isFinite(b) || b < 0) bad('--budget', 'a number ≥ 0 (万元)');
    opts.budgetWan = b;
  }
  const provider = createProvider(pkg, mode, policy, effort);
  const t0 = Date.now();
  const analysis = analyze(pkg, { mode, policy, provider, effort });
  // after the solve come the before/after evaluation and the exports: keep back about one analysis' time
  opts.reserveS = Math.max(2, (Date.now() - t0) / 1000);
  const r = await blueprint(createScenarioContext(pkg, analysis, provider), opts);
  makeOutDir(out);
  writeOutput(join(out, 'blueprint.geojson'), JSON.stringify(blueprintGeoJson(r)) + '\n');
  writeOutput(join(out, 'sites.csv'), blueprintSitesCsv(r));
  writeOutput(join(out, 'communities-before-after.csv'), communitiesBeforeAfterCsv(r));
  writeOutput(join(out, 'blueprint.json'), JSON.stringify(r, (_k, v) => (v === Infinity ? null : v), 2) + '\n');
  const s = r.solution;
  process.stderr.write(
    `blueprint (${r.scope.description}): ${r.totals.sites} sites (${r.totals.complexes} complexes, ${r.totals.scattered} scattered, ${r.totals.joint} joint), ` +
      `${r.totals.costWan.toFixed(1)} 万元, shortfall ${r.summary.shortfallBaseM2.before.toFixed(0)} → ${r.summary.shortfallBaseM2.after.toFixed(0)} m², ` +
      `${s.optimal ? 'optimum proved' : `not proved (gap ${(s.gap * 100).toFixed(2)} %, bound ${s.bound.toFixed(1)} from ${s.boundSource}${s.stoppedBy ? ', stopped by the time limit' : ''})`} in ${s.seconds.toFixed(1)} s → ${out}\n`,
  );
}

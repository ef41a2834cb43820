import { join } from 'node:path';
import { EngineError, analyze, createProvider, type DataPackage, type DistanceMode, type PackageFiles, type Policy } from '../../src/engine/index';
import { blueprint, blueprintGeoJson, blueprintSitesCsv, communitiesBeforeAfterCsv, type BlueprintOptions } from '../../src/engine/blueprint/index';
import { createScenarioContext } from '../../src/engine/scenario/index';
import { makeOutDir, writeOutput } from './writeOutput';

/** Arguments of `blueprint` as read from the command line. */
export interface BlueprintCommand {
  mode: DistanceMode;
  policy: Policy;
  out: string;
  district?: string;
  street?: string;
  sites?: string;
  budget?: string;
  timeLimitS?: number;
  effort?: boolean;
}

const bad = (field: string, detail: string): never => {
  throw new EngineError('E_ARGUMENT', { field, detail });
};

/**
 * `blueprint`: the multi-service blueprint for a scope. Writes OUTDIR/blueprint.geojson,
 * sites.csv, communities-before-after.csv (UTF-8 BOM) and blueprint.json (the full result).
 */
export async function runBlueprint(pkg: DataPackage, files: PackageFiles, cmd: BlueprintCommand): Promise<void> {
  if (!files['candidates.csv']) throw new EngineError('E_NO_CANDIDATES', { file: 'candidates.csv' });
  const timeLimitS = cmd.timeLimitS ?? 30;
  // the limit is the whole command's promise: counted from the process start (loading and analysis included)
  const opts: BlueprintOptions = { scope: { district: cmd.district, street: cmd.street }, timeLimitS, deadline: { now: Date.now, endMs: performance.timeOrigin + timeLimitS * 1000 } };
  if (cmd.sites !== undefined) {
    const k = Number(cmd.sites);
    if (!Number.isInteger(k) || k < 0) bad('--sites', 'a whole number ≥ 0');
    opts.maxSites = k;
  }
  if (cmd.budget !== undefined) {
    const b = Number(cmd.budget);
    if (!Number.isFinite(b) || b < 0) bad('--budget', 'a number ≥ 0 (万元)');
    opts.budgetWan = b;
  }
  if (cmd.timeLimitS !== undefined && !(cmd.timeLimitS >= 0)) bad('--time-limit', 'seconds ≥ 0');
  const provider = createProvider(pkg, cmd.mode, cmd.policy, cmd.effort);
  const t0 = Date.now();
  const analysis = analyze(pkg, { mode: cmd.mode, policy: cmd.policy, provider, effort: cmd.effort });
  // after the solve come the before/after evaluation and the exports: keep back about one analysis' time
  opts.reserveS = Math.max(2, (Date.now() - t0) / 1000);
  const r = await blueprint(createScenarioContext(pkg, analysis, provider), opts);
  makeOutDir(cmd.out);
  writeOutput(join(cmd.out, 'blueprint.geojson'), JSON.stringify(blueprintGeoJson(r)) + '\n');
  writeOutput(join(cmd.out, 'sites.csv'), blueprintSitesCsv(r));
  writeOutput(join(cmd.out, 'communities-before-after.csv'), communitiesBeforeAfterCsv(r));
  writeOutput(join(cmd.out, 'blueprint.json'), JSON.stringify(r, (_k, v) => (v === Infinity ? null : v), 2) + '\n');
  const s = r.solution;
  process.stderr.write(
    `blueprint (${r.scope.description}): ${r.totals.sites} sites (${r.totals.complexes} complexes, ${r.totals.scattered} scattered, ${r.totals.joint} joint), ` +
      `${r.totals.costWan.toFixed(1)} 万元, shortfall ${r.summary.shortfallBaseM2.before.toFixed(0)} → ${r.summary.shortfallBaseM2.after.toFixed(0)} m², ` +
      `${s.optimal ? 'optimum proved' : `not proved (gap ${(s.gap * 100).toFixed(2)} %, bound ${s.bound.toFixed(1)} from ${s.boundSource}${s.stoppedBy ? ', stopped by the time limit' : ''})`} in ${s.seconds.toFixed(1)} s → ${cmd.out}\n`,
  );
}

import { EngineError, pilotProgramme, pilots, proposePilots, resolveRatingBands, type Analysis } from '../engine/index';

const { serviceLevels } = pilots;
import { asFailure } from './failure';
import { requirePackage } from './packageSession';
import type { PilotWorkerApi } from './protocol';

let analysis: Analysis | null = null;

/** Keep the analysis of the latest run: the programme's "still failing" rules and proposals use it. */
export function rememberPilotAnalysis(a: Analysis): void {
  analysis = a;
}

function currentAnalysis(): Analysis {
  if (!analysis) throw new EngineError('E_NO_DATA');
  return analysis;
}

/** The pilot part of the engine worker's API: the engine's pilot rules on edited rows of the loaded package. */
export const pilotsApi: PilotWorkerApi = {
  pilotBase: () =>
    asFailure(() => {
      const { pkg } = requirePackage();
      return { hasPilots: pkg.pilots !== undefined, pilots: pkg.pilots ?? [], evaluations: pkg.evaluations ?? [], landingPoints: pkg.landingPoints ?? [] };
    }),
  pilotProgramme: (edits, asOf) =>
    asFailure(() => {
      const t0 = performance.now();
      const { pkg } = requirePackage();
      const bands = resolveRatingBands(pkg.policyOverride);
      const p = pilotProgramme({ ...pkg, pilots: edits.pilots, evaluations: edits.evaluations }, { asOf, bands, analysis: currentAnalysis() });
      return { asOf, ...p, ms: performance.now() - t0 };
    }),
  proposePilots: (count, perDistrict, pilots) =>
    asFailure(() => {
      const { pkg } = requirePackage();
      const levels = serviceLevels(pkg);
      return proposePilots(currentAnalysis(), pkg.buildings, { count, perDistrict: perDistrict ?? undefined, pilots, levels });
    }),
};

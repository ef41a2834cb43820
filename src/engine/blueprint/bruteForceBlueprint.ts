import { EngineError } from '../errors';
import type { BlueprintInstance } from './blueprintInstance';
import { selectionObjective, selectionViolation, type Choice } from './selection';

/** Most selections {@link bruteForceBlueprint} will enumerate. */
export const BRUTE_FORCE_BLUEPRINT_MAX = 2_000_000;

/**
 * The exact optimum by enumeration of every site subset × bundle (for tests on tiny
 * instances): each site is either left out or given one of its feasible masks; infeasible
 * selections (sole-facility rule, budget, site limit) are skipped. Ties keep the first found.
 * Throws E_ARGUMENT when there are more than {@link BRUTE_FORCE_BLUEPRINT_MAX} selections.
 */
export function bruteForceBlueprint(inst: BlueprintInstance): { choices: Choice[]; objective: number } {
  let total = 1;
  for (const s of inst.sites) total *= s.masks.length + 1;
  if (total > BRUTE_FORCE_BLUEPRINT_MAX) throw new EngineError('E_ARGUMENT', { detail: `${total} selections to enumerate` });
  let best: Choice[] = [];
  let bestObj = selectionObjective(inst, []);
  const cur: Choice[] = [];
  const rec = (j: number) => {
    if (j === inst.sites.length) {
      if (selectionViolation(inst, cur)) return;
      const o = selectionObjective(inst, cur);
      if (o > bestObj + 1e-9) {
        bestObj = o;
        best = cur.slice();
      }
      return;
    }
    rec(j + 1);
    for (const mask of inst.sites[j].masks) {
      cur.push({ site: j, mask });
      rec(j + 1);
      cur.pop();
    }
  };
  rec(0);
  return { choices: best, objective: bestObj };
}

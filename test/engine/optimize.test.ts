import { describe, expect, it } from 'vitest';
import highsLoader from 'highs';
import { EngineError } from '../../src/engine/errors';
import {
  LinearModelBuilder,
  Mclp,
  bruteForceMclp,
  buildMclpModel,
  greedyMclp,
  resolveHighs,
  runMip,
  shrinkInstance,
  solveMclp,
  toLpText,
  type CoverageInstance,
} from '../../src/engine/optimize';

const inst = (weights: number[], covers: number[][]): CoverageInstance => ({
  demandWeight: Float64Array.from(weights),
  candidateCovers: covers.map((c) => Int32Array.from(c)),
});

/*
 * Chain: weights 5, 3, 4, 2; c0 = {0,1} (8), c1 = {1,2} (7), c2 = {2,3} (6), c3 = {0} (5).
 * p = 1: the heaviest single cover is c0 = 8. p = 2: c0 ∪ c2 = {0,1,2,3} = 14, everything.
 */
const chain = inst([5, 3, 4, 2], [[0, 1], [1, 2], [2, 3], [0]]);

/*
 * Greedy trap: six points of weight 1; c0 = {0,1,2,3}, c1 = {0,1,4}, c2 = {2,3,5}.
 * Greedy takes c0 (4) then c1 (+1, tie with c2 → lowest index) = 5; the optimum is
 * c1 ∪ c2 = all 6. Greedy's bound: min(0 + 2·4, 4 + 2·1, 5 + top-2 marginals {1, 0},
 * 5 / (1 − 1/4) = 6.67, reachable 6) = 6.
 */
const trap = inst(
  [1, 1, 1, 1, 1, 1],
  [
    [0, 1, 2, 3],
    [0, 1, 4],
    [2, 3, 5],
  ],
);

/*
 * Weights 3, 3, 0, 3, 5, 2, 1, 3, 5 (point 8 is covered by nobody); p = 2;
 * c0 = {1,4} = 8, c1 = {0,1,2,7} = 9, c2 = {2,4,5} = 7, c3 = {0,5,6,7} = 9, c4 = {3} = 3.
 * Greedy: c1 (9, ties c3 → lower index), then c2 (+5 +2) = 16. Every single swap from
 * {c1, c2} is worse ({0,2} 10, {2,3} 14, {2,4} 10, {0,1} 14, {1,3} 12, {1,4} 12), so
 * local search stays at 16. All 10 pairs: {c0, c3} = 3 + 5 + 3 + 2 + 1 + 3 = 17 is the
 * unique optimum. Greedy's bound is 18, so only HiGHS can prove 17.
 */
const hard = inst([3, 3, 0, 3, 5, 2, 1, 3, 5], [[1, 4], [0, 1, 2, 7], [2, 4, 5], [0, 5, 6, 7], [3]]);

describe('tiny instances with hand-computed optima', () => {
  it('chain, p = 1 and p = 2', async () => {
    const one = await solveMclp(chain, 1);
    expect(one.selected).toEqual([0]);
    expect(one.objective).toBe(8);
    expect(one.optimal).toBe(true);
    const two = await solveMclp(chain, 2);
    expect(two.selected).toEqual([0, 2]);
    expect(two.objective).toBe(14);
    expect(two.optimal).toBe(true);
    expect(two.gap).toBe(0);
    expect(two.bound).toBe(14);
  });

  it('greedy trap: greedy 5 with bound 6; one swap (c0 → c2) reaches 6, which the bound proves', async () => {
    const g = greedyMclp(trap, 2);
    expect(g.order).toEqual([0, 1]);
    expect(g.selected).toEqual([0, 1]);
    expect(g.objective).toBe(5);
    expect(g.bound).toBe(6);
    // Swap pass: out c0 (loses 0, 1, 2, 3 except 0, 1 kept by c1 → −2), in c2 (+2, 3, 5 → +3).
    const s = await solveMclp(trap, 2);
    expect(s.selected).toEqual([1, 2]);
    expect(s.objective).toBe(6);
    expect(s.optimal).toBe(true);
    expect(s.method).toBe('greedy');
    expect(s.stats.solverStatus).toBeNull();
    expect(s.stats.greedyObjective).toBe(5);
    expect(bruteForceMclp(trap, 2)).toEqual({ selected: [1, 2], objective: 6 });
  });

  it('HiGHS needed: greedy and swaps stall at 16, the optimum is 17', async () => {
    const g = greedyMclp(hard, 2);
    expect(g).toMatchObject({ order: [1, 2], objective: 16, bound: 18 });
    const h = await solveMclp(hard, 2, { method: 'greedy' });
    expect(h).toMatchObject({ selected: [1, 2], objective: 16, optimal: false, bound: 18, method: 'greedy' });
    expect(h.gap).toBeCloseTo(2 / 18, 12);
    const s = await solveMclp(hard, 2);
    expect(s).toMatchObject({ selected: [0, 3], objective: 17, optimal: true, bound: 17, gap: 0, method: 'highs' });
    expect(s.stats.solverStatus).toBe('optimal');
    expect(bruteForceMclp(hard, 2)).toEqual({ selected: [0, 3], objective: 17 });
  });

  it('method greedy returns the heuristic answer with its bound and gap', async () => {
    // Greedy + swaps reach 6 on the trap; greedy's bound 6 meets it, so it is proved.
    const s = await solveMclp(trap, 2, { method: 'greedy' });
    expect(s).toMatchObject({ selected: [1, 2], objective: 6, optimal: true, bound: 6, method: 'greedy' });
  });

  it('greedy proves optimality when its bound meets it (p = 1: the best single cover)', async () => {
    // p = 1: f(∅) + 1 · best gain = best gain, so greedy is optimal and HiGHS never runs.
    const s = await solveMclp(trap, 1);
    expect(s).toMatchObject({ selected: [0], objective: 4, optimal: true, method: 'greedy' });
    expect(s.stats.solverStatus).toBeNull();
  });

  it('p ≥ useful candidates: all of them, trivially optimal', async () => {
    // c3 = {0} ⊂ c0 is dominated, so 3 useful candidates and p = 3 takes c0, c1, c2 = 14.
    const s = await solveMclp(chain, 3);
    expect(s).toMatchObject({ selected: [0, 1, 2], objective: 14, optimal: true, method: 'trivial', gap: 0 });
    const big = await solveMclp(chain, 10);
    expect(big.selected).toEqual([0, 1, 2]);
  });

  it('nothing coverable (all weights 0): empty selection, objective 0, optimal', async () => {
    const s = await solveMclp(inst([0, 0], [[0], [1]]), 1);
    expect(s).toMatchObject({ selected: [], objective: 0, optimal: true, bound: 0, gap: 0, method: 'trivial' });
  });

  it('non-integer weights', async () => {
    // c0 = {0,1} = 0.75, c1 = {2} = 0.7, c2 = {1,2} = 0.95; p = 1 → c2.
    const s = await solveMclp(inst([0.5, 0.25, 0.7], [[0, 1], [2], [1, 2]]), 1);
    expect(s.selected).toEqual([2]);
    expect(s.objective).toBeCloseTo(0.95, 12);
    expect(s.optimal).toBe(true);
  });
});

describe('shrinkInstance', () => {
  it('merges equal demand, drops zero/uncovered demand, identical and dominated candidates', () => {
    // c0 = {0,1}, c1 = {0,1} (identical: the lower index c0 stays), c2 = {0} ⊂ c0,
    // c3 = {2,3,4}; point 4 has weight 0, point 5 is covered by nobody.
    // Round 1 classes: {0}:{c0,c1,c2}, {1}:{c0,c1}, {2,3}:{c3}; after dropping c1, c2
    // points 0 and 1 both have {c0} and merge: classes (0+1 → 3+4 = 7), (2+3 → 5+6 = 11).
    const s = shrinkInstance(inst([3, 4, 5, 6, 0, 9], [[0, 1], [0, 1], [0], [2, 3, 4]]));
    expect(Array.from(s.candidateOrigin)).toEqual([0, 3]);
    expect(Array.from(s.instance.demandWeight)).toEqual([7, 11]);
    expect(s.instance.candidateCovers.map((c) => Array.from(c))).toEqual([[0], [1]]);
    expect(Array.from(s.demandClass)).toEqual([0, 0, 1, 1, -1, -1]);
  });

  it('keeps the optimum of the greedy trap (nothing to reduce there)', () => {
    const s = shrinkInstance(trap);
    expect(Array.from(s.candidateOrigin)).toEqual([0, 1, 2]);
    // classes: {0,1}:{c0,c1}, {2,3}:{c0,c2}, {4}:{c1}, {5}:{c2}
    expect(Array.from(s.instance.demandWeight)).toEqual([2, 2, 1, 1]);
    expect(bruteForceMclp(s.instance, 2).objective).toBe(6);
  });
});

describe('errors', () => {
  const code = async (f: () => unknown): Promise<string> => {
    try {
      await f();
    } catch (e) {
      expect(e).toBeInstanceOf(EngineError);
      return (e as EngineError).code;
    }
    return 'no error';
  };
  it('E_ARGUMENT for degenerate input', async () => {
    expect(await code(() => solveMclp(chain, 0))).toBe('E_ARGUMENT');
    expect(await code(() => solveMclp(chain, -1))).toBe('E_ARGUMENT');
    expect(await code(() => solveMclp(chain, 1.5))).toBe('E_ARGUMENT');
    expect(await code(() => solveMclp(inst([1, 2], []), 1))).toBe('E_ARGUMENT');
    expect(await code(() => solveMclp(inst([], [[]]), 1))).toBe('E_ARGUMENT');
    expect(await code(() => solveMclp(inst([1, NaN], [[0]]), 1))).toBe('E_ARGUMENT');
    expect(await code(() => solveMclp(inst([1, -2], [[0]]), 1))).toBe('E_ARGUMENT');
    expect(await code(() => solveMclp(inst([1, 2], [[1, 0]]), 1))).toBe('E_ARGUMENT');
    expect(await code(() => solveMclp(inst([1, 2], [[0, 2]]), 1))).toBe('E_ARGUMENT');
    expect(await code(() => new Mclp(chain, 0))).toBe('E_ARGUMENT');
  });
  it('E_NOT_SOLVED before solve, then the result', async () => {
    const model = new Mclp(chain, 2);
    expect(await code(() => model.result)).toBe('E_NOT_SOLVED');
    await model.solve();
    expect(model.result.objective).toBe(14);
    expect(Array.from(model.coveredDemand())).toEqual([1, 1, 1, 1]);
    expect(model.coveredFraction()).toBe(1);
  });
  it('E_SOLVER when the loader fails', async () => {
    const failing = () => Promise.reject(new Error('no wasm'));
    // Greedy and swaps cannot prove `hard`, so HiGHS is needed and its loading error surfaces.
    expect(await code(() => solveMclp(hard, 2, { highs: failing }))).toBe('E_SOLVER');
  });
});

describe('HiGHS plumbing', () => {
  it('accepts a loader function, a loaded runtime and the legacy one-shot API', async () => {
    const runtime = await highsLoader();
    const viaLoader = await solveMclp(hard, 2, { highs: highsLoader });
    const viaRuntime = await solveMclp(hard, 2, { highs: runtime });
    // Only `solve(lpText)`: LP text path, no MIP start, bound from the Optimal status.
    const legacy = await solveMclp(hard, 2, { highs: { solve: runtime.solve.bind(runtime) } });
    for (const s of [viaLoader, viaRuntime, legacy]) {
      expect(s.selected).toEqual([0, 3]);
      expect(s.objective).toBe(17);
      expect(s.optimal).toBe(true);
      expect(s.stats.solverStatus).toBe('optimal');
    }
    expect(await resolveHighs(highsLoader)).toBe(await resolveHighs(highsLoader)); // cached
  });

  it('writes CPLEX LP text that HiGHS reads back to the same optimum', async () => {
    const { model } = buildMclpModel(trap, 2);
    const lp = toLpText(model);
    expect(lp).toContain('Maximize');
    expect(lp).toContain(' sites: x0 + x1 + x2 <= 2');
    expect(lp).toContain(' cov0: y0 - x0 - x1 <= 0');
    const runtime = await resolveHighs();
    const res = runtime.solve(lp, { output_flag: false });
    expect(res.Status).toBe('Optimal');
    expect(res.ObjectiveValue).toBeCloseTo(6, 9);
  });

  it('runMip solves a general model: ranged and equality rows, minimisation', async () => {
    // min 2a + 3b  s.t.  3 ≤ a + b ≤ 5, a − b = 1, a, b integer ≥ 0:
    // a = b + 1 and a + b ∈ [3, 5] → (2,1): 7, (3,2): 12 → optimum 7 at a = 2, b = 1.
    const b = new LinearModelBuilder('min');
    const a = b.addCol({ cost: 2, integer: true, name: 'a' });
    const c = b.addCol({ cost: 3, integer: true, name: 'b' });
    b.addRow([a, c], 1, 3, 5, 'sum');
    b.addRow([a, c], [1, -1], 1, 1, 'diff');
    const model = b.build();
    const runtime = await resolveHighs();
    const r = runMip(runtime, model);
    expect(r.status).toBe('optimal');
    expect(Array.from(r.x!)).toEqual([2, 1]);
    expect(r.objective).toBe(7);
    expect(r.bound).toBeCloseTo(7, 9);
    const legacy = runMip({ solve: runtime.solve.bind(runtime) }, model);
    expect(legacy.api).toBe('legacy');
    expect(Array.from(legacy.x!)).toEqual([2, 1]);
    expect(toLpText(model)).toContain(' sum_lo: a + b >= 3');
  });
});

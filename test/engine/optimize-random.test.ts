import { describe, expect, it } from 'vitest';
import {
  bruteForceMclp,
  buildMclpModel,
  coverageObjective,
  resolveHighs,
  runMip,
  swapLocalSearch,
  greedyMclp,
  randomCoverageInstance,
  shrinkInstance,
  solveMclp,
} from '../../src/engine/optimize';

/* Seeded random instances small enough for brute force: 6–14 candidates, p = 1–5. */
const cases = Array.from({ length: 60 }, (_, k) => {
  const seed = 1000 + k;
  const candidates = 6 + (k % 9);
  const p = 1 + (k % 5);
  const demand = 10 + ((k * 7) % 31);
  const density = [0.1, 0.2, 0.35][k % 3];
  return { seed, candidates, p, demand, density, inst: randomCoverageInstance({ seed, demand, candidates, density }) };
});

describe('random instances against brute force', () => {
  it('solveMclp: same objective as brute force, proved optimal, feasible selection', async () => {
    let viaHighs = 0;
    for (const c of cases) {
      const brute = bruteForceMclp(c.inst, c.p);
      const s = await solveMclp(c.inst, c.p);
      expect(s.objective, `seed ${c.seed}`).toBe(brute.objective);
      expect(s.optimal, `seed ${c.seed}`).toBe(true);
      expect(s.selected.length).toBeLessThanOrEqual(c.p);
      expect(new Set(s.selected).size).toBe(s.selected.length);
      expect(s.selected).toEqual([...s.selected].sort((a, b) => a - b));
      expect(coverageObjective(c.inst, s.selected)).toBe(s.objective);
      expect(s.bound).toBeGreaterThanOrEqual(s.objective);
      expect(s.bound - s.objective).toBeLessThan(1);
      if (s.stats.solverStatus !== null) viaHighs++;
    }
    // The set must need HiGHS's bounds, not only greedy proofs and trivial cases.
    expect(viaHighs).toBeGreaterThan(10);
  });

  it('non-integer weights: same optimum as brute force (to rounding), proved', async () => {
    for (const c of cases.slice(0, 20)) {
      const w = Float64Array.from(c.inst.demandWeight, (v, i) => v * 0.37 + (i % 3) * 0.011);
      const frac = { demandWeight: w, candidateCovers: c.inst.candidateCovers };
      const s = await solveMclp(frac, c.p);
      expect(s.objective, `seed ${c.seed}`).toBeCloseTo(bruteForceMclp(frac, c.p).objective, 9);
      expect(s.optimal).toBe(true);
      expect(s.bound - s.objective).toBeLessThanOrEqual(1e-6 + 1e-9 * s.objective);
    }
  });

  it('shrinking keeps the optimum and maps selections back', () => {
    for (const c of cases) {
      const s = shrinkInstance(c.inst);
      expect(s.instance.candidateCovers.length).toBeLessThanOrEqual(c.candidates);
      const shrunkBest = bruteForceMclp(s.instance, c.p);
      expect(shrunkBest.objective, `seed ${c.seed}`).toBe(bruteForceMclp(c.inst, c.p).objective);
      const back = shrunkBest.selected.map((k) => s.candidateOrigin[k]);
      expect(coverageObjective(c.inst, back)).toBe(shrunkBest.objective);
      // Class weights add up to the coverable weight; demandClass points into them.
      for (let i = 0; i < c.inst.demandWeight.length; i++) {
        const k = s.demandClass[i];
        if (k >= 0) expect(s.instance.demandWeight[k]).toBeGreaterThanOrEqual(c.inst.demandWeight[i]);
      }
    }
  });

  it('greedy ≤ optimum ≤ greedy bound, same on the shrunk instance', () => {
    for (const c of cases) {
      const opt = bruteForceMclp(c.inst, c.p).objective;
      for (const target of [c.inst, shrinkInstance(c.inst).instance]) {
        const g = greedyMclp(target, c.p);
        expect(g.objective).toBeLessThanOrEqual(opt);
        expect(g.bound).toBeGreaterThanOrEqual(opt);
        expect(g.objective).toBeGreaterThanOrEqual((1 - 1 / Math.E) * opt - 1e-9);
        expect(coverageObjective(target, g.selected)).toBe(g.objective);
      }
    }
  });

  it('is deterministic', async () => {
    const c = cases[17];
    const a = await solveMclp(c.inst, c.p);
    const b = await solveMclp(c.inst, c.p);
    expect(b.selected).toEqual(a.selected);
    expect(greedyMclp(c.inst, c.p)).toEqual(greedyMclp(c.inst, c.p));
  });

  it('the MIP model alone (HiGHS branch and cut, no start) reaches the same optima', async () => {
    const highs = await resolveHighs();
    for (const c of cases.slice(0, 30)) {
      const mm = buildMclpModel(c.inst, c.p);
      const run = runMip(highs, mm.model);
      expect(run.status).toBe('optimal');
      const sel = [...mm.xCol.keys()].filter((j) => run.x![mm.xCol[j]] > 0.5);
      const brute = bruteForceMclp(c.inst, c.p).objective;
      expect(coverageObjective(c.inst, sel), `seed ${c.seed}`).toBe(brute);
      expect(run.bound).toBeCloseTo(brute, 6);
    }
  });

  it('swap local search never worsens and ends in a 1-swap local optimum', () => {
    for (const c of cases) {
      const g = greedyMclp(c.inst, c.p);
      const ls = swapLocalSearch(c.inst, g.selected, c.p);
      expect(ls.objective).toBeGreaterThanOrEqual(g.objective);
      expect(ls.objective).toBeLessThanOrEqual(bruteForceMclp(c.inst, c.p).objective);
      expect(coverageObjective(c.inst, ls.selected)).toBe(ls.objective);
      // No single swap improves: check every pair by recomputation.
      const inSel = new Set(ls.selected);
      for (const out of ls.selected) {
        for (let k = 0; k < c.candidates; k++) {
          if (inSel.has(k)) continue;
          const alt = ls.selected.filter((j) => j !== out).concat(k);
          expect(coverageObjective(c.inst, alt)).toBeLessThanOrEqual(ls.objective);
        }
      }
    }
  });

  it('without shrinking, the whole pipeline reaches the same optima', async () => {
    for (const c of cases.slice(0, 15)) {
      const s = await solveMclp(c.inst, c.p, { shrink: false });
      expect(s.objective).toBe(bruteForceMclp(c.inst, c.p).objective);
      expect(s.optimal).toBe(true);
    }
  });
});

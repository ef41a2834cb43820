/**
 * Maximal covering benchmark: seeded synthetic city planes (clustered buildings, candidates
 * near buildings, straight-line radius coverage), solved three ways side by side:
 * - greedy: shrink + lazy greedy (greedyMclp);
 * - greedy + swaps: solveMclp with method 'greedy' (greedy, then 1-swap local search);
 * - ours: solveMclp (shrink → greedy → swaps → LP relaxation + LP-guided heuristics →
 *   HiGHS branch and cut from the best start, 10 s limit);
 * - plain HiGHS: the unshrunk model, no start, capped (labelled with its cap).
 * Prints time and objective (median of `runs` where affordable). Usage:
 *   npx tsx scripts/bench-optimize.ts [--runs 3] [--plain-cap 30] [--quick]
 */
import { optimize } from '../src/engine/index';

const { buildMclpModel, coverageObjective, greedyMclp, planeCoverageInstance, resolveHighs, runMip, shrinkInstance, solveMclp } = optimize;
type CoverageInstance = optimize.CoverageInstance;

interface Case {
  name: string;
  buildings: number;
  candidates: number;
  p: number;
  radiusM: number;
  timeLimitS: number;
  seed: number;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const now = () => performance.now() / 1000;
const fmt = (s: number) => `${s.toFixed(2)} s`;

function timed<T>(f: () => T): [T, number] {
  const t = now();
  const r = f();
  return [r, now() - t];
}

/** Runs the benchmark and returns one row per case and method (also printed). */
export async function main(argv: string[] = process.argv.slice(2)): Promise<Record<string, unknown>[]> {
  const arg = (name: string, def: number) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? Number(argv[i + 1]) : def;
  };
  const quick = argv.includes('--quick');
  const runs = arg('runs', quick ? 1 : 3);
  const plainCap = arg('plain-cap', quick ? 10 : 30);
  const cases: Case[] = quick
    ? [{ name: '50k × 300, p = 20', buildings: 50_000, candidates: 300, p: 20, radiusM: 1000, timeLimitS: 10, seed: 1 }]
    : [
        { name: '200k buildings × 300 candidates, p = 20', buildings: 200_000, candidates: 300, p: 20, radiusM: 1000, timeLimitS: 10, seed: 1 },
        { name: '200k buildings × 300 candidates, p = 40', buildings: 200_000, candidates: 300, p: 40, radiusM: 1000, timeLimitS: 10, seed: 1 },
        { name: '200k buildings × 1,000 candidates, p = 50', buildings: 200_000, candidates: 1000, p: 50, radiusM: 1000, timeLimitS: 10, seed: 2 },
      ];

  const highs = await resolveHighs();
  // Warm-up: first solve compiles/initialises code paths.
  await solveMclp(planeCoverageInstance({ seed: 99, buildings: 2000, candidates: 40 }), 5, { highs });

  const rows: Record<string, unknown>[] = [];
  for (const c of cases) {
    const [inst, genS] = timed(() => planeCoverageInstance({ seed: c.seed, buildings: c.buildings, candidates: c.candidates, radiusM: c.radiusM }));
    let nnz = 0;
    for (const cov of inst.candidateCovers) nnz += cov.length;
    const [shrunk, shrinkS] = timed(() => shrinkInstance(inst));
    console.log(`\n## ${c.name} (radius ${c.radiusM} m, seed ${c.seed})`);
    console.log(`instance: ${inst.demandWeight.length} demand, ${c.candidates} candidates, ${nnz} cover pairs, generated in ${fmt(genS)}`);
    console.log(`shrunk:   ${shrunk.instance.demandWeight.length} demand classes, ${shrunk.instance.candidateCovers.length} candidates, ${fmt(shrinkS)}`);

    const gTimes: number[] = [];
    let greedy = greedyMclp(shrunk.instance, c.p);
    for (let r = 0; r < runs; r++) {
      const [g, s] = timed(() => greedyMclp(shrinkInstance(inst).instance, c.p));
      greedy = g;
      gTimes.push(s);
    }
    const hTimes: number[] = [];
    let heur = await solveMclp(inst, c.p, { method: 'greedy' });
    for (let r = 0; r < runs; r++) {
      heur = await solveMclp(inst, c.p, { method: 'greedy' });
      hTimes.push(heur.stats.seconds);
    }
    const oursTimes: number[] = [];
    let ours = await solveMclp(inst, c.p, { highs, timeLimitS: c.timeLimitS });
    oursTimes.push(ours.stats.seconds);
    for (let r = 1; r < runs; r++) {
      ours = await solveMclp(inst, c.p, { highs, timeLimitS: c.timeLimitS });
      oursTimes.push(ours.stats.seconds);
    }

    // Plain HiGHS: the full model, no shrinking, no start, one capped run.
    const [mm, buildS] = timed(() => buildMclpModel(inst, c.p));
    const plain = runMip(highs, mm.model, { timeLimitS: plainCap, mipAbsGap: 0.5 });
    const plainSel: number[] = [];
    if (plain.x) for (let j = 0; j < c.candidates; j++) if (plain.x[mm.xCol[j]] > 0.5) plainSel.push(j);
    const plainObj = plain.x ? coverageObjective(inst as CoverageInstance, plainSel) : NaN;

    const best = Math.max(ours.objective, greedy.objective, Number.isNaN(plainObj) ? 0 : plainObj);
    const line = (method: string, seconds: number, objective: number, extra: string) => {
      const row = { case: c.name, method, seconds: +seconds.toFixed(3), objective, vsBest: objective / best, extra };
      rows.push(row);
      console.log(
        `${method.padEnd(44)} ${fmt(seconds).padStart(9)}  objective ${String(objective).padStart(10)}  ${((100 * objective) / best).toFixed(2).padStart(6)} %  ${extra}`,
      );
    };
    line(`greedy (shrink + lazy greedy), median of ${runs}`, median(gTimes), greedy.objective, `bound ${Math.floor(greedy.bound)}`);
    line(`greedy + swaps (method 'greedy'), median of ${runs}`, median(hTimes), heur.objective, `optimal ${heur.optimal}, bound ${heur.bound}`);
    line(
      `ours (shrink+greedy+swaps+LP+B&C), median of ${runs}`,
      median(oursTimes),
      ours.objective,
      `optimal ${ours.optimal}, gap ${(100 * ours.gap).toFixed(3)} %, bound ${ours.bound}, LP bound ${Math.floor(ours.stats.lpBound)}, via ${ours.method}, HiGHS ${ours.stats.solverStatus}`,
    );
    line(
      `plain HiGHS (full model, cap ${plainCap} s)`,
      plain.seconds + buildS,
      plainObj,
      `status ${plain.status}, bound ${Math.floor(plain.bound)}, model ${mm.model.numRows} rows × ${mm.model.numCols} cols`,
    );
    const plainS = plain.seconds + buildS;
    if (plain.status === 'optimal' && ours.optimal) {
      console.log(`time to proof: ours ${fmt(median(oursTimes))}, plain ${fmt(plainS)} (${(plainS / median(oursTimes)).toFixed(1)}× slower)`);
    } else {
      const o = ours.optimal ? `proved in ${fmt(median(oursTimes))}` : `gap ${(100 * ours.gap).toFixed(3)} % after ${fmt(median(oursTimes))}`;
      const pl = plain.status === 'optimal' ? `proved in ${fmt(plainS)}` : `no proof within its ${plainCap} s cap`;
      console.log(`ours: ${o}; plain HiGHS: ${pl}`);
    }
  }
  return rows;
}

const invoked = process.argv[1] && /bench-optimize\.ts$/.test(process.argv[1]);
if (invoked) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}

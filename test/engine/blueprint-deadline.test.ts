/**
 * `blueprint --time-limit` is a deadline for the whole command (issue 9 item 7): checked
 * structurally with an injected clock and a recording HiGHS stand-in, never by timing. The
 * greedy bound is checked against brute force in blueprint.test.ts.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPackageDir } from '../../scripts/lib/readPackageDir';
import { analyze, createProvider, loadPackage, resolvePolicy, type DataPackage } from '../../src/engine/index';
import {
  buildBlueprintInstance,
  greedyBlueprint,
  scopeCommunities,
  solveBlueprint,
  type BlueprintInstance,
  type Deadline,
} from '../../src/engine/blueprint/index';
import { createScenarioContext } from '../../src/engine/scenario/index';
import type { LegacyHighs } from 'highs';

const SAMPLE = join(import.meta.dirname, '..', '..', 'data', 'sample');

function sampleInstance(pkg: DataPackage, street?: string, maxSites = 5): BlueprintInstance {
  const policy = resolvePolicy(pkg);
  const provider = createProvider(pkg, 'euclidean', policy);
  const ctx = createScenarioContext(pkg, analyze(pkg, { mode: 'euclidean', policy, provider }), provider);
  const scope = { street };
  return buildBlueprintInstance(ctx, scopeCommunities(pkg, scope), { scope, maxSites });
}

/** A clock that moves `stepMs` forward at each reading (a slow machine, deterministically). */
function steppingClock(stepMs: number): { now: Deadline['now']; peek: () => number } {
  let t = 1_000_000;
  return { now: () => (t += stepMs), peek: () => t };
}

/** A HiGHS stand-in with the one-shot API: records the options it was given, finds nothing. */
function recordingHighs(clock?: () => number): { highs: LegacyHighs; calls: Record<string, unknown>[] } {
  const calls: Record<string, unknown>[] = [];
  const highs = {
    solve: (_lp: string, options: Record<string, unknown>) => (
      calls.push({ ...options, clockMs: clock?.() }),
      { Status: 'Time limit reached', ObjectiveValue: NaN, Columns: {}, Rows: [] }
    ),
  } as unknown as LegacyHighs;
  return { highs, calls };
}

describe('blueprint time limit as a deadline', () => {
  const pkg = loadPackage(readPackageDir(SAMPLE));
  const inst = sampleInstance(pkg);

  it('skips HiGHS when the deadline has passed by the time the model would be built, and still reports a bound', async () => {
    const { highs, calls } = recordingHighs();
    const { now } = steppingClock(1000); // every reading costs a second
    const sol = await solveBlueprint(inst, { deadline: { now, endMs: now() + 2000 }, reserveS: 0.5, highs });
    expect(calls).toHaveLength(0);
    expect(sol.method).toBe('greedy');
    expect(sol.stoppedBy).toBe('deadline');
    expect(sol.boundSource).toBe('greedy');
    expect(sol.objective).toBe(greedyBlueprint(inst).objective);
    expect(Number.isFinite(sol.bound)).toBe(true);
    expect(sol.bound).toBeGreaterThanOrEqual(sol.objective);
    expect(sol.gap).toBeCloseTo((sol.bound - sol.objective) / Math.abs(sol.bound), 12);
  });

  it('gives HiGHS only what is left of the deadline, minus the reserve', async () => {
    const clock = steppingClock(1000);
    const { highs, calls } = recordingHighs(clock.peek);
    const end = clock.now() + 60_000;
    const sol = await solveBlueprint(inst, { deadline: { now: clock.now, endMs: end }, reserveS: 2, highs });
    expect(calls).toHaveLength(1);
    // what was left when HiGHS started (the clock was not read since), minus the reserve; a few readings happened before
    const leftS = (end - (calls[0].clockMs as number)) / 1000;
    expect(leftS).toBeLessThan(60);
    expect(calls[0].time_limit).toBe(leftS - 2);
    expect(sol.method).toBe('greedy'); // the stand-in found nothing
    expect(sol.solverStatus).toBe('time_limit');
    expect(sol.stoppedBy).toBe('deadline');
    expect(sol.bound).toBeGreaterThanOrEqual(sol.objective);
  });

  it('the real solver proves a sample street well within its limit (the bound then equals the optimum)', async () => {
    const street = pkg.communities[0].street;
    const sol = await solveBlueprint(sampleInstance(pkg, street, 3), { timeLimitS: 60 });
    expect(sol.optimal).toBe(true);
    expect(sol.gap).toBe(0);
  });
});

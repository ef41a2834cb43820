/**
 * BlueprintSession.prepareScenarios (asked when a candidate's panel opens): builds what the first
 * what-if edit would, and changes nothing an edit computes.
 */
import { describe, expect, it } from 'vitest';
import { analyze, loadPackage, resolvePolicy } from '../../src/engine/index';
import { BlueprintSession } from '../../src/worker/blueprintCore';
import { fixtureFiles } from '../helpers/fixtures';

describe('BlueprintSession.prepareScenarios', () => {
  const pkg = loadPackage(fixtureFiles('tiny'));
  const analysis = analyze(pkg, { mode: 'euclidean', policy: resolvePolicy(pkg) });
  const edit = { added: [{ candidateId: 'c2', services: ['childcare' as const] }] };

  it('builds the context with one cached reach (the first candidate, the elderly-care threshold); later edits answer the same', () => {
    const prepared = new BlueprintSession(pkg, analysis);
    prepared.prepareScenarios();
    const ctx = prepared.context();
    expect(ctx.cacheSize).toBe(1);
    prepared.prepareScenarios(); // again: nothing new
    expect(ctx.cacheSize).toBe(1);
    const a = prepared.scenario(edit);
    const b = new BlueprintSession(pkg, analysis).scenario(edit);
    expect(a.summary).toEqual(b.summary);
    expect(a.communities).toEqual(b.communities);
    expect(Array.from(a.covered)).toEqual(Array.from(b.covered));
    expect(Array.from(a.newlyReached)).toEqual(Array.from(b.newlyReached));
    expect(a.summary.coveredHouseholds[1].delta).toBe(10); // b1's 10 households (scenario.test.ts)
  });
});

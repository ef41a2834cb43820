import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine/index';
import { blueprintApi } from '../../src/worker/blueprintApi';
import { keepRun, reuseRun } from '../../src/worker/modeRuns';
import { currentPackage, openPackage, providerFor } from '../../src/worker/packageSession';

const DIR = join(import.meta.dirname, '../fixtures/tiny-network');
const files: Record<string, Uint8Array> = {};
for (const f of readdirSync(DIR)) if (f.includes('.')) files[f] = new Uint8Array(readFileSync(join(DIR, f)));

/** What the engine worker's run() does for one mode (analysis kept for a later switch back). */
function runMode(key: string, mode: 'euclidean' | 'network') {
  const s = openPackage(key, files);
  const provider = providerFor(s, mode, false);
  const analysis = analyze(s.pkg, { mode, policy: s.policy, provider });
  keepRun(s, mode, false, analysis, provider);
  return analysis;
}

describe('switching back to a distance mode analysed before', () => {
  it('makes that analysis current again without recomputing, and only for the loaded package', async () => {
    const straight = runMode('test:mode-runs', 'euclidean');
    const walking = runMode('test:mode-runs', 'network');
    // The two modes differ on this fixture, so the check below can tell them apart.
    expect(walking.communities.map((c) => c.coverage)).not.toEqual(straight.communities.map((c) => c.coverage));
    expect(currentPackage()!.mode).toBe('network');

    expect(reuseRun('test:mode-runs', 'euclidean', false)).toBe(true);
    expect(currentPackage()!.mode).toBe('euclidean');
    // What-if edits now evaluate against the straight-line analysis: an empty scenario gives its results.
    const run = await blueprintApi.scenario({}, {});
    expect(run.communities.map((c) => c.coverage)).toEqual(straight.communities.map((c) => c.coverage));

    expect(reuseRun('test:mode-runs', 'network', true)).toBe(false); // walking effort never analysed
    expect(reuseRun('test:another-package', 'network', false)).toBe(false);
    expect(currentPackage()!.mode).toBe('euclidean'); // a refused reuse changes nothing
  });
});

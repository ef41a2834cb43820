/**
 * Golden files: `analyze` on each fixture package must write exactly the files in its
 * expected/ folder. Regenerate after a deliberate change with `REGEN=1 npx vitest run test/engine/golden`
 * and review the diff.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { communitiesCsv, rejectedCsv, summaryJson, type DistanceMode } from '../../src/engine/index';
import { FIXTURES, fixtureFiles, run } from '../helpers/fixtures';

const CASES: [string, DistanceMode][] = [
  ['tiny', 'euclidean'],
  ['bad-rows', 'euclidean'],
  ['peer-spopt-sf', 'matrix'],
  ['tiny-network', 'network'],
];

describe.each(CASES)('golden %s (%s)', (name, mode) => {
  const { a, pkg } = run(fixtureFiles(name), mode);
  const outputs: Record<string, string> = {
    'communities.csv': communitiesCsv(a),
    'summary.json': summaryJson(a),
    'rejected.csv': rejectedCsv(pkg.rejected),
  };
  const dir = join(FIXTURES, name, 'expected');
  if (process.env.REGEN) {
    mkdirSync(dir, { recursive: true });
    for (const [f, body] of Object.entries(outputs)) writeFileSync(join(dir, f), body);
  }
  for (const [f, body] of Object.entries(outputs)) {
    it(`writes ${f} as expected`, () => {
      expect(existsSync(join(dir, f)), `missing golden ${dir}/${f}: run with REGEN=1`).toBe(true);
      expect(body).toBe(readFileSync(join(dir, f), 'utf8'));
    });
  }
});

/**
 * Blueprint benchmark (`npx tsx scripts/bench-blueprint.ts [--quick] [--time-limit S]`):
 * 1. the blueprint on data/sample (all 80 communities) and on a generated 200k-building
 *    package (data/generated/b200000, made with `npx tsx scripts/generate-sample.ts
 *    --buildings 200000 --out data/generated/b200000` when absent): time, objective, proved or
 *    gap, against the greedy baseline;
 * 2. evaluateScenario per what-if edit on the sample (median of seeded edits: add a candidate,
 *    remove a facility, move a facility), against a full re-analyze on the edited package
 *    (the naive approach; provider reused, so the ratio is a lower bound on the saving).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, createProvider, loadPackage, resolvePolicy, type DataPackage, type DistanceMode, type ServiceCode } from '../src/engine/index';
import { blueprint } from '../src/engine/blueprint/index';
import { applyScenario, createScenarioContext, evaluateScenario, type Scenario } from '../src/engine/scenario/index';
import { readPackageDir } from './lib/readPackageDir';
import { fmtMs, table } from './bench/harness';
import { mulberry32 } from '../src/engine/random';

const ROOT = join(import.meta.dirname, '..');

if (import.meta.url === `file://${process.argv[1]}`) await main();

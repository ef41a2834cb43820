/* global process */
/**
 * `npm run cli -- …`: run the prebuilt bundle dist-cli/cli.mjs (scripts/build-cli.mjs) when it
 * is newer than every source it was built from, else the TypeScript sources through tsx (a
 * fresh checkout, or sources edited since the last build). The check is one stat per source
 * file listed in dist-cli/inputs.json (about a millisecond). YULINTU_CLI_FROM_SOURCE=1 forces the
 * sources; YULINTU_CLI_TRACE=1 says on stderr which one runs.
 */
import { spawnSync } from 'node:child_process';
import module from 'node:module';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = join(import.meta.dirname, '..');
const BUNDLE = join(ROOT, 'dist-cli', 'cli.mjs');

/** True when the bundle exists and no source it lists is newer than it (or gone). */
function bundleIsFresh() {
  try {
    const built = statSync(BUNDLE).mtimeMs;
    const inputs = JSON.parse(readFileSync(join(ROOT, 'dist-cli', 'inputs.json'), 'utf8'));
    if (!Array.isArray(inputs) || inputs.length === 0) return false;
    for (const file of inputs) if (statSync(join(ROOT, file)).mtimeMs > built) return false;
    return true;
  } catch {
    return false;
  }
}

const fromBundle = process.env.YULINTU_CLI_FROM_SOURCE !== '1' && bundleIsFresh();
if (process.env.YULINTU_CLI_TRACE === '1') process.stderr.write(`cli: running from ${fromBundle ? 'the bundle' : 'the sources (tsx)'}\n`);
if (fromBundle) {
  module.enableCompileCache?.(); // Node ≥ 22.1: V8 code cache of the bundle on disk (os tmpdir), ~0.1 s less start-up
  await import(pathToFileURL(BUNDLE).href);
} else {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'cli.ts'), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exitCode = r.status ?? 1;
}

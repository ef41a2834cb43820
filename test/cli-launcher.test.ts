/**
 * `npm run cli` goes through scripts/cli-launcher.mjs: the prebuilt bundle when it is newer than
 * every file it was built from, else the TypeScript sources through tsx — same behaviour either way.
 */
import { spawnSync } from 'node:child_process';
import { statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const BUNDLE = join(ROOT, 'dist-cli', 'cli.mjs');
const launch = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [join(ROOT, 'scripts/cli-launcher.mjs'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, YULINTU_CLI_TRACE: '1', ...env },
  });

describe('cli launcher', () => {
  beforeAll(() => {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/build-cli.mjs')], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
  }, 120_000);

  it('runs the fresh bundle, and the sources when the bundle is older than a source or forced', () => {
    const fresh = launch(['bogus']);
    expect(fresh.stderr).toContain('cli: running from the bundle');
    expect(fresh.status).toBe(2);
    expect(fresh.stderr).toContain('unknown command: bogus');

    const forced = launch(['bogus'], { YULINTU_CLI_FROM_SOURCE: '1' });
    expect(forced.stderr).toContain('cli: running from the sources (tsx)');
    expect(forced.status).toBe(2);
    expect(forced.stderr).toContain('unknown command: bogus');

    // a bundle older than its sources (scripts/cli.ts edited after the build) is not used
    const built = statSync(BUNDLE).mtime;
    const cli = statSync(join(ROOT, 'scripts/cli.ts')).mtime;
    try {
      const past = new Date(cli.getTime() - 60_000);
      utimesSync(BUNDLE, past, past);
      const stale = launch(['bogus']);
      expect(stale.stderr).toContain('cli: running from the sources (tsx)');
      expect(stale.status).toBe(2);
    } finally {
      utimesSync(BUNDLE, built, built);
    }
    expect(launch(['bogus']).stderr).toContain('cli: running from the bundle');
  }, 120_000);

  it("prints its usage for --help (exit 0), and a command's flags for `<command> --help`", () => {
    for (const word of ['--help', '-h', 'help']) {
      const r = launch([word]);
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('用法 / usage: npm run cli -- <analyze|optimize|blueprint|publish|pilots|import>');
      expect(r.stdout).toContain('退出状态 / exit status: 0');
      expect(r.stderr).not.toContain('unknown command');
    }
    const analyze = launch(['analyze', '--help']);
    expect(analyze.status).toBe(0);
    expect(analyze.stdout).toContain('npm run cli -- analyze  --data DIR --out OUTDIR');
    expect(analyze.stdout).toContain('--threads 1|2');
    const blueprint = launch(['blueprint', '-h']);
    expect(blueprint.status).toBe(0);
    expect(blueprint.stdout).toContain('blueprint');
    expect(blueprint.stdout).toContain('--sites');
  }, 60_000);
});

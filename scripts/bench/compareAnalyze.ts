/**
 * Byte-for-byte comparison of `analyze` outputs between two checkouts (issue 13: the
 * columnar loader must change nothing). For each package and mode, runs each checkout's
 * `scripts/cli-launcher.mjs analyze` as its own process and compares every file of the two
 * output folders (same names, same bytes), and the stderr lines (notes, loaded counts)
 * but for timings; prints CPU time and peak memory of both.
 *   npx tsx scripts/bench/compareAnalyze.ts --base /path/to/old/checkout [--data data/sample,data/generated/b200k] [--modes euclidean,network]
 * Exit status 1 when any output differs.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

interface Run {
  out: string;
  stderr: string;
  cpuMs: number;
  rssMb: number;
  status: number | null;
}

function run(checkout: string, data: string, mode: string, out: string): Run {
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      join(ROOT, 'scripts/bench/reportUsage.mjs'),
      join(checkout, 'scripts/cli-launcher.mjs'),
      'analyze',
      '--data',
      data,
      '--mode',
      mode,
      '--out',
      out,
    ],
    { cwd: checkout, encoding: 'utf8', maxBuffer: 1 << 28 },
  );
  const m = /USAGE cpu=(\d+) rss=(\d+)/.exec(r.stderr);
  return { out, stderr: r.stderr, cpuMs: m ? Number(m[1]) : NaN, rssMb: m ? Number(m[2]) / 1024 : NaN, status: r.status };
}

/** stderr without timings and usage, the rest must agree. */
const stable = (s: string) =>
  s
    .split('\n')
    .filter((l) => !l.startsWith('USAGE') && !l.startsWith('…') && !l.startsWith('wrote '))
    .map((l) => l.replace(/\(\d+ ms\)/, '(… ms)'))
    .join('\n')
    .trim();

export function compare(base: string, datas: string[], modes: string[]): number {
  let failures = 0;
  const tmp = mkdtempSync(join(tmpdir(), 'yulintu-compare-'));
  try {
    for (const data of datas) {
      for (const mode of modes) {
        const dataAbs = resolve(ROOT, data);
        const a = run(base, dataAbs, mode, join(tmp, 'old'));
        const b = run(ROOT, dataAbs, mode, join(tmp, 'new'));
        const problems: string[] = [];
        if (a.status !== b.status) problems.push(`exit status ${a.status} vs ${b.status}`);
        if (stable(a.stderr) !== stable(b.stderr)) problems.push(`stderr differs:\n--- old\n${stable(a.stderr)}\n--- new\n${stable(b.stderr)}`);
        const fa = a.status === 0 ? readdirSync(a.out).sort() : [];
        const fb = b.status === 0 ? readdirSync(b.out).sort() : [];
        if (fa.join() !== fb.join()) problems.push(`files ${fa.join()} vs ${fb.join()}`);
        for (const f of fa.filter((x) => fb.includes(x))) {
          if (!readFileSync(join(a.out, f)).equals(readFileSync(join(b.out, f)))) problems.push(`${f} differs`);
        }
        const same = problems.length === 0;
        if (!same) failures++;
        console.log(
          `${same ? 'same' : 'DIFFERENT'}  ${data} --mode ${mode}: ${fa.length} files; CPU ${(a.cpuMs / 1000).toFixed(2)} s → ${(b.cpuMs / 1000).toFixed(2)} s, peak RSS ${a.rssMb.toFixed(0)} → ${b.rssMb.toFixed(0)} MB`,
        );
        for (const p of problems) console.log('  ' + p);
        rmSync(join(tmp, 'old'), { recursive: true, force: true });
        rmSync(join(tmp, 'new'), { recursive: true, force: true });
      }
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return failures;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (k: string) => {
    const i = process.argv.indexOf(k);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const base = arg('--base');
  if (!base) {
    console.error('usage: tsx scripts/bench/compareAnalyze.ts --base OLD_CHECKOUT [--data a,b] [--modes euclidean,network]');
    process.exit(2);
  }
  const failures = compare(resolve(base), (arg('--data') ?? 'data/sample').split(','), (arg('--modes') ?? 'euclidean,network').split(','));
  process.exitCode = failures ? 1 : 0;
}

/**
 * `npm run cli -- publish --data PKG --out SITE [--blueprint FILE] [--mode euclidean|network]
 *  [--title TEXT] [--policy FILE] [--date YYYY-MM-DD] [--rebuild]`
 *
 * Writes a static public service map to SITE: the public bundle (dist-public/, built once with
 * vite.public.config.ts when missing or older than src/public), the public data files of
 * publishSite() and a service worker. Nothing of the package is copied as such: only the
 * whitelisted public fields (docs/PUBLISHING.md).
 */
import { gzipSync } from 'node:zlib';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EngineError, analyze, assembleSite, manifestDataDate, publishSite, readApprovedSites, resolvePolicy, type ApprovedSite } from '../../src/engine/index';
import { parseArgs, type Args } from '../lib/args';
import { readPolicyFile } from '../lib/commonOptions';
import { loadPackageDir } from '../lib/loadPackageDir';
import { ensurePublicBundle, listFiles } from '../lib/publicBundle';
import { readDataFile } from '../lib/readDataFile';
import { UsageError } from '../lib/UsageError';
import { makeOutDir } from '../lib/writeOutput';

export { ensurePublicBundle, PUBLIC_BUNDLE_DIR } from '../lib/publicBundle';

const PUBLISH_FLAGS = {
  data: 'value',
  out: 'value',
  blueprint: 'value',
  mode: 'value',
  title: 'value',
  policy: 'value',
  date: 'value',
  rebuild: 'switch',
} as const;

const argError = (field: string, detail: string): never => {
  throw new EngineError('E_ARGUMENT', { field, detail });
};

/** The data date: --date, else the manifest's `date` / `dataDate` when it is YYYY-MM-DD. */
function dataDate(args: Args, manifest: Record<string, unknown>): string | undefined {
  const d = args.get('date');
  if (d === undefined) return manifestDataDate(manifest);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new UsageError('U_BAD_VALUE', `--date ${d.slice(0, 20)}`, 'YYYY-MM-DD');
  return d;
}

/** The bundle's files (path → bytes). */
function readBundle(dir: string): Map<string, Uint8Array> {
  return new Map(listFiles(dir).map((f) => [f, new Uint8Array(readFileSync(join(dir, f)))]));
}

/**
 * SITE must be new, empty or an earlier published site (holding data/site.json): a folder with
 * other files is refused rather than overwritten. The previous site's files are removed.
 */
function prepareSite(site: string): void {
  if (existsSync(site)) {
    if (!statSync(site).isDirectory()) argError('--out', `${site} is a file, not a folder`);
    const names = readdirSync(site);
    if (names.length > 0 && !existsSync(join(site, 'data', 'site.json')))
      argError('--out', `${site} is not empty and not a published site; choose a new folder`);
    for (const n of ['index.html', 'assets', 'data', 'sw.js']) rmSync(join(site, n), { recursive: true, force: true });
  }
  makeOutDir(site);
}

export const usage =
  'npm run cli -- publish  --data DIR --out SITE [--blueprint FILE] [--mode euclidean|network] [--title TEXT] [--policy FILE] [--date YYYY-MM-DD] [--rebuild]';

/** Run `publish`; `argv` are the words after the command. */
export async function runPublish(argv: readonly string[]): Promise<void> {
  const args = parseArgs(argv, PUBLISH_FLAGS);
  const t0 = Date.now();
  const dataDir = args.need('data');
  const site = args.need('out');
  const mode = args.get('mode') ?? 'euclidean';
  if (mode !== 'euclidean' && mode !== 'network') throw new UsageError('U_BAD_VALUE', `--mode ${mode.slice(0, 20)}`, 'euclidean | network');
  const override = readPolicyFile(args);
  const { pkg, files } = loadPackageDir(dataDir);
  const policy = resolvePolicy(pkg, override);
  const analysis = analyze(pkg, { mode, policy });
  let approved: ApprovedSite[] = [];
  const bpFile = args.get('blueprint');
  if (bpFile !== undefined) {
    const bytes = readDataFile(bpFile);
    if (!bytes) throw new EngineError('E_MISSING_FILE', { file: bpFile, field: '--blueprint' });
    approved = readApprovedSites(bytes, bpFile, pkg);
  }
  const { files: data, notes } = publishSite({ pkg, analysis, files, approved }, { title: args.get('title'), dataDate: dataDate(args, pkg.manifest) });
  for (const n of notes) process.stderr.write(`note: ${n}\n`);

  const site_ = assembleSite(readBundle(await ensurePublicBundle(args.on('rebuild'))), data);
  prepareSite(site);
  for (const [name, bytes] of site_) {
    mkdirSync(join(site, name, '..'), { recursive: true });
    writeFileSync(join(site, name), bytes);
  }
  const bytes = [...site_.values()].reduce((s, b) => s + b.length, 0);
  const gzipped = [...site_.values()].reduce((s, b) => s + gzipSync(b).length, 0);
  process.stderr.write(
    `published ${analysis.communities.length} communities, ${JSON.parse(data.get('data/site.json')!).counts.facilities} open facilities, ${approved.length} approved planned sites (${mode}) → ${site}\n` +
      `site: ${site_.size} files, ${(bytes / 1e6).toFixed(2)} MB loaded on first visit (${(gzipped / 1e6).toFixed(2)} MB where the server compresses) in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`,
  );
}

/**
 * `npm run cli -- publish --data PKG --out SITE [--blueprint FILE] [--mode euclidean|network]
 *  [--title TEXT] [--policy FILE] [--date YYYY-MM-DD] [--rebuild]`
 *
 * Writes a static public service map to SITE: the public bundle (dist-public/, built once with
 * vite.public.config.ts when missing or older than src/public), the public data files of
 * publishSite() and a service worker. Nothing of the package is copied as such: only the
 * whitelisted public fields (docs/PUBLISHING.md).
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EngineError, analyze, decodeText, loadPackage, parsePolicyOverride, publishSite, readApprovedSites, resolvePolicy, serviceWorkerJs, type ApprovedSite, type PolicyOverride } from '../../src/engine/index';
import { parseArgs, type Args } from '../lib/args';

/** The flags read here: a parsed {@link Args} or a plain map (`--rebuild` given as 'true'). */
type Opts = Pick<Args, 'get' | 'has'>;

const PUBLISH_FLAGS = { data: 'value', out: 'value', blueprint: 'value', mode: 'value', title: 'value', policy: 'value', date: 'value', rebuild: 'switch' } as const;
import { readPackageDir } from '../lib/readPackageDir';
import { makeOutDir } from '../lib/writeOutput';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
/** Where `vite build -c vite.public.config.ts` puts the public bundle. */
export const PUBLIC_BUNDLE_DIR = join(ROOT, 'dist-public');

const argError = (field: string, detail: string): never => {
  throw new EngineError('E_ARGUMENT', { field, detail });
};

function need(opts: Opts, key: string): string {
  const v = opts.get(key);
  if (!v || v === 'true') argError(`--${key}`, 'missing');
  return v!;
}

function readFileOrExit(file: string, flag: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new EngineError(code === 'ENOENT' ? 'E_MISSING_FILE' : 'E_ARGUMENT', { file, field: flag, detail: code === 'ENOENT' ? undefined : `cannot read (${code})` });
  }
}

function readPolicy(opts: Opts): PolicyOverride | undefined {
  if (!opts.has('policy')) return undefined;
  const file = need(opts, 'policy');
  const { text } = decodeText(readFileOrExit(file, '--policy'), file);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new EngineError('E_BAD_JSON', { file, detail: (e as Error).message.slice(0, 120) });
  }
  return parsePolicyOverride(raw, file);
}

/** Every file under a folder, as paths relative to it with '/' separators. */
function listFiles(dir: string, base = dir): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listFiles(p, base));
    else out.push(relative(base, p).split('\\').join('/'));
  }
  return out;
}

function newestMtime(dir: string): number {
  let t = 0;
  for (const f of listFiles(dir)) t = Math.max(t, statSync(join(dir, f)).mtimeMs);
  return t;
}

/**
 * The built public bundle: dist-public/, built now when missing, when `rebuild` is set or when
 * src/public or src/engine (whose pure modules it imports) holds a newer file than the build.
 */
export async function ensurePublicBundle(rebuild = false): Promise<string> {
  const index = join(PUBLIC_BUNDLE_DIR, 'index.html');
  const sources = Math.max(newestMtime(join(ROOT, 'src/public')), newestMtime(join(ROOT, 'src/engine')));
  const stale = !existsSync(index) || rebuild || sources > statSync(index).mtimeMs;
  if (stale) {
    process.stderr.write('building the public map bundle (vite build -c vite.public.config.ts)…\n');
    const { build } = await import('vite');
    await build({ configFile: join(ROOT, 'vite.public.config.ts'), logLevel: 'warn' });
  }
  return PUBLIC_BUNDLE_DIR;
}

/** The data date: --date, else the manifest's `date` / `dataDate` when it is YYYY-MM-DD. */
function dataDate(opts: Opts, manifest: Record<string, unknown>): string | undefined {
  const iso = /^\d{4}-\d{2}-\d{2}$/;
  if (opts.has('date')) {
    const d = need(opts, 'date');
    if (!iso.test(d)) argError('--date', `must be YYYY-MM-DD, not '${d.slice(0, 20)}'`);
    return d;
  }
  for (const k of ['date', 'dataDate']) if (typeof manifest[k] === 'string' && iso.test(manifest[k] as string)) return manifest[k] as string;
  return undefined;
}

/**
 * SITE must be new, empty or an earlier published site (holding data/site.json): a folder with
 * other files is refused rather than overwritten. The previous site's files are removed.
 */
function prepareSite(site: string): void {
  if (existsSync(site)) {
    if (!statSync(site).isDirectory()) argError('--out', `${site} is a file, not a folder`);
    const names = readdirSync(site);
    if (names.length > 0 && !existsSync(join(site, 'data', 'site.json'))) argError('--out', `${site} is not empty and not a published site; choose a new folder`);
    for (const n of ['index.html', 'assets', 'data', 'sw.js']) rmSync(join(site, n), { recursive: true, force: true });
  }
  makeOutDir(site);
}

/** Run `publish`; `args` are the words after the command or the parsed `--key value` map. */
export const usage =
  'npm run cli -- publish  --data DIR --out SITE [--blueprint FILE] [--mode euclidean|network] [--title TEXT] [--policy FILE] [--date YYYY-MM-DD] [--rebuild]';

export async function runPublish(args: readonly string[] | Opts): Promise<void> {
  const parsed = Array.isArray(args) ? parseArgs(args, PUBLISH_FLAGS) : null;
  const opts: Opts = parsed ?? (args as Opts);
  const rebuild = parsed ? parsed.on('rebuild') : opts.get('rebuild') === 'true';
  const t0 = Date.now();
  const dataDir = need(opts, 'data');
  const site = need(opts, 'out');
  const mode = opts.get('mode') ?? 'euclidean';
  if (mode !== 'euclidean' && mode !== 'network') argError('--mode', `must be euclidean or network, not '${mode.slice(0, 20)}'`);
  if (opts.has('title')) need(opts, 'title');
  const override = readPolicy(opts);
  const files = readPackageDir(dataDir);
  const pkg = loadPackage(files);
  const policy = resolvePolicy(pkg, override);
  const analysis = analyze(pkg, { mode: mode as 'euclidean' | 'network', policy });
  let approved: ApprovedSite[] = [];
  if (opts.has('blueprint')) {
    const file = need(opts, 'blueprint');
    approved = readApprovedSites(readFileOrExit(file, '--blueprint'), file, pkg);
  }
  const { files: data, notes } = publishSite({ pkg, analysis, files, approved }, { title: opts.get('title'), dataDate: dataDate(opts, pkg.manifest) });
  for (const n of notes) process.stderr.write(`note: ${n}\n`);

  const bundle = await ensurePublicBundle(rebuild);
  prepareSite(site);
  cpSync(bundle, site, { recursive: true });
  for (const [name, text] of data) {
    mkdirSync(join(site, name, '..'), { recursive: true });
    writeFileSync(join(site, name), text);
  }
  const all = listFiles(site);
  const hash = createHash('sha256');
  for (const f of all) hash.update(f).update(readFileSync(join(site, f)));
  writeFileSync(join(site, 'sw.js'), serviceWorkerJs(all, hash.digest('hex').slice(0, 12)));
  const bytes = [...all, 'sw.js'].reduce((s, f) => s + statSync(join(site, f)).size, 0);
  const gzipped = [...all, 'sw.js'].reduce((s, f) => s + gzipSync(readFileSync(join(site, f))).length, 0);
  process.stderr.write(
    `published ${analysis.communities.length} communities, ${JSON.parse(data.get('data/site.json')!).counts.facilities} open facilities, ${approved.length} approved planned sites (${mode}) → ${site}\n` +
      `site: ${all.length + 1} files, ${(bytes / 1e6).toFixed(2)} MB loaded on first visit (${(gzipped / 1e6).toFixed(2)} MB where the server compresses) in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`,
  );
}

/**
 * The public service map's prebuilt bundle (dist-public/: index.html + assets/), built with
 * vite.public.config.ts. Used by `npm run cli -- publish` and by the planner's Vite config,
 * which serves it (dev) or ships it (build) for the header's 发布公众地图 button. Imports no
 * engine module, so vite.config.ts can load it.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the nearest folder above this module with a package.json (scripts/lib/ from the sources, dist-cli/ from the CLI bundle). */
const ROOT = findRoot(fileURLToPath(new URL('.', import.meta.url)));

function findRoot(dir: string): string {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, 'package.json'))) return d;
    if (dirname(d) === d) return resolve(dir, '../..');
  }
}
/** Where `vite build -c vite.public.config.ts` puts the public bundle. */
export const PUBLIC_BUNDLE_DIR = join(ROOT, 'dist-public');

/** Every file under a folder, as paths relative to it with '/' separators, sorted per folder. */
export function listFiles(dir: string, base = dir): string[] {
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

let building: Promise<string> | null = null;

/**
 * The built public bundle: dist-public/, built now when missing, when `rebuild` is set or when
 * src/public or src/engine (whose pure modules it imports) holds a newer file than the build.
 * Concurrent callers in one process share one build.
 */
export async function ensurePublicBundle(rebuild = false): Promise<string> {
  if (building) return building;
  const index = join(PUBLIC_BUNDLE_DIR, 'index.html');
  const sources = Math.max(newestMtime(join(ROOT, 'src/public')), newestMtime(join(ROOT, 'src/engine')));
  const stale = !existsSync(index) || rebuild || sources > statSync(index).mtimeMs;
  if (!stale) return PUBLIC_BUNDLE_DIR;
  building = (async () => {
    process.stderr.write('building the public map bundle (vite build -c vite.public.config.ts)…\n');
    const { build } = await import('vite');
    await build({ configFile: join(ROOT, 'vite.public.config.ts'), logLevel: 'warn' });
    return PUBLIC_BUNDLE_DIR;
  })().finally(() => {
    building = null;
  });
  return building;
}

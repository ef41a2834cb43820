import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, posix, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE_FILE_NAMES } from './src/engine/package/packageFiles';
import { ensurePublicBundle, listFiles } from './scripts/lib/publicBundle';

const HERE = fileURLToPath(new URL('.', import.meta.url));

/** The file names a data package may hold: the contract's and the map's extras. */
const PACKAGE_FILES = PACKAGE_FILE_NAMES;

/** Which package files exist in a folder. */
function listPackage(dir: string): string[] {
  return PACKAGE_FILES.filter((f) => existsSync(join(dir, f)) && statSync(join(dir, f)).isFile());
}

/**
 * Serves data packages from the repository's `data/` folder at `/data/<name>/<file>` on the dev
 * server with `/data/<name>/index.json` listing the files present, and copies `data/sample`
 * into the build. Names are `sample` or `generated/<name>`; nothing outside `data/` is served.
 * `vite preview` serves only the build (dist/), so only the bundled packages there.
 */
export function yulintuData(options: { root?: string; bundle?: string[] } = {}): Plugin {
  const dataRoot = resolve(options.root ?? join(HERE, 'data'));
  const bundle = options.bundle ?? ['sample'];
  const NAME = /^\/data\/((?:generated\/)?[A-Za-z0-9_-]+)\/([A-Za-z0-9_.-]+)$/;
  const middleware = (req: { url?: string }, res: import('node:http').ServerResponse, next: () => void) => {
    const url = (req.url ?? '').split('?')[0];
    const m = NAME.exec(url);
    if (!m) return next();
    const dir = join(dataRoot, m[1]);
    if (m[2] === 'index.json') {
      if (!existsSync(join(dir, 'manifest.json'))) return next();
      res.setHeader('Content-Type', 'application/json');
      res.setHeader('Cache-Control', 'no-store');
      res.end(JSON.stringify({ files: listPackage(dir) }));
      return;
    }
    if (!PACKAGE_FILES.includes(m[2])) return next();
    const file = join(dir, m[2]);
    if (!existsSync(file)) return next();
    res.setHeader('Content-Type', 'application/octet-stream');
    res.setHeader('Cache-Control', 'no-store');
    res.end(readFileSync(file));
  };
  return {
    name: 'yulintu-data',
    configureServer(server) {
      server.middlewares.use(middleware);
    },
    generateBundle() {
      for (const name of bundle) {
        const dir = join(dataRoot, name);
        if (!existsSync(dir)) continue;
        const files = listPackage(dir);
        for (const f of files) {
          this.emitFile({ type: 'asset', fileName: `data/${name}/${f}`, source: readFileSync(join(dir, f)) });
        }
        this.emitFile({ type: 'asset', fileName: `data/${name}/index.json`, source: JSON.stringify({ files }) });
      }
    },
  };
}

/** URL path prefixes the dev server answers: the app sources Vite needs and the served packages. */
const DEV_SERVED = ['/src/', '/@vite/', '/@react-refresh', '/@id/', '/@fs/', '/node_modules/', '/data/sample/', '/data/generated/', '/public-site/'];

/**
 * Dev server: answers 404 for every path of the repository that is not the app (index.html,
 * src/, Vite's own modules, dependencies, public/) or a served package (data/sample,
 * data/generated/*): /package.json, /scripts/, /test/, /data/reference/, /.git/ … are not served.
 * Paths with `..` segments (raw or %-encoded) are refused before anything else sees them.
 */
export function yulintuServeOnlyApp(options: { publicDir?: string } = {}): Plugin {
  const publicDir = resolve(options.publicDir ?? join(HERE, 'public'));
  const publicFiles = new Set<string>();
  const walk = (dir: string, prefix: string) => {
    if (!existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name), `${prefix}${e.name}/`);
      else publicFiles.add(`${prefix}${e.name}`);
    }
  };
  walk(publicDir, '/');
  const served = (raw: string): boolean => {
    let path: string;
    try {
      path = decodeURIComponent(raw.split(/[?#]/)[0]);
    } catch {
      return false;
    }
    if (path.split(/[\\/]/).includes('..') || path.includes('\0')) return false;
    path = posix.normalize(path);
    if (path === '/' || path === '/index.html' || publicFiles.has(path)) return true;
    return DEV_SERVED.some((p) => path.startsWith(p));
  };
  const notFound = (res: import('node:http').ServerResponse) => {
    res.statusCode = 404;
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.end('Not found');
  };
  let outDir = '';
  return {
    name: 'yulintu-serve-only-app',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => (served(req.url ?? '/') ? next() : notFound(res)));
    },
    // Preview serves the build only; a file that is not in it (a data package that was not
    // bundled, /package.json …) is a 404, not the single-page fallback's index.html.
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        let path: string;
        try {
          path = decodeURIComponent((req.url ?? '/').split(/[?#]/)[0]);
        } catch {
          return notFound(res);
        }
        if (path.split(/[\\/]/).includes('..') || path.includes('\0')) return notFound(res);
        const last = path.split('/').pop() ?? '';
        const wantsFile = path.startsWith('/data/') || last.includes('.') || path.includes('/.');
        if (wantsFile && !(existsSync(join(outDir, path)) && statSync(join(outDir, path)).isFile())) return notFound(res);
        next();
      });
    },
  };
}

/** Folders the dev server may read files from (also through /@fs/): the app, its dependencies, the served packages. */
function devFsAllow(): string[] {
  const dirs = ['src', 'public', 'index.html', 'node_modules', 'data/sample', 'data/generated'].map((d) => join(HERE, d));
  for (const d of ['node_modules', 'data/generated']) {
    const p = join(HERE, d);
    if (existsSync(p)) dirs.push(realpathSync(p));
  }
  return dirs;
}

/**
 * The public map's prebuilt bundle for the header's 发布公众地图 button, at `public-site/`:
 * `public-site/manifest.json` lists its files (`{ files: [...] }`) and `public-site/<file>` holds
 * each. The dev server builds dist-public/ on the first request (when missing or stale) and
 * serves it; `vite build` builds it when needed and copies it into dist/public-site/.
 */
export function yulintuPublicSite(): Plugin {
  const PREFIX = '/public-site/';
  return {
    name: 'yulintu-public-site',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = decodeURIComponent((req.url ?? '').split('?')[0]);
        if (!url.startsWith(PREFIX)) return next();
        ensurePublicBundle().then(
          (dir) => {
            const files = listFiles(dir);
            const name = url.slice(PREFIX.length);
            res.setHeader('Cache-Control', 'no-store');
            if (name === 'manifest.json') {
              res.setHeader('Content-Type', 'application/json');
              res.end(JSON.stringify({ files }));
            } else if (files.includes(name)) {
              res.setHeader('Content-Type', 'application/octet-stream');
              res.end(readFileSync(join(dir, name)));
            } else next();
          },
          (err: unknown) => {
            res.statusCode = 500;
            res.end(String(err));
          },
        );
      });
    },
    async generateBundle() {
      const dir = await ensurePublicBundle();
      const files = listFiles(dir);
      for (const f of files) this.emitFile({ type: 'asset', fileName: `public-site/${f}`, source: readFileSync(join(dir, f)) });
      this.emitFile({ type: 'asset', fileName: 'public-site/manifest.json', source: JSON.stringify({ files }) });
    },
  };
}

export default defineConfig({
  base: './',
  plugins: [react(), yulintuServeOnlyApp(), yulintuData(), yulintuPublicSite()],
  worker: { format: 'es' },
  // Pre-bundle everything up front so a first visit never reloads mid-test. Every package the app,
  // engine and workers import is listed (test/devServerDeps.test.ts checks): the page's first chunk
  // (src/main.tsx) imports the app with import(), and a package first met there is optimised late,
  // which makes Vite reload the page and fail that import.
  optimizeDeps: {
    include: [
      'react',
      'react-dom',
      'react-dom/client',
      'react/jsx-runtime',
      'react/jsx-dev-runtime',
      'maplibre-gl',
      '@deck.gl/core',
      '@deck.gl/layers',
      '@deck.gl/geo-layers',
      '@deck.gl/maplibre',
      'comlink',
      'zustand',
      'i18next',
      'react-i18next',
      'h3-js',
      'fflate',
      'zustand/react/shallow',
      'idb',
      'papaparse',
      'proj4',
      'gcoord',
      'saxes',
      'tiny-osmpbf',
      'geotiff',
      'flatbush',
      'flatqueue',
      'kdbush',
      '@math.gl/polygon',
    ],
  },
  build: { chunkSizeWarningLimit: 4000 },
  server: {
    host: '127.0.0.1',
    // Only the app and the served packages; deny wins over allow (also for /@fs/ paths).
    fs: { strict: true, allow: devFsAllow(), deny: ['.env', '.env.*', '*.{crt,pem}', '**/.git/**'] },
  },
});

import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
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
 * Serves data packages from the repository's `data/` folder at `/data/<name>/<file>` (dev and
 * preview) with `/data/<name>/index.json` listing the files present, and copies `data/sample`
 * into the build. Names are `sample` or `generated/<name>`; nothing outside `data/` is served.
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
    configurePreviewServer(server) {
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
  plugins: [react(), yulintuData(), yulintuPublicSite()],
  worker: { format: 'es' },
  // Pre-bundle everything up front so a first visit never reloads mid-test.
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
    ],
  },
  build: { chunkSizeWarningLimit: 4000 },
  server: { host: '127.0.0.1' },
});


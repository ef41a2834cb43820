/**
 * The app's production build served on localhost by `vite preview`, as the browser benchmarks and
 * profiles use it (bench-ui.ts, profile-ui.ts, profile-threads.ts).
 */
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { preview, type PreviewServer } from 'vite';
import { PACKAGE_FILE_NAMES } from '../../src/engine/index';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Copy the package `data/<ds>` into the build at `outDir` (vite preview serves only the build),
 * with the `index.json` listing its files that the worker fetches, as a deployment would have it.
 */
export function copyPackageIntoBuild(outDir: string, ds: string): void {
  const files = PACKAGE_FILE_NAMES.filter((f) => existsSync(join(ROOT, 'data', ds, f)));
  mkdirSync(join(outDir, 'data', ds), { recursive: true });
  for (const f of files) copyFileSync(join(ROOT, 'data', ds, f), join(outDir, 'data', ds, f));
  writeFileSync(join(outDir, 'data', ds, 'index.json'), JSON.stringify({ files }));
}

/** Serve the build at `outDir` on 127.0.0.1 (a free port): the server and its origin. */
export async function previewBuild(outDir: string): Promise<{ server: PreviewServer; origin: string }> {
  const server = await preview({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, open: false },
  });
  return { server, origin: `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}` };
}

/**
 * Page init script (text, so no bundler helpers leak into it): counts WebGL draw calls in
 * `window.__draws`, `inside` maplibre's `painter.render` and `outside` it. Draws outside got past
 * the first-paint gate (paintGate.ts); there should be none (deckOverlay.ts slot layers).
 */
export const DRAW_COUNT_INIT = `(() => {
  const d = (window.__draws = { inside: 0, outside: 0 });
  let inPaint = false;
  const P = WebGL2RenderingContext.prototype;
  for (const n of ['drawArrays', 'drawElements', 'drawArraysInstanced', 'drawElementsInstanced', 'drawRangeElements']) {
    const f = P[n];
    P[n] = function (...a) { d[inPaint ? 'inside' : 'outside']++; return f.apply(this, a); };
  }
  let held;
  Object.defineProperty(window, '__yulintuMap', {
    configurable: true,
    get: () => held,
    set: (m) => {
      held = m;
      const render = m.painter.render;
      m.painter.render = function (...a) { inPaint = true; try { return render.apply(this, a); } finally { inPaint = false; } };
    },
  });
})();`;

import { defineConfig } from 'vite';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = fileURLToPath(new URL('.', import.meta.url));

/**
 * The public service map (src/public/) as its own build: `npm run build:public` writes
 * dist-public/ (index.html + assets/), which `npm run cli -- publish` copies into a site with
 * its data files. Only src/public and the pure engine modules it imports are in this bundle:
 * none of the planner's code (src/ui, src/map, src/worker, src/app) is.
 */
export default defineConfig({
  root: resolve(HERE, 'src/public'),
  base: './',
  publicDir: false,
  build: {
    outDir: resolve(HERE, 'dist-public'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    sourcemap: false,
  },
  server: { host: '127.0.0.1' },
});

/* global process, console, performance */
/**
 * Bundle the command line (scripts/cli.ts and the engine) into dist-cli/cli.mjs with esbuild,
 * so `npm run cli` starts without transpiling TypeScript on every call. Run by `npm install`
 * (prepare), `npm run build` and `npm run build:cli`. Packages are bundled too (no module
 * resolution or CommonJS lexing at start-up), except HiGHS, which loads its wasm from next to
 * its own module in node_modules. dist-cli/inputs.json lists the files the bundle was built
 * from; scripts/cli-launcher.mjs compares their times with the bundle's.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'dist-cli');

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  // a production install without devDependencies: the launcher falls back to tsx (or says what is missing)
  console.error('build-cli: esbuild is not installed; `npm run cli` will run from the TypeScript sources');
  process.exit(0);
}
rmSync(OUT, { recursive: true, force: true }); // no chunks of an earlier build left behind
mkdirSync(OUT, { recursive: true });
const t0 = performance.now();
const result = await esbuild.build({
  // the command line, and the helper thread of `analyze` (scripts/lib/AnalyzeThreads.ts finds it next to cli.mjs)
  entryPoints: { cli: join(ROOT, 'scripts/cli.ts'), analyzeWorker: join(ROOT, 'scripts/lib/analyzeWorker.ts') },
  outdir: OUT,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  // Each command (imported on demand by scripts/cli.ts) in a chunk of its own, next to cli.mjs (files
  // found from import.meta.url stay where they were): `--help` loads a few kB, not the 2.2 MB engine.
  splitting: true,
  chunkNames: '[name]-[hash]',
  target: 'node20',
  external: ['highs', 'vite'], // HiGHS finds its wasm next to its own module; vite only builds the public site (publish, on demand); everything else is bundled (no module resolution at start-up)
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
  banner: { js: '// built by scripts/build-cli.mjs from scripts/cli.ts; do not edit' },
});
const inputs = Object.keys(result.metafile.inputs).map((p) => relative(ROOT, join(ROOT, p)));
writeFileSync(join(OUT, 'inputs.json'), JSON.stringify(inputs) + '\n');
console.error(`build-cli: dist-cli/cli.mjs from ${inputs.length} sources in ${Math.round(performance.now() - t0)} ms`);

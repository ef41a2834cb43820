import { describe, expect, it } from 'vitest';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { codeImports } from './helpers/codeImports';
import config from '../vite.config';

const ROOT = resolve(import.meta.dirname, '..');

/** Every TypeScript file under `dir`. */
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(n) ? [p] : [];
  });
}

/** The packages `file` imports for their code (static, re-exported or `import('…')`), less `?url` assets and style sheets. */
function packagesOf(file: string): string[] {
  return codeImports(file, { dynamic: true }).filter((s) => !s.startsWith('.') && !s.startsWith('node:') && !s.includes('?') && !s.endsWith('.css'));
}

describe("the dev server's pre-bundled packages (vite.config.ts optimizeDeps.include)", () => {
  it('list every package the planner app, its engine and its workers import (a package met late reloads the page)', () => {
    const used = new Set(
      [
        'src/app',
        'src/appMain.tsx',
        'src/main.tsx',
        'src/client',
        'src/engine',
        'src/export',
        'src/i18n',
        'src/map',
        'src/state',
        'src/ui',
        'src/worker',
      ].flatMap((d) => {
        const p = join(ROOT, d);
        return (statSync(p).isDirectory() ? files(p) : [p]).flatMap(packagesOf);
      }),
    );
    used.delete('highs'); // the solver's HiGHS, imported by the solver worker only when a solve starts
    used.delete('exceljs'); // loaded when an .xlsx is opened or written
    const include = new Set(config.optimizeDeps?.include ?? []);
    expect([...used].filter((p) => !include.has(p)).sort()).toEqual([]);
    expect(used.size).toBeGreaterThan(20); // the walk found the imports
  });
});

import { describe, expect, it } from 'vitest';
import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { codeImports } from '../helpers/codeImports';

const ROOT = resolve(import.meta.dirname, '..', '..');
const EXTENSIONS = ['.ts', '.tsx'];

/** The file a relative specifier names (TypeScript sources only), or null. */
function resolveRelative(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  const candidates = [...EXTENSIONS.map((e) => base + e), ...EXTENSIONS.map((e) => join(base, `index${e}`))];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? null;
}

/** Every module the page's entry loads before it runs: repository files (relative to ROOT) and packages. */
function entryClosure(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const stack = [resolve(ROOT, entry)];
  while (stack.length) {
    const f = stack.pop()!;
    const rel = relative(ROOT, f);
    if (files.has(rel)) continue;
    files.add(rel);
    for (const spec of codeImports(f, { dynamic: false })) {
      if (!spec.startsWith('.')) packages.add(spec);
      else if (!/\.(css|json|svg|png)(\?.*)?$/.test(spec) && !spec.includes('?')) {
        const to = resolveRelative(f, spec);
        if (!to) throw new Error(`${rel}: cannot resolve ${spec}`);
        stack.push(to);
      }
    }
  }
  return { files, packages };
}

describe("the page's first chunk (src/main.tsx)", () => {
  const { files, packages } = entryClosure('src/main.tsx'); // import() is not followed: its module is a chunk of its own, loaded later

  it('starts the engine worker on the package: the prestart and the worker client are in it', () => {
    expect(files).toContain('src/state/prestart.ts');
    expect(files).toContain('src/client/engineClient.ts');
    expect(files).toContain('src/state/projects/projectSession.ts');
  });

  it('carries none of the application: React DOM, maplibre, deck.gl and the app, map and ui code load after, as their own chunk', () => {
    const heavy = [...packages].filter((p) => /^(react-dom|maplibre-gl|@deck\.gl\/|@luma\.gl\/|h3-js|proj4|papaparse|exceljs|highs)/.test(p));
    expect(heavy).toEqual([]);
    const app = [...files].filter((f) => /^src\/(app|map|ui|export|worker\/(?!protocol))\//.test(f));
    expect(app).toEqual([]);
    expect(files).toContain('src/main.tsx');
    expect(files).not.toContain('src/appMain.tsx');
  });

  it('reaches the engine through its plain-data entry only: index.ts would bring every engine module with side effects (h3-js, proj4, the file readers)', () => {
    expect(files).not.toContain('src/engine/index.ts');
    expect(files).toContain('src/engine/constants.ts');
  });
});

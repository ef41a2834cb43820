/**
 * Import circles: fails (exit 1) when a module of src/ or scripts/ imports itself through a
 * chain of relative imports, and prints each circle as `a.ts → b.ts → a.ts`. Type-only imports
 * count (a type circle is still a design circle). Run by `npm run lint`.
 *
 *   npx tsx scripts/check-imports.ts [folder ...]   (default: src scripts)
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(import.meta.dirname, '..');
const EXTENSIONS = ['.ts', '.tsx', '.mts'];

/** Every TypeScript file under `dir` (node_modules and dist left out). */
function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p));
    else if (EXTENSIONS.some((e) => name.endsWith(e)) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** The file a relative specifier names, or null (packages and unresolved names are not followed). */
function resolveSpecifier(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(from), spec.replace(/\?.*$/, ''));
  const candidates = [base, ...EXTENSIONS.map((e) => base + e), ...EXTENSIONS.map((e) => join(base, `index${e}`))];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile() && EXTENSIONS.some((e) => c.endsWith(e))) ?? null;
}

/** The import graph: file → files it imports (static, dynamic and type-only imports, re-exports). */
export function importGraph(files: string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const f of files) {
    const info = ts.preProcessFile(readFileSync(f, 'utf8'), true, true);
    const deps = new Set<string>();
    for (const ref of info.importedFiles) {
      const to = resolveSpecifier(f, ref.fileName);
      if (to) deps.add(to);
    }
    graph.set(f, [...deps].sort());
  }
  return graph;
}

/** Strongly connected components with more than one file, or a file importing itself (Tarjan). */
export function circles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return out;
}

/** One concrete circle through the first file of a component: a → … → a (breadth-first, shortest). */
export function circlePath(graph: Map<string, string[]>, scc: string[]): string[] {
  const members = new Set(scc);
  const start = scc[0];
  const prev = new Map<string, string>();
  const queue = [start];
  while (queue.length) {
    const v = queue.shift()!;
    for (const w of graph.get(v) ?? []) {
      if (!members.has(w)) continue;
      if (w === start) {
        const path: string[] = [];
        for (let x = v; x !== start; x = prev.get(x)!) path.unshift(x);
        return [start, ...path, start];
      }
      if (!prev.has(w)) {
        prev.set(w, v);
        queue.push(w);
      }
    }
  }
  return scc;
}

function main(): void {
  const dirs = process.argv.slice(2).length ? process.argv.slice(2) : ['src', 'scripts'];
  const files = dirs.flatMap((d) => sourceFiles(resolve(ROOT, d)));
  const graph = importGraph(files);
  const found = circles(graph);
  const rel = (f: string) => relative(ROOT, f);
  if (found.length === 0) {
    console.log(`check-imports: no import circles in ${dirs.join(', ')} (${files.length} files)`);
    return;
  }
  console.error(`check-imports: ${found.length} import circle(s) / 发现 ${found.length} 个循环引用:`);
  for (const scc of found)
    console.error(`  ${circlePath(graph, scc).map(rel).join(' → ')}${scc.length > 2 ? `   (${scc.length} files: ${scc.map(rel).join(', ')})` : ''}`);
  process.exitCode = 1;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) main();

/**
 * `npm run cli -- import --out PKG [--communities FILE] [--buildings FILE]… [--facilities FILE]…
 *  [--candidates FILE]… [--roads FILE] [--dem FILE] [--crs ROLE=CRS]… [--mapping FILE]
 *  [--estimate-households [M2]] [--name NAME]`
 * Reads the files (Node I/O only here), hands the bytes to the engine's importPackage and
 * writes the contract package it returns (docs/IMPORT.md).
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import {
  EngineError,
  decodeText,
  importPackage,
  resolveCrs,
  type FileMapping,
  type ImportRequest,
  type ImportRole,
  type ImportSource,
  type NamedBytes,
} from '../../src/engine/index';
import { makeOutDir, writeOutput } from '../lib/writeOutput';
import { parseArgs, type FlagSpec } from '../lib/args';

const ROLES: readonly ImportRole[] = ['communities', 'buildings', 'facilities', 'candidates'];
const SHAPE_SIDECARS = ['.shx', '.dbf', '.prj', '.cpg'];

function bad(flag: string, detail: string, file?: string): never {
  throw new EngineError('E_ARGUMENT', { field: flag, file, detail });
}

function readBytes(path: string): Uint8Array {
  if (!existsSync(path) || !statSync(path).isFile()) throw new EngineError('E_MISSING_FILE', { file: path });
  try {
    return new Uint8Array(readFileSync(path));
  } catch (e) {
    throw new EngineError('E_MISSING_FILE', { file: path, detail: (e as NodeJS.ErrnoException).code });
  }
}

/** A file and, for a loose .shp, its sidecars of the same base name (any case of extension). */
function readSourceFiles(path: string): NamedBytes[] {
  const files: NamedBytes[] = [{ name: basename(path), bytes: readBytes(path) }];
  if (/\.shp$/i.test(path)) {
    const dir = dirname(path);
    const stem = basename(path).replace(/\.shp$/i, '');
    for (const entry of readdirSync(dir).sort()) {
      const m = /^(.*)(\.[^.]+)$/.exec(entry);
      if (m && m[1] === stem && SHAPE_SIDECARS.includes(m[2].toLowerCase())) files.push({ name: entry, bytes: readBytes(join(dir, entry)) });
    }
  }
  return files;
}

function readMapping(path: string): Record<string, FileMapping> {
  const { text } = decodeText(readBytes(path), path);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new EngineError('E_BAD_JSON', { file: path, detail: (e as Error).message.slice(0, 120) });
  }
  if (!json || typeof json !== 'object' || Array.isArray(json))
    throw new EngineError('E_BAD_JSON', { file: path, detail: 'expected {"file name": {"columns": {…}, …}}' });
  return json as Record<string, FileMapping>;
}

/** The import command's flags: role files and --crs may repeat; --estimate-households takes an optional m² value. */
const IMPORT_SPEC: FlagSpec = {
  communities: 'repeat',
  buildings: 'repeat',
  facilities: 'repeat',
  candidates: 'repeat',
  crs: 'repeat',
  out: 'value',
  roads: 'value',
  dem: 'value',
  mapping: 'value',
  name: 'value',
  'estimate-households': 'switch-or-value',
};

/** Parse the import command's arguments (after the word `import`). Repeated --crs and role flags are allowed. */
export function parseImportArgs(argv: readonly string[]): {
  out: string;
  roles: [ImportRole, string][];
  roads?: string;
  dem?: string;
  crs: Map<string, string>;
  mapping?: string;
  estimate?: number | true;
  name?: string;
} {
  const args = parseArgs(argv, IMPORT_SPEC);
  // the role files in the order given on the command line (the package's row order follows it)
  const roles: [ImportRole, string][] = [];
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([a-z]+)(=.*)?$/.exec(argv[i]);
    if (m && (ROLES as readonly string[]).includes(m[1])) roles.push([m[1] as ImportRole, m[2] ? m[2].slice(1) : argv[++i]]);
  }
  const r: ReturnType<typeof parseImportArgs> = { out: args.need('out'), roles, crs: new Map() };
  for (const k of ['roads', 'dem', 'mapping', 'name'] as const) {
    const v = args.get(k);
    if (v !== undefined) r[k] = v;
  }
  for (const v of args.all('crs')) {
    const eq = v.indexOf('=');
    const role = v.slice(0, eq);
    if (eq < 0 || !(ROLES.includes(role as ImportRole) || role === 'roads'))
      bad('--crs', `--crs takes ROLE=CRS with ROLE one of ${ROLES.join(', ')}, roads; not '${v}'`);
    r.crs.set(role, v.slice(eq + 1));
  }
  const m2 = args.get('estimate-households');
  if (m2 !== undefined) {
    if (!(Number(m2) > 0)) bad('--estimate-households', `--estimate-households takes m² per household > 0, not '${m2}'`);
    r.estimate = Number(m2);
  } else if (args.on('estimate-households')) r.estimate = true;
  if (r.roles.length === 0 && !r.roads) bad('--communities', 'give at least one of --communities, --buildings, --facilities, --candidates, --roads');
  return r;
}

function progress(stage: string, fraction: number): void {
  if (process.stderr.isTTY) process.stderr.write(`\r… ${stage} ${Math.round(fraction * 100)}%`.padEnd(60));
}

export const usage =
  'npm run cli -- import --out PKG [--communities FILE] [--buildings FILE] [--facilities FILE] [--candidates FILE] [--roads FILE] [--dem FILE] [--crs ROLE=CRS]… [--mapping FILE] [--estimate-households [M2]]';

/** Run the import command: read files, import, write PKG. Throws EngineError (exit 2) on bad input. */
export async function runImport(args: string[]): Promise<void> {
  const o = parseImportArgs(args);
  for (const [role, crs] of o.crs) {
    const file = role === 'roads' ? o.roads : o.roles.find(([r]) => r === role)?.[1];
    if (!file) bad('--crs', `--crs ${role}=… but no --${role} file`);
    resolveCrs(crs, basename(file)); // an unknown CRS stops here, naming the file
  }
  const mapping = o.mapping ? readMapping(o.mapping) : {};
  const used = new Set<string>();
  const sources: ImportSource[] = o.roles.map(([role, path]) => {
    const src: ImportSource = { role, files: readSourceFiles(path) };
    const crs = o.crs.get(role);
    if (crs) src.crs = crs;
    const m = mapping[basename(path)];
    if (m) {
      src.mapping = m;
      used.add(basename(path));
    }
    return src;
  });
  for (const k of Object.keys(mapping)) if (!used.has(k)) process.stderr.write(`note: --mapping names '${k}', which is not one of the files given\n`);
  const req: ImportRequest = { sources };
  if (o.name) req.name = o.name;
  if (o.roads) {
    req.roads = { file: { name: basename(o.roads), bytes: readBytes(o.roads) } };
    const c = o.crs.get('roads');
    if (c) req.roads.crs = c;
  }
  if (o.dem) req.dem = { name: basename(o.dem), bytes: readBytes(o.dem) };
  if (o.estimate !== undefined) req.estimateHouseholds = o.estimate === true ? true : { dwellingM2: o.estimate };
  const result = await importPackage(req, progress);
  if (process.stderr.isTTY) process.stderr.write('\n');
  makeOutDir(o.out);
  for (const [name, bytes] of Object.entries(result.files)) writeOutput(join(o.out, name), bytes);
  const rep = result.report;
  for (const f of rep.files) {
    process.stderr.write(`${f.file} → ${f.role}: ${f.imported} imported, ${f.rejected} rejected (CRS ${f.crs}${f.crsFrom === 'default' ? ', assumed' : ''})\n`);
    if (f.unmapped.length) process.stderr.write(`  unmapped columns / 未对应的列: ${f.unmapped.join(', ')}\n`);
    for (const n of f.notes) process.stderr.write(`  note: ${n}\n`);
  }
  if (rep.roads) process.stderr.write(`${rep.roads.file} → roads: ${rep.roads.features} lines\n`);
  for (const n of rep.notes) process.stderr.write(`note: ${n}\n`);
  for (const h of rep.hints) process.stderr.write(`提示 ${h.zh}\nhint ${h.en}\n`);
  process.stderr.write(`wrote ${Object.keys(result.files).join(', ')} to ${o.out} (${rep.rejectedRows} rejected rows in import-rejected.csv)\n`);
}

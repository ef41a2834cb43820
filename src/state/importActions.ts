import type { FileMapping, ImportRole, NamedBytes } from '../engine/index';
import { importInWorker, inspectInWorker, startImportWorker, zipInWorker } from '../client/importClient';
import { toFailureLike } from './importFailure';
import {
  PARSE_JSON_BELOW,
  SNIFF_BYTES,
  TABLE_ROLES,
  buildImportRequest,
  groupFiles,
  mappingOf,
  wizardMapping,
  type WizardRole,
  type WizardSource,
} from './importRequest';
import { useImport, type ImportEntry, type NamedBlob } from './importStore';
import { recallColumns, recallValues, rememberColumns, rememberValues } from './rememberedMapping';

let nextId = 1;

const patchEntry = (id: number, patch: Partial<ImportEntry>) =>
  useImport.getState().set({ entries: useImport.getState().entries.map((e) => (e.id === id ? { ...e, ...patch } : e)), result: null, phase: 'idle' });

const isTable = (r: WizardRole): r is ImportRole => (TABLE_ROLES as readonly string[]).includes(r);

/** Open / close the wizard; opening starts the import worker, so that it is ready when a file is picked. */
export function openImport(open = true): void {
  if (open) startImportWorker();
  useImport.getState().set({ open });
}

/** The imported package as one zip for 保存数据包, compressed in the import worker (the page stays responsive). */
export function importedPackageZip(files: Record<string, Uint8Array>): Promise<Uint8Array> {
  return zipInWorker(files);
}

/** Start over: no files, no result. */
export function resetImport(): void {
  useImport.getState().set({ entries: [], result: null, error: null, phase: 'idle', progress: null });
}

/** A Blob's bytes, read afresh (off the main thread) into a buffer of their own, to be transferred. */
const readBlob = async (f: NamedBlob): Promise<NamedBytes> => ({ name: f.name, bytes: new Uint8Array(await f.blob.arrayBuffer()) });

/** Entries with their files' bytes read. */
const withBytes = (entries: readonly ImportEntry[]): Promise<WizardSource[]> =>
  Promise.all(
    entries.map(async (e) => ({
      name: e.name,
      role: e.role,
      columns: e.columns,
      values: e.values,
      crs: e.crs,
      files: await Promise.all(e.files.map(readBlob)),
    })),
  );

/** The dropped mapping file's entries (read from its Blob: a small file). */
async function mappingIn(entries: readonly ImportEntry[]): Promise<Record<string, FileMapping>> {
  const m = entries.find((e) => e.role === 'mapping');
  return m ? mappingOf(await withBytes([m])) : {};
}

/** Read an entry's tables in the worker (with the role fixed when given) and recall remembered column choices. */
async function inspect(id: number, role?: ImportRole): Promise<void> {
  const entry = useImport.getState().entries.find((e) => e.id === id);
  if (!entry) return;
  patchEntry(id, { busy: true, error: undefined });
  try {
    const mapping = (await mappingIn(useImport.getState().entries))[entry.name];
    const previews = await inspectInWorker(await Promise.all(entry.files.map(readBlob)), role, mapping);
    const first = previews[0];
    const chosen: ImportRole = role ?? first?.role ?? 'buildings';
    const recalled = first ? recallColumns(chosen, first.header) : undefined;
    const values = first ? recallValues(chosen, first.header) : undefined;
    patchEntry(id, {
      busy: false,
      previews,
      guessed: role ? entry.guessed : first?.role,
      role: chosen,
      columns: recalled ?? {},
      values: values ?? {},
      recalled: !!(recalled || values),
      dropped: mapping,
    });
  } catch (e) {
    patchEntry(id, { busy: false, previews: [], error: toFailureLike(e) });
  }
}

/** What grouping needs of a dropped file: a zip whole (its listing), a JSON whole or, when large, its first bytes; nothing of others. */
async function groupingBytes(f: File): Promise<NamedBytes & { file: File }> {
  const e = (/\.([^./\\]+)$/.exec(f.name)?.[1] ?? '').toLowerCase();
  const part = e === 'zip' ? f : e === 'json' || e === 'geojson' ? (f.size > PARSE_JSON_BELOW ? f.slice(0, SNIFF_BYTES) : f) : null;
  return { name: f.name, bytes: part ? new Uint8Array(await part.arrayBuffer()) : new Uint8Array(0), file: f };
}

/**
 * Add dropped or picked files: group them (shapefile parts, zips), guess roles, read previews.
 * The files stay Blobs here: their bytes go to the worker, read afresh and transferred.
 */
export async function addImportFiles(files: readonly File[]): Promise<void> {
  const named = await Promise.all(files.map(groupingBytes));
  const s = useImport.getState();
  // a dropped file stays its File; a file from inside a dropped zip becomes a Blob of its bytes
  const blobOf = (f: NamedBytes | (NamedBytes & { file: File })): NamedBlob => ({
    name: f.name,
    blob: 'file' in f ? f.file : new Blob([f.bytes as Uint8Array<ArrayBuffer>]),
  });
  const fresh: ImportEntry[] = groupFiles(named).map((w) => ({ ...w, files: w.files.map(blobOf), id: nextId++, previews: [], busy: isTable(w.role) }));
  // a file dropped again replaces the earlier one of the same name
  const names = new Set(fresh.map((e) => e.name));
  s.set({ entries: [...s.entries.filter((e) => !names.has(e.name)), ...fresh], result: null, error: null, phase: 'reading' });
  await Promise.all(fresh.filter((e) => isTable(e.role)).map((e) => inspect(e.id)));
  useImport.getState().set({ phase: 'idle' });
}

/** Change an entry's role; a table role re-reads the file (header detection depends on the role). */
export async function setEntryRole(id: number, role: WizardRole): Promise<void> {
  patchEntry(id, { role, columns: {}, values: {} });
  if (isTable(role)) await inspect(id, role);
}

/** Remove an entry. */
export function removeEntry(id: number): void {
  useImport.getState().set({ entries: useImport.getState().entries.filter((e) => e.id !== id), result: null, phase: 'idle' });
}

/** The source of each field as the wizard will import it: the choice made here, else the guess (a header, `=TEXT` constant, or null). */
export function effectiveColumns(entry: ImportEntry): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  const first = entry.previews[0];
  if (first) for (const [f, src] of Object.entries(first.mapping.fields)) out[f] = 'header' in src ? src.header : `=${src.constant}`;
  return { ...out, ...entry.columns };
}

/**
 * Choose the contract field a source column feeds ('' = none): the field it fed before and the
 * column the field had before are freed. Remembered in localStorage for files of the same role
 * and header set.
 */
export function setColumnField(id: number, header: string, field: string): void {
  const entry = useImport.getState().entries.find((e) => e.id === id);
  const first = entry?.previews[0];
  if (!entry || !first || !isTable(entry.role)) return;
  const columns = { ...entry.columns };
  for (const [f, h] of Object.entries(effectiveColumns(entry))) if (h === header && f !== field) columns[f] = null;
  if (field) columns[field] = header;
  patchEntry(id, { columns });
  rememberColumns(entry.role, first.header, columns);
}

/**
 * Map a word found in a value field's column (services, status, level, source, ownership) to a
 * contract code ('' = no choice: the import rejects rows with it). Goes into the file's mapping
 * `values` as a mapping file's would, and is remembered for files of the same role and header set.
 */
export function setValueWord(id: number, field: string, word: string, code: string): void {
  const entry = useImport.getState().entries.find((e) => e.id === id);
  const first = entry?.previews[0];
  if (!entry || !first || !isTable(entry.role)) return;
  const words = { ...(entry.values?.[field] ?? {}) };
  if (code) words[word] = code;
  else delete words[word];
  const values = { ...(entry.values ?? {}), [field]: words };
  if (!Object.keys(words).length) delete values[field];
  patchEntry(id, { values });
  rememberValues(entry.role, first.header, values);
}

/** The wizard's choices as a `--mapping` file (mapping.json), for the CLI to repeat this import. */
export async function wizardMappingJson(): Promise<Uint8Array> {
  const entries = useImport.getState().entries;
  const m = wizardMapping(entries, await mappingIn(entries));
  return new TextEncoder().encode(JSON.stringify(m, null, 2) + '\n');
}

/** Choose an entry's CRS ('' = the file's own, else WGS84). */
export function setEntryCrs(id: number, crs: string): void {
  patchEntry(id, { crs });
}

/** Estimate missing households or not. */
export function setEstimate(estimate: boolean): void {
  useImport.getState().set({ estimate, result: null, phase: 'idle' });
}

/** Import the wizard's sources in the worker, with progress; the result or a failure naming the file lands in the store. */
export async function runWizardImport(): Promise<void> {
  const s = useImport.getState();
  s.set({ phase: 'importing', progress: { stage: 'read', fraction: 0 }, error: null, result: null });
  try {
    const used = s.entries.filter((e) => isTable(e.role) || e.role === 'roads' || e.role === 'dem' || e.role === 'mapping');
    const req = buildImportRequest(await withBytes(used), { estimateHouseholds: s.estimate });
    const result = await importInWorker(req, (stage, fraction) => {
      const now = useImport.getState();
      if (now.phase !== 'importing') return; // a late message after the result is dropped
      // a new stage or a whole per cent more repaints the bar; finer steps are not worth a render
      if (now.progress?.stage === stage && Math.floor(now.progress.fraction * 100) === Math.floor(fraction * 100)) return;
      now.set({ progress: { stage, fraction } });
    });
    useImport.getState().set({ result, phase: 'done', progress: null });
  } catch (e) {
    useImport.getState().set({ error: toFailureLike(e), phase: 'idle', progress: null });
  }
}

/** Apply a GCJ-02 / BD-09 hint: read the file named in the hint in the suggested system. */
export function applyHint(file: string, suggested: 'WGS84' | 'GCJ02' | 'BD09'): void {
  const entry = useImport.getState().entries.find((e) => e.name === file || e.previews.some((p) => p.file === file));
  if (entry) setEntryCrs(entry.id, suggested.toLowerCase());
}

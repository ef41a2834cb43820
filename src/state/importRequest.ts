import { unzipSync } from 'fflate';
import type { FileMapping, ImportRequest, ImportRole, ImportSource, NamedBytes } from '../engine/index';

/** What a dropped file (or a loose shapefile's parts) is for in the import wizard. */
export type WizardRole = ImportRole | 'roads' | 'dem' | 'mapping' | 'ignore';

/** The roles a table file can take (the contract tables). */
export const TABLE_ROLES: readonly ImportRole[] = ['communities', 'buildings', 'facilities', 'candidates'];

/**
 * One entry of the wizard: a file, a zip, or a loose shapefile with its sidecars. `F` is how
 * a file is held: bytes (the pure functions here, tests), or a Blob in the wizard's store,
 * read afresh and transferred to the worker for each call.
 */
export interface WizardSource<F = NamedBytes> {
  /** Name shown and used as the mapping key: the file's name, a loose shapefile by its .shp. */
  name: string;
  /** The files: the file, or the .shp first and then its sidecars in name order (as the CLI reads them). */
  files: F[];
  role: WizardRole;
  /** Column overrides chosen in the wizard (field → header, or null = leave unmapped). */
  columns: Record<string, string | null>;
  /** Value words chosen in the wizard (field → word → contract code), as a mapping file's `values`; absent = none. */
  values?: Record<string, Record<string, string>>;
  /** CRS chosen in the wizard (wgs84, cgcs2000, gcj02, bd09, EPSG:<code>); '' = the file's own, else WGS84. */
  crs: string;
}

const SIDE = ['shx', 'dbf', 'prj', 'cpg'];
const ext = (n: string) => (/\.([^./\\]+)$/.exec(n)?.[1] ?? '').toLowerCase();
const stem = (n: string) => n.replace(/\.[^./\\]+$/, '');
const byName = (a: NamedBytes, b: NamedBytes) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * A zip of several tables (not only shapefile layers) is opened into its files, so each gets
 * its own role; a zip of shapefile layers stays one source, as the CLI reads it.
 */
function expandZip(f: NamedBytes): NamedBytes[] {
  const keep = (n: string) => !n.endsWith('/') && !/(^|\/)(__MACOSX|\.)/.test(n);
  let names: string[] = [];
  try {
    // list the entries without inflating them: a zipped shapefile stays one source, unread here
    unzipSync(f.bytes, {
      filter: (e) => {
        names.push(e.name);
        return false;
      },
    });
    names = names.filter(keep);
    const onlyShape = names.length > 0 && names.every((n) => ext(n) === 'shp' || SIDE.includes(ext(n)) || ext(n) === 'xml');
    if (onlyShape) return [f];
    const entries = unzipSync(f.bytes, { filter: (e) => keep(e.name) });
    return names.sort().map((n) => ({ name: n.split('/').pop() ?? n, bytes: entries[n] }));
  } catch {
    return [f]; // the import names the unreadable zip
  }
}

/** Above this size the wizard hands groupFiles only the first {@link SNIFF_BYTES} of a .json/.geojson: its kind is sniffed, not parsed. */
export const PARSE_JSON_BELOW = 4 << 20;
/** Bytes of a large JSON file enough to guess its kind. */
export const SNIFF_BYTES = 64 << 10;

/** A cut (or unreadable) GeoJSON's kind from its first bytes: roads when its first geometry is a line. */
function sniffJson(bytes: Uint8Array): WizardRole | undefined {
  const head = new TextDecoder().decode(bytes.subarray(0, SNIFF_BYTES));
  const geom = /"type"\s*:\s*"(?:Multi)?(LineString|Polygon|Point)"/.exec(head);
  return geom?.[1] === 'LineString' ? 'roads' : undefined;
}

/** A guess from the name and first bytes for files that are not tables. */
function kindOf(f: NamedBytes): WizardRole | undefined {
  const e = ext(f.name);
  if (e === 'osm' || f.name.toLowerCase().endsWith('.osm.pbf') || e === 'pbf') return 'roads';
  if (e === 'tif' || e === 'tiff') return 'dem';
  if (e === 'json' || e === 'geojson') {
    try {
      const j = JSON.parse(new TextDecoder().decode(f.bytes)) as Record<string, unknown>;
      if (j && typeof j === 'object' && !Array.isArray(j) && !('type' in j)) return 'mapping';
      const feats = (j as { features?: { geometry?: { type?: string } }[] }).features;
      if (Array.isArray(feats) && feats.length > 0 && feats.every((x) => /LineString$/.test(x.geometry?.type ?? ''))) return 'roads';
    } catch {
      return sniffJson(f.bytes); // a large file's first bytes only (see PARSE_JSON_BELOW), or bad JSON the reader will name
    }
  }
  return undefined;
}

/**
 * Group dropped files into wizard sources: a loose shapefile's .shp with the sidecars of the same
 * base name (.shx .dbf .prj .cpg), a zip of tables opened, OSM extracts as roads, GeoTIFFs as
 * the DEM, a JSON object keyed by file names as a `--mapping` file. Table roles are guessed
 * later (inspectSource); until then they are 'buildings'.
 */
export function groupFiles<F extends NamedBytes>(dropped: readonly F[]): WizardSource<NamedBytes | F>[] {
  const files = dropped.flatMap((f) => (ext(f.name) === 'zip' ? expandZip(f) : [f]));
  const shps = new Set(files.filter((f) => ext(f.name) === 'shp').map((f) => stem(f.name)));
  const out: WizardSource<NamedBytes | F>[] = [];
  for (const f of files) {
    const e = ext(f.name);
    if (SIDE.includes(e) && shps.has(stem(f.name))) continue; // goes with its .shp
    if (e === 'shp') {
      const side = files.filter((g) => g !== f && stem(g.name) === stem(f.name) && SIDE.includes(ext(g.name))).sort(byName);
      out.push({ name: f.name, files: [f, ...side], role: 'buildings', columns: {}, crs: '' });
      continue;
    }
    if (e === 'xml' && /\.shp\.xml$/i.test(f.name)) continue;
    out.push({ name: f.name, files: [f], role: kindOf(f) ?? 'buildings', columns: {}, crs: '' });
  }
  return out;
}

/** The `--mapping` file's entries, when one was dropped (the first mapping file wins). */
export function mappingOf(sources: readonly WizardSource[]): Record<string, FileMapping> {
  const m = sources.find((s) => s.role === 'mapping');
  if (!m) return {};
  try {
    const j = JSON.parse(new TextDecoder().decode(m.files[0].bytes)) as unknown;
    return j && typeof j === 'object' && !Array.isArray(j) ? (j as Record<string, FileMapping>) : {};
  } catch {
    return {};
  }
}

const ROLE_ORDER: readonly WizardRole[] = [...TABLE_ROLES];

/** A file's mapping: the mapping file's entry with the wizard's column and value-word choices on top (undefined when there is none of either). */
function fileMapping(base: FileMapping | undefined, s: WizardSource<unknown>): FileMapping | undefined {
  const cols = Object.keys(s.columns).length ? { ...(base?.columns ?? {}), ...s.columns } : base?.columns;
  let values = base?.values;
  for (const [field, words] of Object.entries(s.values ?? {})) {
    if (Object.keys(words).length) values = { ...values, [field]: { ...(values?.[field] ?? {}), ...words } };
  }
  if (!base && !cols && !values) return undefined;
  const m: FileMapping = { ...(base ?? {}) };
  if (cols) m.columns = cols;
  if (values) m.values = values;
  return m;
}

/**
 * The wizard's choices as a `--mapping` file (JSON keyed by file name, as docs/IMPORT.md
 * describes): the dropped mapping file's entries with the column and value-word choices made in
 * the wizard on top. The CLI given it (and the same files and CRSs) writes the wizard's package.
 */
export function wizardMapping(sources: readonly WizardSource<unknown>[], dropped: Record<string, FileMapping> = {}): Record<string, FileMapping> {
  const out: Record<string, FileMapping> = { ...dropped };
  for (const s of sources) {
    if (!ROLE_ORDER.includes(s.role)) continue;
    const m = fileMapping(dropped[s.name], s);
    if (m) out[s.name] = m;
  }
  return out;
}

/**
 * The import request the wizard sends: table sources in role order (communities, buildings,
 * facilities, candidates), within a role by file name — so the CLI given the same files as
 * `--ROLE FILE` flags in that order, the chosen CRSs as `--crs ROLE=CRS` and the mapping file as
 * `--mapping` writes the same bytes. A file's mapping is the dropped mapping file's entry with
 * the wizard's column choices on top; a CRS chosen here is the option (`--crs`).
 */
export function buildImportRequest(sources: readonly WizardSource[], o: { estimateHouseholds?: boolean; name?: string } = {}): ImportRequest {
  const mapping = mappingOf(sources);
  const tables = sources
    .filter((s) => ROLE_ORDER.includes(s.role))
    .slice()
    .sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const req: ImportRequest = {
    sources: tables.map((s) => {
      const src: ImportSource = { role: s.role as ImportRole, files: s.files };
      if (s.crs) src.crs = s.crs;
      const m = fileMapping(mapping[s.name], s);
      if (m) src.mapping = m;
      return src;
    }),
  };
  if (o.name) req.name = o.name;
  const roads = sources.find((s) => s.role === 'roads');
  if (roads) {
    req.roads = { file: roads.files[0] };
    if (roads.crs) req.roads.crs = roads.crs;
  }
  const dem = sources.find((s) => s.role === 'dem');
  if (dem) req.dem = dem.files[0];
  if (o.estimateHouseholds) req.estimateHouseholds = true;
  return req;
}

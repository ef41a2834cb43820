import proj4, { type Converter } from 'proj4';
import { EngineError } from '../errors';
import { toWgs84 } from '../package/crs';
import { epsgDefinition, epsgOfEsriName } from './epsgDefinitions';

/** A source coordinate system: how to turn its (x, y) into WGS84 (lon, lat) degrees. */
export interface SourceCrs {
  /** Canonical label for reports: `WGS84`, `GCJ02`, `BD09`, `EPSG:4545`, `PRJ:<name>`. */
  label: string;
  /** Geographic systems hold degrees; projected ones metres. */
  kind: 'geographic' | 'projected';
  toWgs84(x: number, y: number): [number, number];
}

const identity = (x: number, y: number): [number, number] => [x, y];

/** WGS84 (also CGCS2000, sub-metre here). */
export const WGS84_CRS: SourceCrs = { label: 'WGS84', kind: 'geographic', toWgs84: identity };
const GCJ02_CRS: SourceCrs = { label: 'GCJ02', kind: 'geographic', toWgs84: (x, y) => toWgs84(x, y, 'GCJ02') };
const BD09_CRS: SourceCrs = { label: 'BD09', kind: 'geographic', toWgs84: (x, y) => toWgs84(x, y, 'BD09') };

function projected(label: string, def: string, file: string, kind: SourceCrs['kind'] = 'projected'): SourceCrs {
  let conv: Converter;
  try {
    conv = proj4(def, 'WGS84');
  } catch (e) {
    throw new EngineError('E_UNKNOWN_CRS', { file, detail: `${label}: ${(e as Error).message}`.slice(0, 160) });
  }
  return { label, kind, toWgs84: (x, y) => conv.forward([x, y]) as [number, number] };
}

/** The system of an EPSG code from the built-in table, or undefined. */
function fromEpsg(code: number, file: string): SourceCrs | undefined {
  const def = epsgDefinition(code);
  if (!def) return undefined;
  if (def === 'longlat') return { ...WGS84_CRS, label: `EPSG:${code}` };
  return projected(`EPSG:${code}`, def, file);
}

/**
 * Resolve a CRS name as given on the command line or in the wizard: `wgs84`, `cgcs2000`,
 * `gcj02`, `bd09` (any case, `-`/`_` ignored) or `EPSG:<code>` from the built-in table
 * (epsgDefinitions.ts). Anything else throws E_UNKNOWN_CRS naming `file`.
 */
export function resolveCrs(spec: string, file: string): SourceCrs {
  const s = spec
    .trim()
    .toUpperCase()
    .replace(/[\s_-]/g, '');
  if (s === 'WGS84' || s === 'CGCS2000') return WGS84_CRS;
  if (s === 'GCJ02') return GCJ02_CRS;
  if (s === 'BD09') return BD09_CRS;
  const m = /^EPSG:?(\d+)$/.exec(s);
  if (m) {
    const crs = fromEpsg(Number(m[1]), file);
    if (crs) return crs;
    throw new EngineError('E_UNKNOWN_CRS', { file, detail: `EPSG:${m[1]} is not in the built-in table (4326, 4490, 4491–4554, 3857, UTM 326xx/327xx)` });
  }
  throw new EngineError('E_UNKNOWN_CRS', { file, detail: `'${spec.slice(0, 40)}'` });
}

/**
 * The system of a shapefile's .prj (WKT). An AUTHORITY["EPSG",n] or a CGCS2000 ESRI name
 * in the table is used first; a geographic WKT on WGS 84 / CGCS2000 is WGS84; any other
 * WKT is handed to proj4. A WKT proj4 cannot read throws E_UNKNOWN_CRS naming the file.
 */
export function crsFromPrj(wkt: string, file: string): SourceCrs {
  const text = wkt.trim();
  const head = /^(PROJCS|GEOGCS|PROJCRS|GEOGCRS|GEODCRS)\["([^"]*)"/i.exec(text);
  if (!head) throw new EngineError('E_UNKNOWN_CRS', { file, detail: 'the .prj holds no WKT' });
  const auth = /AUTHORITY\["EPSG",\s*"?(\d+)"?\]\]*\s*$/i.exec(text) ?? /ID\["EPSG",\s*(\d+)\]\]*\s*$/i.exec(text);
  if (auth) {
    const crs = fromEpsg(Number(auth[1]), file);
    if (crs) return crs;
  }
  const esri = epsgOfEsriName(head[2]);
  if (esri) return fromEpsg(esri, file)!;
  if (/^GEOG/i.test(head[1])) {
    if (/WGS|2000|CGCS/i.test(text)) return { ...WGS84_CRS, label: `PRJ:${head[2]}` };
  }
  return projected(`PRJ:${head[2].slice(0, 60)}`, text, file, /^GEOG/i.test(head[1]) ? 'geographic' : 'projected');
}

import tinyosmpbf from 'tiny-osmpbf';
import { EngineError } from '../../errors';
import type { OsmData } from './osmData';

const utf8 = new TextDecoder('utf-8');

/**
 * The two uses tiny-osmpbf makes of Node's Buffer (`new Buffer(size)` for an inflated
 * block, `new Buffer(bytes).toString('utf8')` for strings), on a Uint8Array: installed
 * only for the synchronous parse and then removed, so the browser, a worker and Node
 * all run the same code.
 */
class BufferShim extends Uint8Array {
  // the default constructor forwards every argument: `subarray` builds views through it
  override toString(): string {
    return utf8.decode(this);
  }
}

/**
 * Read an .osm.pbf extract (tiny-osmpbf) into nodes and ways (relations ignored).
 * tiny-osmpbf also assigns an undeclared `pbf`, which throws in strict code (an ES-module
 * bundle, as Vite makes for the worker): a global of that name exists during the parse.
 */
export function readOsmPbf(bytes: Uint8Array, file: string): OsmData {
  const data: OsmData = { nodes: new Map(), ways: [] };
  const g = globalThis as { Buffer?: unknown; pbf?: unknown };
  const saved = g.Buffer;
  const hadPbf = 'pbf' in g;
  g.Buffer = BufferShim;
  if (!hadPbf) g.pbf = undefined;
  try {
    tinyosmpbf(bytes, (e) => {
      if (e.type === 'node' && e.lon !== undefined && e.lat !== undefined) {
        const tags = e.tags && Object.keys(e.tags).length ? e.tags : undefined;
        data.nodes.set(e.id, tags ? { lon: e.lon, lat: e.lat, tags } : { lon: e.lon, lat: e.lat });
      } else if (e.type === 'way') data.ways.push({ id: e.id, nodes: e.nodes ?? [], tags: e.tags ?? {} });
    });
  } catch (err) {
    throw new EngineError('E_BAD_FILE', { file, detail: `OSM PBF: ${(err as Error).message.slice(0, 100)}` });
  } finally {
    if (saved === undefined) delete g.Buffer;
    else g.Buffer = saved;
    if (!hadPbf) delete g.pbf;
  }
  return data;
}

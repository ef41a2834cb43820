import * as maplibregl from 'maplibre-gl';

/**
 * The URL scheme under which maplibre's own worker fetches and parses a blob: URL of JSON bytes.
 * maplibre hands any URL that is not http(s) or file back to the page ("GR" message): for a
 * blob: URL the page fetched the JSON, parsed it and walked the whole object to post it to the
 * worker, all on the main thread (seconds for a city's roads under software rendering, while the
 * first map waits). Under this scheme the worker does it itself.
 */
export const WORKER_JSON_SCHEME = 'ylblob';

const PREFIX = `${WORKER_JSON_SCHEME}://`;

/** The loader in maplibre's workers (script text): fetch the blob: URL after the prefix, JSON or bytes. */
const LOADER = `async (p, ac) => {
  const r = await fetch(p.url.slice(${PREFIX.length}), { signal: ac.signal });
  if (!r.ok) throw new Error('cannot read ' + p.url);
  return { data: p.type === 'json' ? await r.json() : await r.arrayBuffer() };
}`;

/** The same loader on the page (used only when a worker has not got the script). */
const load: Parameters<typeof maplibregl.addProtocol>[1] = async (p, ac) => {
  const r = await fetch(p.url.slice(PREFIX.length), { signal: ac.signal });
  if (!r.ok) throw new Error(`cannot read ${p.url}`);
  return { data: p.type === 'json' ? await r.json() : await r.arrayBuffer() };
};

/**
 * Script text run in maplibre's workers after the loader is registered: maplibre's GeoJSON
 * worker source answers a `loadData` ('LD') from a URL with the whole parsed GeoJSON, to be the
 * main thread's copy of the data (for `GeoJSONSource#getData`, which this map never calls). For a
 * source under {@link WORKER_JSON_SCHEME} that copy is dropped: otherwise the worker serializes
 * every feature of a city's roads, communities and labels (seconds under software rendering),
 * the main thread deserializes them (hundreds of ms in the first map's critical path) and keeps
 * a second heap copy of what the package part already holds as bytes. The source keeps its URL
 * (setData again refills it). Relies on maplibre-gl 6 internals (`self.worker.actor`, its
 * `messageHandlers` and `registerMessageHandler`, message type 'LD'); test/map/workerJson.test.ts
 * checks them on the installed maplibre-gl. Without them it changes nothing.
 */
export const DROP_DATA_ECHO = `(() => {
  const actor = self.worker && self.worker.actor;
  const loadData = actor && actor.messageHandlers && actor.messageHandlers.LD;
  if (typeof loadData !== 'function' || typeof actor.registerMessageHandler !== 'function') return;
  actor.registerMessageHandler('LD', async (mapId, params, abort) => {
    const r = await loadData(mapId, params, abort);
    if (r && params && params.request && String(params.request.url).startsWith(${JSON.stringify(PREFIX)})) delete r.data;
    return r;
  });
})();`;

let installed = false;

/**
 * Register {@link WORKER_JSON_SCHEME} in maplibre's workers (importScriptInWorkers, a script from a
 * blob: URL: no network; with {@link DROP_DATA_ECHO}) and on the page (where a worker without it sends the request: the old
 * path, still correct). Once per page.
 */
export function installWorkerJson(): void {
  if (installed || typeof URL.createObjectURL !== 'function') return;
  installed = true;
  maplibregl.addProtocol(WORKER_JSON_SCHEME, load);
  const script = URL.createObjectURL(
    new Blob([`self.addProtocol(${JSON.stringify(WORKER_JSON_SCHEME)}, ${LOADER});\n${DROP_DATA_ECHO}\n`], { type: 'text/javascript' }),
  );
  maplibregl.importScriptInWorkers(script).catch(() => undefined); // the page's protocol answers then
}

/** The URL maplibre's worker reads `blobUrl` (a blob: URL of JSON bytes) from, once installed; else `blobUrl`. */
export function workerJsonUrl(blobUrl: string): string {
  return installed ? PREFIX + blobUrl : blobUrl;
}

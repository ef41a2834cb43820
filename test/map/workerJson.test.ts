import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DROP_DATA_ECHO, WORKER_JSON_SCHEME } from '../../src/map/workerJson';

type Handler = (mapId: string, params: Record<string, unknown>, abort?: AbortController) => Promise<Record<string, unknown>>;

/** A stand-in for maplibre's worker global: `self.worker.actor` with its message handlers. */
function fakeWorker() {
  const handlers: Record<string, Handler> = {
    LD: async (_mapId, params) => ({ data: { type: 'FeatureCollection', features: [{ id: 1 }] }, resourceTiming: params.source }),
  };
  const actor = {
    messageHandlers: handlers,
    registerMessageHandler(type: string, h: Handler) {
      handlers[type] = h;
    },
  };
  return { self: { worker: { actor } }, handlers };
}

const run = (self: unknown) => new Function('self', DROP_DATA_ECHO)(self) as void;

describe("maplibre's loadData answer without the data echo", () => {
  it("drops the parsed GeoJSON from the answer for a source under the worker's JSON scheme only", async () => {
    const { self, handlers } = fakeWorker();
    run(self);
    const ours = await handlers.LD('m1', { source: 'roads', request: { url: `${WORKER_JSON_SCHEME}://blob:http://x/1` } });
    expect(ours).toEqual({ resourceTiming: 'roads' }); // everything else of the answer stays
    const other = await handlers.LD('m1', { source: 'web', request: { url: 'https://example.invalid/a.geojson' } });
    expect(other.data).toEqual({ type: 'FeatureCollection', features: [{ id: 1 }] });
    const inline = await handlers.LD('m1', { source: 'inline', data: { type: 'FeatureCollection', features: [] } });
    expect(inline.data).toEqual({ type: 'FeatureCollection', features: [{ id: 1 }] });
  });

  it('changes nothing in a worker without those internals', () => {
    expect(() => run({})).not.toThrow();
    const bare = { worker: { actor: { messageHandlers: {} } } };
    run(bare);
    expect(bare.worker.actor.messageHandlers).toEqual({});
  });

  it("relies on what the installed maplibre-gl worker has: self.worker, its actor's 'LD' handler and the echo of URL data", () => {
    const require = createRequire(import.meta.url);
    const dist = dirname(require.resolve('maplibre-gl/dist/maplibre-gl-worker.mjs'));
    const code = readFileSync(join(dist, 'maplibre-gl-worker.mjs'), 'utf8');
    expect(code).toMatch(/self\.worker=new /);
    expect(code).toContain('registerMessageHandler(`LD`');
    expect(code).toContain('messageHandlers[t.type](');
    expect(code).toMatch(/\.request&&\(\w+\.data=\w+\.data\)/); // the echo this script drops
  });
});

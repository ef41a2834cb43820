import { zipSync } from 'fflate';
import { assembleSite } from '../engine/index';
import { engineRemote } from '../client/engineClient';
import type { PublishRequest } from '../worker/protocol';

/** A published site packed for download. */
export interface PublishedZip {
  /** The zip's bytes: the site's files at its root (index.html, assets/, data/, sw.js). */
  zip: Uint8Array;
  /** Files in the site. */
  fileCount: number;
  /** Notes of publishSite for the publisher (e.g. households left out of the demand cells). */
  notes: string[];
}

/** What a {@link publishPublicMap} step is doing, for the dialog's progress line. */
export type PublishStage = 'data' | 'bundle' | 'zip';

/**
 * The prebuilt public bundle the planner ships at `public-site/` (vite.config.ts,
 * yulintuPublicSite): `manifest.json` lists the files; each is fetched as bytes from this origin.
 */
export async function fetchPublicBundle(base: string = new URL('public-site/', document.baseURI).href): Promise<Map<string, Uint8Array>> {
  const res = await fetch(`${base}manifest.json`);
  if (!res.ok) throw new Error(`public-site/manifest.json: HTTP ${res.status}`);
  const { files } = (await res.json()) as { files: string[] };
  const out = new Map<string, Uint8Array>();
  await Promise.all(
    files.map(async (f) => {
      const r = await fetch(base + f.split('/').map(encodeURIComponent).join('/'));
      if (!r.ok) throw new Error(`public-site/${f}: HTTP ${r.status}`);
      out.set(f, new Uint8Array(await r.arrayBuffer()));
    }),
  );
  return out;
}

/** Zip a site's files (path → bytes) with the paths as they are. */
export function zipSite(site: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const [path, bytes] of site) entries[path] = bytes;
  return zipSync(entries, { level: 6 });
}

/**
 * 发布公众地图: the engine worker runs publishSite on the loaded package (analysed in
 * `req.mode`), the main thread adds the prebuilt public bundle and sw.js (assembleSite, as
 * `npm run cli -- publish` does) and zips the site.
 */
export async function publishPublicMap(req: PublishRequest, onStage?: (stage: PublishStage) => void): Promise<PublishedZip> {
  onStage?.('data');
  const data = await engineRemote().publishSite(req);
  onStage?.('bundle');
  const bundle = await fetchPublicBundle();
  onStage?.('zip');
  const site = assembleSite(bundle, new Map(Object.entries(data.files)));
  return { zip: zipSite(site), fileCount: site.size, notes: data.notes };
}

import { serviceWorkerJs } from './serviceWorkerJs';

/**
 * The order of a site's files: path components compared one by one (so `assets/…` comes before
 * `assets-x`, as a folder walk sorted per folder lists them).
 */
export function compareSitePaths(a: string, b: string): number {
  const pa = a.split('/');
  const pb = b.split('/');
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    if (pa[i] !== pb[i]) return pa[i] < pb[i] ? -1 : 1;
  }
  return pa.length - pb.length;
}

/**
 * A site's version: two FNV-1a lanes (32 bit each, different offsets) over every path and its
 * bytes in {@link compareSitePaths} order, as 12 hex digits. Pure, so the CLI and the planner's
 * header button name the same publication alike.
 */
export function siteVersion(files: ReadonlyMap<string, Uint8Array>): string {
  const enc = new TextEncoder();
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  const eat = (bytes: Uint8Array) => {
    for (let i = 0; i < bytes.length; i++) {
      h1 = Math.imul(h1 ^ bytes[i], 0x01000193);
      h2 = Math.imul(h2 ^ bytes[i], 0x01000193) ^ (h1 >>> 13);
    }
  };
  for (const path of [...files.keys()].sort(compareSitePaths)) {
    eat(enc.encode(path));
    eat(files.get(path)!);
  }
  return ((h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0')).slice(0, 12);
}

/**
 * Every file of a published site: the public bundle (index.html, assets/…), the data files of
 * publishSite() over it, and sw.js listing them all under the site's {@link siteVersion}.
 * Keys are paths relative to the site root, in {@link compareSitePaths} order.
 */
export function assembleSite(bundle: ReadonlyMap<string, Uint8Array>, data: ReadonlyMap<string, string>): Map<string, Uint8Array> {
  const enc = new TextEncoder();
  const all = new Map<string, Uint8Array>();
  for (const [path, bytes] of bundle) if (path !== 'sw.js') all.set(path, bytes);
  for (const [path, text] of data) all.set(path, enc.encode(text));
  const paths = [...all.keys()].sort(compareSitePaths);
  const out = new Map<string, Uint8Array>(paths.map((p) => [p, all.get(p)!]));
  out.set('sw.js', enc.encode(serviceWorkerJs(paths, siteVersion(out))));
  return out;
}

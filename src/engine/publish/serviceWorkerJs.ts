/**
 * The public site's service worker (sw.js): on install it caches every file of the site
 * (`files`, paths relative to the site root, plus `./`; from the HTTP cache where the page has
 * just loaded them, so a first visit downloads each file once), answers the site's own requests from
 * that cache first, and drops the caches of older versions. So the map works offline once it
 * has loaded over http(s) (service workers need http://localhost or https). `version` names the
 * cache: a new publication gets a new version.
 */
export function serviceWorkerJs(files: string[], version: string): string {
  const list = JSON.stringify(['./', ...files.filter((f) => f !== 'sw.js').map((f) => `./${f}`)]);
  const cache = JSON.stringify(`yulintu-public-${version}`);
  return `/* 渝邻图 public map: offline cache of the site's own files */
const CACHE = ${cache};
const FILES = ${list};
self.addEventListener('install', (e) => {
  // force-cache: take what the page has just loaded from the HTTP cache instead of downloading it again
  e.waitUntil(caches.open(CACHE).then((c) => c.addAll(FILES.map((u) => new Request(u, { cache: 'force-cache' })))).then(() => self.skipWaiting()));
});
self.addEventListener('activate', (e) => {
  e.waitUntil(
    caches.keys().then((keys) => Promise.all(keys.filter((k) => k.startsWith('yulintu-public-') && k !== CACHE).map((k) => caches.delete(k)))).then(() => self.clients.claim()),
  );
});
self.addEventListener('fetch', (e) => {
  const req = e.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  e.respondWith(caches.match(req, { ignoreSearch: true }).then((hit) => hit || fetch(req)));
});
`;
}

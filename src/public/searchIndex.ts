import type { SiteData } from './siteData';

/** One search hit. */
export interface SearchHit {
  kind: 'community' | 'facility' | 'planned' | 'street';
  /** Community id, facility id, or street name. */
  id: string;
  label: string;
  /** Street and district, or the kind of facility. */
  detail: string;
  lon: number;
  lat: number;
}

function centre(ring: number[][]): [number, number] {
  let x = 0;
  let y = 0;
  for (const p of ring) {
    x += p[0];
    y += p[1];
  }
  return [x / ring.length, y / ring.length];
}

/** Names to search: communities, open and planned facilities, streets (centre of their communities). */
export function buildSearch(data: SiteData): SearchHit[] {
  const hits: SearchHit[] = [];
  const streets = new Map<string, { district: string; xs: number[]; ys: number[] }>();
  for (const f of data.communities.features) {
    const g = f.geometry;
    const [lon, lat] = centre(g.type === 'Polygon' ? g.coordinates[0] : g.coordinates[0][0]);
    const p = f.properties;
    hits.push({ kind: 'community', id: p.id, label: p.name, detail: `${p.street} · ${p.district}`, lon, lat });
    const key = `${p.district}\u0000${p.street}`;
    let s = streets.get(key);
    if (!s) streets.set(key, (s = { district: p.district, xs: [], ys: [] }));
    s.xs.push(lon);
    s.ys.push(lat);
  }
  for (const [key, s] of streets) {
    const name = key.split('\u0000')[1];
    const avg = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
    hits.push({ kind: 'street', id: name, label: name, detail: s.district, lon: avg(s.xs), lat: avg(s.ys) });
  }
  for (const f of data.facilities) hits.push({ kind: 'facility', id: f.id, label: f.name, detail: f.address ?? '', lon: f.lon, lat: f.lat });
  for (const f of data.planned) hits.push({ kind: 'planned', id: f.id, label: f.name, detail: '', lon: f.lon, lat: f.lat });
  return hits;
}

/** Hits whose name contains every word of the query (case-insensitive), names starting with it first. */
export function search(hits: SearchHit[], query: string, limit = 8): SearchHit[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const found = hits.filter((h) => {
    const t = h.label.toLowerCase();
    return words.every((w) => t.includes(w));
  });
  const first = words[0];
  found.sort((a, b) => Number(!a.label.toLowerCase().startsWith(first)) - Number(!b.label.toLowerCase().startsWith(first)) || a.label.length - b.label.length);
  return found.slice(0, limit);
}

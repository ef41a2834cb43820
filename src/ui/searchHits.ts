import type { SelectionKind } from '../state/viewState';
import type { MapData } from '../worker/protocol';

/** One search result: what choosing it selects, and what the list shows. */
export interface SearchHit {
  kind: SelectionKind;
  /** Selection id: a community / facility / candidate id, a street or district name. */
  id: string;
  name: string;
  /** Second line: the code, and where it lies. */
  detail: string;
}

/** Groups in the order the list shows them. */
export const SEARCH_GROUPS: readonly SelectionKind[] = ['district', 'street', 'community', 'facility', 'candidate'];

/** Options of {@link searchHits}. */
export interface SearchOptions {
  /** Hits per group, at most (default 6). */
  perGroup?: number;
  /** Leave candidate sites out (the public view never shows them; default false). */
  noCandidates?: boolean;
}

/**
 * Everything on the map whose name or id contains the query (case-insensitive): districts,
 * streets, communities, facilities and candidate sites, grouped in {@link SEARCH_GROUPS} order;
 * in each group a name or id that starts with the query comes first, then the data's order.
 */
export function searchHits(data: MapData, query: string, opts: SearchOptions = {}): SearchHit[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const perGroup = opts.perGroup ?? 6;
  const a = data.analysis;
  const groups: Record<SelectionKind, SearchHit[]> = {
    district: a.districts.map((d) => ({ kind: 'district', id: d.name, name: d.name, detail: '' })),
    street: a.streets.map((s) => ({ kind: 'street', id: s.name, name: s.name, detail: s.district })),
    community: data.communities.features.map(({ properties: p }) => ({ kind: 'community', id: p.id, name: p.name, detail: `${p.street} · ${p.id}` })),
    facility: data.facilities.map((f) => ({ kind: 'facility', id: f.id, name: f.name, detail: f.id })),
    candidate: opts.noCandidates ? [] : data.candidates.map((c) => ({ kind: 'candidate', id: c.id, name: c.name, detail: c.id })),
  };
  const out: SearchHit[] = [];
  for (const kind of SEARCH_GROUPS) {
    const starts: SearchHit[] = [];
    const contains: SearchHit[] = [];
    const seen = new Set<string>();
    for (const h of groups[kind]) {
      const name = h.name.toLowerCase();
      const id = h.id.toLowerCase();
      if (!name.includes(q) && !id.includes(q)) continue;
      if (seen.has(h.id)) continue; // a street name shared by two districts selects one street
      seen.add(h.id);
      (name.startsWith(q) || id.startsWith(q) ? starts : contains).push(h);
      if (starts.length >= perGroup) break;
    }
    out.push(...[...starts, ...contains].slice(0, perGroup));
  }
  return out;
}

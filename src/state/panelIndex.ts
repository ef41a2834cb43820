import type { CommunityResult, RollupResult } from '../engine/index';
import type { AnalysisView } from '../worker/protocol';

/**
 * Lookups the side panel needs on a click, built once per analysis (or what-if run) and kept
 * beside it: community id → index, and per community the index of its street and district
 * roll-up (Int32Array, -1 when none), street and district name → roll-up. A click → panel is
 * then a few array reads on the main thread; nothing is searched or recomputed.
 */
export interface PanelIndex {
  community: Map<string, number>;
  /** streetOf[i] = index into analysis.streets of community i's street, -1 when none. */
  streetOf: Int32Array;
  /** districtOf[i] = index into analysis.districts of community i's district, -1 when none. */
  districtOf: Int32Array;
  street: Map<string, number>;
  district: Map<string, number>;
}

type Indexed = Pick<AnalysisView, 'communities' | 'streets' | 'districts'>;

const cache = new WeakMap<Indexed, PanelIndex>();

const streetKey = (district: string, street: string) => `${district}\u0000${street}`;

/** The index of `a`, built on first use and cached for that analysis object. */
export function panelIndex(a: Indexed): PanelIndex {
  let ix = cache.get(a);
  if (ix) return ix;
  const community = new Map<string, number>();
  a.communities.forEach((c, i) => {
    if (!community.has(c.id)) community.set(c.id, i);
  });
  const streetFull = new Map<string, number>();
  const street = new Map<string, number>();
  a.streets.forEach((s, i) => {
    const k = streetKey(s.district, s.name);
    if (!streetFull.has(k)) streetFull.set(k, i);
    if (!street.has(s.name)) street.set(s.name, i); // the selection names a street alone (first match, as before)
  });
  const district = new Map<string, number>();
  a.districts.forEach((d, i) => {
    if (!district.has(d.name)) district.set(d.name, i);
  });
  const n = a.communities.length;
  const streetOf = new Int32Array(n);
  const districtOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = a.communities[i];
    streetOf[i] = streetFull.get(streetKey(c.district, c.street)) ?? -1;
    districtOf[i] = district.get(c.district) ?? -1;
  }
  ix = { community, streetOf, districtOf, street, district };
  cache.set(a, ix);
  return ix;
}

/** The community result of `id`, with its street and district roll-ups; null when unknown. */
export function lookupCommunity(a: Indexed, id: string): { result: CommunityResult; street?: RollupResult; district?: RollupResult } | null {
  const ix = panelIndex(a);
  const i = ix.community.get(id);
  if (i === undefined) return null;
  const s = ix.streetOf[i];
  const d = ix.districtOf[i];
  return { result: a.communities[i], street: s >= 0 ? a.streets[s] : undefined, district: d >= 0 ? a.districts[d] : undefined };
}

/** The street or district roll-up named `name`; null when unknown. */
export function lookupRollup(a: Indexed, level: 'street' | 'district', name: string): RollupResult | null {
  const ix = panelIndex(a);
  const i = (level === 'street' ? ix.street : ix.district).get(name);
  if (i === undefined) return null;
  return (level === 'street' ? a.streets : a.districts)[i];
}

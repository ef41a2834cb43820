import { isServiceCode, type ServiceCode } from '../engine/public';
import type { Lang } from './strings';

/** The place being looked at. */
export type Place =
  | { kind: 'point'; lon: number; lat: number }
  | { kind: 'facility'; id: string }
  | { kind: 'community'; id: string };

/** What the URL hash keeps: the share link of a place. */
export interface HashState {
  service: ServiceCode | 'all';
  lang: Lang;
  place: Place | null;
}

/**
 * Read `#s=health&f=fabc&lang=en` (service, place: `p=lon,lat` | `f=facility id` |
 * `c=community id`, language). Anything unreadable falls back to the default.
 */
export function parseHash(hash: string): HashState {
  const q = new URLSearchParams(hash.replace(/^#/, ''));
  const s = q.get('s') ?? 'all';
  const state: HashState = { service: isServiceCode(s) ? s : 'all', lang: q.get('lang') === 'en' ? 'en' : 'zh', place: null };
  const p = q.get('p');
  const f = q.get('f');
  const c = q.get('c');
  if (p) {
    const [lon, lat] = p.split(',').map(Number);
    if (Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lon) <= 180 && Math.abs(lat) <= 90) state.place = { kind: 'point', lon, lat };
  } else if (f) state.place = { kind: 'facility', id: f };
  else if (c) state.place = { kind: 'community', id: c };
  return state;
}

/** The hash of a state (the inverse of {@link parseHash}); defaults are left out. */
export function formatHash(s: HashState): string {
  const q = new URLSearchParams();
  if (s.service !== 'all') q.set('s', s.service);
  if (s.place?.kind === 'point') q.set('p', `${s.place.lon.toFixed(6)},${s.place.lat.toFixed(6)}`);
  else if (s.place?.kind === 'facility') q.set('f', s.place.id);
  else if (s.place?.kind === 'community') q.set('c', s.place.id);
  if (s.lang === 'en') q.set('lang', 'en');
  const t = q.toString();
  return t ? `#${t}` : '';
}

import type { Facility } from '../engine/index';
import type { AccessFilter } from '../state/pilotStore';

const cache = new WeakMap<Facility[], Map<string, Facility[]>>();

/**
 * The facilities the accessibility filter lets through: with a flag on, only facilities marked
 * true for it (unknown counts as not marked). No flag on: the same array. Cached per list and
 * filter, so deck keeps its buffers between renders.
 */
export function accessFiltered(all: Facility[], f: AccessFilter): Facility[] {
  if (!f.barrierFree && !f.elderFriendly && !f.childFriendly) return all;
  const key = `${+f.barrierFree}${+f.elderFriendly}${+f.childFriendly}`;
  let byKey = cache.get(all);
  if (!byKey) cache.set(all, (byKey = new Map()));
  let out = byKey.get(key);
  if (!out) {
    out = all.filter(
      (x) => (!f.barrierFree || x.barrierFree === true) && (!f.elderFriendly || x.elderFriendly === true) && (!f.childFriendly || x.childFriendly === true),
    );
    byKey.set(key, out);
  }
  return out;
}

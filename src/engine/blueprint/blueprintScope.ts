import { EngineError } from '../errors';
import type { DataPackage } from '../types';
import type { BlueprintScope } from './blueprintOptions';

/**
 * Community indices of a scope, in package order: those of the district, of the street,
 * and/or the listed ids (each given criterion must hold); every community when none is given.
 * Throws E_ARGUMENT when an id is unknown or the scope holds no community.
 */
export function scopeCommunities(pkg: DataPackage, scope: BlueprintScope = {}): number[] {
  const ids = scope.communityIds ? new Set(scope.communityIds) : null;
  if (ids) {
    const known = new Set(pkg.communities.map((c) => c.id));
    for (const id of ids) if (!known.has(id)) throw new EngineError('E_ARGUMENT', { field: 'scope.communityIds', detail: `community '${id}' not found` });
  }
  const out: number[] = [];
  pkg.communities.forEach((c, i) => {
    if (scope.district !== undefined && c.district !== scope.district) return;
    if (scope.street !== undefined && c.street !== scope.street) return;
    if (ids && !ids.has(c.id)) return;
    out.push(i);
  });
  if (out.length === 0) {
    const what = [scope.district && `district ${scope.district}`, scope.street && `street ${scope.street}`].filter(Boolean).join(', ');
    throw new EngineError('E_ARGUMENT', { field: 'scope', detail: `no community in ${what || 'the scope'}` });
  }
  return out;
}

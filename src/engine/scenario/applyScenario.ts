import { EngineError } from '../errors';
import { servicesToMask, isServiceCode } from '../standards/services';
import type { Site } from '../coverage/distanceProvider';
import type { Facility } from '../types';
import type { ScenarioContext } from './createScenarioContext';
import type { Scenario } from './scenarioTypes';

/** The edited facility list of a scenario, and which existing facilities changed. */
export interface AppliedScenario {
  facilities: Facility[];
  /** The added facilities (also the tail of `facilities`). */
  added: Facility[];
  /** Where each added facility measures its distances from (matrix mode looks up the candidate id). */
  addedSites: Site[];
  /** Existing facilities removed or moved, as they were before (open or planned). */
  changed: Facility[];
}

/**
 * Apply a scenario to the package's facilities: removed ones leave, moved ones take their
 * new point (and community, see {@link ScenarioMove}), added ones are appended as open
 * facilities. Throws E_ARGUMENT for an unknown facility, candidate or community id, an
 * unknown service code, a site with no service or no position, or a bad area.
 */
export function applyScenario(ctx: ScenarioContext, scenario: Scenario): AppliedScenario {
  const { pkg } = ctx;
  const bad = (field: string, detail: string): never => {
    throw new EngineError('E_ARGUMENT', { field, detail });
  };
  const communityOf = (id: string | null | undefined, fallback: () => number, field: string): number => {
    if (id === undefined) return fallback();
    if (id === null) return -1;
    const c = ctx.communityIndex.get(id);
    return c === undefined ? bad(field, `community '${id}' not found`) : c;
  };
  const removed = new Set<number>();
  for (const id of scenario.removed ?? []) {
    const i = ctx.facilityIndex.get(id);
    if (i === undefined) bad('removed', `facility '${id}' not found`);
    removed.add(i!);
  }
  const moved = new Map<number, Facility>();
  for (const m of scenario.moved ?? []) {
    const i = ctx.facilityIndex.get(m.facilityId);
    if (i === undefined) bad('moved', `facility '${m.facilityId}' not found`);
    if (!Number.isFinite(m.lon) || !Number.isFinite(m.lat)) bad('moved', `facility '${m.facilityId}' needs lon and lat`);
    const f = pkg.facilities[i!];
    moved.set(i!, { ...f, lon: m.lon, lat: m.lat, community: communityOf(m.communityId, () => ctx.locate(m.lon, m.lat), 'moved.communityId') });
  }
  const changed: Facility[] = [];
  const facilities: Facility[] = [];
  pkg.facilities.forEach((f, i) => {
    if (removed.has(i)) changed.push(f);
    else if (moved.has(i)) {
      changed.push(f);
      facilities.push(moved.get(i)!);
    } else facilities.push(f);
  });
  const addedSites: Site[] = [];
  const added: Facility[] = (scenario.added ?? []).map((s, k) => {
    const cand = s.candidateId !== undefined ? ctx.candidateIndex.get(s.candidateId) : undefined;
    if (s.candidateId !== undefined && cand === undefined) bad('added', `candidate '${s.candidateId}' not found`);
    const c = cand === undefined ? undefined : pkg.candidates[cand];
    const lon = s.lon ?? c?.lon;
    const lat = s.lat ?? c?.lat;
    if (lon === undefined || lat === undefined || !Number.isFinite(lon) || !Number.isFinite(lat))
      bad('added', `site ${k + 1} needs a candidateId or lon and lat`);
    if (!s.services?.length) bad('added', `site ${k + 1} offers no service`);
    for (const code of s.services) if (!isServiceCode(code)) bad('added', `unknown service code '${code}'`);
    const areaM2 = s.areaM2 ?? c?.areaM2 ?? 0;
    if (!Number.isFinite(areaM2) || areaM2 < 0) bad('added', `site ${k + 1} area must be ≥ 0`);
    const atCandidate = c !== undefined && lon === c.lon && lat === c.lat;
    const community = communityOf(s.communityId, () => (atCandidate ? c!.community : ctx.locate(lon!, lat!)), 'added.communityId');
    const services = [...new Set(s.services)];
    const id = s.id ?? c?.id ?? `new-${k + 1}`;
    addedSites.push({ id: c?.id ?? id, lon: lon!, lat: lat! });
    return {
      id,
      name: s.name ?? c?.name ?? `new-${k + 1}`,
      lon: lon!,
      lat: lat!,
      areaM2,
      services,
      serviceMask: servicesToMask(services),
      status: 'open',
      community,
    };
  });
  for (const f of added) facilities.push(f);
  return { facilities, added, addedSites, changed };
}

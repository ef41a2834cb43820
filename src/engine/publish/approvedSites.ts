import { EngineError } from '../errors';
import { decodeText } from '../package/decodeText';
import { SERVICES, isServiceCode, type ServiceCode } from '../standards/services';
import type { Candidate, DataPackage } from '../types';
import { cleanText } from './facilityExtras';

/** Blueprint site levels a planned site may carry. */
export const PLANNED_LEVELS = ['complex', 'enhanced', 'scattered'] as const;

/** One site of a blueprint file that its author marked approved. */
export interface ApprovedSite {
  candidate: Candidate;
  services: ServiceCode[];
  level?: (typeof PLANNED_LEVELS)[number];
  /** The `public_name` property, when the author gave one. */
  publicName?: string;
}

const isTrue = (v: unknown) => v === true || v === 'true' || v === 1 || v === '1' || v === '是';

/**
 * Read the approved sites of a blueprint file: the `blueprint.geojson` that `npm run cli --
 * blueprint` writes, in which the planner sets `"approved": true` on each site the district
 * has approved (docs/PUBLISHING.md). Features without it are ignored. Each approved feature
 * must name a candidate of the package by `id` (or `candidateId`) and list its services
 * (an array or a `;`-separated string of service codes); `level` (complex | enhanced |
 * scattered) and `public_name` are optional. The location is the package candidate's.
 * A file that is not such a FeatureCollection, or an approved feature that breaks a rule,
 * throws E_BAD_GEOJSON / E_ARGUMENT naming the file, the 1-based feature and the field.
 */
export function readApprovedSites(bytes: Uint8Array, file: string, pkg: DataPackage): ApprovedSite[] {
  const { text } = decodeText(bytes, file);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new EngineError('E_BAD_JSON', { file, detail: (e as Error).message.slice(0, 120) });
  }
  const fc = raw as { type?: unknown; features?: unknown } | null;
  if (!fc || typeof fc !== 'object' || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    throw new EngineError('E_BAD_GEOJSON', { file, detail: 'not a FeatureCollection (expected the blueprint.geojson written by the blueprint command)' });
  }
  const byId = new Map(pkg.candidates.map((c) => [c.id, c]));
  const out: ApprovedSite[] = [];
  const seen = new Set<string>();
  fc.features.forEach((f: unknown, k: number) => {
    const p = ((f as { properties?: unknown } | null)?.properties ?? {}) as Record<string, unknown>;
    if (!isTrue(p.approved)) return;
    const row = k + 1;
    const id = String(p.id ?? p.candidateId ?? '').trim();
    const candidate = byId.get(id);
    if (!candidate)
      throw new EngineError('E_ARGUMENT', { file, row, field: 'id', detail: 'an approved site must name a candidate of the package (candidates.csv id)' });
    if (seen.has(id)) return;
    seen.add(id);
    const list = Array.isArray(p.services) ? p.services.map(String) : typeof p.services === 'string' ? p.services.split(';') : [];
    const codes = list.map((s) => s.trim()).filter((s) => s !== '');
    const bad = codes.find((s) => !isServiceCode(s));
    if (codes.length === 0 || bad !== undefined) {
      throw new EngineError('E_ARGUMENT', {
        file,
        row,
        field: 'services',
        detail: bad !== undefined ? `'${cleanText(bad, 30)}' is not one of ${SERVICES.join('|')}` : 'no service listed',
      });
    }
    const site: ApprovedSite = { candidate, services: SERVICES.filter((s) => codes.includes(s)) };
    if (p.level !== undefined && p.level !== null && p.level !== '') {
      if (!(PLANNED_LEVELS as readonly unknown[]).includes(p.level))
        throw new EngineError('E_ARGUMENT', { file, row, field: 'level', detail: `must be ${PLANNED_LEVELS.join('|')}` });
      site.level = p.level as ApprovedSite['level'];
    }
    if (typeof p.public_name === 'string' && p.public_name.trim() !== '') site.publicName = cleanText(p.public_name, 120);
    out.push(site);
  });
  return out;
}

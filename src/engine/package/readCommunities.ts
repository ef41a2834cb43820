import type { MultiPolygon, Polygon, Position } from 'geojson';
import { EngineError, type Rejection } from '../errors';
import type { Community, Crs } from '../types';
import { toWgs84 } from './crs';
import { clip } from './rowReader';
import { polygonProblems } from './polygonProblems';
import { PLAUSIBLE_LIMITS } from './plausibleLimits';
import type { EngineNote } from '../notes';

const FILE = 'communities.geojson';

function badRing(ring: unknown): boolean {
  if (!Array.isArray(ring) || ring.length < 4) return true;
  return ring.some((p) => !Array.isArray(p) || p.length < 2 || !Number.isFinite(p[0]) || !Number.isFinite(p[1]) || Math.abs(p[0]) > 180 || Math.abs(p[1]) > 90);
}

function convertRings(rings: Position[][], crs: Crs): Position[][] {
  return rings.map((ring) => ring.map((p) => toWgs84(p[0], p[1], crs)));
}

/**
 * Why a geometry is unusable, or null when it is a valid Polygon / MultiPolygon: rings of
 * ≥ 4 positions in range, closed, holes inside their outer ring ({@link polygonProblems}).
 * `crossed` is set when a ring crosses itself (kept, and noted).
 */
function geometryProblem(g: unknown, crossed: { value: boolean }): string | null {
  const geom = g as { type?: unknown; coordinates?: unknown } | null;
  if (!geom || (geom.type !== 'Polygon' && geom.type !== 'MultiPolygon')) return `geometry type ${clip(String(geom?.type))} is not Polygon/MultiPolygon`;
  const polys = geom.type === 'Polygon' ? [geom.coordinates] : geom.coordinates;
  if (!Array.isArray(polys) || polys.length === 0) return 'no coordinates';
  for (const poly of polys as unknown[]) {
    if (!Array.isArray(poly) || poly.length === 0 || poly.some(badRing)) return 'a ring has fewer than 4 positions or a coordinate outside −180…180 / −90…90';
  }
  for (const poly of polys as Position[][][]) {
    const p = polygonProblems(poly);
    if (p.reject) return p.reject;
    if (p.selfIntersecting) crossed.value = true;
  }
  return null;
}

function text(v: unknown): string {
  if (v === null || v === undefined) return '';
  return String(v).trim();
}

/**
 * A count property: a whole number ≥ 0 ('bad' otherwise), 'large' beyond `limit` or beyond
 * 2^53 − 1 (a JSON number is already rounded by JSON.parse: 2^53 + 1 arrives as 2^53, which
 * is not a safe integer; a string is judged on its digits).
 */
function count(v: unknown, limit: number): number | 'empty' | 'bad' | 'large' {
  if (v === null || v === undefined || v === '') return 'empty';
  const digits = typeof v === 'string' ? /^\s*(\d+)(\.0*)?\s*$/.exec(v)?.[1] : undefined;
  const n = typeof v === 'number' ? v : digits !== undefined ? Number(digits) : NaN;
  if (Number.isNaN(n) || n < 0 || (Number.isFinite(n) && !Number.isInteger(n))) return 'bad';
  if (!Number.isSafeInteger(n) || (digits !== undefined && BigInt(digits) > BigInt(Number.MAX_SAFE_INTEGER)) || n > limit) return 'large';
  return n;
}

/**
 * Read communities.geojson (parsed JSON). Each feature is a row (1-based feature index);
 * a bad feature is rejected and listed, the others load. Geometry converted to WGS84.
 * Boundaries that cross themselves load and are noted in `notes` (N_SELF_INTERSECTING).
 */
export function readCommunities(json: unknown, crs: Crs, rejected: Rejection[], notes: EngineNote[] = []): Community[] {
  const fc = json as { type?: unknown; features?: unknown } | null;
  if (!fc || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    throw new EngineError('E_BAD_GEOJSON', { file: FILE, detail: 'not a FeatureCollection' });
  }
  const out: Community[] = [];
  const seen = new Set<string>();
  const crossing: string[] = [];
  fc.features.forEach((f: unknown, k: number) => {
    const feat = (f ?? {}) as { properties?: Record<string, unknown> | null; geometry?: unknown };
    const p = feat.properties ?? {};
    const id = text(p.id);
    const reject = (field: string, code: Rejection['code'], reason: string) => rejected.push({ file: FILE, row: k + 1, id, field, code, reason });
    if (id === '') return reject('id', 'R_EMPTY', 'id is empty');
    if (seen.has(id)) return reject('id', 'R_DUPLICATE_ID', `id '${clip(id)}' repeats an earlier feature`);
    seen.add(id);
    for (const field of ['name', 'street', 'district'] as const) {
      if (text(p[field]) === '') return reject(field, 'R_EMPTY', `${field} is empty`);
    }
    const tooLarge = (field: string, limit: number) => reject(field, 'R_TOO_LARGE', `${field} ${clip(text(p[field]))} is beyond the plausible limit ${limit}`);
    const hh = count(p.households, PLAUSIBLE_LIMITS.communityHouseholds);
    if (hh === 'empty') return reject('households', 'R_EMPTY', 'households is empty');
    if (hh === 'bad') return reject('households', 'R_OUT_OF_RANGE', `households '${clip(text(p.households))}' is not a whole number ≥ 0`);
    if (hh === 'large') return tooLarge('households', PLAUSIBLE_LIMITS.communityHouseholds);
    const opt: Partial<Record<'population' | 'elderly' | 'children', number>> = {};
    for (const field of ['population', 'elderly', 'children'] as const) {
      const v = count(p[field], PLAUSIBLE_LIMITS.communityPeople);
      if (v === 'bad') return reject(field, 'R_OUT_OF_RANGE', `${field} '${clip(text(p[field]))}' is not a whole number ≥ 0`);
      if (v === 'large') return tooLarge(field, PLAUSIBLE_LIMITS.communityPeople);
      if (v !== 'empty') opt[field] = v;
    }
    const crossed = { value: false };
    const problem = geometryProblem(feat.geometry, crossed);
    if (problem) return reject('geometry', 'R_BAD_GEOMETRY', problem);
    if (crossed.value) crossing.push(id);
    const g = feat.geometry as Polygon | MultiPolygon;
    const geometry: Polygon | MultiPolygon =
      g.type === 'Polygon'
        ? { type: 'Polygon', coordinates: convertRings(g.coordinates, crs) }
        : { type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => convertRings(poly, crs)) };
    out.push({ id, name: text(p.name), street: text(p.street), district: text(p.district), households: hh, ...opt, geometry });
  });
  if (crossing.length > 0)
    notes.push({
      code: 'N_SELF_INTERSECTING',
      params: {
        count: crossing.length,
        ids: crossing
          .slice(0, 3)
          .map((id) => clip(id))
          .join(', '),
      },
    });
  return out;
}

import { EngineError } from '../errors';
import { SERVICES, isServiceCode, type ServiceCode } from './services';

/** The numbers of the policy that the analysis uses. All distances in metres, areas in m². */
export interface Policy {
  /** Walking threshold per service, metres. */
  thresholdsM: Record<ServiceCode, number>;
  /** Facility area per 100 households, m²: base 30, enhanced 80 (Annex 1, task 1). */
  areaPer100Households: { base: number; enhanced: number };
  /** Minimum building area of one complex, m²: base 600, enhanced 800 (Annex 1, task 3). */
  complexMinAreaM2: { base: number; enhanced: number };
  /** Farthest straight walk from a point to its nearest network node, metres. */
  maxSnapM: number;
}

/** A partial policy as found in policy.json or a --policy file. */
export interface PolicyOverride {
  thresholdsM?: Partial<Record<ServiceCode, number>>;
  areaPer100Households?: Partial<Policy['areaPer100Households']>;
  complexMinAreaM2?: Partial<Policy['complexMinAreaM2']>;
  maxSnapM?: number;
  /** Lowest mean score of each pilot operator rating (pilots/ratingBands.ts); not part of {@link Policy}. */
  pilotRatingBands?: Partial<{ excellent: number; good: number; pass: number }>;
}

/**
 * Chongqing's default policy (渝发改规范〔2024〕10号) with walking thresholds chosen from the
 * life circles of GB 50180-2018 (5-minute ≈ 300 m, 10-minute ≈ 500 m, 15-minute ≈ 1000 m).
 * Each threshold names the facility of GB 50180-2018's appendix B that the service is closest to.
 */
export const DEFAULT_POLICY: Policy = {
  thresholdsM: {
    elderly_care: 300, // m, 5-min circle: 老年人日间照料中心(托老所); the elderly walk slowly, stairs weigh on them
    childcare: 300, // m, 5-min circle: 托儿所, infants are carried or pushed
    after_school: 500, // m, 10-min circle: like 小学, school children walk on their own
    meals: 300, // m, 5-min circle: 社区食堂, a daily trip for the elderly
    housekeeping: 500, // m, 10-min circle: 社区服务站 / 便民网点, occasional trips
    health: 1000, // m, 15-min circle: 社区卫生服务中心
    fitness: 500, // m, 10-min circle: 中型多功能运动场地
    culture: 1000, // m, 15-min circle: 文化活动中心
    play: 300, // m, 5-min circle: 儿童活动场地, small children
  },
  areaPer100Households: { base: 30, enhanced: 80 }, // m² per 100 households, Annex 1 task 1
  complexMinAreaM2: { base: 600, enhanced: 800 }, // m² building area, Annex 1 task 3
  maxSnapM: 500, // m, DATA-FORMAT.md section 2
};

function num(v: unknown, key: string, source: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
    throw new EngineError('E_POLICY', { file: source, field: key, detail: String(v) });
  }
  return v;
}

/**
 * Validate a parsed policy file (policy.json or --policy FILE). Unknown top-level keys and
 * unknown service codes are errors (E_POLICY), so a typo never silently keeps the default.
 */
export function parsePolicyOverride(raw: unknown, source: string): PolicyOverride {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new EngineError('E_POLICY', { file: source, detail: 'not a JSON object' });
  }
  const out: PolicyOverride = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (key === 'thresholdsM') {
      if (value === null || typeof value !== 'object') throw new EngineError('E_POLICY', { file: source, field: key });
      const t: Partial<Record<ServiceCode, number>> = {};
      for (const [s, v] of Object.entries(value as Record<string, unknown>)) {
        if (!isServiceCode(s)) throw new EngineError('E_POLICY', { file: source, field: `thresholdsM.${s}`, detail: 'unknown service code' });
        t[s] = num(v, `thresholdsM.${s}`, source);
      }
      out.thresholdsM = t;
    } else if (key === 'areaPer100Households' || key === 'complexMinAreaM2') {
      if (value === null || typeof value !== 'object') throw new EngineError('E_POLICY', { file: source, field: key });
      const o: { base?: number; enhanced?: number } = {};
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        if (k !== 'base' && k !== 'enhanced') throw new EngineError('E_POLICY', { file: source, field: `${key}.${k}` });
        o[k] = num(v, `${key}.${k}`, source);
      }
      out[key] = o;
    } else if (key === 'maxSnapM') {
      out.maxSnapM = num(value, key, source);
    } else if (key === 'pilotRatingBands') {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new EngineError('E_POLICY', { file: source, field: key });
      const o: { excellent?: number; good?: number; pass?: number } = {};
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        if (k !== 'excellent' && k !== 'good' && k !== 'pass') throw new EngineError('E_POLICY', { file: source, field: `${key}.${k}`, detail: 'unknown key' });
        o[k] = num(v, `${key}.${k}`, source);
        if (o[k]! > 100) throw new EngineError('E_POLICY', { file: source, field: `${key}.${k}`, detail: `${o[k]} > 100` });
      }
      out.pilotRatingBands = o;
    } else if (!key.startsWith('$') && key !== 'note' && key !== 'comment') {
      throw new EngineError('E_POLICY', { file: source, field: key, detail: 'unknown key' });
    }
  }
  return out;
}

/** Apply overrides key by key, later ones winning: `mergePolicy(DEFAULT_POLICY, pkgPolicy, cliPolicy)`. */
export function mergePolicy(base: Policy, ...overrides: (PolicyOverride | undefined)[]): Policy {
  const p: Policy = {
    thresholdsM: { ...base.thresholdsM },
    areaPer100Households: { ...base.areaPer100Households },
    complexMinAreaM2: { ...base.complexMinAreaM2 },
    maxSnapM: base.maxSnapM,
  };
  for (const o of overrides) {
    if (!o) continue;
    for (const s of SERVICES) if (o.thresholdsM?.[s] !== undefined) p.thresholdsM[s] = o.thresholdsM[s]!;
    Object.assign(p.areaPer100Households, o.areaPer100Households);
    Object.assign(p.complexMinAreaM2, o.complexMinAreaM2);
    if (o.maxSnapM !== undefined) p.maxSnapM = o.maxSnapM;
  }
  return p;
}

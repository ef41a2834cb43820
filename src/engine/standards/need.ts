import type { CommunityResult } from '../analysisTypes';
import { SERVICES, YILAO_YIXIAO } from './services';

const YLYX_INDEX = YILAO_YIXIAO.map((s) => SERVICES.indexOf(s));

/** Weights of the need score; they sum to 1. */
export const NEED_WEIGHTS = {
  area: 0.4, // share of the 30 m²/100 households standard that is missing
  coverage: 0.4, // households outside walking range of 一老一小 services (mean of the four)
  rules: 0.2, // function rules failed: half for the basic rule, half for the complex rule
} as const;

/**
 * Need score of a community, 0 (nothing missing) … 1 (nothing at all):
 *
 *   need = 0.4 · S + 0.4 · U + 0.2 · R
 *
 * S = shortfall_base / (30 × households / 100), the missing share of the base area standard
 *     (0 when households = 0);
 * U = 1 − mean coverage of elderly_care, childcare, after_school and meals (the 一老一小
 *     services the policy puts first); 0 when the community has no buildings;
 * R = 0.5 if the basic rule fails + 0.5 if the complex rule fails.
 *
 * Ranking sorts by need descending, then households descending (more people, more need),
 * then id, so ranks are total and deterministic.
 */
export function needScore(
  c: Pick<CommunityResult, 'households' | 'shortfallBaseM2' | 'coverage' | 'meetsBasicRule' | 'meetsComplexRule'>,
  basePer100: number,
): number {
  const required = (basePer100 * c.households) / 100;
  const s = required > 0 ? c.shortfallBaseM2 / required : 0;
  let u = 0;
  if (c.coverage[YLYX_INDEX[0]] !== null) {
    let sum = 0;
    for (const i of YLYX_INDEX) sum += c.coverage[i] ?? 0;
    u = 1 - sum / YLYX_INDEX.length;
  }
  const r = (c.meetsBasicRule ? 0 : 0.5) + (c.meetsComplexRule ? 0 : 0.5);
  return NEED_WEIGHTS.area * s + NEED_WEIGHTS.coverage * u + NEED_WEIGHTS.rules * r;
}

/** Compare for ranking: need desc, households desc, id asc. */
export function byNeed(a: CommunityResult, b: CommunityResult): number {
  return b.needScore - a.needScore || b.households - a.households || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Fill needRank, needRankInStreet and needRankInDistrict (1 = most need). */
export function rankByNeed(results: CommunityResult[]): void {
  const sorted = [...results].sort(byNeed);
  const inStreet = new Map<string, number>();
  const inDistrict = new Map<string, number>();
  sorted.forEach((c, k) => {
    c.needRank = k + 1;
    const sk = `${c.district}\u0000${c.street}`;
    const s = (inStreet.get(sk) ?? 0) + 1;
    inStreet.set(sk, s);
    c.needRankInStreet = s;
    const d = (inDistrict.get(c.district) ?? 0) + 1;
    inDistrict.set(c.district, d);
    c.needRankInDistrict = d;
  });
}

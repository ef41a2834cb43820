import { YILAO_YIXIAO_MASK, popcount } from './services';

/** Complex rule (Annex 1 task 3): ≥ 3 functions of which ≥ 2 are 一老一小. */
export function meetsComplexRule(mask: number): boolean {
  return popcount(mask) >= 3 && popcount(mask & YILAO_YIXIAO_MASK) >= 2;
}

/** Basic rule, where a complex cannot be built yet: ≥ 2 一老一小 functions. */
export function meetsBasicRule(mask: number): boolean {
  return popcount(mask & YILAO_YIXIAO_MASK) >= 2;
}

/** Shortfall of facility area against `per100` m² per 100 households, m²: max(0, per100 × hh / 100 − area). */
export function shortfallM2(per100: number, households: number, areaM2: number): number {
  return Math.max(0, (per100 * households) / 100 - areaM2);
}

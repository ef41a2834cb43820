import { meetsComplexRule } from '../standards/functionRules';
import { DEFAULT_POLICY } from '../standards/policy';
import { SERVICES, YILAO_YIXIAO, servicesToMask, type ServiceCode } from '../standards/services';
import { DEFAULT_MIN_FUNCTION_AREA_M2 } from './blueprintOptions';

/**
 * Level of a new site (Annex 1 task 3): a complex (综合体, ≥ complexMinAreaM2.base m² with the
 * complex function rule), an enhanced complex (增强型综合体, ≥ complexMinAreaM2.enhanced m²) or a
 * scattered site (插花式) otherwise. "Joint" (跨社区联合体) is a separate flag, not a level.
 */
export const SITE_LEVELS = ['complex', 'enhanced', 'scattered'] as const;
export type SiteLevel = (typeof SITE_LEVELS)[number];

/** Names of the levels (tables and reports). */
export const SITE_LEVEL_NAMES: Record<SiteLevel | 'joint', { zh: string; en: string }> = {
  complex: { zh: '综合体', en: 'Complex' },
  enhanced: { zh: '增强型综合体', en: 'Enhanced complex' },
  scattered: { zh: '插花式', en: 'Scattered' },
  joint: { zh: '跨社区联合体', en: 'Joint complex' },
};

/** Minimum building areas of a complex, m² (the policy's complexMinAreaM2; default 600 / 800). */
export interface ComplexMinArea {
  base: number;
  enhanced: number;
}

/** The level a site of `areaM2` m² may reach by its area alone (the blueprint then requires the complex rule of its bundle). */
export function levelByArea(areaM2: number, min: ComplexMinArea = DEFAULT_POLICY.complexMinAreaM2): SiteLevel {
  return areaM2 >= min.enhanced ? 'enhanced' : areaM2 >= min.base ? 'complex' : 'scattered';
}

/** Level of a bundle on `areaM2` m²: its area's level when the bundle meets the complex function rule, else scattered. */
export function bundleLevel(
  services: readonly ServiceCode[],
  areaM2: number,
  complexMin = DEFAULT_POLICY.complexMinAreaM2.base,
  enhancedMin = DEFAULT_POLICY.complexMinAreaM2.enhanced,
): SiteLevel {
  return meetsComplexRule(servicesToMask(services)) ? levelByArea(areaM2, { base: complexMin, enhanced: enhancedMin }) : 'scattered';
}

/** Bundle order: the 一老一小 services first (they decide the function rules), then the rest. */
const BUNDLE_ORDER: ServiceCode[] = [...YILAO_YIXIAO, ...SERVICES.filter((s) => !YILAO_YIXIAO.includes(s))];

/**
 * The default bundle of a site of `areaM2` m²: services in 一老一小-first order while their
 * minimum areas (m², default DEFAULT_MIN_FUNCTION_AREA_M2) fit; at least one service; in SERVICES order.
 */
export function defaultBundle(areaM2: number, minAreaM2: Record<ServiceCode, number> = DEFAULT_MIN_FUNCTION_AREA_M2): ServiceCode[] {
  const out: ServiceCode[] = [];
  let used = 0;
  for (const s of BUNDLE_ORDER) {
    const need = minAreaM2[s];
    if (used + need <= areaM2) {
      out.push(s);
      used += need;
    }
  }
  if (out.length === 0) out.push(BUNDLE_ORDER[0]);
  return SERVICES.filter((s) => out.includes(s));
}

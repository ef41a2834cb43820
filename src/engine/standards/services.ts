/**
 * The nine service functions of the Chongqing policy (POLICY.md, Annex 1 task 3), in the
 * order of POLICY.md's table. That order is the order of the `functions` column of the
 * CLI's communities.csv and of every per-service array in the engine.
 */
export const SERVICES = ['elderly_care', 'childcare', 'after_school', 'meals', 'housekeeping', 'health', 'fitness', 'culture', 'play'] as const;

export type ServiceCode = (typeof SERVICES)[number];

/** Number of service functions (9). */
export const SERVICE_COUNT = SERVICES.length;

/** Services of the 一老一小 ("the old and the young") group. */
export const YILAO_YIXIAO: readonly ServiceCode[] = ['elderly_care', 'childcare', 'after_school', 'meals'];

/** Chinese and English names of each service, for labels. */
export const SERVICE_NAMES: Record<ServiceCode, { zh: string; en: string }> = {
  elderly_care: { zh: '养老服务', en: 'Elderly care' },
  childcare: { zh: '托育服务', en: 'Childcare (0-3)' },
  after_school: { zh: '儿童托管', en: 'After-school care' },
  meals: { zh: '社区助餐', en: 'Community meals' },
  housekeeping: { zh: '家政便民', en: 'Housekeeping & convenience' },
  health: { zh: '健康服务', en: 'Health' },
  fitness: { zh: '体育健身', en: 'Fitness' },
  culture: { zh: '文化休闲', en: 'Culture & leisure' },
  play: { zh: '儿童游憩', en: "Children's play" },
};

const INDEX = new Map<string, number>(SERVICES.map((s, i) => [s, i]));

/** True when `code` is one of the nine service codes. */
export function isServiceCode(code: string): code is ServiceCode {
  return INDEX.has(code);
}

/** Position of a service in {@link SERVICES}, or -1. */
export function serviceIndex(code: string): number {
  return INDEX.get(code) ?? -1;
}

/** Bit mask with one bit per service (bit i = SERVICES[i]). */
export function servicesToMask(codes: readonly ServiceCode[]): number {
  let m = 0;
  for (const c of codes) m |= 1 << serviceIndex(c);
  return m;
}

/** Services of a bit mask, in canonical order. */
export function maskToServices(mask: number): ServiceCode[] {
  return SERVICES.filter((_, i) => (mask & (1 << i)) !== 0);
}

/** Bit mask of the 一老一小 group. */
export const YILAO_YIXIAO_MASK = servicesToMask(YILAO_YIXIAO);

/** Number of set bits. */
export function popcount(mask: number): number {
  let n = 0;
  for (let m = mask; m; m &= m - 1) n++;
  return n;
}

/** Defaults of a blueprint run, resolved here once (engine, worker, CLI and panels read them). */
export const BLUEPRINT_DEFAULTS = {
  timeLimitS: 30, // s of HiGHS time for the exact method (engine, CLI)
  panelTimeLimitS: 10, // s, the blueprint panel's starting value (a planner waits at the screen)
  costWanPerM2: 0.2, // 万元 per m² for a candidate without cost_wan (2,000 yuan/m², a typical interior retrofit)
} as const;

/** Cost of a candidate site, 万元: its own cost_wan, else area × {@link BLUEPRINT_DEFAULTS}.costWanPerM2. */
export function siteCostWan(areaM2: number, costWan: number | null | undefined, costWanPerM2: number = BLUEPRINT_DEFAULTS.costWanPerM2): number {
  return costWan ?? areaM2 * costWanPerM2;
}

import { describe, expect, it } from 'vitest';
import { BLUEPRINT_DEFAULTS, COMMUNITIES_COLUMNS, SITES_COLUMNS, bundleLevel, defaultBundle, levelByArea, siteCostWan } from '../../src/engine';

describe('site level (one rule, Annex 1 task 3)', () => {
  it('by area alone: < 600 scattered, 600–799 complex, ≥ 800 enhanced', () => {
    expect(levelByArea(599.9)).toBe('scattered');
    expect(levelByArea(600)).toBe('complex');
    expect(levelByArea(799)).toBe('complex');
    expect(levelByArea(800)).toBe('enhanced');
    expect(levelByArea(700, { base: 500, enhanced: 700 })).toBe('enhanced');
  });

  it('of a bundle: needs ≥ 3 functions with ≥ 2 一老一小, else scattered whatever the area', () => {
    expect(bundleLevel(['elderly_care', 'childcare', 'health'], 650)).toBe('complex');
    expect(bundleLevel(['elderly_care', 'childcare', 'health'], 800)).toBe('enhanced');
    expect(bundleLevel(['elderly_care', 'childcare', 'health'], 599)).toBe('scattered');
    expect(bundleLevel(['elderly_care', 'health', 'fitness'], 900)).toBe('scattered'); // one 一老一小 only
    expect(bundleLevel(['elderly_care', 'childcare'], 900)).toBe('scattered'); // two functions
    expect(bundleLevel(['elderly_care', 'childcare', 'health'], 650, 700, 900)).toBe('scattered');
  });

  it('default bundle: 一老一小 first while the minimum areas fit, in SERVICES order, never empty', () => {
    // 400 m²: elderly_care 200 + childcare 150 = 350; after_school (100) and meals (120) no longer fit; housekeeping 40 → 390
    expect(defaultBundle(400)).toEqual(['elderly_care', 'childcare', 'housekeeping']);
    expect(defaultBundle(50)).toEqual(['housekeeping']);
    expect(defaultBundle(30)).toEqual(['elderly_care']);
  });
});

describe('blueprint defaults and columns', () => {
  it('cost: own cost_wan, else 0.2 万元 per m²', () => {
    expect(BLUEPRINT_DEFAULTS.costWanPerM2).toBe(0.2);
    expect(siteCostWan(500, null)).toBe(100);
    expect(siteCostWan(500, 42)).toBe(42);
    expect(siteCostWan(500, undefined, 0.3)).toBe(150);
  });

  it('each column key appears once; the tables leave out only the CSV-only codes', () => {
    for (const cols of [SITES_COLUMNS, COMMUNITIES_COLUMNS]) expect(new Set(cols.map((c) => c.key)).size).toBe(cols.length);
    expect(SITES_COLUMNS.filter((c) => c.csvOnly).map((c) => c.key)).toEqual(['source_tier', 'community_id']);
    expect(COMMUNITIES_COLUMNS.some((c) => c.csvOnly)).toBe(false);
  });
});

/**
 * The tiny package (test/fixtures/tiny) computed by hand. Geometry: community A is a
 * 0.01° square with a hole, B a MultiPolygon of two squares, C a square with 0 households.
 * At latitude 29.55°, 0.001° of latitude is 111.195 m and 0.001° of longitude 96.73 m.
 */
import { describe, expect, it } from 'vitest';
import { aggregateH3, haversineM, SERVICES } from '../../src/engine/index';
import { fixtureFiles, run } from '../helpers/fixtures';

const { pkg, a } = run(fixtureFiles('tiny'));
const byId = (id: string) => a.communities.find((c) => c.id === id)!;
const cov = (id: string) => Object.fromEntries(SERVICES.map((s, i) => [s, byId(id).coverage[i]]));

describe('tiny package, by hand', () => {
  it('assigns buildings: polygon, hole, MultiPolygon part, community_id override, outside', () => {
    // b1 in A; b2 in A's hole → none; b3 in B; b4 in B's second part; b5 lies in A but says C; b6 outside; b7 in C
    expect(Array.from(pkg.buildings.community)).toEqual([0, -1, 1, 1, 2, -1, 2]);
    expect(a.summary.unassignedBuildings).toBe(2);
    expect(a.summary.buildings).toBe(7);
    expect(a.summary.households).toBe(80); // 10+5+20+30+8+7+0, unassigned ones too
  });

  it('measures distances by haversine', () => {
    // b1 (106.505, 29.555) to f1 (106.505, 29.5555): 0.0005° of latitude = 6371008.8 × 0.0005 × π/180
    expect(haversineM(106.505, 29.555, 106.505, 29.5555)).toBeCloseTo(55.5975, 3);
    expect(a.coverage[0].distanceM[0]).toBeCloseTo(55.5975, 3);
    // b5 to f1 is ~632 m, beyond elderly care's 300 m: Infinity
    expect(a.coverage[0].distanceM[4]).toBe(Infinity);
  });

  it('community A: area by polygon and by community_id, functions, coverage', () => {
    const A = byId('A');
    // f1 (400 m², by polygon) + f4 (100 m², community_id A although it stands in B)
    expect(A.facilityAreaM2).toBe(500);
    expect(A.areaPer100hh).toBe(50); // 500 × 100 / 1000
    expect(A.shortfallBaseM2).toBe(0); // max(0, 30 × 10 − 500)
    expect(A.shortfallEnhancedM2).toBe(300); // 80 × 10 − 500
    expect(A.functions).toEqual(['elderly_care', 'meals', 'fitness']);
    expect(A.meetsComplexRule).toBe(true); // 3 functions, 2 of them 一老一小
    expect(A.meetsBasicRule).toBe(true);
    expect(A.complexFacility).toBe('none'); // f1 has two functions only
    // its only building b1: 56 m from f1 (300 m services), ~968 m from f2 (1000 m health, culture)
    expect(cov('A')).toEqual({ elderly_care: 1, childcare: 0, after_school: 0, meals: 1, housekeeping: 0, health: 1, fitness: 0, culture: 1, play: 0 });
  });

  it('community B: planned facility excluded, complex facility, MultiPolygon coverage', () => {
    const B = byId('B');
    expect(B.facilityAreaM2).toBe(700); // f2 only: f3 is planned, f4 belongs to A
    expect(B.areaPer100hh).toBe(350);
    expect(B.shortfallBaseM2).toBe(0);
    expect(B.shortfallEnhancedM2).toBe(0); // 160 − 700 < 0
    expect(B.functions).toEqual(['childcare', 'after_school', 'health', 'culture']);
    expect(B.complexFacility).toBe('base'); // 700 m² ≥ 600 but < 800, 4 functions with 2 一老一小
    // b3 (20 hh) is 22 m from f2 and 0 m from f4; b4 (30 hh) in the far part reaches nothing
    expect(cov('B')).toEqual({
      elderly_care: 0,
      childcare: 0.4,
      after_school: 0.4,
      meals: 0,
      housekeeping: 0,
      health: 0.4,
      fitness: 0.4,
      culture: 0.4,
      play: 0,
    });
  });

  it('community C: zero households, no facility', () => {
    const C = byId('C');
    expect(C.households).toBe(0);
    expect(C.areaPer100hh).toBeNull();
    expect(C.shortfallBaseM2).toBe(0);
    expect(C.functions).toEqual([]);
    expect(C.meetsBasicRule).toBe(false);
    expect(C.meetsComplexRule).toBe(false);
    expect(C.buildings).toBe(2); // b5 by community_id, b7 by polygon
    expect(C.coverage.every((v) => v === 0)).toBe(true); // 8 households, none covered
  });

  it('ranks need: 0.4·S + 0.4·U + 0.2·R', () => {
    // A: S 0, U 1 − (1+0+0+1)/4 = 0.5, R 0 → 0.2; B: U 1 − (0+.4+.4+0)/4 = 0.8 → 0.32; C: U 1, R 1 → 0.6
    expect(byId('A').needScore).toBeCloseTo(0.2, 12);
    expect(byId('B').needScore).toBeCloseTo(0.32, 12);
    expect(byId('C').needScore).toBeCloseTo(0.6, 12);
    expect(['C', 'B', 'A'].map((id) => byId(id).needRank)).toEqual([1, 2, 3]);
    expect(byId('B').needRankInStreet).toBe(1);
    expect(byId('A').needRankInStreet).toBe(2);
    expect(byId('C').needRankInStreet).toBe(1);
  });

  it('rolls up by street and district', () => {
    const s1 = a.streets.find((s) => s.name === 'S1街道')!;
    expect(s1.communities).toBe(2);
    expect(s1.households).toBe(1200);
    expect(s1.facilityAreaM2).toBe(1200);
    expect(s1.areaPer100hh).toBe(100);
    expect(s1.shortfallEnhancedM2).toBe(300);
    expect(s1.buildingHouseholds).toBe(60);
    expect(s1.coverage[0]).toBeCloseTo(10 / 60, 12); // elderly care: b1's 10 of 60
    expect(s1.coverage[6]).toBeCloseTo(20 / 60, 12); // fitness: b3's 20 of 60
    expect(s1.members).toEqual([1, 0]); // B before A by need
    const d = a.districts[0];
    expect([d.communities, d.failingComplexRule, d.failingBasicRule, d.failingArea]).toEqual([3, 1, 1, 0]);
  });

  it('aggregates into H3 cells', () => {
    const cells = aggregateH3(pkg, a, 9);
    expect(cells.reduce((s, c) => s + c.households, 0)).toBe(80);
    expect(cells.reduce((s, c) => s + c.buildings, 0)).toBe(7);
    expect(cells.reduce((s, c) => s + c.facilityAreaM2, 0)).toBe(1200); // open facilities only
    // elderly care covers b1 only (10 hh): 70 households uncovered
    expect(cells.reduce((s, c) => s + c.uncoveredHouseholds[0], 0)).toBe(70);
  });
});

/**
 * The main-urban-area package (`generate-sample -- --city`), at a small size so it runs in
 * seconds: real districts, census households, a tiling of communities; and the engine's
 * community results equal a brute-force Turf reference on 50 random communities (issue 13).
 */
import { describe, expect, it } from 'vitest';
import { analyze, loadPackage, resolvePolicy } from '../src/engine/index';
import { SERVICES } from '../src/engine/index';
import { referenceCommunities } from '../scripts/bench/referenceCommunities';
import { loadDistricts } from '../scripts/sample/reference';
import { CITY_DISTRICTS } from '../scripts/sample/city';
import { generateSample } from '../scripts/generate-sample';
import { utf8 } from './helpers/fixtures';

describe('city package (small)', () => {
  const { files, stats } = generateSample({ city: true, buildings: 20_000, cityCells: 20_000 });
  const bytes = Object.fromEntries(Object.entries(files).map(([k, v]) => [k, utf8(v)]));
  const pkg = loadPackage(bytes);
  const policy = resolvePolicy(pkg);
  const a = analyze(pkg, { mode: 'euclidean', policy });

  it('has the nine central districts with their census households and their 居委会', () => {
    const ref = loadDistricts();
    expect(stats.districts.map((d) => d.code)).toEqual(CITY_DISTRICTS);
    for (const code of CITY_DISTRICTS) {
      const d = ref.get(code)!;
      const mine = pkg.communities.filter((c) => c.id.startsWith(code));
      expect(mine.reduce((s, c) => s + c.households, 0)).toBe(d.households); // 家庭户数, census 2020
      expect(mine.length).toBe(d.streets.flatMap((s) => s.communities).filter((c) => !c.name.endsWith('村')).length);
    }
    expect(pkg.communities.length).toBe(1074);
    expect(pkg.rejected).toEqual([]);
  });

  it('tiles: every building and facility falls in a community', () => {
    expect(stats.buildings).toBe(20_000);
    expect(a.summary.unassignedBuildings).toBe(0);
    expect(pkg.facilities.every((f) => f.community >= 0)).toBe(true);
    expect(pkg.roads).toBeDefined();
  });

  it('community results equal the brute-force Turf reference on 50 random communities', () => {
    const ref = referenceCommunities(files, policy.thresholdsM, 50, 13);
    expect(ref).toHaveLength(50);
    const byId = new Map(a.communities.map((c) => [c.id, c]));
    let withBuildings = 0;
    for (const r of ref) {
      const c = byId.get(r.id)!;
      expect(c.buildings, r.id).toBe(r.buildings);
      expect(c.buildingHouseholds, r.id).toBe(r.buildingHouseholds);
      expect(c.facilityAreaM2, r.id).toBeCloseTo(r.facilityAreaM2, 6);
      SERVICES.forEach((s, si) => {
        if (r.coverage[si] === null) expect(c.coverage[si], `${r.id} ${s}`).toBeNull();
        else expect(c.coverage[si], `${r.id} ${s}`).toBeCloseTo(r.coverage[si]!, 12);
      });
      if (r.buildings > 0) withBuildings++;
    }
    expect(withBuildings).toBeGreaterThan(40);
  });
});

/**
 * The blueprint optimiser (src/engine/blueprint): a hand-computed instance, source preference
 * on ties, the area and function rules on every recommended site, budgets on seeded random
 * instances, determinism, the MIP against brute force over all site subsets × bundles, the
 * exports' formula-injection guard.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPackageDir } from '../../scripts/lib/readPackageDir';
import {
  analyze,
  createProvider,
  loadPackage,
  popcount,
  resolvePolicy,
  servicesToMask,
  YILAO_YIXIAO_MASK,
  type DataPackage,
  type ServiceCode,
} from '../../src/engine/index';
import {
  blueprint,
  blueprintSitesCsv,
  blueprintUpperBound,
  greedyBlueprint,
  bruteForceBlueprint,
  buildBlueprintInstance,
  communitiesBeforeAfterCsv,
  DEFAULT_MIN_FUNCTION_AREA_M2,
  safeCell,
  scopeCommunities,
  selectionViolation,
  solveBlueprint,
  type BlueprintOptions,
} from '../../src/engine/blueprint/index';
import { createScenarioContext } from '../../src/engine/scenario/index';
import { mulberry32, utf8 } from '../helpers/fixtures';

const SAMPLE = join(import.meta.dirname, '..', '..', 'data', 'sample');

interface Cand {
  id: string;
  lon: number;
  lat: number;
  area: number;
  source: string;
  cost?: number;
  name?: string;
}
/** A package from rows: communities are 0.01° squares side by side starting at 106.5, 29.5. */
function makePackage(o: {
  communities: { id: string; households: number; elderly?: number; population?: number }[];
  buildings: [number, number, number][];
  facilities?: string[];
  candidates: Cand[];
}): DataPackage {
  const features = o.communities.map((c, k) => {
    const x = 106.5 + k * 0.01;
    return {
      type: 'Feature',
      properties: { id: c.id, name: `社区${c.id}`, street: 'S街道', district: 'D区', households: c.households, elderly: c.elderly, population: c.population },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [x, 29.5],
            [x + 0.01, 29.5],
            [x + 0.01, 29.51],
            [x, 29.51],
            [x, 29.5],
          ],
        ],
      },
    };
  });
  return loadPackage({
    'manifest.json': utf8('{"name":"t","crs":"WGS84"}'),
    'communities.geojson': utf8(JSON.stringify({ type: 'FeatureCollection', features })),
    'buildings.csv': utf8('id,lon,lat,households\n' + o.buildings.map(([lon, lat, h], i) => `b${i},${lon},${lat},${h}`).join('\n')),
    'facilities.csv': utf8('id,name,lon,lat,area_m2,services,status\n' + (o.facilities ?? []).join('\n')),
    'candidates.csv': utf8(
      'id,name,lon,lat,area_m2,source,ownership,cost_wan\n' +
        o.candidates.map((c) => `${c.id},${c.name ?? c.id},${c.lon},${c.lat},${c.area},${c.source},state,${c.cost ?? ''}`).join('\n'),
    ),
  });
}

function context(pkg: DataPackage) {
  const policy = resolvePolicy(pkg);
  const provider = createProvider(pkg, 'euclidean', policy);
  return createScenarioContext(pkg, analyze(pkg, { mode: 'euclidean', policy, provider }), provider);
}

describe('blueprint on a hand-computed instance', () => {
  // community A: 1000 households, no facility (shortfall 300 m²); one building of 100 households
  // c1: 710 m² idle state property at the building; c2: 300 m² leftover land next to it
  const pkg = makePackage({
    communities: [{ id: 'A', households: 1000 }],
    buildings: [[106.505, 29.505, 100]],
    candidates: [
      { id: 'c1', lon: 106.505, lat: 29.5051, area: 710, source: 'idle_state_property', cost: 100 },
      { id: 'c2', lon: 106.5051, lat: 29.505, area: 300, source: 'leftover_land', cost: 50 },
    ],
  });
  const ctx = context(pkg);

  it('one site: c1 as a complex of the 7 functions that fit 710 m², objective 999.994', async () => {
    // 930 m² for all nine; dropping meals + fitness (220 m²) loses the least tie-break bonus
    const r = await blueprint(ctx, { maxSites: 1 });
    expect(r.sites.map((s) => s.candidateId)).toEqual(['c1']);
    expect(r.sites[0].services).toEqual(['elderly_care', 'childcare', 'after_school', 'housekeeping', 'health', 'culture', 'play']);
    expect(r.sites[0].level).toBe('complex');
    // 7 × 100 households + 300 m² closed − site cost 0.01 + bonus 0.001 × 36 / 9
    expect(r.solution.objective).toBeCloseTo(700 + 300 - 0.01 + 0.004, 9);
    expect(r.solution.optimal).toBe(true);
    expect(r.sites[0].shortfallClosedM2).toBe(300);
    expect(r.sites[0].newlyCoveredHouseholds.elderly_care).toBe(100);
    expect(r.summary.shortfallBaseM2).toEqual({ before: 300, after: 0, delta: -300 });
    expect(r.summary.meetingComplexRule).toEqual({ before: 0, after: 1, delta: 1 });
    expect(r.sites[0].levers.find((l) => l.code === 'subsidy_community_station')).toMatchObject({ applicable: true, amountYuan: 200_000 });
    expect(r.sites[0].levers.find((l) => l.code === 'subsidy_township_centre')).toMatchObject({ applicable: false });
  });

  it('no limit: c2 adds meals + fitness (+200 households − 20 source penalty), objective 1179.98', async () => {
    const r = await blueprint(ctx, {});
    expect(r.sites.map((s) => [s.candidateId, s.services])).toEqual([
      ['c1', ['elderly_care', 'childcare', 'after_school', 'housekeeping', 'health', 'culture', 'play']],
      ['c2', ['meals', 'fitness']],
    ]);
    expect(r.sites[1].level).toBe('scattered');
    expect(r.solution.objective).toBeCloseTo(999.994 + 200 - 20 - 0.015 + 0.001, 9);
    expect(r.totals.costWan).toBe(150);
    // a budget of 120 万元 leaves c2 out
    const b = await blueprint(ctx, { budgetWan: 120 });
    expect(b.sites.map((s) => s.candidateId)).toEqual(['c1']);
  });

  it('c2 alone must carry two 一老一小 functions (the community has no facility)', async () => {
    const r = await blueprint(ctx, { maxSites: 1, sourcePenalty: { idle_state_property: 5000 } });
    expect(r.sites.map((s) => s.candidateId)).toEqual(['c2']);
    expect(popcount(servicesToMask(r.sites[0].services) & YILAO_YIXIAO_MASK)).toBe(2);
  });
});

describe('source preference and candidate order break ties', () => {
  const twins = (s1: string, s2: string) =>
    makePackage({
      communities: [{ id: 'A', households: 100 }],
      buildings: [[106.505, 29.505, 40]],
      facilities: ['f,F,106.509,29.509,500,elderly_care;meals;culture,open'],
      candidates: [
        { id: 'k1', lon: 106.5052, lat: 29.505, area: 300, source: s1, cost: 10 },
        { id: 'k2', lon: 106.5052, lat: 29.505, area: 300, source: s2, cost: 10 },
      ],
    });
  it('idle_state_property beats an identical earlier "other" candidate', async () => {
    const r = await blueprint(context(twins('other', 'idle_state_property')), { maxSites: 1 });
    expect(r.sites.map((s) => s.candidateId)).toEqual(['k2']);
    expect(r.sites[0].sourceTier).toBe(1);
  });
  it('same source: the earlier candidate wins', async () => {
    const r = await blueprint(context(twins('vacant_public_rental', 'vacant_public_rental')), { maxSites: 1 });
    expect(r.sites.map((s) => s.candidateId)).toEqual(['k1']);
  });
});

/** A seeded random package: 2 communities, 12 buildings, `n` candidates of random area, source and cost. */
function randomPackage(seed: number, n: number): DataPackage {
  const rnd = mulberry32(seed);
  const sources = ['idle_state_property', 'vacant_public_rental', 'idle_office', 'old_factory', 'leftover_land', 'other'];
  const pt = (): [number, number] => [106.5 + rnd() * 0.02, 29.5 + rnd() * 0.01];
  const buildings = Array.from({ length: 12 }, () => [...pt(), 1 + Math.floor(rnd() * 30)] as [number, number, number]);
  const candidates = Array.from({ length: n }, (_, k) => {
    const [lon, lat] = pt();
    return {
      id: `c${k}`,
      lon,
      lat,
      area: [150, 250, 400, 650, 900][Math.floor(rnd() * 5)],
      source: sources[Math.floor(rnd() * sources.length)],
      cost: rnd() < 0.8 ? Math.round(rnd() * 200) : undefined,
    };
  });
  const facilities = rnd() < 0.5 ? [`f,F,${106.5 + rnd() * 0.01},${29.5 + rnd() * 0.01},100,meals,open`] : [];
  return makePackage({
    communities: [
      { id: 'A', households: 300 + Math.floor(rnd() * 600), elderly: 100, population: 800 },
      { id: 'B', households: 200, elderly: 40, population: 700 },
    ],
    buildings,
    facilities,
    candidates,
  });
}

describe('MIP against brute force over all site subsets × bundles (seeded random instances)', () => {
  const services: ServiceCode[] = ['elderly_care', 'childcare', 'meals', 'fitness'];
  for (let seed = 1; seed <= 10; seed++) {
    it(`seed ${seed}`, async () => {
      const rnd = mulberry32(1000 + seed);
      const pkg = randomPackage(seed, 4);
      const ctx = context(pkg);
      const opts: BlueprintOptions = {
        services,
        maxSites: rnd() < 0.5 ? 1 + Math.floor(rnd() * 3) : undefined,
        budgetWan: rnd() < 0.5 ? Math.round(rnd() * 300) : undefined,
        areaWeight: rnd() * 2,
      };
      const inst = buildBlueprintInstance(ctx, scopeCommunities(pkg), opts);
      const brute = bruteForceBlueprint(inst);
      const sol = await solveBlueprint(inst, { timeLimitS: 20 });
      expect(sol.optimal).toBe(true);
      expect(selectionViolation(inst, sol.choices)).toBeNull();
      expect(sol.objective).toBeCloseTo(brute.objective, 6);
      expect(sol.objective).toBeGreaterThanOrEqual(sol.greedyObjective - 1e-9);
      // the greedy submodular bound is a true upper bound, from any selection
      expect(blueprintUpperBound(inst, greedyBlueprint(inst).choices)).toBeGreaterThanOrEqual(brute.objective - 1e-6);
      expect(blueprintUpperBound(inst, [])).toBeGreaterThanOrEqual(brute.objective - 1e-6);
    });
  }
});

describe('budgets are never exceeded (seeded random instances)', () => {
  for (let seed = 21; seed <= 28; seed++) {
    it(`seed ${seed}`, async () => {
      const pkg = randomPackage(seed, 8);
      const budgetWan = 50 + (seed % 5) * 60;
      for (const method of ['exact', 'greedy'] as const) {
        const r = await blueprint(context(pkg), { budgetWan, method });
        expect(r.totals.costWan).toBeLessThanOrEqual(budgetWan + 1e-9);
        const byId = new Map(pkg.candidates.map((c) => [c.id, c]));
        // candidates without cost_wan are costed at 0.2 万元/m²
        for (const s of r.sites) expect(s.costWan).toBeCloseTo(byId.get(s.candidateId)!.costWan ?? 0.2 * s.areaM2, 9);
      }
    });
  }
});

describe('blueprint on the sample (80 communities)', async () => {
  const pkg = loadPackage(readPackageDir(SAMPLE));
  const ctx = context(pkg);
  const all = await blueprint(ctx, {});
  const policy = ctx.analysis.policy;

  it('every complex meets the area and function rules; scattered sites have 1-2 functions', () => {
    expect(all.solution.optimal).toBe(true);
    expect(all.totals.complexes).toBeGreaterThan(0);
    expect(all.totals.scattered).toBeGreaterThan(0);
    for (const s of all.sites) {
      const mask = servicesToMask(s.services);
      const minArea = s.services.reduce((a, x) => a + DEFAULT_MIN_FUNCTION_AREA_M2[x], 0);
      expect(minArea).toBeLessThanOrEqual(s.areaM2);
      if (s.areaM2 >= policy.complexMinAreaM2.base) {
        expect(s.level).toBe(s.areaM2 >= policy.complexMinAreaM2.enhanced ? 'enhanced' : 'complex');
        expect(s.services.length).toBeGreaterThanOrEqual(3);
        expect(popcount(mask & YILAO_YIXIAO_MASK)).toBeGreaterThanOrEqual(2);
      } else {
        expect(s.level).toBe('scattered');
        expect(s.services.length).toBeLessThanOrEqual(2);
      }
    }
  });

  it('a scattered site that is its community’s only facility meets the basic rule', () => {
    let checked = 0;
    for (const s of all.sites) {
      if (s.level !== 'scattered' || !s.communityId) continue;
      const c = pkg.communities.findIndex((x) => x.id === s.communityId);
      const alone = ctx.analysis.communities[c].facilities === 0 && all.sites.filter((o) => o.communityId === s.communityId).length === 1;
      if (!alone) continue;
      checked++;
      expect(popcount(servicesToMask(s.services) & YILAO_YIXIAO_MASK)).toBeGreaterThanOrEqual(2);
      expect(all.communities.find((x) => x.id === s.communityId)!.after.meetsBasicRule).toBe(true);
    }
    expect(checked).toBeGreaterThan(0); // the sample has one (C00081)
  });

  it('before/after agree with the analysis and only improve', () => {
    expect(all.before.shortfallBaseM2).toBeCloseTo(ctx.analysis.summary.totalShortfallBaseM2, 6);
    expect(all.after.shortfallBaseM2).toBeLessThan(all.before.shortfallBaseM2);
    all.after.coveredHouseholds.forEach((v, s) => expect(v).toBeGreaterThanOrEqual(all.before.coveredHouseholds[s]));
    expect(all.after.meetingBasicRule).toBeGreaterThanOrEqual(all.before.meetingBasicRule);
  });

  it('is deterministic: two runs give the same result', async () => {
    const a = await blueprint(ctx, { maxSites: 8, budgetWan: 2000 });
    const b = await blueprint(ctx, { maxSites: 8, budgetWan: 2000 });
    const strip = (r: typeof a) => JSON.stringify({ ...r, solution: { ...r.solution, seconds: 0 } });
    expect(strip(a)).toBe(strip(b));
    expect(a.totals.costWan).toBeLessThanOrEqual(2000);
    expect(a.sites.length).toBeLessThanOrEqual(8);
    expect(blueprintSitesCsv(a)).toBe(blueprintSitesCsv(b));
  });

  it('a district / street scope keeps sites and demand inside it', async () => {
    const street = pkg.communities[0].street;
    const r = await blueprint(ctx, { scope: { street }, maxSites: 3 });
    const ids = new Set(pkg.communities.filter((c) => c.street === street).map((c) => c.id));
    expect(r.communities.every((c) => ids.has(c.id))).toBe(true);
    for (const s of r.sites) expect(s.communityId === null || ids.has(s.communityId)).toBe(true);
    await expect(blueprint(ctx, { scope: { district: '不存在区' } })).rejects.toMatchObject({ code: 'E_ARGUMENT' });
  });
});

describe('exports guard against spreadsheet formulas', () => {
  it('prefixes text cells starting with = + - @', async () => {
    expect(['=1+1', '+A1', '-2', '@SUM(A1)', '普通', 'a=b'].map(safeCell)).toEqual(["'=1+1", "'+A1", "'-2", "'@SUM(A1)", '普通', 'a=b']);
    const pkg = makePackage({
      communities: [{ id: 'A', households: 100 }],
      buildings: [[106.505, 29.505, 40]],
      candidates: [{ id: 'k1', name: '=HYPERLINK("http://x")', lon: 106.5052, lat: 29.505, area: 300, source: 'other', cost: 10 }],
    });
    const r = await blueprint(context(pkg), {});
    const csv = blueprintSitesCsv(r);
    expect(csv.startsWith('\uFEFFcandidate_id,')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(communitiesBeforeAfterCsv(r).split('\r\n')[1].startsWith('A,社区A,S街道,D区,100,k1,0,300,')).toBe(true);
  });
});

/**
 * What-if scenarios (src/engine/scenario): evaluateScenario equals analyze() run on a package
 * whose facilities were actually edited, in straight-line and network modes, on the tiny
 * fixtures and on the bundled sample; plus a hand-computed case and the error codes.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPackageDir } from '../../scripts/lib/readPackageDir';
import {
  analyze,
  createProvider,
  loadPackage,
  resolvePolicy,
  servicesToMask,
  type DataPackage,
  type DistanceMode,
  type Facility,
  type ServiceCode,
  type ServiceCoverage,
} from '../../src/engine/index';
import { createScenarioContext, evaluateScenario, summarizeScope, type Scenario } from '../../src/engine/scenario/index';
import { SERVICES as SERVICES_ORDER } from '../../src/engine/constants';
import { fixtureFiles } from '../helpers/fixtures';

const SAMPLE = join(import.meta.dirname, '..', '..', 'data', 'sample');

/** A facility built by hand from a scenario's intent (not by the engine's applyScenario). */
function newFacility(id: string, lon: number, lat: number, areaM2: number, services: ServiceCode[], community: number): Facility {
  return { id, name: id, lon, lat, areaM2, services, serviceMask: servicesToMask(services), status: 'open', community };
}

/** Per service: the same covered households and flags, and distances (Infinity where uncovered). */
function expectSameCoverage(got: readonly ServiceCoverage[], truth: readonly ServiceCoverage[]) {
  got.forEach((c, s) => {
    const t = truth[s];
    expect(c.coveredHouseholds).toBe(t.coveredHouseholds);
    expect(Array.from(c.covered)).toEqual(Array.from(t.covered));
    for (let i = 0; i < c.distanceM.length; i++) {
      if (t.distanceM[i] === Infinity) expect(c.distanceM[i]).toBe(Infinity);
      else expect(c.distanceM[i]).toBeCloseTo(t.distanceM[i], 6);
    }
  });
}

/** Checks evaluateScenario against analyze() on `edited` (the same edit made by hand). */
function expectSameAsAnalyze(pkg: DataPackage, mode: DistanceMode, scenario: Scenario, edited: Facility[]) {
  const policy = resolvePolicy(pkg);
  const provider = createProvider(pkg, mode, policy);
  const base = analyze(pkg, { mode, policy, provider });
  const ctx = createScenarioContext(pkg, base, provider);
  const r = evaluateScenario(ctx, scenario);
  const truth = analyze({ ...pkg, facilities: edited }, { mode, policy, provider });
  expect(r.facilities.map((f) => [f.id, f.lon, f.lat, f.community, f.areaM2, f.serviceMask, f.status])).toEqual(
    edited.map((f) => [f.id, f.lon, f.lat, f.community, f.areaM2, f.serviceMask, f.status]),
  );
  expectSameCoverage(r.coverage, truth.coverage);
  expect(r.communities).toEqual(truth.communities);
  // the base analysis is left untouched: a second evaluation of nothing gives the base back
  const none = evaluateScenario(ctx, {});
  expect(none.communities).toEqual(base.communities);
  expect(none.summary.changedCommunities).toEqual([]);
  return { r, base, truth, ctx };
}

describe('evaluateScenario on the tiny package (hand-computed)', () => {
  const pkg = loadPackage(fixtureFiles('tiny'));
  it('adding c2 with childcare covers b1 (10 households, ~74 m away) and adds 200 m² to A', () => {
    const scenario: Scenario = { added: [{ candidateId: 'c2', services: ['childcare'] }] };
    const c2 = pkg.candidates[1];
    const edited = [...pkg.facilities, newFacility('c2', c2.lon, c2.lat, 200, ['childcare'], c2.community)];
    const { r } = expectSameAsAnalyze(pkg, 'euclidean', scenario, edited);
    expect(c2.community).toBe(0); // (106.5055, 29.5545) lies in A
    const childcare = r.summary.coveredHouseholds[1];
    expect(childcare.delta).toBe(10);
    expect(r.communities[0].coverage[1]).toBe(1); // A: b1 is its only building
    expect(r.communities[0].facilityAreaM2).toBe(400 + 100 + 200); // f1, f4 and c2
    expect(r.communities[0].functions).toEqual(['elderly_care', 'childcare', 'meals', 'fitness']);
    expect(r.communities[0].meetsComplexRule).toBe(true);
    expect(r.summary.meetingComplexRule.delta).toBe(0); // A met it already (elderly_care, meals, fitness)
    expect(r.summary.changedCommunities).toEqual([0]);
  });

  it('removing f1 drops elderly_care and meals of A to 0; moving f2 east reassigns it to B', () => {
    const scenario: Scenario = { removed: ['f1'], moved: [{ facilityId: 'f2', lon: 106.531, lat: 29.553 }] };
    const [, f2, f3, f4] = pkg.facilities;
    const edited = [{ ...f2, lon: 106.531, lat: 29.553, community: 1 }, f3, f4];
    const { r } = expectSameAsAnalyze(pkg, 'euclidean', scenario, edited);
    expect(r.communities[0].coverage[0]).toBe(0);
    expect(r.communities[0].coverage[3]).toBe(0);
    expect(r.summary.coveredHouseholds[0].delta).toBeLessThan(0);
  });

  it('a point on the map with no community; a planned facility removed changes nothing', () => {
    const scenario: Scenario = { added: [{ id: 'x', lon: 106.5085, lat: 29.5586, services: ['play', 'meals'], areaM2: 50 }], removed: ['f3'] };
    const [f1, f2, , f4] = pkg.facilities;
    const edited = [f1, f2, f4, newFacility('x', 106.5085, 29.5586, 50, ['play', 'meals'], -1)];
    const { r } = expectSameAsAnalyze(pkg, 'euclidean', scenario, edited);
    expect(r.facilities.at(-1)!.community).toBe(-1); // in A's hole
  });

  it('rejects unknown ids and services with E_ARGUMENT', () => {
    const policy = resolvePolicy(pkg);
    const provider = createProvider(pkg, 'euclidean', policy);
    const ctx = createScenarioContext(pkg, analyze(pkg, { mode: 'euclidean', policy, provider }), provider);
    for (const s of [
      { removed: ['nope'] },
      { added: [{ candidateId: 'zz', services: ['meals'] }] },
      { added: [{ lon: 106.5, lat: 29.5, services: ['spa'] }] },
      { added: [{ lon: 106.5, lat: 29.5, services: [] }] },
    ] as Scenario[]) {
      expect(() => evaluateScenario(ctx, s)).toThrow(expect.objectContaining({ code: 'E_ARGUMENT' }));
    }
  });
});

describe('evaluateScenario in network mode (tiny-network)', () => {
  const pkg = loadPackage(fixtureFiles('tiny-network'));
  it('equals analyze() for an addition, a removal and a move', () => {
    const c = pkg.candidates[1];
    const [f1, f2, f3, f4] = pkg.facilities;
    const scenario: Scenario = {
      added: [
        { candidateId: c.id, services: ['health', 'childcare'] },
        { id: 'p', lon: 106.5095, lat: 29.5579, services: ['culture'], areaM2: 80 },
      ],
      removed: ['f4'],
      moved: [{ facilityId: 'f1', lon: 106.514, lat: 29.5551, communityId: 'A' }],
    };
    const edited = [
      { ...f1, lon: 106.514, lat: 29.5551, community: 0 },
      f2,
      f3,
      newFacility(c.id, c.lon, c.lat, c.areaM2, ['health', 'childcare'], c.community),
      newFacility('p', 106.5095, 29.5579, 80, ['culture'], 0),
    ];
    void f4;
    const { r } = expectSameAsAnalyze(pkg, 'network', scenario, edited);
    expect(r.summary.changedCommunities.length).toBeGreaterThan(0);
  });
});

describe('evaluateScenario on the sample (80 communities, 30k buildings)', () => {
  const pkg = loadPackage(readPackageDir(SAMPLE));
  const open = pkg.facilities.filter((f) => f.status === 'open');
  const [a, b, c] = [open[3], open[40], open[100]];
  const scenario: Scenario = {
    added: [
      { candidateId: pkg.candidates[0].id, services: ['elderly_care', 'childcare', 'meals'] },
      { candidateId: pkg.candidates[10].id, services: ['after_school', 'play'], areaM2: 150 },
    ],
    removed: [a.id, b.id],
    moved: [{ facilityId: c.id, lon: c.lon + 0.003, lat: c.lat - 0.002 }],
  };
  const editedBy = (locate: (lon: number, lat: number) => number): Facility[] => {
    const out = pkg.facilities
      .filter((f) => f !== a && f !== b)
      .map((f) => (f === c ? { ...f, lon: c.lon + 0.003, lat: c.lat - 0.002, community: locate(c.lon + 0.003, c.lat - 0.002) } : f));
    const k0 = pkg.candidates[0];
    const k1 = pkg.candidates[10];
    out.push(newFacility(k0.id, k0.lon, k0.lat, k0.areaM2, ['elderly_care', 'childcare', 'meals'], k0.community));
    out.push(newFacility(k1.id, k1.lon, k1.lat, 150, ['after_school', 'play'], k1.community));
    return out;
  };
  for (const mode of ['euclidean', 'network'] as const) {
    it(`equals analyze() on the edited package (${mode})`, () => {
      const policy = resolvePolicy(pkg);
      const ctx = createScenarioContext(pkg, analyze(pkg, { mode, policy }), createProvider(pkg, 'euclidean', policy));
      const { r } = expectSameAsAnalyze(
        pkg,
        mode,
        scenario,
        editedBy((lon, lat) => ctx.locate(lon, lat)),
      );
      expect(r.summary.changedCommunities.length).toBeGreaterThan(0);
    });
  }
});

describe('evaluateScenario with sites added only (the reach-only path), on the sample', () => {
  const pkg = loadPackage(readPackageDir(SAMPLE));
  const policy = resolvePolicy(pkg);
  // Three sites, two of them close together (their reaches overlap), with overlapping services.
  const [k0, k1, k2] = [pkg.candidates[0], pkg.candidates[1], pkg.candidates[10]];
  const scenario: Scenario = {
    added: [
      { candidateId: k0.id, services: ['elderly_care', 'childcare', 'meals'] },
      { candidateId: k1.id, services: ['childcare', 'health'], areaM2: 120 },
      { id: 'p', lon: k2.lon + 0.001, lat: k2.lat, services: ['meals', 'play'], areaM2: 60 },
    ],
  };
  for (const mode of ['euclidean', 'network'] as const) {
    it(`equals analyze() on the edited package, summaries equal summarizeScope (${mode})`, () => {
      const provider = createProvider(pkg, mode, policy);
      const base = analyze(pkg, { mode, policy, provider });
      const ctx = createScenarioContext(pkg, base, provider);
      const p = ctx.locate(k2.lon + 0.001, k2.lat);
      const edited = [
        ...pkg.facilities,
        newFacility(k0.id, k0.lon, k0.lat, k0.areaM2, ['elderly_care', 'childcare', 'meals'], k0.community),
        newFacility(k1.id, k1.lon, k1.lat, 120, ['childcare', 'health'], k1.community),
        newFacility('p', k2.lon + 0.001, k2.lat, 60, ['meals', 'play'], p),
      ];
      // an earlier edit on the same context must leave nothing behind
      evaluateScenario(ctx, { added: [{ candidateId: k1.id, services: ['meals'] }] });
      const r = evaluateScenario(ctx, scenario);
      const truth = analyze({ ...pkg, facilities: edited }, { mode, policy, provider });
      expectSameCoverage(r.coverage, truth.coverage);
      expect(r.communities).toEqual(truth.communities);
      // elderly_care, childcare, meals, health and play changed; a service no site offers is the base's own object
      expect(r.summary.coveredHouseholds[SERVICES_ORDER.indexOf('childcare')].delta).toBeGreaterThan(0);
      expect(r.coverage[SERVICES_ORDER.indexOf('fitness')]).toBe(base.coverage[SERVICES_ORDER.indexOf('fitness')]);
      // the whole package and a scope of one street: as a full pass over the buildings gives
      expect(r.summary.after).toEqual(summarizeScope(pkg.buildings, truth.communities, truth.coverage, null));
      expect(r.summary.before).toEqual(summarizeScope(pkg.buildings, base.communities, base.coverage, null));
      const street = pkg.communities[k0.community].street;
      const scope = pkg.communities.map((c, i) => (c.street === street ? i : -1)).filter((i) => i >= 0);
      const mask = new Uint8Array(pkg.communities.length);
      for (const i of scope) mask[i] = 1;
      const scoped = evaluateScenario(ctx, scenario, { scope });
      expect(scoped.summary.after).toEqual(summarizeScope(pkg.buildings, truth.communities, truth.coverage, mask));
      expect(scoped.summary.before).toEqual(summarizeScope(pkg.buildings, base.communities, base.coverage, mask));
      expect(scoped.summary.after.households).toBeLessThan(r.summary.after.households);
      // and the base is untouched
      expect(evaluateScenario(ctx, {}).communities).toEqual(base.communities);
    });
  }
});

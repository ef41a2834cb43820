/**
^ * Audit of 885414f (evaluateScenario's adds-only fast path and summarizeTallies): hostile and
 * seeded random scenarios compared field by field with analyze() on the edited facilities and
 * summarizeScope() of its results. Mismatches are collected (not thrown at the first) and
 * printed with the scenario that produced them.
 *
 * SCENARIO_RANDOM_N (default 15) random scenarios per mode on the sample (the audit ran 60).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPackageDir } from '../../scripts/lib/readPackageDir';
import {
  analyze,
  createProvider,
  loadPackage,
  mulberry32,
  resolvePolicy,
  SERVICES,
  type Analysis,
  type DataPackage,
  type DistanceMode,
  type DistanceProvider,
  type Policy,
  type ServiceCode,
} from '../../src/engine/index';
import {
  applyScenario,
  createScenarioContext,
  evaluateScenario,
  summarizeScope,
  type Scenario,
  type ScenarioContext,
  type ScenarioResult,
  type ScenarioSite,
} from '../../src/engine/scenario/index';
import { communityTallies } from '../../src/engine/standards/communityResults';
import { BlueprintSession } from '../../src/worker/blueprintCore';
import { fixtureFiles } from '../helpers/fixtures';

const SAMPLE = join(import.meta.dirname, '..', '..', 'data', 'sample');
const N = Number(process.env.SCENARIO_RANDOM_N ?? 15);

/** expect(a).toEqual(b) as a message, or null. */
function eqMsg(a: unknown, b: unknown, what: string): string | null {
  try {
    expect(a).toEqual(b);
    return null;
  } catch (e) {
    return `${what}: ${(e as Error).message.split('\n').slice(0, 12).join(' | ').slice(0, 600)}`;
  }
}

function maskOf(n: number, scope: readonly number[] | undefined): Uint8Array | null {
  if (!scope) return null;
  const m = new Uint8Array(n);
  for (const c of scope) m[c] = 1;
  return m;
}

interface Env {
  pkg: DataPackage;
  mode: DistanceMode;
  policy: Policy;
  provider: DistanceProvider;
  base: Analysis;
  ctx: ScenarioContext;
}

function makeEnv(pkg: DataPackage, mode: DistanceMode, policy: Policy = resolvePolicy(pkg)): Env {
  const provider = createProvider(pkg, mode, policy);
  const base = analyze(pkg, { mode, policy, provider });
  return { pkg, mode, policy, provider, base, ctx: createScenarioContext(pkg, base, provider) };
}

/**
 * Every field of `r` against analyze() on the edited facilities; `distFirst` reads distanceM
 * before covered (the getter).
 */
function check(env: Env, scenario: Scenario, scope: number[] | undefined, r: ScenarioResult, distFirst = false): string[] {
  const { pkg, mode, policy, provider, base, ctx } = env;
  const out: string[] = [];
  const edited = applyScenario(ctx, scenario).facilities;
  const truth = analyze({ ...pkg, facilities: edited }, { mode, policy, provider });
  const push = (m: string | null) => m && out.push(m);
  SERVICES.forEach((s, k) => {
    const c = r.coverage[k];
    const t = truth.coverage[k];
    const d = distFirst ? c.distanceM : null;
    if (c.service !== t.service) out.push(`${s}: service ${c.service} vs ${t.service}`);
    if (c.thresholdM !== t.thresholdM) out.push(`${s}: thresholdM ${c.thresholdM} vs ${t.thresholdM}`);
    if (c.coveredHouseholds !== t.coveredHouseholds) out.push(`${s}: coveredHouseholds ${c.coveredHouseholds} vs ${t.coveredHouseholds}`);
    if (c.covered.length !== t.covered.length) out.push(`${s}: covered length ${c.covered.length} vs ${t.covered.length}`);
    let bad = 0;
    let first = -1;
    for (let i = 0; i < t.covered.length; i++)
      if (c.covered[i] !== t.covered[i]) {
        bad++;
        if (first < 0) first = i;
      }
    if (bad)
      out.push(`${s}: covered differs at ${bad} buildings, first ${first}: ${c.covered[first]} vs ${t.covered[first]} (truth dist ${t.distanceM[first]})`);
    const dist = d ?? c.distanceM;
    if (dist !== c.distanceM) out.push(`${s}: distanceM getter returns a new array on a second read`);
    const td = t.distanceM;
    if (dist.length !== td.length) out.push(`${s}: distanceM length ${dist.length} vs ${td.length}`);
    bad = 0;
    first = -1;
    for (let i = 0; i < td.length; i++) {
      const ok = td[i] === Infinity ? dist[i] === Infinity : Math.abs(dist[i] - td[i]) < 5e-7;
      if (!ok) {
        bad++;
        if (first < 0) first = i;
      }
    }
    if (bad) out.push(`${s}: distanceM differs at ${bad} buildings, first ${first}: ${dist[first]} vs ${td[first]}`);
    // covered must agree with the distances it reports
    for (let i = 0; i < td.length; i++)
      if ((c.covered[i] === 1) !== dist[i] <= c.thresholdM) {
        out.push(`${s}: covered[${i}]=${c.covered[i]} but distanceM ${dist[i]} (threshold ${c.thresholdM})`);
        break;
      }
  });
  push(eqMsg(r.communities, truth.communities, 'communities'));
  const mask = maskOf(pkg.communities.length, scope);
  const after = summarizeScope(pkg.buildings, truth.communities, truth.coverage, mask);
  const before = summarizeScope(pkg.buildings, base.communities, base.coverage, mask);
  push(eqMsg(r.summary.after, after, 'summary.after'));
  push(eqMsg(r.summary.before, before, 'summary.before'));
  const sm = r.summary;
  SERVICES.forEach((s, k) => {
    const dl = sm.coveredHouseholds[k];
    if (
      dl.before !== before.coveredHouseholds[k] ||
      dl.after !== after.coveredHouseholds[k] ||
      dl.delta !== after.coveredHouseholds[k] - before.coveredHouseholds[k]
    )
      out.push(`${s}: summary.coveredHouseholds delta ${JSON.stringify(dl)} vs ${before.coveredHouseholds[k]}→${after.coveredHouseholds[k]}`);
  });
  for (const f of ['meetingArea', 'meetingComplexRule', 'meetingBasicRule', 'shortfallBaseM2', 'shortfallEnhancedM2'] as const) {
    const dl = sm[f];
    if (dl.before !== before[f] || dl.after !== after[f]) out.push(`summary.${f} ${JSON.stringify(dl)} vs ${before[f]}→${after[f]}`);
  }
  const changed: number[] = [];
  truth.communities.forEach((c, i) => {
    const b = base.communities[i];
    if (c.facilityAreaM2 !== b.facilityAreaM2 || c.functionsMask !== b.functionsMask || c.coverage.some((v, s) => v !== b.coverage[s])) changed.push(i);
  });
  push(eqMsg(sm.changedCommunities, changed, 'changedCommunities'));
  push(
    eqMsg(
      r.facilities.map((f) => [f.id, f.lon, f.lat, f.community, f.areaM2, f.serviceMask, f.status]),
      edited.map((f) => [f.id, f.lon, f.lat, f.community, f.areaM2, f.serviceMask, f.status]),
      'facilities',
    ),
  );
  return out;
}

/** What a result says, minus its timing (for re-evaluation and session comparisons). */
function essence(r: ScenarioResult) {
  return {
    coverage: r.coverage.map((c) => ({ covered: Array.from(c.covered), coveredHouseholds: c.coveredHouseholds, distanceM: Array.from(c.distanceM) })),
    communities: r.communities,
    summary: r.summary,
  };
}

function hashBase(a: Analysis): string {
  let h = 0;
  for (const c of a.coverage) {
    for (let i = 0; i < c.covered.length; i++) h = (Math.imul(h, 31) + c.covered[i]) | 0;
    const d = c.distanceM;
    for (let i = 0; i < d.length; i++) h = (Math.imul(h, 31) + (d[i] === Infinity ? 7 : Math.round(d[i] * 1000))) | 0;
    h = (Math.imul(h, 31) + c.coveredHouseholds) | 0;
  }
  return `${h}:${JSON.stringify(a.communities).length}`;
}

/** A seeded random scenario on `pkg` (adds-only, mixed, or hostile), and a scope. */
function randomCase(rnd: () => number, env: Env, noBuildings: number[]): { scenario: Scenario; scope: number[] | undefined; kind: string } {
  const { pkg, ctx } = env;
  const int = (n: number) => Math.floor(rnd() * n);
  const pick = <T>(a: readonly T[]): T => a[int(a.length)];
  const open = pkg.facilities.filter((f) => f.status === 'open');
  const notOpen = pkg.facilities.filter((f) => f.status !== 'open');
  const u = rnd();
  const kind = u < 0.5 ? 'adds' : u < 0.85 ? 'mixed' : 'hostile';
  const services = (): ServiceCode[] => {
    const n = 1 + int(4);
    const out: ServiceCode[] = [];
    for (let i = 0; i < n; i++) out.push(pick(SERVICES));
    return out; // duplicates on purpose
  };
  const outside = (): [number, number] => {
    for (let t = 0; t < 100; t++) {
      const b = int(pkg.buildings.count);
      const lon = pkg.buildings.lon[b] + (rnd() - 0.5) * 0.01;
      const lat = pkg.buildings.lat[b] + (rnd() - 0.5) * 0.01;
      if (ctx.locate(lon, lat) < 0) return [lon, lat];
    }
    return [pkg.buildings.lon[0] + 0.5, pkg.buildings.lat[0]];
  };
  const added: ScenarioSite[] = [];
  const nAdd = kind === 'adds' ? 1 + int(4) : int(4);
  for (let a = 0; a < nAdd; a++) {
    const v = rnd();
    let site: ScenarioSite;
    if (v < 0.35 && pkg.candidates.length) site = { candidateId: pick(pkg.candidates).id, services: services() };
    else if (v < 0.5 && pkg.candidates.length) {
      const c = pick(pkg.candidates);
      site = { candidateId: c.id, lon: c.lon + (rnd() - 0.5) * 0.002, lat: c.lat, services: services() };
    } else if (v < 0.7) {
      const b = int(pkg.buildings.count);
      site = { lon: pkg.buildings.lon[b] + (rnd() - 0.5) * 0.003, lat: pkg.buildings.lat[b] + (rnd() - 0.5) * 0.003, services: services() };
    } else if (v < 0.8) {
      const [lon, lat] = outside();
      site = { lon, lat, services: services() };
    } else if (v < 0.9 && added.length) {
      site = { ...pick(added) }; // the same site twice (same id, same point)
      if (rnd() < 0.5) site = { ...site, id: `dup-${a}`, services: services() }; // same point, another id
    } else {
      const b = int(pkg.buildings.count);
      site = { id: `at-b${b}`, lon: pkg.buildings.lon[b], lat: pkg.buildings.lat[b], services: services() }; // exactly on a building
    }
    if (rnd() < 0.3) site.areaM2 = rnd() < 0.5 ? int(1500) : rnd() * 900;
    if (rnd() < 0.1) site.communityId = rnd() < 0.5 ? null : pick(pkg.communities).id;
    added.push(site);
  }
  const scenario: Scenario = {};
  if (added.length) scenario.added = added;
  if (kind !== 'adds') {
    const removed: string[] = [];
    const nRem = int(3);
    for (let i = 0; i < nRem; i++) removed.push(rnd() < 0.8 || !notOpen.length ? pick(open).id : pick(notOpen).id);
    if (removed.length && rnd() < 0.2) removed.push(removed[0]);
    const moved: Scenario['moved'] = [];
    const nMov = int(3);
    for (let i = 0; i < nMov; i++) {
      const f = rnd() < 0.85 || !notOpen.length ? pick(open) : pick(notOpen);
      const w = rnd();
      if (w < 0.6) moved.push({ facilityId: f.id, lon: f.lon + (rnd() - 0.5) * 0.004, lat: f.lat + (rnd() - 0.5) * 0.004 });
      else if (w < 0.75)
        moved.push({ facilityId: f.id, lon: f.lon, lat: f.lat }); // a move that does not move
      else if (w < 0.9) {
        const [lon, lat] = outside();
        moved.push({ facilityId: f.id, lon, lat });
      } else moved.push({ facilityId: f.id, lon: f.lon + 0.001, lat: f.lat, communityId: rnd() < 0.5 ? null : pick(pkg.communities).id });
    }
    if (removed.length) scenario.removed = removed;
    if (moved.length) scenario.moved = moved;
    // the mixed path: an added site offering a service of a removed open facility, plus one it does not
    if (removed.length && rnd() < 0.6) {
      const f = pkg.facilities.find((x) => x.id === removed[0])!;
      const b = int(pkg.buildings.count);
      (scenario.added ??= []).push({ lon: pkg.buildings.lon[b], lat: pkg.buildings.lat[b], services: [f.services[0], pick(SERVICES)] });
    }
  }
  if (kind === 'hostile') {
    const h = int(5);
    const weird: [number, number][] = [
      [179.9999, 29.5],
      [-180, -90],
      [106.5, 89.99999],
      [1000, 29.5],
      [106.5, 100],
    ];
    (scenario.added ??= []).push({ id: `weird-${h}`, lon: weird[h][0], lat: weird[h][1], services: services(), communityId: null });
  }
  const n = pkg.communities.length;
  const w = rnd();
  let scope: number[] | undefined;
  if (w < 0.3) scope = undefined;
  else if (w < 0.4) scope = [];
  else if (w < 0.55) scope = [int(n)];
  else if (w < 0.65) scope = Array.from({ length: n }, (_, i) => i);
  else if (w < 0.75 && noBuildings.length) scope = [...noBuildings];
  else if (w < 0.85) {
    const fa = added.find((s) => s.candidateId);
    const c = fa ? pkg.candidates[ctx.candidateIndex.get(fa.candidateId!)!].community : -1;
    scope = c >= 0 ? [c, c] : [int(n), int(n)]; // duplicates
  } else scope = Array.from({ length: n }, (_, i) => i).filter(() => rnd() < 0.3);
  return { scenario, scope, kind };
}

const failures: { where: string; scenario: unknown; scope: unknown; mismatches: string[] }[] = [];
function record(where: string, scenario: unknown, scope: unknown, mismatches: string[]) {
  if (mismatches.length) {
    failures.push({ where, scenario, scope, mismatches: mismatches.slice(0, 12) });
    console.log(`MISMATCH ${where}\n  scenario ${JSON.stringify(scenario)}\n  scope ${JSON.stringify(scope)}\n  ${mismatches.slice(0, 12).join('\n  ')}`);
  }
}

describe('evaluateScenario, audited: random scenarios on the sample', () => {
  const pkg = loadPackage(readPackageDir(SAMPLE));
  for (const mode of ['euclidean', 'network'] as const) {
    it(`${N} seeded scenarios in a row on one context (${mode})`, () => {
      const t0 = Date.now();
      const env = makeEnv(pkg, mode);
      const baseHash = hashBase(env.base);
      const nb = new Int32Array(pkg.communities.length);
      for (let i = 0; i < pkg.buildings.count; i++) if (pkg.buildings.community[i] >= 0) nb[pkg.buildings.community[i]]++;
      const noBuildings = Array.from(nb.keys()).filter((c) => nb[c] === 0);
      const unassigned = pkg.buildings.community.filter((c) => c < 0).length;
      console.log(`${mode}: ${pkg.communities.length} communities, ${noBuildings.length} without buildings, ${unassigned} unassigned buildings`);
      const rnd = mulberry32(mode === 'euclidean' ? 20261201 : 885414);
      const kept: { scenario: Scenario; scope: number[] | undefined; e: ReturnType<typeof essence> }[] = [];
      const kinds: Record<string, number> = {};
      for (let n = 0; n < N; n++) {
        const { scenario, scope, kind } = randomCase(rnd, env, noBuildings);
        kinds[kind] = (kinds[kind] ?? 0) + 1;
        let r: ScenarioResult;
        try {
          r = evaluateScenario(env.ctx, scenario, scope ? { scope } : {});
        } catch (e) {
          let truthErr = 'analyze ok';
          try {
            analyze({ ...pkg, facilities: applyScenario(env.ctx, scenario).facilities }, { mode, policy: env.policy, provider: env.provider });
          } catch (e2) {
            truthErr = String(e2);
          }
          record(`${mode} #${n} (${kind}) threw`, scenario, scope, [String(e), truthErr]);
          continue;
        }
        record(`${mode} #${n} (${kind})`, scenario, scope, check(env, scenario, scope, r, n % 2 === 1));
        if (n < 8) kept.push({ scenario, scope, e: essence(r) });
        // evaluating nothing gives the base back, between every random scenario
        if (n % 5 === 4) {
          const none = evaluateScenario(env.ctx, {});
          const m: string[] = [];
          none.coverage.forEach((c, k) => c !== env.base.coverage[k] && m.push(`{}: coverage[${k}] is not the base's object`));
          const msg = eqMsg(none.communities, env.base.communities, '{} communities');
          if (msg) m.push(msg);
          const sm = eqMsg(none.summary.after, none.summary.before, '{} summary after vs before');
          if (sm) m.push(sm);
          if (none.summary.changedCommunities.length) m.push(`{} changedCommunities ${none.summary.changedCommunities}`);
          record(`${mode} {} after #${n}`, {}, undefined, m);
        }
      }
      // re-evaluating earlier scenarios gives the same answers
      for (const k of kept) {
        const again = evaluateScenario(env.ctx, k.scenario, k.scope ? { scope: k.scope } : {});
        const m = eqMsg(essence(again), k.e, 're-evaluation');
        record(`${mode} re-evaluation`, k.scenario, k.scope, m ? [m] : []);
      }
      // nothing of the base was written, and the cached tallies are the base's
      const m: string[] = [];
      if (hashBase(env.base) !== baseHash) m.push('base analysis changed');
      const bt = env.ctx.baseTallies();
      const fresh = communityTallies(pkg, env.base.coverage);
      const tm = eqMsg(
        { b: Array.from(bt.buildings), h: Array.from(bt.households), c: bt.covered.map((x) => Array.from(x)) },
        { b: Array.from(fresh.buildings), h: Array.from(fresh.households), c: fresh.covered.map((x) => Array.from(x)) },
        'baseTallies',
      );
      if (tm) m.push(tm);
      let all = 0;
      for (let i = 0; i < pkg.buildings.count; i++) all += pkg.buildings.households[i];
      if (env.ctx.allHouseholds !== all) m.push(`allHouseholds ${env.ctx.allHouseholds} vs ${all}`);
      record(`${mode} base integrity`, null, null, m);
      console.log(`${mode}: ${N} scenarios ${JSON.stringify(kinds)}, reach cache ${env.ctx.cacheSize}, ${Date.now() - t0} ms`);
      expect(failures.filter((f) => f.where.startsWith(mode))).toEqual([]);
    });
  }
});

/**
 * The sample with the buildings of every 7th community dropped (communities without buildings),
 * every 5th building at 0 households and every 13th moved off any community id (located by polygon
 * or unassigned).
 */
function hostileSample(): DataPackage {
  const files = readPackageDir(SAMPLE);
  const pkg = loadPackage(files);
  const lines = new TextDecoder().decode(files['buildings.csv']).split(/\r?\n/);
  const out = [lines[0]];
  let i = 0;
  for (const line of lines.slice(1)) {
    if (!line) continue;
    const c = pkg.buildings.community[i++];
    if (c >= 0 && c % 7 === 3) continue;
    const cols = line.split(',');
    if (i % 5 === 0) cols[3] = '0';
    if (i % 13 === 0) cols[4] = '';
    if (i % 17 === 0) cols[3] = String(1000 + (i % 997)); // large households
    out.push(cols.join(','));
  }
  return loadPackage({ ...files, 'buildings.csv': new TextEncoder().encode(out.join('\n') + '\n') });
}

describe('evaluateScenario, audited: random scenarios on a hostile variant of the sample', () => {
  const pkg = hostileSample();
  for (const mode of ['euclidean', 'network'] as const) {
    it(`${Math.ceil(N / 2)} seeded scenarios (${mode}, communities without buildings)`, () => {
      const env = makeEnv(pkg, mode);
      const nb = new Int32Array(pkg.communities.length);
      for (let i = 0; i < pkg.buildings.count; i++) if (pkg.buildings.community[i] >= 0) nb[pkg.buildings.community[i]]++;
      const noBuildings = Array.from(nb.keys()).filter((c) => nb[c] === 0);
      console.log(
        `variant ${mode}: ${pkg.buildings.count} buildings, ${noBuildings.length} communities without buildings, ${pkg.buildings.community.filter((c) => c < 0).length} unassigned`,
      );
      expect(noBuildings.length).toBeGreaterThan(0);
      const rnd = mulberry32(mode === 'euclidean' ? 7 : 77);
      for (let n = 0; n < Math.ceil(N / 2); n++) {
        const { scenario, scope, kind } = randomCase(rnd, env, noBuildings);
        const r = evaluateScenario(env.ctx, scenario, scope ? { scope } : {});
        record(`variant ${mode} #${n} (${kind})`, scenario, scope, check(env, scenario, scope, r, n % 2 === 0));
      }
      expect(failures.filter((f) => f.where.startsWith(`variant ${mode}`))).toEqual([]);
    });
  }
});

describe('evaluateScenario, audited: buildings exactly at the threshold (policy threshold = a reach distance)', () => {
  for (const [name, mode] of [
    ['tiny', 'euclidean'],
    ['tiny-network', 'network'],
    ['tiny-network', 'euclidean'],
  ] as const) {
    it(`${name} ${mode}: every candidate × reached building × {exact, next below, next above}`, () => {
      const pkg = loadPackage(fixtureFiles(name));
      const base = resolvePolicy(pkg);
      const probe = createProvider(pkg, mode, base);
      let cases = 0;
      let exactCovered = 0;
      const sites: { id: string; lon: number; lat: number; candidateId?: string }[] = [
        ...pkg.candidates.map((c) => ({ id: c.id, lon: c.lon, lat: c.lat, candidateId: c.id })),
        ...Array.from(pkg.buildings.lon.slice(0, 4), (lon, i) => ({ id: `pt${i}`, lon: lon + 0.0007, lat: pkg.buildings.lat[i] - 0.0004 })),
      ];
      for (const site of sites) {
        const r = probe.reach(site, 3000);
        for (let q = 0; q < r.building.length; q++) {
          const d = r.distanceM[q];
          for (const thr of [d, nextDown(d), nextUp(d)]) {
            if (!(thr > 0)) continue;
            for (const s of ['childcare', 'fitness'] as ServiceCode[]) {
              const policy: Policy = { ...base, thresholdsM: { ...base.thresholdsM, [s]: thr } };
              const env = makeEnv(pkg, mode, policy);
              const add: ScenarioSite = site.candidateId
                ? { candidateId: site.candidateId, services: [s] }
                : { id: site.id, lon: site.lon, lat: site.lat, services: [s] };
              // adds only (fast path), and the same add with an open facility of the service removed (full path)
              const offering = pkg.facilities.find((f) => f.status === 'open' && f.services.includes(s));
              const scenarios: Scenario[] = [{ added: [add] }, { added: [add, add] }];
              if (offering) scenarios.push({ added: [add], removed: [offering.id] });
              for (const sc of scenarios) {
                for (const scope of [undefined, [0], []]) {
                  const res = evaluateScenario(env.ctx, sc, scope ? { scope } : {});
                  record(`${name} ${mode} thr=${thr} (${s}) building ${r.building[q]}`, sc, scope, check(env, sc, scope, res, true));
                  cases++;
                  if (thr === d && res.coverage[SERVICES.indexOf(s)].covered[r.building[q]]) exactCovered++;
                }
              }
            }
          }
        }
      }
      console.log(`${name} ${mode}: ${cases} threshold cases, ${exactCovered} with the building at exactly the threshold covered`);
      expect(cases).toBeGreaterThan(0);
      expect(failures.filter((f) => f.where.startsWith(`${name} ${mode}`))).toEqual([]);
    });
  }
});

describe('evaluateScenario, audited: BlueprintSession.prepareScenarios then edits', () => {
  const pkg = loadPackage(readPackageDir(SAMPLE));
  for (const mode of ['euclidean', 'network'] as const) {
    it(`answers the same with and without prepareScenarios (${mode})`, () => {
      const policy = resolvePolicy(pkg);
      const provider = createProvider(pkg, mode, policy);
      const analysis = analyze(pkg, { mode, policy, provider });
      const prepared = new BlueprintSession(pkg, analysis, provider);
      prepared.prepareScenarios();
      const plain = new BlueprintSession(pkg, analysis, provider);
      const c0 = pkg.candidates[0];
      const open = pkg.facilities.filter((f) => f.status === 'open');
      const street = c0.community >= 0 ? pkg.communities[c0.community].street : pkg.communities[0].street;
      const edits: [Scenario, { street?: string } | null][] = [
        [{ added: [{ candidateId: c0.id, services: ['elderly_care'] }] }, null],
        [
          {
            added: [
              { candidateId: c0.id, services: ['elderly_care', 'meals', 'play'] },
              { candidateId: c0.id, services: ['elderly_care'] },
            ],
          },
          { street },
        ],
        [{ added: [{ candidateId: pkg.candidates[5].id, services: ['childcare', 'health'] }], removed: [open[0].id] }, null],
        [{ added: [{ candidateId: c0.id, services: ['elderly_care'] }] }, null],
        [{}, null],
      ];
      const m: string[] = [];
      edits.forEach(([sc, scope], i) => {
        const a = prepared.scenario(sc, scope as never);
        const b = plain.scenario(sc, scope as never);
        const strip = (x: typeof a) => ({ ...x, engineMs: 0, wallMs: 0, covered: Array.from(x.covered), newlyReached: Array.from(x.newlyReached) });
        const msg = eqMsg(strip(a), strip(b), `edit ${i}`);
        if (msg) m.push(msg);
        // and the prepared session's answer is analyze()'s
        const env: Env = { pkg, mode, policy, provider, base: analysis, ctx: prepared.context() };
        const scopeIdx = prepared.scope(scope as never);
        const r = evaluateScenario(prepared.context(), sc, { scope: scopeIdx });
        m.push(...check(env, sc, scopeIdx, r));
        const n = pkg.buildings.count;
        r.coverage.forEach((c, k) => {
          for (let j = 0; j < n; j++)
            if (a.covered[k * n + j] !== c.covered[j]) {
              m.push(`edit ${i}: session covered[${k}][${j}] differs`);
              break;
            }
        });
      });
      const ca = prepared.compareCandidates(pkg.candidates.slice(0, 6).map((c) => c.id));
      const cb = plain.compareCandidates(pkg.candidates.slice(0, 6).map((c) => c.id));
      const msg = eqMsg(ca, cb, 'compareCandidates');
      if (msg) m.push(msg);
      record(`session ${mode}`, edits, null, m);
      expect(m).toEqual([]);
    });
  }
});

function nextUp(x: number): number {
  const b = new Float64Array([x]);
  const u = new BigInt64Array(b.buffer);
  u[0] += x >= 0 ? 1n : -1n;
  return b[0];
}
function nextDown(x: number): number {
  const b = new Float64Array([x]);
  const u = new BigInt64Array(b.buffer);
  u[0] += x > 0 ? -1n : 1n;
  return b[0];
}

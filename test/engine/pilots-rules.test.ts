/**
 * The pilot rules (Annex 2 arts. 8, 12, 15; Annex 1-1 item 21), each on both sides of its
 * limit, hand-computed. Dates: docs/PILOTS.md ("one year" = 12 calendar months, "three
 * months" = 3 calendar months, end-of-month clamped; the deadline day itself is on time).
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RATING_BANDS,
  addDays,
  art12EvaluationDue,
  art12StartOverdue,
  art15Rating,
  art15Rectification,
  art15SubsidyEligible,
  art8RemovalCandidate,
  item21ConstructionSubsidy,
  isTownship,
  meanScore,
  pilotStatus,
  programmeSummary,
  ratedEvaluations,
  resolveRatingBands,
  type Evaluation,
  type Pilot,
} from '../../src/engine/pilots/index';
import { EngineError, parsePolicyOverride, type Community, type Facility } from '../../src/engine/index';

const pilot = (o: Partial<Pilot> = {}): Pilot => ({ communityId: 'A', community: 0, batch: 1, stage: 5, status: 'active', approvedDate: '2025-01-20', ...o });
let order = 0;
/** An evaluation whose seven scores are all `score` except the last, `last` (default the same). */
const ev = (date: string, kind: Evaluation['kind'], score: number | null, o: Partial<Evaluation> = {}, last = score): Evaluation => ({
  communityId: 'A',
  community: 0,
  date,
  kind,
  order: ++order,
  ...(score === null
    ? {}
    : { scores: { facilities: score, operation: score, staffing: score, service_quality: score, finance: score, satisfaction: score, reputation: last! } }),
  ...o,
});
const bands = DEFAULT_RATING_BANDS;
const rated = (es: Evaluation[], asOf: string) => ratedEvaluations(es, asOf, bands);

describe('art. 12 start_overdue: construction within one year of approved_date', () => {
  it('364 / 365 / 366 days after 2025-01-20 (no leap day in between): overdue only from the day after the anniversary', () => {
    const p = pilot({ approvedDate: '2025-01-20' });
    expect(art12StartOverdue(p, addDays('2025-01-20', 364))).toBe(false); // 2026-01-19
    expect(art12StartOverdue(p, addDays('2025-01-20', 365))).toBe(false); // 2026-01-20, the deadline
    expect(art12StartOverdue(p, addDays('2025-01-20', 366))).toBe(true); // 2026-01-21
  });
  it('across a leap day (2023-03-01 → 2024-03-01 is 366 days): 365 and 366 days are on time, 367 overdue', () => {
    const p = pilot({ approvedDate: '2023-03-01' });
    expect(art12StartOverdue(p, addDays('2023-03-01', 364))).toBe(false);
    expect(art12StartOverdue(p, addDays('2023-03-01', 365))).toBe(false); // 2024-02-29
    expect(art12StartOverdue(p, addDays('2023-03-01', 366))).toBe(false); // 2024-03-01
    expect(art12StartOverdue(p, addDays('2023-03-01', 367))).toBe(true);
  });
  it('approved on 29 February: the deadline is 28 February next year', () => {
    const p = pilot({ approvedDate: '2024-02-29' });
    expect(art12StartOverdue(p, '2025-02-28')).toBe(false); // 365 days
    expect(art12StartOverdue(p, '2025-03-01')).toBe(true); // 366 days
  });
  it('a start on the deadline day is on time; a start after asOf has not happened yet; stage ≥ 7 without a date has started', () => {
    expect(art12StartOverdue(pilot({ stage: 7, constructionStartDate: '2026-01-20' }), '2026-06-30')).toBe(false);
    expect(art12StartOverdue(pilot({ stage: 7, constructionStartDate: '2026-07-01' }), '2026-06-30')).toBe(true);
    expect(art12StartOverdue(pilot({ stage: 7 }), '2026-06-30')).toBe(false);
    expect(art12StartOverdue(pilot({ stage: 6 }), '2026-06-30')).toBe(true);
    expect(art12StartOverdue(pilot({ stage: 3, approvedDate: undefined }), '2030-01-01')).toBe(false);
  });
});

describe('art. 12 evaluation_due: trial operation for more than three months without a trial evaluation', () => {
  it('three months to the day is not yet due, the day after is', () => {
    const p = pilot({ stage: 8, trialStartDate: '2025-03-15' });
    expect(art12EvaluationDue(p, [], '2025-06-14')).toBe(false);
    expect(art12EvaluationDue(p, [], '2025-06-15')).toBe(false);
    expect(art12EvaluationDue(p, [], '2025-06-16')).toBe(true);
  });
  it('end of month: a trial from 31 January has its three months on 30 April', () => {
    const p = pilot({ stage: 8, trialStartDate: '2025-01-31' });
    expect(art12EvaluationDue(p, [], '2025-04-30')).toBe(false);
    expect(art12EvaluationDue(p, [], '2025-05-01')).toBe(true);
  });
  it('a trial evaluation by asOf clears it; one dated after asOf, or an annual one, does not', () => {
    const p = pilot({ stage: 9, trialStartDate: '2025-01-31' });
    expect(art12EvaluationDue(p, [ev('2025-04-28', 'trial', 70)], '2025-06-01')).toBe(false);
    expect(art12EvaluationDue(p, [ev('2025-06-02', 'trial', 70)], '2025-06-01')).toBe(true);
    expect(art12EvaluationDue(p, [ev('2025-05-02', 'annual', 70)], '2025-06-01')).toBe(true);
    expect(art12EvaluationDue(pilot({ stage: 8 }), [], '2030-01-01')).toBe(false); // no trial_start_date
  });
});

describe('art. 15 rating: mean of the seven scores, bands 90 / 80 / 60 (inclusive), a given rating wins', () => {
  it('on both sides of each band', () => {
    // six 90s and one 89: mean 629/7 = 89.857…
    expect(meanScore(ev('2025-01-01', 'annual', 90, {}, 89))).toBeCloseTo(89.857, 3);
    const cases: [number, number, string][] = [
      [90, 90, 'excellent'],
      [90, 89, 'good'],
      [80, 80, 'good'],
      [80, 79, 'pass'],
      [60, 60, 'pass'],
      [60, 59, 'fail'],
      [0, 0, 'fail'],
      [100, 100, 'excellent'],
    ];
    for (const [s, last, want] of cases) expect(art15Rating(ev('2025-01-01', 'annual', s, {}, last), bands), `${s}/${last}`).toBe(want);
  });
  it('a rating given directly wins over the scores', () => {
    expect(art15Rating(ev('2025-01-01', 'annual', 95, { rating: 'fail' }), bands)).toBe('fail');
    expect(art15Rating(ev('2025-01-01', 'annual', null, { rating: 'good' }), bands)).toBe('good');
  });
  it('bands overridable in policy.json (pilotRatingBands), key by key; bands out of order are E_POLICY', () => {
    const o = parsePolicyOverride({ pilotRatingBands: { pass: 50 } }, 'policy.json');
    const b = resolveRatingBands(o);
    expect(b).toEqual({ excellent: 90, good: 80, pass: 50 });
    expect(art15Rating(ev('2025-01-01', 'annual', 55), b)).toBe('pass');
    expect(art15Rating(ev('2025-01-01', 'annual', 55), bands)).toBe('fail');
    expect(() => resolveRatingBands({ pilotRatingBands: { pass: 85 } })).toThrowError(EngineError);
    for (const bad of [
      { pilotRatingBands: { best: 95 } },
      { pilotRatingBands: { pass: 120 } },
      { pilotRatingBands: { pass: -1 } },
      { pilotRatingBands: [60] },
    ]) {
      try {
        parsePolicyOverride(bad, 'policy.json');
        expect.unreachable();
      } catch (e) {
        expect((e as EngineError).code).toBe('E_POLICY');
      }
    }
  });
});

describe('art. 15 subsidy: latest annual or rectification rating pass or better', () => {
  it('trial evaluations do not count; the latest annual or rectification one decides', () => {
    expect(art15SubsidyEligible(rated([], '2026-01-01'))).toBe(false);
    expect(art15SubsidyEligible(rated([ev('2025-06-01', 'trial', 95)], '2026-01-01'))).toBe(false);
    expect(art15SubsidyEligible(rated([ev('2025-06-01', 'annual', 60)], '2026-01-01'))).toBe(true);
    expect(art15SubsidyEligible(rated([ev('2025-06-01', 'annual', 60, {}, 59)], '2026-01-01'))).toBe(false);
    expect(art15SubsidyEligible(rated([ev('2025-06-01', 'annual', 60), ev('2025-07-01', 'trial', 10)], '2026-01-01'))).toBe(true);
    // evaluations after asOf have not happened yet
    expect(art15SubsidyEligible(rated([ev('2025-06-01', 'annual', 60), ev('2026-02-01', 'annual', 10)], '2026-01-01'))).toBe(true);
  });
});

describe('art. 15 rectification: fail → three months; still fail → terminate; pass → back in good standing', () => {
  const fail = ev('2025-11-30', 'annual', 50);
  it('three months from 30 November end on 28 February: due from 1 March', () => {
    expect(art15Rectification(rated([fail], '2026-02-28'), '2026-02-28')).toEqual({ state: 'rectifying', failDate: '2025-11-30', deadline: '2026-02-28' });
    expect(art15Rectification(rated([fail], '2026-03-01'), '2026-03-01').state).toBe('due');
  });
  it('fail → rectification pass: none, subsidy again', () => {
    const es = rated([fail, ev('2026-02-20', 'rectification', 70)], '2026-06-30');
    expect(art15Rectification(es, '2026-06-30')).toEqual({ state: 'none' });
    expect(art15SubsidyEligible(es)).toBe(true);
  });
  it('fail → rectification fail: terminate, no subsidy', () => {
    const es = rated([fail, ev('2026-02-20', 'rectification', 59)], '2026-06-30');
    expect(art15Rectification(es, '2026-06-30')).toEqual({ state: 'terminate', failDate: '2026-02-20' });
    expect(art15SubsidyEligible(es)).toBe(false);
  });
  it('two evaluations on one date: the later row is the later one', () => {
    const es = rated([ev('2026-01-10', 'annual', 50), ev('2026-01-10', 'rectification', 70)], '2026-06-30');
    expect(art15Rectification(es, '2026-06-30').state).toBe('none');
  });
});

describe('art. 8 removal candidate', () => {
  it('behind schedule from start_overdue, below expectation from terminate_contract', () => {
    expect(art8RemovalCandidate({ startOverdue: false, terminateContract: false })).toEqual([]);
    expect(art8RemovalCandidate({ startOverdue: true, terminateContract: false })).toEqual(['behind_schedule']);
    expect(art8RemovalCandidate({ startOverdue: true, terminateContract: true })).toEqual(['behind_schedule', 'below_expectation']);
  });
});

describe('pilotStatus: the rules together', () => {
  it('flags sorted, removal candidate, days since approval; a removed pilot carries no flags and no subsidy', () => {
    const es = [ev('2025-09-01', 'trial', 70), ev('2025-10-01', 'annual', 50), ev('2026-01-05', 'rectification', 50)];
    expect(pilotStatus(pilot({ stage: 9, trialStartDate: '2025-06-01' }), es.slice(1), '2026-01-20', bands).flags).toEqual([
      'evaluation_due',
      'removal_candidate',
      'terminate_contract',
    ]);
    const s = pilotStatus(
      pilot({ stage: 9, trialStartDate: '2025-06-01', constructionStartDate: '2025-02-01', completionDate: '2025-05-01' }),
      es,
      '2026-01-20',
      bands,
    );
    expect(s.flags).toEqual(['removal_candidate', 'terminate_contract']);
    expect(s.removalReasons).toEqual(['below_expectation']);
    expect(s.latestRating).toBe('fail');
    expect(s.subsidyEligible).toBe(false);
    expect(s.daysSinceApproval).toBe(365);
    expect(s.startDeadline).toBe('2026-01-20');
    const late = pilotStatus(pilot({ stage: 6 }), [], '2026-01-21', bands);
    expect(late.flags).toEqual(['removal_candidate', 'start_overdue']);
    const removed = pilotStatus(
      pilot({ stage: 6, status: 'removed', removedReason: 'behind_schedule' }),
      [ev('2025-10-01', 'annual', 90)],
      '2026-01-21',
      bands,
    );
    expect(removed.flags).toEqual([]);
    expect(removed.subsidyEligible).toBe(false);
    expect(removed.latestRating).toBe('excellent');
    // another community's evaluations do not count
    expect(pilotStatus(pilot({ communityId: 'B' }), es, '2026-01-20', bands).latestRating).toBeNull();
  });
});

const square = (x: number): Community['geometry'] => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, 0],
      [x + 1, 0],
      [x + 1, 1],
      [x, 1],
      [x, 0],
    ],
  ],
});
const community = (id: string, street: string, x: number): Community => ({ id, name: id, street, district: 'D', households: 100, geometry: square(x) });
const facility = (
  id: string,
  community: number,
  level: Facility['level'],
  status: Facility['status'] = 'open',
  services: Facility['services'] = ['elderly_care'],
): Facility => ({ id, name: id, lon: 0, lat: 0, areaM2: 100, services, serviceMask: 1, level, status, community });

describe('Annex 1-1 item 21 construction subsidies (万元)', () => {
  const communities = [community('A', 'S1街道', 0), community('B', 'S1街道', 1), community('C', '歌乐山镇', 2), community('E', 'S2街道', 3)];
  const facilities = [
    facility('f1', 0, 'street'), // street centre in S1: 200
    facility('f2', 0, 'community'), // station in A: 20
    facility('f3', 0, 'community'), // a second station in A: not counted (one per community)
    facility('f4', 1, 'street', 'planned'), // another street centre in S1: the street's one is taken
    facility('f5', 1, 'community', 'planned'), // station in B, planned: 20
    facility('f6', 2, 'street'), // a township centre (镇): 100
    facility('f7', 2, 'compound'), // compound level: nothing
    facility('f8', 3, 'community', 'open', ['meals']), // no elderly care: nothing
  ];
  const pilots = [
    pilot({ communityId: 'A', community: 0 }),
    pilot({ communityId: 'B', community: 1 }),
    pilot({ communityId: 'C', community: 2 }),
    pilot({ communityId: 'E', community: 3 }),
  ];
  it('per pilot and in total', () => {
    const s = item21ConstructionSubsidy(pilots, communities, facilities);
    expect(s.map((p) => p.amountWan)).toEqual([220, 20, 100, 0]);
    expect(s[0].items).toEqual([
      { facilityId: 'f1', kind: 'street_elderly_centre', amountWan: 200 },
      { facilityId: 'f2', kind: 'community_elderly_station', amountWan: 20 },
    ]);
    expect(s[2].items[0].kind).toBe('township_elderly_centre');
    const sum = programmeSummary({ asOf: '2026-01-01', communities, statuses: pilots.map((p) => pilotStatus(p, [], '2026-01-01', bands)), subsidies: s });
    expect(sum.constructionSubsidy.totalWan).toBe(340);
    expect(sum.constructionSubsidy.byKind).toEqual({
      street_elderly_centre: { count: 1, amountWan: 200 },
      community_elderly_station: { count: 2, amountWan: 40 },
      township_elderly_centre: { count: 1, amountWan: 100 },
    });
  });
  it('a removed pilot gets nothing; 镇 and 乡 are townships, 街道 is not', () => {
    expect(item21ConstructionSubsidy([pilot({ status: 'removed' })], communities, facilities)[0].amountWan).toBe(0);
    expect([isTownship('歌乐山镇'), isTownship('金刀峡乡'), isTownship('解放碑街道')]).toEqual([true, true, false]);
  });
});

describe('programmeSummary: targets, stages, flags', () => {
  it('counts started pilots against 50 by 2025-12-31 and 100 by 2027-12-31', () => {
    const communities = [community('A', 'S', 0), community('B', 'S', 1), community('C', 'S', 2), community('E', 'T', 3)];
    const ps = [
      pilot({ communityId: 'A', community: 0, stage: 9, constructionStartDate: '2025-12-31' }),
      pilot({ communityId: 'B', community: 1, stage: 7, constructionStartDate: '2026-01-01' }),
      pilot({ communityId: 'C', community: 2, stage: 7 }), // undated
      pilot({ communityId: 'E', community: 3, stage: 7, constructionStartDate: '2025-05-01', status: 'removed' }),
    ];
    const at = (asOf: string) => programmeSummary({ asOf, communities, statuses: ps.map((p) => pilotStatus(p, [], asOf, bands)), subsidies: [] });
    const s = at('2026-06-30');
    expect(s.started).toBe(3);
    expect(s.targets).toEqual([
      { by: '2025-12-31', target: 50, started: 1, undated: 1, share: 0.02 },
      { by: '2027-12-31', target: 100, started: 3, undated: 1, share: 0.03 },
    ]);
    // before the end of 2025 the undated one has started before the deadline too; B has not started yet
    expect(at('2025-12-31').targets[0]).toEqual({ by: '2025-12-31', target: 50, started: 2, undated: 1, share: 0.04 });
    expect(s.byStatus).toEqual({ active: 3, removed: 1 });
    expect(s.byStage[6]).toMatchObject({ stage: 7, code: 'construction', active: 2, removed: 1 });
    expect(s.byDistrict).toEqual([{ district: 'D', active: 3, removed: 1, started: 3 }]);
    expect(s.flags.start_overdue).toBe(0);
    expect(s.stillFailing).toBeNull();
  });
});

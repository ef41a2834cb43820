/**
 * The pilot programme's optional files on test/fixtures/pilots-tiny (the tiny package plus a
 * fourth community D in 'T镇'), every expected value worked out by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import { analyze, loadPackage, resolvePolicy, rejectionText } from '../../src/engine/index';
import { DEFAULT_RATING_BANDS, evaluationsCsv, pilotProgramme, pilotStatusCsv, pilotsCsv, proposePilots } from '../../src/engine/pilots/index';
import { landingReach } from '../../src/engine/coverage/landingReach';
import { serviceLevels } from '../../src/engine/standards/serviceLevels';
import { fixtureFiles, text, utf8 } from '../helpers/fixtures';
import { encodeGbk } from '../helpers/gbk';

const files = fixtureFiles('pilots-tiny');
const pkg = loadPackage(files);
const rejectedOf = (file: string) => pkg.rejected.filter((r) => r.file === file).map((r) => [r.row, r.field, r.code]);

describe('loading pilots.csv, evaluations.csv, landing_points.csv', () => {
  it('keeps the good pilot rows, normalising dates and stage codes', () => {
    expect(pkg.pilots!.map((p) => [p.communityId, p.stage, p.status])).toEqual([
      ['A', 9, 'active'],
      ['B', 7, 'active'],
      ['C', 5, 'removed'],
      ['D', 4, 'active'],
    ]);
    expect(pkg.pilots![1].approvedDate).toBe('2025-01-20'); // written 2025/1/20
    expect(pkg.pilots![2]).toMatchObject({ removedReason: 'behind_schedule', removedDate: '2025-12-01', note: '进度滞后' });
  });

  it('rejects bad pilot rows with file, row, field and code', () => {
    expect(rejectedOf('pilots.csv')).toEqual([
      [3, 'community_id', 'R_UNKNOWN_COMMUNITY'],
      [4, 'stage', 'R_STAGE_BEFORE_DATES'], // stage 6 with a construction start (≥ 7)
      [5, 'completion_date', 'R_DATE_ORDER'], // completed before construction started
      [6, 'approved_date', 'R_BAD_DATE'], // 2025-02-30
      [7, 'batch', 'R_OUT_OF_RANGE'],
      [8, 'stage', 'R_UNKNOWN_CODE'], // 10
      [9, 'operation_mode', 'R_UNKNOWN_CODE'],
      [10, 'approved_date', 'R_EMPTY'], // stage 5 needs it
      [11, 'stage', 'R_STAGE_BEFORE_DATES'], // stage 2 with an approved_date (≥ 4)
      [12, 'removed_date', 'R_DATE_ORDER'],
      [14, 'community_id', 'R_DUPLICATE_ID'], // A again
    ]);
    const r = pkg.rejected.find((x) => x.file === 'pilots.csv' && x.row === 5)!;
    expect(r.reason).toBe('completion_date 2025-04-01 is before construction_start_date 2025-05-01');
    expect(rejectionText(r, 'zh')).toBe('pilots.csv 第 5 行 completion_date: 日期先后顺序不对');
    expect(rejectionText(r, 'en')).toBe('pilots.csv row 5 completion_date: dates in the wrong order');
  });

  it('rejects bad evaluation rows; scores may be left out when a rating is given', () => {
    expect(rejectedOf('evaluations.csv')).toEqual([
      [3, 'date', 'R_DUPLICATE_ID'],
      [4, 'community_id', 'R_STAGE_BEFORE_DATES'], // B is at stage 7: no trial operation yet
      [5, 'community_id', 'R_UNKNOWN_COMMUNITY'],
      [6, 'date', 'R_DATE_ORDER'], // before A's trial_start_date 2025-10-10
      [7, 'facilities', 'R_OUT_OF_RANGE'], // 101
      [8, 'facilities', 'R_EMPTY'], // no scores and no rating
      [9, 'rating', 'R_UNKNOWN_CODE'],
      [10, 'kind', 'R_UNKNOWN_CODE'],
    ]);
    expect(pkg.evaluations!.map((e) => [e.date, e.kind, e.rating ?? null, e.scores ? 'scores' : null])).toEqual([
      ['2026-01-12', 'trial', null, 'scores'],
      ['2026-03-01', 'annual', null, 'scores'],
      ['2026-04-05', 'rectification', 'fail', null],
    ]);
  });

  it('rejects an evaluation of a community that is not a pilot', () => {
    const p = loadPackage({
      ...files,
      'pilots.csv': utf8(text(files['pilots.csv']).replace(/\nD,2,[^\n]*/, '')),
      'evaluations.csv': utf8('community_id,date,kind,rating\nD,2026-01-01,annual,good\n'),
    });
    expect(p.rejected.filter((r) => r.file === 'evaluations.csv').map((r) => [r.row, r.code])).toEqual([[1, 'R_NOT_PILOT']]);
  });

  it('reads landing points and the facilities’ accessibility columns, rejecting bad values', () => {
    expect(pkg.landingPoints!.map((l) => [l.id, l.kind, l.radiusM])).toEqual([
      ['L1', 'drone', 100],
      ['L2', 'evtol', 150],
      ['L3', 'drone', 10],
    ]);
    expect(rejectedOf('landing_points.csv')).toEqual([
      [4, 'kind', 'R_UNKNOWN_CODE'],
      [5, 'radius_m', 'R_OUT_OF_RANGE'],
    ]);
    expect(rejectedOf('facilities.csv')).toEqual([[6, 'barrier_free', 'R_UNKNOWN_CODE']]); // 'maybe'
    expect(pkg.facilities.map((f) => [f.id, f.barrierFree, f.elderFriendly, f.childFriendly])).toEqual([
      ['f1', true, true, undefined],
      ['f2', true, false, true], // TRUE, false, 是
      ['f3', undefined, undefined, undefined],
      ['f4', false, undefined, undefined], // 0
      ['f5', true, true, true],
    ]);
  });

  it('reads GBK files (Excel on a Chinese system) to the same rows, with a note', () => {
    const gbk = loadPackage({ ...files, 'pilots.csv': encodeGbk(text(files['pilots.csv'])), 'evaluations.csv': encodeGbk(text(files['evaluations.csv'])) });
    expect(gbk.pilots).toEqual(pkg.pilots);
    expect(gbk.evaluations).toEqual(pkg.evaluations);
    expect(gbk.notes).toContainEqual({ code: 'N_GBK', params: { file: 'pilots.csv' } });
    expect(gbk.pilots![2].note).toBe('进度滞后');
  });

  it('clips hostile values in messages and keeps them as plain text', () => {
    const evil = '<img src=x onerror=alert(1)>'.repeat(10);
    const p = loadPackage({
      ...files,
      'pilots.csv': utf8(`community_id,batch,approved_date,stage,note\n"${evil}\nX",1,2025-01-20,4,\nA,1,2025-01-20,4,"=HYPERLINK(""x"")"\n`),
    });
    const r = p.rejected.find((x) => x.file === 'pilots.csv')!;
    expect(r.code).toBe('R_UNKNOWN_COMMUNITY');
    expect(r.reason.length).toBeLessThan(100);
    expect(r.reason).not.toContain('\n');
    expect(p.pilots![0].note).toBe('=HYPERLINK("x")');
  });

  it('pilotsCsv / evaluationsCsv write what reads back to the same rows (the map’s export)', () => {
    const out = pilotsCsv(pkg.pilots!);
    expect(out.split('\r\n')[2]).toBe('B,1,2025-01-20,7,,,,,,active,,,');
    const again = loadPackage({ ...files, 'pilots.csv': utf8(out), 'evaluations.csv': utf8(evaluationsCsv(pkg.evaluations!)) });
    expect(again.pilots).toEqual(pkg.pilots);
    expect(again.evaluations).toEqual(pkg.evaluations);
    expect(again.rejected.filter((r) => r.file === 'pilots.csv' || r.file === 'evaluations.csv')).toEqual([]);
  });

  it('a package without the files has none of them, and a missing required column is E_MISSING_COLUMN', () => {
    const bare = loadPackage(fixtureFiles('tiny'));
    expect(bare.pilots).toBeUndefined();
    expect(bare.evaluations).toBeUndefined();
    expect(bare.landingPoints).toBeUndefined();
    expect(() => loadPackage({ ...files, 'pilots.csv': utf8('community_id,batch,stage\nA,1,9\n') })).toThrowError(/approved_date/);
  });
});

describe('service levels and accessibility (open facilities only)', () => {
  const lv = serviceLevels(pkg);
  it('flags streets without a street-level centre and communities without a community-level one', () => {
    // S1街道: f3 is street level but planned (in B's exclave); S2街道: nothing; T镇: f5
    expect(lv.streetsWithoutStreetCentre).toEqual([
      { district: 'D区', street: 'S1街道' },
      { district: 'D区', street: 'S2街道' },
    ]);
    expect(lv.communitiesWithoutCommunityCentre).toEqual(['C', 'D']); // f6 (D's station) was rejected
    expect(lv.communities.map((c) => [c.id, c.streetLevel, c.communityLevel, c.compoundLevel, c.streetHasCentre])).toEqual([
      ['A', 0, 1, 1, false],
      ['B', 0, 1, 0, false],
      ['C', 0, 0, 0, false],
      ['D', 1, 0, 0, true],
    ]);
  });
  it('counts accessibility per community', () => {
    expect(lv.communities.map((c) => c.accessibility)).toEqual([
      { facilities: 2, barrierFree: 1, elderFriendly: 1, childFriendly: 0, unknown: 0 }, // f1, f4
      { facilities: 1, barrierFree: 1, elderFriendly: 0, childFriendly: 1, unknown: 0 }, // f2
      { facilities: 0, barrierFree: 0, elderFriendly: 0, childFriendly: 0, unknown: 0 },
      { facilities: 1, barrierFree: 1, elderFriendly: 1, childFriendly: 1, unknown: 0 }, // f5
    ]);
    expect(lv.accessibility).toEqual({ facilities: 4, barrierFree: 3, elderFriendly: 2, childFriendly: 2, unknown: 0 });
  });
});

describe('landing point reach', () => {
  it('buildings, households and communities within each radius; communities none reaches', () => {
    const r = landingReach(pkg, pkg.landingPoints!);
    // L1 on b1 (10 households, A); b2 is ~520 m away. L2 ~97 m from b7 (0 households, C) and inside C.
    // L3 on b6 (7 households, outside every community).
    expect(r.points.map((p) => [p.id, p.buildings, p.households, p.communities])).toEqual([
      ['L1', 1, 10, ['A']],
      ['L2', 1, 0, ['C']],
      ['L3', 1, 7, []],
    ]);
    expect(r.householdsReached).toBe(17);
    expect(r.communitiesNotReached).toEqual(['B', 'D']);
  });
});

describe('the programme on 2026-06-30', () => {
  const a = analyze(pkg, { mode: 'euclidean', policy: resolvePolicy(pkg) });
  const prog = pilotProgramme(pkg, { asOf: '2026-06-30', bands: DEFAULT_RATING_BANDS, analysis: a });
  it('pilot-status.csv', () => {
    // A: latest = rectification fail (rating given) → terminate_contract + removal_candidate; B: stage 7, no date;
    // C: removed; D: listed 2025-01-20, not started by 2026-01-20 → start_overdue. 2025-01-20 → 2026-06-30 = 526 days.
    expect(pilotStatusCsv(prog.statuses, pkg.communities)).toBe(
      '\uFEFFcommunity_id,name,street,district,batch,stage,stage_name,status,flags,latest_rating,subsidy_eligible,days_since_approval\r\n' +
        'A,甲社区,S1街道,D区,1,9,考核评估,active,removal_candidate;terminate_contract,fail,false,526\r\n' +
        'B,乙社区,S1街道,D区,1,7,实施推进,active,,,false,526\r\n' +
        'C,丙社区,S2街道,D区,1,5,编制实施方案,removed,,,false,526\r\n' +
        'D,丁社区,T镇,E县,2,4,确定试点建设名单,active,removal_candidate;start_overdue,,false,526\r\n',
    );
  });
  it('before the rectification (2026-04-04) A was subsidy eligible on its annual pass and unflagged', () => {
    const earlier = pilotProgramme(pkg, { asOf: '2026-04-04', bands: DEFAULT_RATING_BANDS });
    expect(earlier.statuses[0]).toMatchObject({ flags: [], latestRating: 'pass', subsidyEligible: true });
    expect(earlier.statuses[0].evaluations.map((e) => e.ratingResult)).toEqual(['good', 'pass']); // 629/7, 60
  });
  it('programme summary: targets, flags, subsidies, rules still failing', () => {
    const s = prog.summary;
    expect(s.byStatus).toEqual({ active: 3, removed: 1 });
    expect(s.byDistrict).toEqual([
      { district: 'D区', active: 2, removed: 1, started: 2 },
      { district: 'E县', active: 1, removed: 0, started: 0 },
    ]);
    expect(s.started).toBe(2);
    expect(s.listed).toBe(3);
    expect(s.targets.map((t) => [t.by, t.started, t.undated])).toEqual([
      ['2025-12-31', 1, 1], // A started 2025-03-01; B's start is undated and asOf is past 2025
      ['2027-12-31', 2, 1],
    ]);
    expect(s.flags).toEqual({ evaluation_due: 0, rectification_due: 0, removal_candidate: 2, start_overdue: 1, terminate_contract: 1 });
    expect(s.flagged.map((f) => [f.communityId, f.removalReasons])).toEqual([
      ['A', ['below_expectation']],
      ['D', ['behind_schedule']],
    ]);
    expect(s.latestRatings).toEqual({ excellent: 0, good: 0, pass: 0, fail: 1, none: 2 });
    // A: f1 community-level elderly station 20; B: f3 street-level elderly centre (planned, in B's exclave) 200;
    // C: removed; D: f5 street-level in T镇 = township centre 100
    expect(s.constructionSubsidy.perPilot.map((p) => p.amountWan)).toEqual([20, 200, 0, 100]);
    expect(s.constructionSubsidy.totalWan).toBe(320);
    // A: 30 × 1000 / 100 = 300 m² needed, f1 400 + f4 100 = 500: area met; elderly_care, meals, fitness: basic rule met, complex met
    // B: 60 m² needed, 700 m²; childcare, after_school, health, culture → both rules met. D: 90 m² needed, f5 900 m²; 3 functions, 2 一老一小.
    expect(s.stillFailing).toEqual([]);
    expect(s.landing!.points.map((p) => p.households)).toEqual([10, 0, 7]);
    expect(s.landing).toMatchObject({ householdsReached: 17, communitiesNotReached: ['B', 'D'] });
  });
  it('proposal: active pilots left out, a removed pilot may come back with its history in the reason', () => {
    const p = proposePilots(a, pkg.buildings, { count: 3, pilots: pkg.pilots, levels: serviceLevels(pkg) });
    expect(p.map((x) => x.community.id)).toEqual(['C']);
    expect(p[0].reasonEn).toContain('removed from the list 2025-12-01 (behind_schedule)');
    expect(p[0].reasonEn).toContain('no community-level centre');
    expect(p[0].reasonZh).toContain('无社区级服务中心');
    const all = proposePilots(a, pkg.buildings, { count: 10 });
    expect(all.map((x) => x.community.id)).toEqual([...a.communities].sort((x, y) => x.needRank - y.needRank).map((c) => c.id));
    const one = proposePilots(a, pkg.buildings, { count: 10, perDistrict: 1 });
    // one per district: D区's neediest of A, B, C, and D, the only one in E县
    const neediestD = all.find((x) => x.community.district === 'D区')!.community.id;
    expect(one.map((x) => x.community.id).sort()).toEqual([neediestD, 'D'].sort());
    expect(() => proposePilots(a, pkg.buildings, { count: -1 })).toThrowError(/count/);
  });
});

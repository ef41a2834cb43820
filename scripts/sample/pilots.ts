/**
 * The pilot programme of a generated package (invented, docs/PILOTS.md): pilots.csv,
 * evaluations.csv and landing_points.csv. Every district gets the same hand-written set of
 * pilot histories — chosen so that each rule of the pilot engine shows up on 2026-06-30 (the
 * date of the golden outputs) — laid on communities drawn with the seed.
 */
import { pilots } from '../../src/engine/index';
import { type CommunityCell, samplePoint } from './communities';

const { EVALUATION_SCORES } = pilots;
import { toLonLat } from './geometry';
import { type Rng, randInt, stream } from './rng';

/** An evaluation of a template: date, kind, and the mean its scores are drawn around (or a rating given directly). */
interface EvalTemplate {
  date: string;
  kind: 'trial' | 'annual' | 'rectification';
  mean?: number;
  rating?: 'excellent' | 'good' | 'pass' | 'fail';
}

interface PilotTemplate {
  batch: number;
  approved?: string;
  stage: number | string;
  start?: string;
  completion?: string;
  trial?: string;
  mode?: string;
  status?: 'removed';
  removedReason?: string;
  removedDate?: string;
  note?: string;
  evals?: EvalTemplate[];
}

const B1 = '2025-03-20'; // batch 1 list fixed
const B2 = '2025-12-15'; // batch 2 list fixed

/** The invented histories; the comment says what each shows on 2026-06-30. */
const TEMPLATES: PilotTemplate[] = [
  // annual excellent: subsidy eligible
  {
    batch: 1,
    approved: B1,
    stage: 9,
    start: '2025-04-28',
    completion: '2025-09-26',
    trial: '2025-10-08',
    mode: 'public_built_private_run',
    evals: [
      { date: '2026-01-15', kind: 'trial', mean: 86 },
      { date: '2026-06-10', kind: 'annual', mean: 93 },
    ],
  },
  // annual fail on 2026-05-20: rectifying until 2026-08-20, no subsidy
  {
    batch: 1,
    approved: B1,
    stage: 9,
    start: '2025-04-15',
    completion: '2025-10-20',
    trial: '2025-11-01',
    mode: 'government_purchase',
    evals: [
      { date: '2026-02-10', kind: 'trial', mean: 72 },
      { date: '2026-05-20', kind: 'annual', mean: 52 },
    ],
  },
  // trial fail, rectification still fail: terminate_contract, removal_candidate (below_expectation)
  {
    batch: 1,
    approved: B1,
    stage: 'evaluation',
    start: '2025-05-01',
    completion: '2025-09-30',
    trial: '2025-10-08',
    mode: 'private_run_public_aid',
    evals: [
      { date: '2026-01-15', kind: 'trial', mean: 48 },
      { date: '2026-04-20', kind: 'rectification', mean: 55 },
    ],
  },
  // annual fail on 2026-01-10, nothing since: rectification_due
  {
    batch: 1,
    approved: B1,
    stage: 9,
    start: '2025-04-02',
    completion: '2025-08-29',
    trial: '2025-09-15',
    mode: 'public_built_private_run',
    evals: [
      { date: '2025-12-20', kind: 'trial', mean: 84 },
      { date: '2026-01-10', kind: 'annual', mean: 50 },
    ],
  },
  // trial fail, rectification passes (rating given directly): subsidy eligible again
  {
    batch: 1,
    approved: B1,
    stage: 9,
    start: '2025-05-20',
    completion: '2025-08-15',
    trial: '2025-08-25',
    mode: 'government_purchase',
    evals: [
      { date: '2025-12-01', kind: 'trial', mean: 54 },
      { date: '2026-02-27', kind: 'rectification', rating: 'pass' },
    ],
  },
  // trial since 2026-02-01, no trial evaluation: evaluation_due
  { batch: 1, approved: B1, stage: 8, start: '2025-06-10', completion: '2026-01-20', trial: '2026-02-01', mode: 'private_run_public_aid' },
  // trial since 2026-04-10: not yet due (due after 2026-07-10)
  { batch: 1, approved: B1, stage: 'trial_operation', start: '2025-07-01', completion: '2026-03-31', trial: '2026-04-10', mode: 'public_built_private_run' },
  // under construction since 2025-08-01
  { batch: 1, approved: B1, stage: 7, start: '2025-08-01' },
  // construction started late (2026-04-01, deadline 2026-03-20): not flagged now
  { batch: 1, approved: B1, stage: 7, start: '2026-04-01', note: '用地手续延误，延期启动（虚构）' },
  // not started a year after listing: start_overdue, removal_candidate (behind_schedule)
  { batch: 1, approved: B1, stage: 6 },
  // removed as infeasible
  { batch: 1, approved: B1, stage: 5, status: 'removed', removedReason: 'infeasible', removedDate: '2025-10-15', note: '选址房屋产权不清（虚构）' },
  // batch 2
  { batch: 2, approved: B2, stage: 'implementation_plan' },
  { batch: 2, approved: B2, stage: 6 },
  { batch: 2, approved: B2, stage: 7, start: '2026-03-01' },
  { batch: 2, approved: B2, stage: 4 },
  // started, start date not recorded
  { batch: 2, approved: B2, stage: 7 },
  // an applicant not yet listed
  { batch: 3, stage: 'application_review' },
];

const OPERATORS = ['重庆邻里康养服务有限公司', '渝中区社区服务合作社', '重庆童乐托育服务有限公司', '重庆颐家社区服务中心'];

const csvLine = (cells: (string | number | undefined)[]) =>
  cells.map((c) => (c === undefined ? '' : /[",\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c))).join(',') + '\n';

/** Each district's communities with its own seeded stream (`tag:code`), in first-seen district order. */
function districtPools(cells: readonly CommunityCell[], seed: number, tag: string): { rng: Rng; pool: CommunityCell[] }[] {
  const districts = [...new Set(cells.map((c) => c.districtCode))];
  return districts.map((code) => ({ rng: stream(seed, `${tag}:${code}`), pool: cells.filter((c) => c.districtCode === code) }));
}

/** Seven integer scores drawn around `mean` (±6), clamped to 0–100. */
function scores(rng: Rng, mean: number): number[] {
  return EVALUATION_SCORES.map(() => Math.max(0, Math.min(100, mean + randInt(rng, -6, 6))));
}

/** pilots.csv and evaluations.csv of a package: the templates laid on seeded communities of each district. */
export function pilotFiles(cells: readonly CommunityCell[], seed: number): { 'pilots.csv': string; 'evaluations.csv': string } {
  let pilots =
    'community_id,batch,approved_date,stage,construction_start_date,completion_date,trial_start_date,operator,operation_mode,status,removed_reason,removed_date,note\n';
  let evals = `community_id,date,kind,${EVALUATION_SCORES.join(',')},rating\n`;
  for (const { rng, pool } of districtPools(cells, seed, 'pilots')) {
    // Fisher–Yates on a copy: the first templates.length communities become pilots
    const order = [...pool];
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    const n = Math.min(TEMPLATES.length, Math.floor(pool.length / 4));
    for (let k = 0; k < n; k++) {
      const t = TEMPLATES[k];
      const c = order[k];
      const operator = t.trial ? OPERATORS[k % OPERATORS.length] : undefined;
      pilots += csvLine([
        c.id,
        t.batch,
        t.approved,
        t.stage,
        t.start,
        t.completion,
        t.trial,
        operator,
        t.mode,
        t.status ?? 'active',
        t.removedReason,
        t.removedDate,
        t.note,
      ]);
      for (const e of t.evals ?? []) {
        const s = e.mean === undefined ? EVALUATION_SCORES.map(() => undefined) : scores(rng, e.mean);
        evals += csvLine([c.id, e.date, e.kind, ...s, e.rating]);
      }
    }
  }
  return { 'pilots.csv': pilots, 'evaluations.csv': evals };
}

/** landing_points.csv: per district, four drone points (800 m) and one eVTOL point (3,000 m) in seeded communities. */
export function landingPointsCsv(cells: readonly CommunityCell[], seed: number): string {
  let out = 'id,name,lon,lat,kind,radius_m\n';
  let id = 0;
  for (const { rng, pool } of districtPools(cells, seed, 'landing')) {
    const used = new Set<number>();
    for (let k = 0; k < Math.min(5, pool.length); k++) {
      let i = randInt(rng, 0, pool.length - 1);
      while (used.has(i)) i = (i + 1) % pool.length;
      used.add(i);
      const c = pool[i];
      const pt = samplePoint(c, rng);
      const [lon, lat] = toLonLat(pt.x, pt.y);
      const evtol = k === 4;
      const name = `${c.name}${evtol ? 'eVTOL起降点' : '无人机起降点'}（虚构）`;
      out += csvLine([
        `L${String(++id).padStart(3, '0')}`,
        name,
        Number(lon.toFixed(6)),
        Number(lat.toFixed(6)),
        evtol ? 'evtol' : 'drone',
        evtol ? 3000 : 800,
      ]);
    }
  }
  return out;
}

import {
  SERVICES,
  SERVICE_NAMES,
  type Candidate,
  type CandidateSource,
  type CodeLabels,
  type Facility,
  type Scenario,
  type ScenarioSummary,
  type ServiceCode,
  type TableColumn,
} from '../engine/index';
import { tFor, type Lang } from '../i18n';
import { columnsTable, type Table } from './blueprintTables';

/**
 * How a row of the scenario differs from the blueprint: a blueprint site kept as it is
 * (`unchanged`), kept with another bundle, area or point (`edited`), a site the blueprint does
 * not have (`added`), a blueprint site taken out (`dropped`), an existing facility closed
 * (`closed`) or moved (`moved`). Without a blueprint every new site is `added`.
 */
export type ScenarioChange = 'unchanged' | 'edited' | 'added' | 'dropped' | 'closed' | 'moved';

/** One site of an edited scenario, as the export writes it. */
export interface ScenarioSiteRow {
  id: string;
  name: string;
  /** A candidate site, a point placed on the map, or an existing facility. */
  kind: 'candidate' | 'point' | 'facility';
  /** Source type of a candidate site; null for points and existing facilities. */
  source: CandidateSource | null;
  services: ServiceCode[];
  /** Floor area, m²; null when not known. */
  areaM2: number | null;
  /** Estimated cost of a candidate site (candidates.csv cost_wan), 万元; null when not given. */
  costWan: number | null;
  /** WGS84 degrees (a moved facility at its new point). */
  lon: number | null;
  lat: number | null;
  change: ScenarioChange;
}

/** What the rows are built from: the package's candidates and facilities (any iterable list). */
export interface ScenarioRowContext {
  candidates: readonly Candidate[];
  facilities: readonly Facility[];
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * The sites of `scenario`, one row each, compared with `blueprint` (the blueprint's sites as a
 * scenario, state/blueprintStore.ts blueprintScenario; null without a blueprint): every added
 * site in the scenario's order, then the blueprint sites the scenario dropped, then the closed
 * and the moved existing facilities.
 */
export function scenarioSiteRows(scenario: Scenario, blueprint: Scenario | null, ctx: ScenarioRowContext): ScenarioSiteRow[] {
  const cand = new Map(ctx.candidates.map((c) => [c.id, c]));
  const fac = new Map(ctx.facilities.map((f) => [f.id, f]));
  const bp = new Map((blueprint?.added ?? []).map((a, k) => [a.id ?? a.candidateId ?? `new-${k}`, a]));
  const rows: ScenarioSiteRow[] = [];
  const siteRow = (a: NonNullable<Scenario['added']>[number], id: string, change: ScenarioChange): ScenarioSiteRow => {
    const c = a.candidateId ? cand.get(a.candidateId) : undefined;
    const atCandidate = !!c && (a.lon === undefined || (a.lon === c.lon && a.lat === c.lat));
    return {
      id,
      name: a.name ?? c?.name ?? id,
      kind: c ? 'candidate' : 'point',
      source: c?.source ?? null,
      services: [...a.services],
      areaM2: a.areaM2 ?? c?.areaM2 ?? null,
      costWan: atCandidate && c?.costWan !== undefined ? c.costWan : null,
      lon: a.lon ?? c?.lon ?? null,
      lat: a.lat ?? c?.lat ?? null,
      change,
    };
  };
  const seen = new Set<string>();
  (scenario.added ?? []).forEach((a, k) => {
    const id = a.id ?? a.candidateId ?? `new-${k}`;
    seen.add(id);
    const b = bp.get(id);
    let change: ScenarioChange = 'added';
    if (b) {
      const same = sameSet(a.services, b.services) && (a.areaM2 ?? null) === (b.areaM2 ?? null) && a.lon === b.lon && a.lat === b.lat;
      change = same ? 'unchanged' : 'edited';
    }
    rows.push(siteRow(a, id, change));
  });
  for (const [id, b] of bp) if (!seen.has(id)) rows.push(siteRow(b, id, 'dropped'));
  const facilityRow = (id: string, change: ScenarioChange, at?: { lon: number; lat: number }): ScenarioSiteRow => {
    const f = fac.get(id);
    return {
      id,
      name: f?.name ?? id,
      kind: 'facility',
      source: null,
      services: f ? [...f.services] : [],
      areaM2: f?.areaM2 ?? null,
      costWan: null,
      lon: at?.lon ?? f?.lon ?? null,
      lat: at?.lat ?? f?.lat ?? null,
      change,
    };
  };
  for (const id of scenario.removed ?? []) rows.push(facilityRow(id, 'closed'));
  for (const m of scenario.moved ?? []) rows.push(facilityRow(m.facilityId, 'moved', m));
  return rows;
}

/**
 * Columns of the scenario's sites table, in the blueprint tables' column model
 * (engine blueprintColumns.ts): id, name, what it is (candidate source, map point or existing
 * facility), bundle, floor area (m²), cost (万元), longitude, latitude and the change.
 */
export function scenarioSiteColumns(lang: Lang): TableColumn<ScenarioSiteRow>[] {
  const t = tFor(lang);
  const [zh, en] = [tFor('zh'), tFor('en')];
  const both = (col: 'id' | 'name' | 'source' | 'services' | 'area' | 'cost' | 'lon' | 'lat' | 'change') => ({
    zh: zh(`report:scenario.col.${col}`),
    en: en(`report:scenario.col.${col}`),
  });
  return [
    { key: 'id', ...both('id'), kind: 'text', get: (r) => r.id },
    { key: 'name', ...both('name'), kind: 'text', get: (r) => r.name },
    {
      key: 'source',
      ...both('source'),
      kind: 'custom',
      get: () => null,
      csv: (r) => r.source ?? r.kind,
      cell: (r) => (r.source ? t(`source.${r.source}`) : t(`report:scenario.kind.${r.kind === 'point' ? 'point' : 'facility'}`)),
    },
    { key: 'services', ...both('services'), kind: 'services', get: (r) => r.services },
    { key: 'area_m2', ...both('area'), kind: 'number', get: (r) => r.areaM2 },
    { key: 'cost_wan', ...both('cost'), kind: 'number', get: (r) => r.costWan },
    { key: 'lon', ...both('lon'), kind: 'raw', get: (r) => r.lon },
    { key: 'lat', ...both('lat'), kind: 'raw', get: (r) => r.lat },
    { key: 'change', ...both('change'), kind: 'custom', get: () => null, csv: (r) => r.change, cell: (r) => t(`report:scenario.change.${r.change}`) },
  ];
}

/** 方案点位 / Scenario sites: one row per site of the scenario, in `lang`. */
export function scenarioSitesTable(rows: readonly ScenarioSiteRow[], lang: Lang = 'zh'): Table {
  const labels: CodeLabels = { source: (c) => c, ownership: (c) => c }; // the source column labels itself
  return columnsTable(tFor(lang)('report:table.scenarioSites'), scenarioSiteColumns(lang), rows, labels, lang);
}

/**
 * 方案效果 / Scenario effect: what the what-if dock shows, as numbers — per service the walking
 * coverage before and after (percent, 1 decimal; the change in percentage points) and the
 * covered households (change in households), then the communities meeting each rule and the
 * summed 30 / 80 m² shortfalls (m², whole).
 */
export function scenarioEffectTable(summary: ScenarioSummary, lang: Lang = 'zh'): Table {
  const t = tFor(lang);
  const pct = (v: number | null) => (v === null || !Number.isFinite(v) ? null : Math.round(v * 1000) / 10);
  const rows: Table['rows'] = [];
  SERVICES.forEach((s, k) => {
    const b = pct(summary.before.coverage[k]);
    const a = pct(summary.after.coverage[k]);
    rows.push([t('report:scenario.coverage', { service: SERVICE_NAMES[s][lang] }), b, a, a === null || b === null ? null : Math.round((a - b) * 10) / 10]);
  });
  SERVICES.forEach((s, k) => {
    const d = summary.coveredHouseholds[k];
    rows.push([t('report:scenario.coveredHouseholds', { service: SERVICE_NAMES[s][lang] }), d.before, d.after, d.delta]);
  });
  const whole = (v: number) => Math.round(v);
  rows.push([t('report:rules.meetingArea'), summary.meetingArea.before, summary.meetingArea.after, summary.meetingArea.delta]);
  rows.push([t('report:rules.meetingComplex'), summary.meetingComplexRule.before, summary.meetingComplexRule.after, summary.meetingComplexRule.delta]);
  rows.push([t('report:rules.meetingBasic'), summary.meetingBasicRule.before, summary.meetingBasicRule.after, summary.meetingBasicRule.delta]);
  const sf = (d: ScenarioSummary['shortfallBaseM2']) => [whole(d.before), whole(d.after), whole(d.after) - whole(d.before)];
  rows.push([t('report:rules.shortfall30'), ...sf(summary.shortfallBaseM2)]);
  rows.push([t('report:rules.shortfall80'), ...sf(summary.shortfallEnhancedM2)]);
  return {
    name: t('report:table.scenarioEffect'),
    header: [t('report:rules.measure'), t('report:rules.before'), t('report:rules.after'), t('report:scenario.change.delta')],
    rows,
  };
}

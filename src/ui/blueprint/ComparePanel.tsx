import { useTranslation } from 'react-i18next';
import { useApp } from '../../state/appStore';
import { SERVICES } from '../../engine/index';
import { siteCostWan } from '../../engine/index';
import type { CandidateComparison, ScenarioRun } from '../../worker/protocol';
import { fmtHh, fmtM2, fmtNum, fmtPct, serviceName } from '../format';
import { compareCandidates, toggleCompare } from '../../state/blueprintActions';
import { useBlueprint, type NamedScenario } from '../../state/blueprintStore';
import { evaluateSlot } from '../../state/scenarioActions';
import { useLang } from '../../i18n/lang';

/** Compared candidates side by side, one column per candidate. */
export function CandidateCompareTable({ rows }: { rows: CandidateComparison[] }) {
  const { t } = useTranslation(['translation', 'blueprint']);
  const lang = useLang();
  const en = lang === 'en';
  const line = (label: string, f: (r: CandidateComparison) => string, id: string) => (
    <tr data-testid={`cmp-${id}`}>
      <th scope="row">{label}</th>
      {rows.map((r) => (
        <td key={r.candidateId}>{f(r)}</td>
      ))}
    </tr>
  );
  return (
    <table className="bp-table" data-testid="candidate-compare">
      <thead>
        <tr>
          <th />
          {rows.map((r) => (
            <th key={r.candidateId} scope="col">
              {r.name}
              <div className="code">{r.candidateId}</div>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {line(t('blueprint:compare.rank'), (r) => String(r.rank), 'rank')}
        {line(t('blueprint:compare.objective'), (r) => fmtNum(r.objective, lang, 1), 'objective')}
        {line(t('blueprint:area'), (r) => fmtM2(r.areaM2, lang), 'area')}
        {line(t('blueprint:source'), (r) => t(`source.${r.source}`), 'source')}
        {line(t('blueprint:ownership'), (r) => t(`ownership.${r.ownership}`), 'ownership')}
        {line(t('blueprint:cost'), (r) => (r.costWan === null ? '—' : `${fmtNum(r.costWan, lang, 1)} ${t('unit.wan')}`), 'cost')}
        {line(
          t('blueprint:compare.defaultBundle'),
          (r) => `${r.services.map((s) => serviceName(s, lang)).join('、')} (${t(`blueprint:level.${r.level}`)})`,
          'bundle',
        )}
        {SERVICES.map((s) =>
          line(
            `${t('blueprint:newlyCovered')}: ${serviceName(s, lang)}`,
            (r) => (r.newlyCovered[s] === undefined ? '—' : fmtHh(r.newlyCovered[s], lang)),
            `newly-${s}`,
          ),
        )}
        {line(t('blueprint:served'), (r) => r.communitiesServed.map((c) => c.name).join('、') || '—', 'served')}
        {line(t('blueprint:shortfallClosed'), (r) => fmtM2(r.shortfallClosedM2, lang), 'shortfall')}
        {line(
          t('blueprint:levers'),
          (r) =>
            r.levers
              .filter((l) => l.applicable)
              .map((l) => (en ? l.en : l.zh))
              .join('；') || '—',
          'levers',
        )}
      </tbody>
    </table>
  );
}

/** Σ cost of a scenario's added candidate sites, 万元 (area × 0.2 where a candidate has no cost). */
function scenarioCost(named: NamedScenario, costOf: (id: string | undefined, area: number) => number): number {
  return (named.scenario.added ?? []).reduce((a, s) => a + costOf(s.candidateId, s.areaM2 ?? 0), 0);
}

/** Scenario A against B: coverage per service, rules, shortfall, cost. */
export function ScenarioCompareTable({ a, b, runA, runB }: { a: NamedScenario; b: NamedScenario; runA: ScenarioRun; runB: ScenarioRun }) {
  const { t } = useTranslation(['translation', 'blueprint']);
  const lang = useLang();
  const data = useApp((s) => s.data);
  const costOf = (id: string | undefined, area: number) => {
    const c = id ? data?.candidates.find((x) => x.id === id) : undefined;
    return siteCostWan(area, c?.costWan);
  };
  const A = runA.summary.after;
  const B = runB.summary.after;
  const row = (label: string, va: string, vb: string, id: string) => (
    <tr key={id} data-testid={`ab-${id}`}>
      <th scope="row">{label}</th>
      <td>{va}</td>
      <td>{vb}</td>
    </tr>
  );
  return (
    <table className="bp-table" data-testid="scenario-compare">
      <thead>
        <tr>
          <th>{t('blueprint:compare.measure')}</th>
          <th>{a.name}</th>
          <th>{b.name}</th>
        </tr>
      </thead>
      <tbody>
        {SERVICES.map((s, k) =>
          row(`${t('blueprint:coverage')}: ${serviceName(s, lang)}`, fmtPct(A.coverage[k], lang), fmtPct(B.coverage[k], lang), `cov-${s}`),
        )}
        {row(t('blueprint:meetingArea'), fmtNum(A.meetingArea, lang), fmtNum(B.meetingArea, lang), 'area')}
        {row(t('blueprint:meetingComplex'), fmtNum(A.meetingComplexRule, lang), fmtNum(B.meetingComplexRule, lang), 'complex')}
        {row(t('blueprint:meetingBasic'), fmtNum(A.meetingBasicRule, lang), fmtNum(B.meetingBasicRule, lang), 'basic')}
        {row(t('blueprint:shortfall30'), fmtM2(A.shortfallBaseM2, lang), fmtM2(B.shortfallBaseM2, lang), 'sf30')}
        {row(t('blueprint:shortfall80'), fmtM2(A.shortfallEnhancedM2, lang), fmtM2(B.shortfallEnhancedM2, lang), 'sf80')}
        {row(t('blueprint:compare.costTotal'), fmtNum(scenarioCost(a, costOf), lang, 1), fmtNum(scenarioCost(b, costOf), lang, 1), 'cost')}
      </tbody>
    </table>
  );
}

/** The comparison tab: candidates side by side, and scenarios A vs B. */
export function ComparePanel() {
  const { t } = useTranslation(['translation', 'blueprint']);
  const bp = useBlueprint();
  const data = useApp((s) => s.data);
  const name = (id: string) => data?.candidates.find((c) => c.id === id)?.name ?? id;
  return (
    <div className="bp-panel" data-testid="compare-panel">
      <h3>{t('blueprint:compare.candidates')}</h3>
      {bp.compareIds.length === 0 && <p className="muted">{t('blueprint:compare.hint')}</p>}
      <ul className="bp-list">
        {bp.compareIds.map((id) => (
          <li key={id}>
            <label className="check">
              <input type="checkbox" checked onChange={() => toggleCompare(id)} />
              {name(id)}
            </label>
          </li>
        ))}
      </ul>
      <div className="bp-row">
        <button type="button" data-testid="cmp-run" disabled={bp.compareIds.length < 1} onClick={() => void compareCandidates()}>
          {t('blueprint:compare.run')}
        </button>
        <button type="button" className="secondary" onClick={() => bp.set({ compareIds: [], comparison: null })}>
          {t('blueprint:compare.clear')}
        </button>
      </div>
      {bp.comparison && (
        <div className="bp-scroll">
          <CandidateCompareTable rows={bp.comparison} />
        </div>
      )}
      <h3>{t('blueprint:compare.scenarios')}</h3>
      {bp.slots.A && bp.slots.B ? (
        bp.slotRuns.A && bp.slotRuns.B ? (
          <ScenarioCompareTable a={bp.slots.A} b={bp.slots.B} runA={bp.slotRuns.A} runB={bp.slotRuns.B} />
        ) : (
          <button type="button" onClick={() => void Promise.all([evaluateSlot('A'), evaluateSlot('B')])}>
            {t('blueprint:compare.run')}
          </button>
        )
      ) : (
        <p className="muted">{t('blueprint:compare.needAB')}</p>
      )}
    </div>
  );
}

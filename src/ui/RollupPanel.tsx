import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { rollup, type CommunityResult, type RollupResult } from '../engine/index';
import type { Policy } from '../engine/index';
import type { ServiceCode } from '../engine/index';
import { useShownScenarioRun } from '../state/blueprintStore';
import { ScenarioTable } from './BeforeAfterTable';
import type { Selection } from '../state/viewState';
import { CoverageChart } from './CoverageChart';
import { StatRow } from './StatRow';
import { RollupPlanFlags } from './pilots/RollupPlanFlags';
import { fmtHh, fmtM2, fmtNum } from './format';
import { useLang } from '../i18n/lang';

interface Props {
  rollup: RollupResult;
  communities: CommunityResult[];
  policy: Policy;
  service: ServiceCode;
  onSelect?: (s: Selection) => void;
}

/** A street (街道) or district (区县): totals, failing communities, coverage and members by need. */
export function RollupPanel({ rollup: r, communities, policy, service, onSelect }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <section className="panel rollup-panel" data-testid="rollup-panel" data-level={r.level}>
      <header>
        <div className="panel-kicker">{t(`panel.${r.level}`)}</div>
        <h2 data-testid="panel-title">{r.name}</h2>
        {r.level === 'street' && (
          <div className="breadcrumb">
            <button type="button" className="link" onClick={() => onSelect?.({ kind: 'district', id: r.district })}>
              {r.district}
            </button>
          </div>
        )}
      </header>
      <RollupPlanFlags rollup={r} />
      <dl className="stats">
        <StatRow label={t('panel.communities')} value={fmtNum(r.communities, lang)} />
        <StatRow label={t('panel.householdsOfficial')} title={t('panel.householdsOfficialNote')} value={fmtHh(r.households, lang)} testId="households" />
        <StatRow
          label={t('panel.householdsBuildings')}
          title={t('panel.householdsBuildingsNote')}
          value={fmtHh(r.buildingHouseholds, lang)}
          testId="households-buildings"
        />
        <StatRow label={t('panel.facilityArea')} value={fmtM2(r.facilityAreaM2, lang)} testId="facility-area" />
        <StatRow
          label={t('panel.areaPer100')}
          value={r.areaPer100hh === null ? '—' : `${fmtNum(r.areaPer100hh, lang, 1)} ${t('unit.per100')}`}
          testId="area-per-100"
          note={`/ ${policy.areaPer100Households.base} · ${policy.areaPer100Households.enhanced}`}
        />
        <StatRow label={t('panel.shortfall30')} value={fmtM2(r.shortfallBaseM2, lang)} testId="shortfall-base" />
        <StatRow label={t('panel.shortfall80')} value={fmtM2(r.shortfallEnhancedM2, lang)} testId="shortfall-enhanced" />
        <StatRow label={t('panel.failingArea')} value={`${fmtNum(r.failingArea, lang)} / ${r.communities}`} />
        <StatRow label={t('panel.failingComplex')} value={`${fmtNum(r.failingComplexRule, lang)} / ${r.communities}`} />
        <StatRow label={t('panel.failingBasic')} value={`${fmtNum(r.failingBasicRule, lang)} / ${r.communities}`} />
      </dl>
      <p className="stat-note muted">{t('panel.householdsWhich')}</p>
      <ScenarioCompare now={r} service={service} />
      <h3 title={t('panel.householdsBuildingsNote')}>{t('panel.coverage')}</h3>
      <CoverageChart coverage={r.coverage} thresholdsM={policy.thresholdsM} selected={service} />
      <h3>{t('panel.members')}</h3>
      <ol className="members">
        {r.members.map((ci) => {
          const c = communities[ci];
          if (!c) return null;
          return (
            <li key={c.id}>
              <button type="button" className="link" onClick={() => onSelect?.({ kind: 'community', id: c.id })}>
                {c.name}
              </button>
              <span className="muted"> · {fmtM2(c.shortfallBaseM2, lang)}</span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/**
 * The street or district now and with the evaluated what-if scenario (the map colours the latter;
 * none in the public view: useShownScenarioRun), rolled up from the scenario's community results
 * as the analysis rolls up its own (engine rollup): the selected service's coverage, the area per
 * 100 households, the two shortfalls and the communities below 30 m². Like the community panel's.
 */
function ScenarioCompare({ now, service }: { now: RollupResult; service: ServiceCode }) {
  const { t } = useTranslation();
  const lang = useLang();
  const run = useShownScenarioRun();
  const after = useMemo(() => {
    const members = run ? now.members.map((i) => run.communities[i]).filter((c) => c !== undefined) : [];
    return members.length === now.communities ? rollup(members, now.level)[0] : undefined;
  }, [run, now]);
  if (!after) return null;
  const failing = (n: number) => `${fmtNum(n, lang)} / ${now.communities}`;
  return (
    <ScenarioTable
      now={now}
      after={after}
      service={service}
      testid="rollup-scenario"
      extra={[{ id: 'failingArea', label: t('panel.failingArea'), before: failing(now.failingArea), after: failing(after.failingArea) }]}
    />
  );
}

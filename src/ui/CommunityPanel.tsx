import { useTranslation } from 'react-i18next';
import type { CommunityResult, RollupResult } from '../engine/index';
import type { Policy } from '../engine/index';
import type { ServiceCode } from '../engine/index';
import type { Selection } from '../state/viewState';
import { useShownScenarioRun } from '../state/blueprintStore';
import { CoverageChart } from './CoverageChart';
import { RuleList } from './RuleList';
import { StatRow } from './StatRow';
import { ScenarioTable } from './BeforeAfterTable';
import { CommunityPlanFlags } from './pilots/CommunityPlanFlags';
import { PilotTimeline } from './pilots/PilotTimeline';
import { fmtHh, fmtM2, fmtNum, serviceName } from './format';
import { useLang } from '../i18n/lang';
import { CHART_COLORS } from '../map/colors';

interface Props {
  result: CommunityResult;
  /** Optional census figures of the community. */
  census?: { population?: number; elderly?: number; children?: number };
  policy: Policy;
  totalCommunities: number;
  street?: RollupResult;
  district?: RollupResult;
  service: ServiceCode;
  onSelect?: (s: Selection) => void;
}

/** Everything a planner needs about one community: area, shortfall, functions, rules, coverage, rank. */
export function CommunityPanel({ result: r, census, policy, totalCommunities, street, district, service, onSelect }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const { base, enhanced } = policy.areaPer100Households;
  const per100 = r.areaPer100hh;
  const rules = [
    { key: 'area30', label: t('panel.ruleArea30'), met: per100 !== null && per100 >= base },
    { key: 'area80', label: t('panel.ruleArea80'), met: per100 !== null && per100 >= enhanced },
    { key: 'complex', label: t('panel.ruleComplex'), met: r.meetsComplexRule },
    { key: 'basic', label: t('panel.ruleBasic'), met: r.meetsBasicRule },
    {
      key: 'complexArea',
      label: t('panel.ruleComplexArea', { m: policy.complexMinAreaM2.base }),
      met: r.complexFacility !== 'none',
    },
  ];
  return (
    <section className="panel community-panel" data-testid="community-panel" data-community-id={r.id}>
      <header>
        <div className="panel-kicker">{t('panel.community')}</div>
        <h2 data-testid="panel-title">{r.name}</h2>
        <div className="breadcrumb">
          <button type="button" className="link" onClick={() => onSelect?.({ kind: 'district', id: r.district })}>
            {r.district}
          </button>
          {' › '}
          <button type="button" className="link" onClick={() => onSelect?.({ kind: 'street', id: r.street })}>
            {r.street}
          </button>
          <span className="code"> · {r.id}</span>
        </div>
      </header>
      <dl className="stats">
        <StatRow label={t('panel.householdsOfficial')} title={t('panel.householdsOfficialNote')} value={fmtHh(r.households, lang)} testId="households" />
        <StatRow
          label={t('panel.householdsBuildings')}
          title={t('panel.householdsBuildingsNote')}
          value={fmtHh(r.buildingHouseholds, lang)}
          testId="households-buildings"
        />
        {census?.population !== undefined && <StatRow label={t('panel.population')} value={fmtNum(census.population, lang)} />}
        {census?.elderly !== undefined && <StatRow label={t('panel.elderly')} value={fmtNum(census.elderly, lang)} />}
        {census?.children !== undefined && <StatRow label={t('panel.children')} value={fmtNum(census.children, lang)} />}
        <StatRow label={t('panel.buildings')} value={fmtNum(r.buildings, lang)} testId="buildings" />
        <StatRow
          label={t('panel.facilityArea')}
          value={fmtM2(r.facilityAreaM2, lang)}
          testId="facility-area"
          note={`(${t('panel.facilityCount', { n: fmtNum(r.facilities, lang) })})`}
        />
        <StatRow
          label={t('panel.areaPer100')}
          value={per100 === null ? '—' : `${fmtNum(per100, lang, 1)} ${t('unit.per100')}`}
          testId="area-per-100"
          note={`/ ${base} · ${enhanced}`}
        />
        <StatRow label={t('panel.shortfall30')} value={fmtM2(r.shortfallBaseM2, lang)} testId="shortfall-base" />
        <StatRow label={t('panel.shortfall80')} value={fmtM2(r.shortfallEnhancedM2, lang)} testId="shortfall-enhanced" />
      </dl>
      <ScenarioCompare now={r} service={service} />
      <AreaGauge value={per100} base={base} enhanced={enhanced} />
      <CommunityPlanFlags index={r.index} communityId={r.id} />
      <PilotTimeline communityId={r.id} />
      <h3>{t('panel.functionsPresent')}</h3>
      <p className="chips" data-testid="functions-present">
        {r.functions.length ? (
          r.functions.map((s) => (
            <span key={s} className="chip ok">
              {serviceName(s, lang)}
            </span>
          ))
        ) : (
          <span className="muted">{t('panel.none')}</span>
        )}
      </p>
      <h3>{t('panel.functionsMissing')}</h3>
      <p className="chips" data-testid="functions-missing">
        {r.missingFunctions.length ? (
          r.missingFunctions.map((s) => (
            <span key={s} className="chip missing">
              {serviceName(s, lang)}
            </span>
          ))
        ) : (
          <span className="muted">{t('panel.none')}</span>
        )}
      </p>
      <h3>{t('panel.rules')}</h3>
      <RuleList rules={rules} />
      <h3>{t('panel.coverage')}</h3>
      <CoverageChart coverage={r.coverage} thresholdsM={policy.thresholdsM} selected={service} />
      <h3>{t('panel.rank')}</h3>
      <ul className="ranks" data-testid="ranks">
        <li data-testid="rank-all">{t('panel.rankAll', { rank: r.needRank, n: totalCommunities })}</li>
        {street && <li data-testid="rank-street">{t('panel.rankStreet', { rank: r.needRankInStreet, n: street.communities })}</li>}
        {district && <li data-testid="rank-district">{t('panel.rankDistrict', { rank: r.needRankInDistrict, n: district.communities })}</li>}
        <li className="muted">
          {t('panel.needScore')}: <span data-testid="need-score">{fmtNum(r.needScore, lang, 3)}</span>
        </li>
      </ul>
    </section>
  );
}

/** A bar showing area per 100 households against the 30 and 80 m² marks. */
function AreaGauge({ value, base, enhanced }: { value: number | null; base: number; enhanced: number }) {
  const max = Math.max(enhanced * 1.25, value ?? 0);
  const x = (v: number) => (v / max) * 100;
  const color = value === null ? CHART_COLORS.none : value >= enhanced ? CHART_COLORS.good : value >= base ? CHART_COLORS.fair : CHART_COLORS.poor;
  return (
    <svg className="gauge" viewBox="0 0 100 14" preserveAspectRatio="none" aria-hidden>
      <rect x={0} y={3} width={100} height={8} fill={CHART_COLORS.track} />
      <rect x={0} y={3} width={value === null ? 0 : Math.min(100, x(value))} height={8} fill={color} />
      <line x1={x(base)} x2={x(base)} y1={0} y2={14} stroke={CHART_COLORS.mark} strokeWidth={0.6} />
      <line x1={x(enhanced)} x2={x(enhanced)} y1={0} y2={14} stroke={CHART_COLORS.mark} strokeWidth={0.6} strokeDasharray="1.5 1" />
    </svg>
  );
}

/**
 * The community now and with the evaluated what-if scenario (the map colours the latter; none in
 * the public view: useShownScenarioRun): the selected service's coverage, the area per 100
 * households and the two shortfalls. It alone follows the scenario, so an edit re-renders this
 * table and not the panel.
 */
function ScenarioCompare({ now, service }: { now: CommunityResult; service: ServiceCode }) {
  const after = useShownScenarioRun()?.communities[now.index];
  return after ? <ScenarioTable now={now} after={after} service={service} testid="community-scenario" /> : null;
}

import { useTranslation } from 'react-i18next';
import type { AnalysisView } from '../worker/protocol';
import type { ServiceCode } from '../engine/index';
import { CoverageChart } from './CoverageChart';
import { NetworkSummary } from './network/NetworkSummary';
import { StatRow } from './StatRow';
import { fmtHh, fmtM2, fmtNum } from './format';
import { useLang } from '../i18n/lang';
import { packageRollup } from './packageRollup';

/** The package at a glance, shown when nothing is selected. */
export function SummaryPanel({ analysis, service }: { analysis: AnalysisView; service: ServiceCode }) {
  const { t } = useTranslation();
  const lang = useLang();
  const s = analysis.summary;
  const all = packageRollup(analysis); // the districts' definitions: the districts add up to these
  return (
    <section className="panel summary-panel" data-testid="summary-panel">
      <header>
        <div className="panel-kicker">{t('panel.summary')}</div>
        <p className="muted">{t('panel.clickHint')}</p>
      </header>
      <dl className="stats">
        <StatRow label={t('panel.communities')} value={fmtNum(s.communities, lang)} />
        <StatRow
          label={t('panel.householdsOfficial')}
          title={t('panel.householdsOfficialNote')}
          value={fmtHh(all.households, lang)}
          testId="households-official"
        />
        <StatRow
          label={t('panel.householdsBuildings')}
          title={t('panel.householdsBuildingsNote')}
          value={fmtHh(all.buildingHouseholds, lang)}
          testId="households-buildings"
        />
        <StatRow label={t('panel.buildings')} value={fmtNum(s.buildings, lang)} />
        {s.unassignedBuildings > 0 && (
          <StatRow label={t('panel.unassignedBuildings')} value={fmtNum(s.unassignedBuildings, lang)} testId="unassigned-buildings" />
        )}
        <NetworkSummary analysis={analysis} />
        <StatRow label={t('panel.facilities')} value={fmtNum(s.openFacilities, lang)} />
        <StatRow label={t('panel.shortfall30')} value={fmtM2(s.totalShortfallBaseM2, lang)} />
        <StatRow label={t('panel.shortfall80')} value={fmtM2(s.totalShortfallEnhancedM2, lang)} />
        <StatRow label={t('panel.failingArea')} value={`${fmtNum(s.communitiesFailingArea, lang)} / ${s.communities}`} />
        <StatRow label={t('panel.failingComplex')} value={`${fmtNum(s.communitiesFailingComplexRule, lang)} / ${s.communities}`} />
        <StatRow label={t('panel.failingBasic')} value={`${fmtNum(s.communitiesFailingBasicRule, lang)} / ${s.communities}`} />
      </dl>
      <p className="stat-note muted" data-testid="households-which">
        {t('panel.householdsWhich')}
      </p>
      <h3 title={t('panel.householdsBuildingsNote')}>{t('panel.coverage')}</h3>
      <CoverageChart coverage={all.coverage} thresholdsM={analysis.policy.thresholdsM} selected={service} />
    </section>
  );
}

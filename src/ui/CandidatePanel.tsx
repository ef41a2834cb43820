import { useTranslation } from 'react-i18next';
import type { Candidate } from '../engine/index';
import { StatRow } from './StatRow';
import { CandidateActions } from './blueprint/CandidateActions';
import { fmtM2, fmtNum } from './format';
import { useLang } from '../i18n/lang';

/** Attributes of a candidate site (planners only; never shown in the public view). */
export function CandidatePanel({ candidate: c, communityName }: { candidate: Candidate; communityName?: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <section className="panel candidate-panel" data-testid="candidate-panel">
      <header>
        <div className="panel-kicker">{t('panel.candidate')}</div>
        <h2 data-testid="panel-title">{c.name}</h2>
        <div className="breadcrumb code">{c.id}</div>
      </header>
      <dl className="stats">
        <StatRow label={t('panel.area')} value={fmtM2(c.areaM2, lang)} />
        <StatRow label={t('panel.source')} value={t(`source.${c.source}`)} />
        <StatRow label={t('panel.ownership')} value={t(`ownership.${c.ownership}`)} />
        <StatRow label={t('panel.cost')} value={c.costWan === undefined ? '—' : `${fmtNum(c.costWan, lang, 1)} ${t('unit.wan')}`} />
        <StatRow label={t('panel.inCommunity')} value={communityName ?? t('panel.unassigned')} />
        {c.note ? <StatRow label={t('panel.note')} value={c.note} /> : null}
      </dl>
      {/* keyed by the candidate: its bundle and area editor starts from this candidate's own values */}
      <CandidateActions key={c.id} candidate={c} />
    </section>
  );
}

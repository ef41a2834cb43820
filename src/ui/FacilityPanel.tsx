import { useTranslation } from 'react-i18next';
import type { Policy, Facility } from '../engine/index';
import { SERVICE_COLORS, css } from '../map/colors';
import { StatRow } from './StatRow';
import { AccessibilityRows } from './pilots/AccessibilityRows';
import { FacilityActions } from './blueprint/FacilityActions';
import { fmtM, fmtM2, serviceName } from './format';
import { useLang } from '../i18n/lang';

interface Props {
  facility: Facility;
  communityName?: string;
  policy: Policy;
}

/** Attributes of an existing facility and the walking threshold of each of its services. */
export function FacilityPanel({ facility: f, communityName, policy }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <section className="panel facility-panel" data-testid="facility-panel">
      <header>
        <div className="panel-kicker">{t('panel.facility')}</div>
        <h2 data-testid="panel-title">{f.name}</h2>
        <div className="breadcrumb code">{f.id}</div>
      </header>
      <dl className="stats">
        <StatRow label={t('panel.area')} value={fmtM2(f.areaM2, lang)} testId="facility-area" />
        <StatRow label={t('panel.level')} value={f.level ? t(`facilityLevel.${f.level}`) : '—'} />
        <StatRow label={t('panel.status')} value={t(`panel.${f.status}`)} />
        <StatRow label={t('panel.operator')} value={f.operator || '—'} />
        <StatRow label={t('panel.inCommunity')} value={communityName ?? t('panel.unassigned')} />
        <AccessibilityRows facility={f} />
      </dl>
      <h3>{t('panel.services')}</h3>
      <ul className="service-list">
        {f.services.map((s) => (
          <li key={s}>
            <span className="swatch" style={{ background: css(SERVICE_COLORS[s]) }} />
            {serviceName(s, lang)}
            <span className="muted">
              {' '}
              · {t('panel.walkCircle')} {fmtM(policy.thresholdsM[s], lang)}
            </span>
          </li>
        ))}
      </ul>
      <FacilityActions facilityId={f.id} />
    </section>
  );
}

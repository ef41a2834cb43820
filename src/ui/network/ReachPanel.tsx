import { useTranslation } from 'react-i18next';
import type { Policy } from '../../engine/index';
import { SERVICES } from '../../engine/index';
import { RING_COLORS, SERVICE_COLORS, css } from '../../map/colors';
import type { PointReach } from '../../worker/protocol';
import { fmtNum, serviceName } from '../format';
import { useApp } from '../../state/appStore';
import { useWalk } from '../../state/walkStore';
import { useLang } from '../../i18n/lang';

/**
 * What one reaches on foot from a clicked point: per service, the open facilities within
 * 15 minutes, nearest first, with minutes and metres, and whether each lies within the
 * service's own walking threshold.
 */
export function ReachPanelView({ reach, policy, onClose }: { reach: PointReach; policy: Policy; onClose?: () => void }) {
  const { t } = useTranslation(['translation', 'walk']);
  const lang = useLang();
  const groups = SERVICES.map((s) => ({ s, list: reach.facilities.filter((f) => f.services.includes(s)) })).filter((g) => g.list.length);
  const byRing = reach.walksheds.features.map((w) => reach.facilities.filter((f) => f.metres <= w.properties.thresholdM).length);
  return (
    <section
      className="panel reach-panel"
      data-testid="reach-panel"
      data-facilities={reach.facilities.length}
      data-lon={reach.lon}
      data-lat={reach.lat}
      data-ms={Math.round(reach.ms)}
    >
      <header>
        <div className="panel-kicker">{t('walk:reachTitle')}</div>
        <div className="muted">{t('walk:reachAt', { lon: reach.lon.toFixed(5), lat: reach.lat.toFixed(5) })}</div>
        {onClose && (
          <button type="button" className="link" onClick={onClose}>
            {t('walk:clear')}
          </button>
        )}
      </header>
      {!reach.onNetwork ? (
        <p data-testid="reach-off-network">{t('walk:offNetwork', { m: fmtNum(reach.snapM, lang), max: fmtNum(policy.maxSnapM, lang) })}</p>
      ) : (
        <>
          <p className="muted">
            {t('walk:snap', { m: fmtNum(reach.snapM, lang) })} · {t('walk:speedNote')}
            {reach.effort ? ` · ${t('walk:effortNote')}` : ''}
          </p>
          <ul className="reach-rings">
            {[5, 10, 15].map((min, k) => (
              <li key={min} data-testid={`reach-ring-${min}`}>
                <span className="swatch" style={{ background: css(RING_COLORS[k]) }} />
                {t('walk:reachBy', { min })}: <strong>{byRing[k]}</strong>
              </li>
            ))}
          </ul>
          {groups.length === 0 && <p data-testid="reach-none">{t('walk:noneReachable')}</p>}
          {groups.map(({ s, list }) => (
            <div key={s} className="reach-service" data-service={s}>
              <h3>
                <span className="swatch" style={{ background: css(SERVICE_COLORS[s]) }} /> {serviceName(s, lang)} <span className="muted">({list.length})</span>
              </h3>
              <ul>
                {list.map((f) => (
                  <li key={f.id} data-facility={f.id}>
                    <span>{f.name}</span>{' '}
                    <span className="muted">
                      {t('walk:minutes', { min: fmtNum(f.minutes, lang, 1) })} · {t('walk:metres', { m: fmtNum(f.metres, lang) })}
                      {f.metres <= policy.thresholdsM[s] ? ` · ✓ ${t('walk:withinStandard', { service: serviceName(s, lang), m: policy.thresholdsM[s] })}` : ''}
                    </span>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </>
      )}
    </section>
  );
}

/** The reach panel bound to the stores; nothing when no point was clicked. */
export function ReachPanel() {
  const reach = useWalk((s) => s.point);
  const busy = useWalk((s) => s.busy);
  const error = useWalk((s) => s.error);
  const set = useWalk((s) => s.set);
  const policy = useApp((s) => s.data?.analysis.policy);
  const { t } = useTranslation(['translation', 'walk']);
  if (error)
    return (
      <p className="panel error" role="alert">
        {error}
      </p>
    );
  if (!reach || !policy) return busy ? <p className="panel muted">{t('walk:reachTitle')}…</p> : null;
  return <ReachPanelView reach={reach} policy={policy} onClose={() => set({ point: null })} />;
}

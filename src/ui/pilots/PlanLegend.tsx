import { css } from '../../map/colors';
import { FLAGGED_COLOR, LANDING_COLORS, NOT_REACHED_COLOR, REMOVED_COLOR, STAGE_COLORS } from '../../map/colors';
import { usePilots } from '../../state/pilotStore';
import { usePilotsT } from './usePilotsT';

/** The pilot marker: a white disc in a ring of the stage colour; `flagged` adds the red outer ring. */
function Ring({ color, flagged }: { color: string; flagged?: boolean }) {
  return (
    <svg width={16} height={16} aria-hidden>
      {flagged ? (
        <circle cx={8} cy={8} r={7} fill="none" stroke={css(FLAGGED_COLOR)} strokeWidth={1.5} />
      ) : (
        <circle cx={8} cy={8} r={5} fill="#fff" stroke={color} strokeWidth={3} />
      )}
    </svg>
  );
}

/** Legend blocks of the plan's layers: pilot stages, landing points and their radius, communities not reached, the facility filter. */
export function PlanLegend({ publicView }: { publicView: boolean }) {
  const { t } = usePilotsT();
  const view = usePilots((s) => s.view);
  const base = usePilots((s) => s.base);
  const showPilots = usePilots((s) => s.showPilots);
  const showLanding = usePilots((s) => s.showLanding);
  const filter = usePilots((s) => s.accessFilter);
  const stages = new Set(view?.statuses.filter((s) => s.pilot.status === 'active').map((s) => s.pilot.stage));
  const anyRemoved = view?.statuses.some((s) => s.pilot.status === 'removed');
  const anyFlagged = view?.statuses.some((s) => s.flags.length > 0);
  const kinds = [...new Set(base?.landingPoints.map((p) => p.kind))];
  const on = (['barrierFree', 'elderFriendly', 'childFriendly'] as const).filter((k) => filter[k]);
  return (
    <>
      {!publicView && showPilots && view && view.statuses.length > 0 && (
        <div className="legend-block" data-legend="pilots">
          <div className="legend-block-title">{t('legend.pilots')}</div>
          <ul>
            {[...stages]
              .sort((a, b) => a - b)
              .map((n) => (
                <li key={n}>
                  <Ring color={css(STAGE_COLORS[n - 1])} />
                  <span>
                    {n} {t(`stage.${n}`)}
                  </span>
                </li>
              ))}
            {anyRemoved && (
              <li>
                <Ring color={css(REMOVED_COLOR)} />
                <span>{t('legend.removed')}</span>
              </li>
            )}
            {anyFlagged && (
              <li>
                <Ring color="#fff" flagged />
                <span>{t('flagged')}</span>
              </li>
            )}
          </ul>
        </div>
      )}
      {!publicView && showLanding && kinds.length > 0 && (
        <div className="legend-block" data-legend="landing">
          <div className="legend-block-title">{t('legend.landing')}</div>
          <ul>
            {kinds.map((k) => (
              <li key={k}>
                <svg width={16} height={16} aria-hidden>
                  <circle cx={8} cy={8} r={7} fill={css([...LANDING_COLORS[k].slice(0, 3), 40] as never)} stroke={css(LANDING_COLORS[k])} strokeWidth={1.2} />
                  <circle cx={8} cy={8} r={3} fill={css(LANDING_COLORS[k])} />
                </svg>
                <span>{t('legend.radius', { kind: t(`landing.kind.${k}`) })}</span>
              </li>
            ))}
            {view?.landing && view.landing.communitiesNotReached.length > 0 && (
              <li>
                <svg width={16} height={16} aria-hidden>
                  <rect x={2} y={2} width={12} height={12} fill="none" stroke={css(NOT_REACHED_COLOR)} strokeWidth={2} />
                </svg>
                <span>{t('legend.notReached')}</span>
              </li>
            )}
          </ul>
        </div>
      )}
      {on.length > 0 && (
        <div className="legend-block" data-legend="access-filter">
          <div className="legend-block-title">{t('legend.accessFilter', { flags: on.map((k) => t(`access.${k}`)).join(t('sep')) })}</div>
        </div>
      )}
    </>
  );
}
